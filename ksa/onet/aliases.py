"""The one table that maps O*NET file names and column names to canonical ones.

O*NET renames files between releases (30.x: Skills -> Essential Skills / Transferable Skills,
Technology Skills -> Software Skills, Alternate Titles -> Job Titles, Interests -> Career Interest
Types; Work Values removed) and the Excel edition carries columns the text edition lacks
(``Title``, ``Scale Name``, ``Related Title``). Readers detect a release's layout by the files it
holds, never by its version number, and canonicalize through this module so that every edition
and release yields the same domain names and the same columns.
"""

from __future__ import annotations

from ksa.model import Domain

# Canonical domain names (the file stems of the 29.x releases).
OCCUPATION_DATA = "Occupation Data"
KNOWLEDGE = "Knowledge"
SKILLS = "Skills"
ABILITIES = "Abilities"
WORK_ACTIVITIES = "Work Activities"
WORK_STYLES = "Work Styles"
TOOLS_USED = "Tools Used"
TECHNOLOGY_SKILLS = "Technology Skills"
TASK_STATEMENTS = "Task Statements"
ALTERNATE_TITLES = "Alternate Titles"
RELATED_OCCUPATIONS = "Related Occupations"
JOB_ZONES = "Job Zones"
CONTENT_MODEL_REFERENCE = "Content Model Reference"
SCALES_REFERENCE = "Scales Reference"
INTERESTS = "Interests"
WORK_VALUES = "Work Values"

#: The domains a release is expected to hold; the ones absent are listed in ``Release.missing``.
CORE_DOMAINS: tuple[str, ...] = (
    OCCUPATION_DATA,
    KNOWLEDGE,
    SKILLS,
    ABILITIES,
    WORK_ACTIVITIES,
    WORK_STYLES,
    TOOLS_USED,
    TECHNOLOGY_SKILLS,
    TASK_STATEMENTS,
    ALTERNATE_TITLES,
    RELATED_OCCUPATIONS,
    JOB_ZONES,
    CONTENT_MODEL_REFERENCE,
    SCALES_REFERENCE,
)

#: File stem (lower case) -> canonical domain. Several stems may map to one domain (30.x
#: splits Skills into Essential Skills and Transferable Skills; both are skills rows).
FILE_ALIASES: dict[str, str] = {
    "occupation data": OCCUPATION_DATA,
    "knowledge": KNOWLEDGE,
    "skills": SKILLS,
    "essential skills": SKILLS,
    "transferable skills": SKILLS,
    "abilities": ABILITIES,
    "work activities": WORK_ACTIVITIES,
    "work styles": WORK_STYLES,
    "tools used": TOOLS_USED,
    "tools and technology": TOOLS_USED,  # pre-23.x releases (not seen here; same columns)
    "technology skills": TECHNOLOGY_SKILLS,
    "software skills": TECHNOLOGY_SKILLS,
    "task statements": TASK_STATEMENTS,
    "alternate titles": ALTERNATE_TITLES,
    "job titles": ALTERNATE_TITLES,
    "related occupations": RELATED_OCCUPATIONS,
    "job zones": JOB_ZONES,
    "content model reference": CONTENT_MODEL_REFERENCE,
    "scales reference": SCALES_REFERENCE,
    "interests": INTERESTS,
    "career interest types": INTERESTS,
    "work values": WORK_VALUES,
}

#: Files that are documentation, not tables.
NOT_TABLES: frozenset[str] = frozenset({"read me", "readme"})

#: The O*NET domain file each panel domain reads.
DOMAIN_FILES: dict[Domain, str] = {
    Domain.KNOWLEDGE: KNOWLEDGE,
    Domain.SKILLS: SKILLS,
    Domain.ABILITIES: ABILITIES,
    Domain.WORK_ACTIVITIES: WORK_ACTIVITIES,
    Domain.TOOLS: TOOLS_USED,
    Domain.TECHNOLOGY: TECHNOLOGY_SKILLS,
}

CODE = "O*NET-SOC Code"

