"""The panel file: TOML, validated by ``schemas/panel.schema.json``; paths relative to the file."""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from ksa.errors import PanelFileError, Problem
from ksa.match_defaults import DEFAULT_SCORE_CUTOFF, DEFAULT_TOP_K
from ksa.model import Domain

SCHEMA_DIR = Path(__file__).resolve().parent / "data" / "schemas"
DEFAULT_DOMAINS = (Domain.KNOWLEDGE, Domain.SKILLS, Domain.TOOLS, Domain.TECHNOLOGY)


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A JSON Schema shipped with the package (a copy of the one in ``schemas/``)."""
    data: dict[str, Any] = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True)
class CatalogSpec:
    path: Path
    school: str | None = None
    grade_level: str | None = None
    encoding: str | None = None
    departments: Path | None = None  # subject code -> department/program name (ksa.catalog_programs)


@dataclass(frozen=True)
class Respondent:
    organization: str
    name: str = ""
    email: str = ""


@dataclass(frozen=True)
class Panel:
    path: Path  # the panel file
    panel_id: str
    title: str
    industry: str
    employers_label: str
    soc: str
    occupation_title: str
    onet_source: str  # absolute path, or "store:..." / "ws:..." unchanged
    importance_min: float
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    domains: tuple[Domain, ...]
    responses: Path | None  # directory or glob (absolute)
    layout: str
    threshold: Fraction
    threshold_text: str
    strike_threshold: Fraction
    min_respondents: int
    respondents: tuple[Respondent, ...]
    copies: int
    prefer: dict[str, str]
    catalogs: tuple[CatalogSpec, ...]
    score_cutoff: float
    top_k: int
    keywords: dict[str, tuple[str, ...]]
    output_dir: Path
    rerank: str = "none"  # "none" | "semantic"
    # per element id or item name: terms that count only in the occupation's own programs
    program_keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


def exact_fraction(value: float | int) -> Fraction:
    """A threshold as written (0.8 -> 4/5), never the binary float's expansion."""
    return Fraction(str(value))


def read_panel(path: str | Path) -> Panel:
    """Read and validate a panel file; every problem in one ``PanelFileError``."""
    path = Path(path)
    if not path.exists():
        raise PanelFileError(
            f"Panel file not found: {path}",
            [
                Problem(
                    "no such file",
                    file=str(path),
                    hint="check the path; see inputs/sample/panel.toml",
                )
            ],
        )
    if path.is_dir():
        raise PanelFileError(f"{path} is a folder; give the panel's .toml file inside it.")
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise PanelFileError(
            f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8."
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise PanelFileError(
            f"{path}: not valid TOML: {exc}. Fix the line named and run again."
        ) from exc

    validator = jsonschema.Draft202012Validator(load_schema("panel.schema.json"))
    errors = sorted(validator.iter_errors(raw), key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        problems = [
            Problem(
                e.message,
                file=str(path),
                cell="/".join(str(p) for p in e.absolute_path) or "(top level)",
            )
            for e in errors
        ]
        raise PanelFileError(
            f"{path}: the panel file does not match schemas/panel.schema.json", problems
        )

    base = path.resolve().parent
    onet = raw["onet"]
    survey = raw.get("survey", {})
    courses = raw.get("courses", {})
    threshold_value = survey.get("not_applicable_threshold", 0.8)
    threshold = exact_fraction(threshold_value)
    strike = survey.get("strike_threshold")
    source = str(onet["source"])
    keep_as_is = source.startswith(("store:", "ws:"))  # the store, O*NET Web Services
    onet_source = source if keep_as_is else str((base / source).resolve())
    responses = survey.get("responses")
    catalogs = tuple(_catalog_spec(base, c) for c in courses.get("catalogs", []))
    return Panel(
        path=path.resolve(),
        panel_id=str(raw.get("id") or path.stem),
        title=str(raw["title"]),
        industry=str(raw.get("industry", "")),
        employers_label=str(raw.get("employers_label", "Employers")),
        soc=str(raw["occupation"]["soc"]),
        occupation_title=str(raw["occupation"].get("title", "")),
        onet_source=onet_source,
        importance_min=float(onet.get("importance_min", 3.0)),
        include=tuple(onet.get("include", [])),
        exclude=tuple(onet.get("exclude", [])),
        domains=tuple(Domain(d) for d in onet.get("domains", [d.value for d in DEFAULT_DOMAINS])),
        responses=(base / responses) if responses else None,
        layout=str(survey.get("layout", "auto")),
        threshold=threshold,
        threshold_text=_percent(threshold),
        strike_threshold=exact_fraction(strike) if strike is not None else threshold,
        min_respondents=int(survey.get("min_respondents", 3)),
        respondents=tuple(
            Respondent(r["organization"], r.get("name", ""), r.get("email", ""))
            for r in survey.get("respondents", [])
        ),
        copies=int(survey.get("copies", 1)),
        prefer={str(k): str(v) for k, v in survey.get("prefer", {}).items()},
        catalogs=catalogs,
        score_cutoff=float(courses.get("score_cutoff", DEFAULT_SCORE_CUTOFF)),
        top_k=int(courses.get("top_k", DEFAULT_TOP_K)),
        rerank=str(courses.get("rerank", "none")),
        keywords={str(k): tuple(v) for k, v in courses.get("keywords", {}).items()},
        program_keywords={str(k): tuple(v) for k, v in courses.get("program_keywords", {}).items()},
        output_dir=(base / raw.get("output", {}).get("dir", "outputs")).resolve(),
        raw=raw,
    )


def _catalog_spec(base: Path, entry: str | dict[str, Any]) -> CatalogSpec:
    if isinstance(entry, str):
        return CatalogSpec(path=(base / entry).resolve())
    return CatalogSpec(
        path=(base / entry["path"]).resolve(),
        school=entry.get("school"),
        grade_level=entry.get("grade_level"),
        encoding=entry.get("encoding"),
        departments=(base / entry["departments"]).resolve() if entry.get("departments") else None,
    )


def _percent(fraction: Fraction) -> str:
    """4/5 -> '80%'; 2/3 -> '66.7%'."""
    value = fraction * 100
    if value.denominator == 1:
        return f"{value.numerator}%"
    return f"{float(value):.1f}%"
