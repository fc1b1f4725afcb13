"""Occupational context of a course: does its program lead to the panel's occupation?

Uses a cut of the NCES CIP 2020 <-> SOC 2018 crosswalk (``ksa/data/cip_soc_2018.csv``). A course
with a CIP code, or a program name that resolves to CIP titles, is *in context* when one of those
CIPs leads to the occupation's SOC code, *elsewhere* when it is an occupational program leading
to other occupations ("Quality Control" in a brewing program), and *unknown* otherwise
(general-education subjects, business and computer basics, no program, a program name that
fits CIP titles of several unrelated families, or a program in a field related to the
occupation's: drafting for welders, medical assisting for pharmacy technicians).

A course can also name its field in its title or program ("Math for the Culinary Arts", "Auto
Collision Repair"): ``ksa/data/field_words.csv`` lists such words with the CIP prefixes they
belong to, and ``Context.foreign`` tells which of a course's words place it in another field.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ksa.normalize import data_lines, meaningful, title_tokens

# CIP families of general education, and of business and computer basics every occupation
# draws on (word processing, spreadsheets, customer service): a course there is never "elsewhere".
GENERAL_FAMILIES = frozenset({
    "05", "09", "11", "16", "23", "24", "25", "26", "27", "30", "32", "33", "34", "35",
    "36", "37", "38", "39", "40", "42", "45", "52", "53", "54",
})

# Families whose programs share courses (career clusters): a course in a program of a related
# family is not "elsewhere" (drafting, 15.13, for welders and machinists; medical assisting for
# pharmacy technicians; a heavy-duty diesel course, 47.0613, for a loader operator, 49.0202).
RELATED_FAMILIES: tuple[frozenset[str], ...] = (
    # engineering technology, construction, repair, production, transportation and materials moving
    frozenset({"14", "15", "46", "47", "48", "49"}),
    frozenset({"51"}),  # health professions
    frozenset({"43", "44"}),  # protective and public services
)

IN_CONTEXT, UNKNOWN, ELSEWHERE = 1, 0, -1
HEALTH = "51"  # CIP 51: health professions


@dataclass(frozen=True)
class Crosswalk:
    titles: dict[str, str]  # cip -> title
    socs: dict[str, frozenset[str]]  # cip -> SOC 2018 codes (6 digits, "51-9161")
    title_words: dict[str, frozenset[str]]  # cip -> meaningful normalized title words


@cache
def crosswalk() -> Crosswalk:
    text = resources.files("ksa").joinpath("data", "cip_soc_2018.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    titles: dict[str, str] = {}
    socs: dict[str, set[str]] = {}
    for row in csv.DictReader(lines):
        titles[row["cip"]] = row["cip_title"]
        socs.setdefault(row["cip"], set()).add(row["soc"])
    words = {cip: frozenset(meaningful(title_tokens(title))) for cip, title in titles.items()}
    return Crosswalk(titles, {k: frozenset(v) for k, v in socs.items()}, words)


def soc2018(code: str) -> str:
    """``51-9161.00`` -> ``51-9161``."""
    return code.strip().split(".")[0]


@dataclass(frozen=True)
class Context:
    soc: str
    cips: frozenset[str]
    # programs the crosswalk does not link but the occupation's workers complete
    # (occupation_programs.csv), or, for an occupation no program leads to, its SOC minor
    # group's programs: they teach its knowledge and skills, not its own tools
    extra: frozenset[str] = frozenset()
    # those of them that teach it only their core subjects (a ``*`` program term), not the
    # items their own trade reads into its course names (occupation_programs.csv, scope "core")
    core_only: frozenset[str] = frozenset()

    def related(self, cip: str) -> bool:
        """Is ``cip`` general education, or in a family related to the occupation's programs?"""
        family = cip[:2]
        if family in GENERAL_FAMILIES:
            return True
        own = {c[:2] for c in self.cips}
        return family in own or any(family in group and own & group for group in RELATED_FAMILIES)

    def foreign(self, words: frozenset[str]) -> frozenset[str]:
        """The field words among ``words`` whose field none of the occupation's programs is in."""
        table = field_words()
        return frozenset(w for w in named_field_words(words)
                         if not any(c.startswith(h) for h in table[w] for c in self.cips))

    def _names_own_field(self, words: frozenset[str]) -> bool:
        """The program name holds field words, each of a specific field (a CIP series or
        program, not a whole family: "construction" spans many trades) that is the occupation's."""
        table = field_words()
        named = named_field_words(words)
        return bool(named) and all(
            all(len(h) >= 5 for h in table[w]) and any(c.startswith(h) for h in table[w] for c in self.cips)
            for w in named)

    def foreign_program(self, words: frozenset[str]) -> frozenset[str]:
        """``foreign`` for a program or department name, except that the health programs of an
        occupation in health share their science core: anatomy and physiology of a paramedic
        program, the medical terminology of medical assisting teach a dental assistant all the
        same (a course title naming another health field still does not)."""
        found = self.foreign(words)
        if not found or not any(c.startswith(HEALTH) for c in self.cips):
            return found
        table = field_words()
        return frozenset(w for w in found if not all(h.startswith(HEALTH) for h in table[w]))

    def classify(self, *, cip: str = "", program: str = "") -> int:
        """IN_CONTEXT, UNKNOWN or ELSEWHERE for a course's CIP code or program name."""
        if cip:
            if cip in self.cips:
                return IN_CONTEXT
            return UNKNOWN if self.related(cip) else ELSEWHERE
        program = program_name(program)
        if not program:
            return UNKNOWN
        words = title_tokens(program)
        homes = department_homes(program)
        if homes is not None and any(c.startswith(h) for h in homes for c in self.cips):
            return IN_CONTEXT  # a department named by its field word ("dental": 51.06 and 51.04)
        if self._names_own_field(frozenset(words)):
            return IN_CONTEXT  # "Auto Body Repair and Painting" for collision repairers
        candidates = program_cips(program)
        if not candidates:
            # "Electrical, Electromechanical, and Electronic Systems": a department that lists
            # several fields is the occupation's when one of them names one of its programs
            if any(program_cips(part) & self.cips for part in listed_fields(program)):
                return IN_CONTEXT
            return UNKNOWN
        if candidates & self.cips:
            return IN_CONTEXT
        if len({c[:2] for c in candidates}) > 1:
            return UNKNOWN  # "Business" fits agricultural business and others: the name is ambiguous
        if all(self.related(c) for c in candidates):
            return UNKNOWN
        if homes is not None and all(self.related(h) for h in homes):
            # a department the table names is of its home fields, whatever CIP title shares its
            # words: "BUS" is a business department, not the truck and bus drivers' program
            return UNKNOWN
        return ELSEWHERE


