"""A course's department, read from its code when the catalog has no program column.

Many catalogs list only code and title (``AUTC 2020, Adhesive Bonding``). The code's subject
prefix groups a school's courses into departments, and a department whose titles keep naming one
field (``ksa/data/field_words.csv``: eight of Bridgerland's 58 ``AUTC`` titles say "Collision")
is taught for that field: its "Mechanical Systems Analysis" is collision repair, not the
systems analysis an IT support specialist needs. Words of one field count together (Cisco,
Linux and CompTIA titles all say "information technology"). The department's field word then
stands in for the program name the file lacks, so the matcher's occupational context applies to
every course of the department, not only to the few whose titles name the field.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ksa.catalog_cip import (
    department_homes,
    department_words,
    field_words,
    named_field_words,
    nested,
)
from ksa.model import Course
from ksa.normalize import title_tokens

_PARTS = re.compile(r"[\s\-_.]+")
_LETTERS = re.compile(r"([A-Za-z]{2,6})\d")
MIN_COURSES = 4  # a department needs this many courses before its titles say anything
MIN_TITLES = 2  # a field word must appear in at least this many of its titles
MIN_SHARE = 0.10  # ... and in at least this share of them
RIVAL_SHARE = 0.5  # a second field this close to the first makes the department ambiguous
SMALL_DEPARTMENT = 10  # below this many courses a field word must be in at least ...
SMALL_SHARE = 0.5  # ... this share of the titles
SMALL_ALL_NAMING = 3  # fewer than MIN_COURSES will do if every title names the same field
DEPARTMENT_WORD_SHARE = 0.5  # a department named by department words alone: this share of its titles
TWIN_SHARE = 0.5  # a department whose titles name nothing, this share of them another's: that one's twin


def subject_prefix(code: str) -> str:
    """``AUTC 2020`` -> ``AUTC``; ``CE52 1000`` -> ``CE52``; ``MATH101`` -> ``MATH``; ``""``
    when the code has no subject part."""
    parts = [p for p in _PARTS.split(code.strip()) if p]
    if len(parts) >= 2 and any(c.isalpha() for c in parts[0]) and any(c.isdigit() for c in parts[1]):
        return parts[0].upper()
    found = _LETTERS.match(code.strip())
    return found.group(1).upper() if found else ""


@dataclass(frozen=True)
class Department:
    """Courses of one school sharing a code prefix whose titles name one field."""

    school: str
    prefix: str
    field: str  # the field word that stands in for the program name ("collision")
    positions: tuple[int, ...]  # the department's courses, as indexes into the course list
    naming: int  # how many of its titles name the field
    words: tuple[str, ...] = ()  # the field's words its titles use, commonest first
    whole: bool = True  # False: only the titles naming the field, in a department of several trades
    twin: str = ""  # the placed department whose titles it repeats ("MEAT" for "TEMS"), if so placed


def infer_departments(courses: Sequence[Course]) -> list[Department]:
    """The departments of courses without program or CIP whose titles name a field."""
    table = field_words()
    members: dict[tuple[str, str], list[int]] = {}
    tokens: dict[int, tuple[str, ...]] = {}  # each grouped course's normalized title words, read once
    for position, course in enumerate(courses):
        if course.program or course.cip:
            continue
        prefix = subject_prefix(course.course_code)
        if prefix:
            members.setdefault((course.school.casefold(), prefix), []).append(position)
            tokens[position] = title_tokens(course.course_title)
    found: list[Department] = []
    for (_school, prefix), positions in members.items():
        titles = [frozenset(tokens[p]) for p in positions]
        named = [named_field_words(words) for words in titles]
        fields: Counter[tuple[str, ...]] = Counter()  # titles per field (its home CIP prefixes)
        words: Counter[str] = Counter()
        for these in named:
            fields.update({table[w] for w in these})
            words.update(these)
        school = courses[positions[0]].school
        if len(positions) < MIN_COURSES:
            # too few courses to tell, unless every title names the same field ("Pre-Apprentice
            # Electrician" three times)
            if len(positions) >= SMALL_ALL_NAMING and len(fields) == 1 and all(named):
                label = max(words, key=lambda w: (words[w], w))
                found.append(Department(school, prefix, label, tuple(positions), len(positions),
                                        tuple(w for w, _n in words.most_common())))
            continue
        label = _department_field(fields, words, len(positions), table)
        if label:
            used = tuple(w for w, _n in words.most_common() if table[w] == table[label])
            found.append(Department(school, prefix, label, tuple(positions), fields[table[label]], used))
            continue
        trades = _trades(school, prefix, positions, named, fields, words)
        if trades:
            found.extend(trades)
            continue
        named_by = _by_department_words(school, prefix, positions, titles)
        if named_by is not None:
            found.append(named_by)
    return found + _twins(courses, members, tokens, found)


def _twins(courses: Sequence[Course], members: dict[tuple[str, str], list[int]],
           tokens: dict[int, tuple[str, ...]], found: Sequence[Department]) -> list[Department]:
    """Departments whose titles name no field but repeat a placed department's titles: a
    school that offers one program under two prefixes (Bridgerland's high-school ``TEMS`` "Beef
    Cutting I", "Intro to Meat Services" beside its ``MEAT`` program; ``TEID`` beside interior
    design's ``IDES``) lists the same courses twice. At least two distinct titles, and at least
    half of the department's, must be courses of one placed field (a title two fields' departments
    share counts for neither)."""
    placed = {(d.school.casefold(), d.prefix) for d in found}
    fields: dict[tuple[str, str], set[str]] = {}  # (school, title words) -> fields of placed departments
    placed_by: dict[tuple[str, str], Department] = {}  # (school, field) -> its first placed department
    for d in found:
        if d.whole:
            placed_by.setdefault((d.school.casefold(), d.field), d)
            for p in d.positions:
                key = (d.school.casefold(), " ".join(tokens[p]))
                fields.setdefault(key, set()).add(d.field)
    twins = []
    for (school, prefix), positions in members.items():
        if (school, prefix) in placed:
            continue
        titles = {" ".join(tokens[p]) for p in positions}
        shared: Counter[str] = Counter()
        for title in titles:
            owners = fields.get((school, title), set())
            if len(owners) == 1:
                shared.update(owners)
        if not shared:
            continue
        (field, n), = shared.most_common(1)
        if n >= MIN_TITLES and n >= TWIN_SHARE * len(titles):
            model = placed_by[(school, field)]
            twins.append(Department(courses[positions[0]].school, prefix, field, tuple(positions), n, model.words,
                                    twin=model.prefix))
    return twins


def _by_department_words(school: str, prefix: str, positions: Sequence[int],
                         titles: Sequence[frozenset[str]]) -> Department | None:
    """A department whose titles (``titles``: each course's normalized words) name no field, but
    at least half of which hold a department word of one department
    (``ksa/data/department_words.csv``: "BLS Provider CPR", "Heartcode ACLS", "Heartsaver First
    Aid" are the emergency medical services department's)."""
    table = department_words()
    names: Counter[str] = Counter()
    used: Counter[str] = Counter()
    naming = 0
    for words in titles:
        hits = [(word, name) for word, needs, name in table if needs <= words]
        if hits:
            naming += 1
            names.update({name for _word, name in hits})
            used.update({word for word, _name in hits})
    if len(names) != 1 or naming < max(MIN_TITLES, DEPARTMENT_WORD_SHARE * len(positions)):
        return None
    (name,) = names
    return Department(school, prefix, name, tuple(positions), naming, tuple(w for w, _n in used.most_common()))


def _trades(school: str, prefix: str, positions: Sequence[int], named: Sequence[set[str]],
            fields: Counter[tuple[str, ...]], words: Counter[str]) -> list[Department]:
    """A department of several trades (Bridgerland's ``APPR``: "Apprentice Electrician 1A",
    "Apprentice Plumber 1A", "Apprentice HVAC 1A"), when each is named in two titles or more
    and together they name most of the department: each title that names one of them alone is
    that trade's course; the rest stay without a field."""
    table = field_words()
    trades = {f for f, n in fields.items() if n >= MIN_TITLES}
    if len(trades) < 2 or 2 * sum(1 for these in named if {table[w] for w in these} & trades) < len(positions):
        return []
    out = []
    for field in sorted(trades):
        mine = [p for p, these in zip(positions, named, strict=True) if {table[w] for w in these} == {field}]
        if len(mine) >= MIN_TITLES:
            used = tuple(w for w, _n in words.most_common() if table[w] == field)
            out.append(Department(school, prefix, used[0], tuple(mine), len(mine), used, whole=False))
    return out


def department_programs(courses: Sequence[Course]) -> list[str]:
    """Per course: its program, or else its department's field word (``"collision"``), or ``""``.
    A program that only repeats the course's code prefix (``CSNT``) takes the department name
    other courses of that school and prefix give (``Computing, Security, and Networking
    Technology``): some catalogs name a department in one row and abbreviate it in the next."""
    inferred = {i: d.field for d in infer_departments(courses) for i in d.positions}
    names = _prefix_names(courses)
    resolved: dict[tuple[str, str, str], str] = {}  # one answer per school, prefix and program
    out = []
    for i, c in enumerate(courses):
        program = c.program
        if program:
            prefix = subject_prefix(c.course_code)
            key = (c.school, prefix, program)
            if key not in resolved:
                found = names.get((c.school, prefix))
                if not found:
                    resolved[key] = program
                elif program.strip().upper() == prefix:
                    resolved[key] = min(found, key=lambda n: (-found[n], n))
                else:
                    resolved[key] = _narrowest(program.strip(), found)
            program = resolved[key]
        out.append(program or inferred.get(i, ""))
    return out


def _prefix_names(courses: Sequence[Course]) -> dict[tuple[str, str], Counter[str]]:
    """(school, code prefix) -> the program names its courses give that are more than the prefix
    itself, with how often."""
    names: dict[tuple[str, str], Counter[str]] = {}
    for c in courses:
        prefix = subject_prefix(c.course_code)
        if prefix and c.program and c.program.strip().upper() != prefix:
            names.setdefault((c.school, prefix), Counter())[c.program.strip()] += 1
    return names


def _narrowest(program: str, names: Counter[str]) -> str:
    """Of the names one code prefix goes by, one whose field lies inside ``program``'s: Hawaii CC
    lists its Etro courses under "Engineering Technology" (15) and "Electronics Technology"
    (15.03): all are electronics courses."""
    homes = department_homes(program)
    if not homes:
        return program
    inside = [n for n in names if n != program and (h := department_homes(n))
              and any(x.startswith(y) and x != y for y in homes for x in h)]
    return min(inside, key=lambda n: (-names[n], n)) if inside else program


def _department_field(fields: Counter[tuple[str, ...]], words: Counter[str], size: int,
                      table: dict[str, tuple[str, ...]]) -> str:
    """The field most of the department's titles name (as its commonest word), or ``""`` when
    none is named often enough or a second, unrelated field is named nearly as often."""
    # a small department must name its field in half its titles or more: a five-course continuing-education
    # group with two Spanish courses beside "College Writing" and "Interpersonal Communication"
    # is no language department
    share = MIN_SHARE if size >= SMALL_DEPARTMENT else SMALL_SHARE
    ranked = [(f, n) for f, n in fields.most_common() if n >= MIN_TITLES and n >= share * size]
    if not ranked:
        return ""
    top_field, top = ranked[0]
    if any(n >= RIVAL_SHARE * top and not _related(f, top_field) for f, n in ranked[1:]):
        return ""
    return max((w for w in words if table[w] == top_field), key=lambda w: (words[w], w))


def _related(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Do two fields' home CIP prefixes overlap? Cabinetmaking (48.07) lies within construction's
    48, so a cabinet shop's "Door Construction" titles do not make its department ambiguous."""
    return any(nested(a, b) for a in one for b in other)