#: Column renames applied before anything else (30.x Software Skills: the workplace example is
#: the technology example; Element ID / Element Name are the software category and play the part
#: of Commodity Code / Commodity Title).
COLUMN_ALIASES: dict[str, dict[str, str]] = {
    TECHNOLOGY_SKILLS: {
        "Workplace Example": "Example",
        "Element ID": "Commodity Code",
        "Element Name": "Commodity Title",
    },
}

#: Columns only the Excel edition (and 30.x CSV copies) carry: dropped so editions agree.
#: ``Title`` is kept in Occupation Data (the occupation title) and ``Scale Name`` in Scales
#: Reference (its own column in both editions); elsewhere they are dropped.
EXCEL_ONLY_COLUMNS: frozenset[str] = frozenset({"Title", "Scale Name", "Related Title"})

#: Columns a domain file must have, after renames; anything less is a broken file.
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    OCCUPATION_DATA: (CODE, "Title", "Description"),
    KNOWLEDGE: (CODE, "Element ID", "Element Name", "Scale ID", "Data Value"),
    SKILLS: (CODE, "Element ID", "Element Name", "Scale ID", "Data Value"),
    ABILITIES: (CODE, "Element ID", "Element Name", "Scale ID", "Data Value"),
    WORK_ACTIVITIES: (CODE, "Element ID", "Element Name", "Scale ID", "Data Value"),
    WORK_STYLES: (CODE, "Element ID", "Element Name", "Scale ID", "Data Value"),
    TOOLS_USED: (CODE, "Example", "Commodity Code", "Commodity Title"),
    TECHNOLOGY_SKILLS: (CODE, "Example", "Commodity Code", "Commodity Title"),
    TASK_STATEMENTS: (CODE, "Task ID", "Task"),
    ALTERNATE_TITLES: (CODE, "Alternate Title"),
    RELATED_OCCUPATIONS: (CODE, "Related O*NET-SOC Code"),
    JOB_ZONES: (CODE, "Job Zone"),
    CONTENT_MODEL_REFERENCE: ("Element ID", "Element Name", "Description"),
    SCALES_REFERENCE: ("Scale ID", "Scale Name", "Minimum", "Maximum"),
    INTERESTS: (CODE, "Element ID", "Element Name", "Scale ID", "Data Value"),
    WORK_VALUES: (CODE, "Element ID", "Element Name", "Scale ID", "Data Value"),
}

#: How the text edition prints numbers; the Excel edition's floats are formatted the same way so
#: both editions give identical strings. Other numeric cells: integers without ".0", else ``%g``.
NUMBER_FORMATS: dict[str, str] = {
    "Data Value": "{:.2f}",
    "Standard Error": "{:.4f}",
    "Lower CI Bound": "{:.4f}",
    "Upper CI Bound": "{:.4f}",
}

#: The text edition's marker for a missing value; the Excel edition leaves the cell empty.
TEXT_MISSING = "n/a"


def canonical_domain(stem: str) -> str:
    """The canonical domain for a file stem (``"Software Skills"`` -> ``"Technology Skills"``);
    an unknown stem is its own domain name (so ``Release.table("UNSPSC Reference")`` works)."""
    return FILE_ALIASES.get(stem.strip().lower(), stem.strip())


def is_table(stem: str) -> bool:
    return stem.strip().lower() not in NOT_TABLES


def canonical_columns(domain: str, columns: list[str]) -> list[str]:
    """Rename aliased columns; the caller drops :data:`EXCEL_ONLY_COLUMNS` (see
    :func:`dropped_columns`)."""
    renames = COLUMN_ALIASES.get(domain, {})
    if domain == TECHNOLOGY_SKILLS and "Commodity Code" in columns:
        renames = {}  # the 29.x layout already has commodity columns; Element ID is absent
    return [renames.get(c.strip(), c.strip()) for c in columns]


def dropped_columns(domain: str, columns: list[str]) -> set[str]:
    """Excel-only columns to drop from ``columns`` (already canonical) of ``domain``."""
    drop = {c for c in columns if c in EXCEL_ONLY_COLUMNS}
    if domain == OCCUPATION_DATA:
        drop.discard("Title")
    if domain == SCALES_REFERENCE:
        drop.discard("Scale Name")
    return drop