def _homes_table(name: str, column: str) -> dict[str, tuple[str, ...]]:
    """A ``ksa/data`` table of names (normalized like titles) and their home CIP prefixes."""
    return {" ".join(title_tokens(row[column])): tuple(h.strip() for h in row["home"].split("|") if h.strip())
            for row in csv.DictReader(data_lines(name))}


@cache
def field_words() -> dict[str, tuple[str, ...]]:
    """``ksa/data/field_words.csv``: normalized field word -> home CIP prefixes."""
    return _homes_table("field_words.csv", "word")


@cache
def department_names() -> dict[str, tuple[str, ...]]:
    """``ksa/data/department_names.csv``: normalized department name -> home CIP prefixes."""
    return _homes_table("department_names.csv", "name")


@cache
def department_words() -> tuple[tuple[str, frozenset[str], str], ...]:
    """``ksa/data/department_words.csv``: each department word (normalized like titles), the
    words it needs and the department name it points to."""
    out = []
    for row in csv.DictReader(data_lines("department_words.csv")):
        tokens = title_tokens(row["word"])
        name = row["department"].strip()
        if tokens and name:
            out.append((" ".join(tokens), frozenset(tokens), name))
    return tuple(out)


def department_homes(program: str) -> tuple[str, ...] | None:
    """The home CIP prefixes of a department or program named by a field word alone ("Dental")
    or by a name of ``department_names`` ("Electronics"); None for any other name."""
    key = " ".join(title_tokens(program_name(program)))
    found = field_words().get(key)
    return found if found is not None else department_names().get(key)


