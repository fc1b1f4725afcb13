"""Immutable domain objects shared by every stage of the pipeline.

Data enters as these objects (``ksa.onet``, ``ksa.survey``, ``ksa.catalog``), is decided on
(``ksa.tally``, ``ksa.match``) and leaves through ``ksa.workbook``. Nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Domain(StrEnum):
    """An O*NET content domain a panel can ask about."""

    KNOWLEDGE = "knowledge"
    SKILLS = "skills"
    ABILITIES = "abilities"
    WORK_ACTIVITIES = "work_activities"
    TOOLS = "tools"
    TECHNOLOGY = "technology"

    @property
    def label(self) -> str:
        return _DOMAIN_LABELS[self]

    @classmethod
    def parse(cls, text: str) -> Domain | None:
        """The domain a person wrote, in any case and in O*NET's own words ("Knowledge",
        "Technology Skills", "Tools Used", "work activities"), or None if it names none."""
        key = " ".join(text.replace("_", " ").replace("-", " ").casefold().split())
        return _DOMAIN_ALIASES.get(key)

    @property
    def rated(self) -> bool:
        """Rated domains carry O*NET importance/level scores and element ids."""
        return self not in (Domain.TOOLS, Domain.TECHNOLOGY)


_DOMAIN_LABELS = {
    Domain.KNOWLEDGE: "Knowledge",
    Domain.SKILLS: "Skills",
    Domain.ABILITIES: "Abilities",
    Domain.WORK_ACTIVITIES: "Work Activities",
    Domain.TOOLS: "Tools",
    Domain.TECHNOLOGY: "Technology",
}

_DOMAIN_ALIASES = {
    **{d.value.replace("_", " "): d for d in Domain},
    "skill": Domain.SKILLS, "ability": Domain.ABILITIES, "work activity": Domain.WORK_ACTIVITIES,
    "generalized work activities": Domain.WORK_ACTIVITIES, "tool": Domain.TOOLS,
    "tools used": Domain.TOOLS, "technology skills": Domain.TECHNOLOGY,
    "technology skill": Domain.TECHNOLOGY, "software": Domain.TECHNOLOGY,
}


@dataclass(frozen=True)
class Occupation:
    code: str  # O*NET-SOC code, always a string like "51-9161.00"
    title: str
    description: str = ""


@dataclass(frozen=True)
class Item:
    """One knowledge/skill/ability/activity element or one tool/technology example.

    ``item_id`` is the one stable id used everywhere (kit, sidecar, review ledger):
    the O*NET Element ID for rated domains; for tools and technology, which have no element id
    and share commodity codes, ``ksa.onet.ids.tool_item_id`` builds one from domain, commodity
    code and example text.
    """

    item_id: str
    domain: Domain
    name: str
    description: str = ""
    element_id: str | None = None
    importance: float | None = None  # IM scale, 1-5
    level: float | None = None  # LV scale, 0-7
    commodity_code: str | None = None
    commodity_title: str | None = None
    hot_technology: bool | None = None
    in_demand: bool | None = None
    source: str = "onet"  # "onet" (files/store) or "onet-ws" (Web Services)
    # O*NET marked a score row of this element "Not Relevant" = Y or "Recommend Suppress" = Y:
    # the item stays in the profile, but ``ksa.onet.select_items`` does not pick it by cutoff.
    suppressed: bool = False


@dataclass(frozen=True)
class Profile:
    """One occupation's items in one O*NET release."""

    occupation: Occupation
    release: str  # e.g. "29.3"
    items: tuple[Item, ...]
    notices: tuple[str, ...] = ()  # e.g. "51-4011.00 was retired; using 51-9161.00"


@dataclass(frozen=True)
class Selection:
    """The items a panel asks about, with what the selection had to say about them."""

    profile: Profile
    items: tuple[Item, ...]
    notices: tuple[str, ...] = ()


