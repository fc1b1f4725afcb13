"""The matcher's term tables, read from data files on first use.

``ksa/data/item_terms.csv``: extra query terms per O*NET item (Heliarc -> TIG welding), and which
items are broad ("Design") or foundation subjects ("Mathematics"). ``ksa/data/program_terms.csv``:
terms that teach an item only inside the occupation's own program ("Brakes" teaches Repairing in
an automotive program). Both are keyed by the item name, case and spacing ignored.
``ksa/data/software_products.csv``: products courses are named after (a SolidWorks course is no
AutoCAD course).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from ksa.normalize import data_lines, title_tokens

__all__ = ["ItemTerms", "ProgramTerms", "core_exclusions", "item_key", "item_terms", "lecture_words", "program_terms",
           "software_products"]


@dataclass(frozen=True)
class ItemTerms:
    terms: tuple[str, ...]
    broad: bool  # the name alone is too broad to carry a match (see item_terms.csv)
    general: bool = False  # a foundation subject: another field's program still teaches it
    software: bool = False  # a kind of software whose subject alone names no software course
    sector: bool = False  # a foundation of a whole sector: a title naming another of its fields
    # still teaches it ("Nursing Pharmacology", medicine for a phlebotomist)
    # the item's own academic departments, normalized ("economics"): each of their courses
    # teaches it, whatever its title ("Labor Markets and Wages" of an economics department)
    departments: frozenset[str] = frozenset()
    # a foundation subject whose every course teaches it, whatever field its title names
    # ("Welding Math", "Math for the Culinary Arts": mathematics for an electrician)
    titled: bool = False
    # broad "context": the name alone matches only a course in the occupation's own programs
    # ("Introduction to Design" is visual design, no Design knowledge for an electrician)
    context_only: bool = False


def item_key(name: str) -> str:
    return " ".join(name.casefold().split())


@cache
def item_terms() -> dict[str, ItemTerms]:
    """``ksa/data/item_terms.csv``: extra query terms per O*NET item name (read on first use)."""
    out: dict[str, ItemTerms] = {}
    for row in csv.DictReader(data_lines("item_terms.csv")):
        terms = tuple(t.strip() for t in (row.get("terms") or "").split("|") if t.strip())
        general = (row.get("general") or "").strip()
        broad = (row.get("broad") or "").strip()
        out[item_key(row["item"])] = ItemTerms(terms, broad in ("1", "context"),
                                                general in ("1", "sector", "titled"),
                                                (row.get("software") or "").strip() == "1",
                                                general == "sector",
                                                frozenset(" ".join(title_tokens(d)) for d in
                                                          (row.get("department") or "").split("|") if d.strip()),
                                                general == "titled", broad == "context")
    return out


@dataclass(frozen=True)
class ProgramTerms:
    fields: tuple[str, ...]  # CIP prefixes: the occupation's programs must include one
    terms: tuple[str, ...]
    # CIP prefixes written "!12.0506": programs in them do not count ("12.05|!12.0506": the
    # cooking rows are not a meat cutter's, though meat cutting is filed under cooking)
    excluded: tuple[str, ...] = ()

    def of(self, cips: frozenset[str]) -> frozenset[str]:
        """The occupation's programs (CIP codes) the row applies to."""
        return frozenset(c for c in cips if any(c.startswith(f) for f in self.fields)
                         and not any(c.startswith(x) for x in self.excluded))


@cache
def program_terms() -> dict[str, tuple[ProgramTerms, ...]]:
    """``ksa/data/program_terms.csv``: per O*NET item name, terms that count only in the
    occupation's own program ("Brakes" teaches Repairing in an automotive program)."""
    out: dict[str, list[ProgramTerms]] = {}
    for row in csv.DictReader(data_lines("program_terms.csv")):
        written = [f.strip() for f in row["fields"].split("|") if f.strip()]
        fields = tuple(f for f in written if not f.startswith("!"))
        excluded = tuple(f[1:].strip() for f in written if f.startswith("!"))
        terms = tuple(t.strip() for t in row["terms"].split("|") if t.strip())
        out.setdefault(item_key(row["item"]), []).append(ProgramTerms(fields, terms, excluded))
    return {k: tuple(v) for k, v in out.items()}


@cache
def software_products() -> frozenset[str]:
    """``ksa/data/software_products.csv``: product names as the normalizer writes them."""
    return frozenset(row["product"].strip() for row in csv.DictReader(data_lines("software_products.csv")))


@cache
def lecture_words() -> frozenset[str]:
    """``ksa/data/lecture_words.txt``: title words of a program's lecture courses, which teach a
    subject, not the program's tools ("Pharm for the Paramedic")."""
    return frozenset(w.strip() for w in data_lines("lecture_words.txt"))


@cache
def core_exclusions() -> frozenset[str]:
    """``ksa/data/core_exclusions.txt``: title words of a program's courses that teach something
    besides the program's core item ("Culinary Math", "Automotive Service Management")."""
    return frozenset(w.strip() for w in data_lines("core_exclusions.txt"))