FOREIGN_LANGUAGES = "16"  # CIP 16: linguistic, comparative and related language studies


@cache
def language_words() -> frozenset[str]:
    """The field words of languages (home CIP family 16: "french", "hawaiian")."""
    return frozenset(w for w, homes in field_words().items() if FOREIGN_LANGUAGES in homes)


EDUCATION = "13"  # CIP 13: education (teaching)


@cache
def teaching_words() -> frozenset[str]:
    """The field words of school teaching (a home in CIP family 13: "elementary teacher",
    "mathematics method")."""
    return frozenset(w for w, homes in field_words().items() if any(h.startswith(EDUCATION) for h in homes))


TEACHER_EDUCATION = "13."
_TEACHING = frozenset({"teacher", "teaching", "education", "educational", "pedagogy"})


@cache
def field_phrases() -> tuple[tuple[str, frozenset[str]], ...]:
    """The field words of more than one word ("long term care", "assisted living"), each with
    the words it needs."""
    return tuple((w, frozenset(w.split())) for w in field_words() if " " in w)


def named_field_words(words: frozenset[str] | set[str]) -> set[str]:
    """The field words and phrases a title's (or program's) normalized ``words`` hold."""
    table = field_words()
    named = {w for w in words if w in table}
    named.update(phrase for phrase, needs in field_phrases() if needs <= words)
    return named


# a department name followed by its subject code: "Carpentry (CARP)", "Health (HLTH)"
_CODE_SUFFIX = re.compile(r"\s*\([A-Z][A-Z0-9&]{1,7}\)\s*$")


def program_name(program: str) -> str:
    """``program`` without a trailing subject code in parentheses."""
    return _CODE_SUFFIX.sub("", program).strip() or program.strip()


_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*)", re.IGNORECASE)


def listed_fields(program: str) -> tuple[str, ...]:
    """The fields a department name lists ("Electrical, Electromechanical, and Electronic
    Systems": electrical, electromechanical, electronic systems); () for a name of one field."""
    parts = tuple(p for p in _LIST_SEPARATOR.split(program_name(program)) if p.strip())
    return parts if len(parts) > 1 else ()


@cache
def program_cips(program: str) -> frozenset[str]:
    """CIP codes whose titles hold every meaningful word of ``program`` (a trailing subject code in
    parentheses left out), fewest extra words first."""
    words = frozenset(meaningful(title_tokens(program_name(program))))
    if not words:
        return frozenset()
    table = crosswalk().title_words
    teaching = bool(set(title_tokens(program)) & _TEACHING)
    # "Speech" or "Biology" is an academic department, not "Speech Teacher Education": a program
    # resolves to a teacher-education CIP only when its name says so
    fits = [(len(t), cip) for cip, t in table.items()
            if words <= t and (teaching or not cip.startswith(TEACHER_EDUCATION))]
    if not fits:
        return frozenset()
    best = min(size for size, _ in fits)
    tied = [cip for size, cip in fits if size == best]
    # then fewest words of any kind: "Medical Assistant" is Medical/Clinical Assistant, not
    # Clinical/Medical Laboratory Assistant ("laboratory" is a generic word)
    fewest = min(_title_size(cip) for cip in tied)
    return frozenset(cip for cip in tied if _title_size(cip) == fewest)


def nested(one: str, other: str) -> bool:
    """Does one CIP prefix lie within the other ("48.07" and "48", either way round)?"""
    return one.startswith(other) or other.startswith(one)