@dataclass(frozen=True)
class CellRef:
    """Where a value came from, for error messages: file, sheet, cell (or CSV row)."""

    file: str
    sheet: str | None = None
    cell: str | None = None

    def __str__(self) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        if self.cell:
            parts.append(f"cell {self.cell}")
        return ", ".join(parts)


class Answer(StrEnum):
    YES = "Y"
    NO = "N"


@dataclass(frozen=True)
class ItemAnswer:
    """One respondent's answer about one item. ``answer`` None = not answered."""

    item_id: str
    answer: Answer | None
    not_applicable_portion: str = ""
    comment: str = ""
    source: CellRef | None = None


@dataclass(frozen=True)
class NeedEntry:
    """An additional need written by one respondent."""

    text: str
    domain: str = ""
    comment: str = ""
    respondent: str = ""
    source: CellRef | None = None


@dataclass(frozen=True)
class Response:
    """Everything one respondent (one organization) returned."""

    respondent: str  # organization name; the key a respondent is counted under
    person: str = ""
    source: str = ""  # file the response came from
    answers: tuple[ItemAnswer, ...] = ()
    needs: tuple[NeedEntry, ...] = ()
    layout: str = "kit"  # kit | matrix | form-csv


@dataclass(frozen=True)
class CountedTally:
    """Counts read from a legacy tally sheet (``Y-4 N-1``): no individual respondents."""

    item_id: str
    yes: int
    no: int
    source: CellRef | None = None


@dataclass(frozen=True)
class DescriptionRun:
    """A piece of an item description; ``struck`` pieces are printed with strike-through."""

    text: str
    struck: bool = False


@dataclass(frozen=True)
class Tally:
    item_id: str
    yes: int
    no: int
    unanswered: int
    flagged: bool  # not applicable: N/(Y+N) >= threshold
    runs: tuple[DescriptionRun, ...] = ()  # description with struck portions
    warnings: tuple[str, ...] = ()

    @property
    def answered(self) -> int:
        return self.yes + self.no

    @property
    def text(self) -> str:
        """The tally as the seed writes it: ``Y-4 N-1``."""
        return f"Y-{self.yes} N-{self.no}"


@dataclass(frozen=True)
class NeedCluster:
    """Additional needs from several respondents judged to be the same need."""

    key: str  # stable key (normalized label) used by the review ledger
    label: str
    domain: str
    respondents: tuple[str, ...]
    wordings: tuple[str, ...]
    in_onet: str | None = None  # element/item id when the need is already an O*NET element

    @property
    def count(self) -> int:
        return len(self.respondents)


@dataclass(frozen=True)
class Course:
    school: str
    grade_level: str
    course_code: str
    course_title: str
    description: str = ""
    program: str = ""
    cip: str = ""
    source: str = ""  # "file:row" for error messages and review


class MatchStatus(StrEnum):
    SUGGESTED = "suggested"  # the matcher's proposal
    CONFIRMED = "confirmed"  # accepted or added by a person (review ledger)


@dataclass(frozen=True)
class Match:
    key: str  # item_id, or need key for additional needs
    course: Course
    score: float
    rank: int
    status: MatchStatus = MatchStatus.SUGGESTED
    matched_tokens: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Issue:
    """A warning or excluded value the output must show (never silently dropped)."""

    message: str
    where: str = ""
    level: str = "warning"  # warning | error | info


@dataclass(frozen=True)
class Crosswalk:
    """Everything the workbook builder and the sidecar need; built by ``ksa.crosswalk``."""

    panel_id: str
    title: str
    industry: str
    employers_label: str
    occupation: Occupation
    occupation_label: str  # the panel's job title, may differ from O*NET's
    release: str
    threshold: str  # as written in the panel, e.g. "0.8"
    items: tuple[Item, ...]
    tallies: dict[str, Tally]
    needs: tuple[NeedCluster, ...]
    matches: dict[str, tuple[Match, ...]]
    responses: tuple[Response, ...]
    issues: tuple[Issue, ...] = ()
    notices: tuple[str, ...] = ()
    generated_at: str = ""
    sources: dict[str, str] = field(default_factory=dict)