@cache
def program_fields(program: str) -> frozenset[str]:
    """The CIP prefixes a program or department name stands for: its ``department_homes``, else
    the CIP codes whose titles it names (``program_cips``), else the homes of the field words it
    holds ("Motorcycle, ATV & Personal Watercraft Technology" names motorcycles: 47.0611). A name
    that joins two programs with "|" ("Graphic Design | Media Arts") stands for both."""
    if "|" in program:
        return frozenset().union(*(program_fields(part) for part in program.split("|") if part.strip()))
    homes = department_homes(program)
    if homes is not None:
        return frozenset(homes)
    cips = program_cips(program)
    if cips:
        return cips
    table = field_words()
    named = sorted(named_field_words(frozenset(title_tokens(program_name(program)))))
    if not named:
        # a department named for two fields no one CIP title joins ("Geology and Geophysics"):
        # both, when each names one
        parts = [program_fields(part) for part in listed_fields(program)]
        return frozenset().union(*parts) if parts and all(parts) else frozenset()
    # the words narrow each other: "Auto Collision Repair" is collision repair (47.0603), not every
    # automotive field; "Hospitality and Tourism" is hotels and travel (52.09), not kitchens (12.05)
    found: set[str] = set(table[named[0]])
    for word in named[1:]:
        narrowed = {a if a.startswith(b) else b for a in found for b in table[word] if nested(a, b)}
        found = narrowed or found | set(table[word])
    return frozenset(found)


@cache
def _title_size(cip: str) -> int:
    return len(set(title_tokens(crosswalk().titles[cip])))


NO_PROGRAM = "99.9999"  # the crosswalk's "NO MATCH": no program leads to the occupation


def occupation_context(soc: str) -> Context:
    """The CIP programs that lead to ``soc`` (an O*NET-SOC or SOC 2018 code)."""
    code = soc2018(soc)
    programs = dict(occupation_programs().get(code, {}))
    # a crosswalk link its workers do not train through (scope "none") is dropped
    dropped = frozenset(c for c, scope in programs.items() if scope == "none")
    programs = {c: scope for c, scope in programs.items() if scope != "none"}
    cips = frozenset(cip for cip, socs in crosswalk().socs.items() if code in socs) - dropped
    if not programs and not cips - {NO_PROGRAM}:
        # no program leads to it (construction laborers, hotel desk clerks): the programs of its
        # SOC minor group (construction trades workers; information and record clerks) teach it
        # their core subjects, so a carpentry course is no other field's for a laborer
        programs = dict.fromkeys(_minor_group_cips(code), "core")
    extra = frozenset(programs) - cips
    return Context(code, cips | extra, extra, frozenset(c for c in extra if programs[c] == "core"))


@cache
def _minor_group_cips(code: str) -> frozenset[str]:
    """The CIP programs leading to any occupation of the SOC minor group of ``code`` ("47-2")."""
    group = code[:4]
    return frozenset(cip for cip, socs in crosswalk().socs.items()
                     if cip != NO_PROGRAM and any(s.startswith(group) for s in socs))


@cache
def occupation_programs() -> dict[str, dict[str, str]]:
    """``ksa/data/occupation_programs.csv``: SOC 2018 code -> {CIP: scope} of the programs its
    workers routinely complete beyond the crosswalk (firefighters: EMT, scope "all"; telecom
    installers: networking, scope "core"), or a crosswalk link they do not train through (scope
    "none": control and valve installers are no heavy-equipment mechanics)."""
    out: dict[str, dict[str, str]] = {}
    for n, row in enumerate(csv.DictReader(data_lines("occupation_programs.csv")), start=2):
        scope = (row.get("scope") or "all").strip() or "all"
        if scope not in ("all", "core", "none"):
            raise ValueError(f"occupation_programs.csv row {n}: scope {scope!r} is not 'all', 'core' or 'none'")
        out.setdefault(row["soc"].strip(), {})[row["cip"].strip()] = scope
    return out
