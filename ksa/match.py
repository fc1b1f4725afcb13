"""Match panel items (and additional needs) to catalog courses.

Steps: normalize titles and item names (``ksa.normalize``) with a vocabulary built from the
catalog, so titles cut at 30-35 characters get their last word back; deduplicate identical
normalized titles; block candidates through an inverted index of meaningful words (generic words
like "introduction" or "technology" never carry a match alone); score the candidates with
``rapidfuzz.process.cdist`` (``fuzz.token_set_ratio`` on the meaningful words, chosen by measured
precision, see ``benchmarks/match_accuracy.py``); then adjust by coverage - how much of the item
the course covers weighs most, so a course that only shares part of the item scores lower.

Each item is queried as several strings, a course keeping its best score: the name, configured
keywords, extra terms from ``ksa/data/item_terms.csv`` (Heliarc -> TIG welding, Excel ->
spreadsheets; a small penalty), and for long tool names the head phrase ("arc welding" of
"Portable gas operated arc welders"; a larger penalty). Items marked *broad* there ("Design",
"Monitoring") match by name only a course titled with nothing else, or one in context. For
knowledge and skills, a course whose subject (its head word, before "for / in / of") is not
shared loses points: "Math Study Skills" is no mathematics course.

Occupational context (``ksa.catalog_cip``) ranks: a course in a program leading to the
occupation gains a few points but is never lifted over the cutoff; a course in an unrelated
program loses points and matches only through the item's own name, never through extra terms.
A course whose title names another field (``ksa/data/field_words.csv``: "Math for the Culinary
Arts", "Collision Repair") is no match unless the item names that field too; one whose program
names it is no match either, except for foundation subjects (``general`` in item_terms.csv).
A catalog without programs still has departments: courses sharing a code prefix whose titles
keep naming one field (``ksa.catalog_departments``) get that field as their program. An item
named by one subject word plus generic ones ("Systems Analysis"; a tool's vendor, "Microsoft
Word") needs one of those words, or a course titled with the subject alone; work placements
(externship, practicum) are never suggested. Program terms (``ksa/data/program_terms.csv``) link
a broad item to the topics of the occupation's own program: in an automotive program "Brakes"
teaches Repairing and "Engine Performance" Troubleshooting; nowhere else do they count. A core
item of a field (a ``*`` program term: Mechanical in repair trades, Medicine and Dentistry in
clinical programs) takes every other course of the occupation's own programs in that field, at
``CORE_SCORE``, after every course that names it. An item term of generic words only
("management"), or one written "=words", names the titles of exactly those words ("Principles of
Management"; "=computer applications" names "Computer Applications I", not "Computer Applications
in NDT"); so does a program term written "=words" ("=electronics" for ammeters). A department
whose name stands for a field no CIP title names alone (``ksa/data/department_names.csv``:
"Electronics", "Information Technology") is in that field. A program term written "~words"
counts in any department, but only for the occupations of its fields (media courses teach
Communications and Media to graphic designers, not to police officers). Every course of an item's
own academic department (``department`` in item_terms.csv: mathematics, economics) teaches it at
``CORE_SCORE``, career and study-skills courses aside.
A software product (an O*NET technology item that is not a kind of software) keeps its courses
in any department. A course description that names the item as a phrase of two or more words
suggests the course at ``DESCRIPTION_SCORE``, below title matches: a tool's own name anywhere, a
knowledge or skill phrase only in the occupation's programs, never a foundation subject.
Sections of one course collapse; the courses of a sequence ("Physics I", "Physics II") do not.
Among equal scores a course whose description names the item ranks first, and a school not yet
suggested goes before another section at a school already in the list. Review-ledger decisions
win: rejected courses are never suggested again; accepted and added ones come first as CONFIRMED.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache, partial

import numpy as np
from rapidfuzz import fuzz, process

from ksa.catalog_cip import (
    Context,
    department_homes,
    language_words,
    occupation_context,
    program_fields,
    program_name,
    teaching_words,
)
from ksa.catalog_departments import department_programs
from ksa.catalog_sced import sced_area
from ksa.ledger import Decision, decision_title_key
from ksa.match_defaults import DEFAULT_SCORE_CUTOFF, DEFAULT_TOP_K
from ksa.match_terms import (
    core_exclusions,
    item_key,
    item_terms,
    lecture_words,
    program_terms,
    software_products,
)
from ksa.model import Course, Match, MatchStatus
from ksa.normalize import (
    Vocabulary,
    default_vocabulary,
    is_generic,
    may_be_truncated,
    meaningful,
    raw_words,
    tables,
    text_tokens,
    title_tokens,
    wording,
)

log = logging.getLogger("ksa.match")

SCORER = fuzz.token_set_ratio
ITEM_COVERAGE_WEIGHT = 40.0  # points lost when the course covers none of the item's words
COURSE_COVERAGE_WEIGHT = 10.0  # points lost when none of the course's words are the item's
TERM_PENALTY = 2.0  # an extra term of the item (ksa/data/item_terms.csv)
DOMAIN_TERM_PENALTY = 10.0  # a program term for every tool: after the tool's own courses
HEAD_PENALTY = 10.0  # a long tool name's head phrase ("arc welding" of "Portable gas operated arc welders")
COURSE_HEAD_PENALTY = 10.0  # the item is only a modifier in the course title ("Math Study Skills")
IN_CONTEXT_BONUS = 5.0  # course in a program leading to the occupation (ranks, never lifts)
OUT_OF_CONTEXT_PENALTY = 12.0  # course in a program leading elsewhere (brewing quality control)
DESCRIPTION_SCORE = 88.0  # the item's phrase in a course description: above the cutoff, below titles
CORE_SCORE = 86.0  # a course of the occupation's own program for an item the whole program teaches
FIELD_CORE_SCORE = 85.5  # a course of a sibling program of the field ("**"): after the own program's
CORE_TERM = "*"  # program_terms.csv: every course of the program teaches the item
FIELD_CORE_TERM = "**"  # program_terms.csv: every course of any program in the row's fields (or in
# the fields written after it, "**47.0604 47.0605") does, but one whose title has a word written
# "-word" after them ("-seminar")
BATCH = 64  # queries scored together by one cdist call


@dataclass(frozen=True)
class MatchQuery:
    key: str
    domain: str
    text: str
    description: str = ""
    keywords: tuple[str, ...] = ()
    # terms that count only for a course in the occupation's own programs (a panel's
    # ``program_keywords``; the built-in ones are in ksa/data/program_terms.csv)
    program_keywords: tuple[str, ...] = ()


@dataclass
class _Titles:
    """Distinct normalized course titles and the courses behind each."""

    keys: list[str]  # meaningful words joined: what the scorer sees
    tokens: list[frozenset[str]]
    courses: list[list[int]]
    index: dict[str, list[int]]
    # every title by its words, leading ones ("Principles of") left out: an exact item term names
    # exactly these titles ("management" for Administration and Management names "Principles of
    # Management", which is generic words only; "=computer applications" names "Computer
    # Applications I" but not "Computer Applications in NDT")
    exact: dict[frozenset[str], list[int]]


def build_vocabulary(courses: Sequence[Course], texts: Iterable[str] = ()) -> Vocabulary:
    """Full words of the catalog and the items: the last word of a long title may be cut."""
    words: list[str] = []
    for title in {c.course_title for c in courses}:
        w = raw_words(title)
        words.extend(w[:-1] if may_be_truncated(title) else w)
    for text in texts:
        words.extend(raw_words(text))
    return default_vocabulary(words)


@cache
def _program_marker(program: str) -> str:
    """" ESL" for a course in an ESL program ("English Essentials" there is not English Language)."""
    if not program:
        return ""
    marks = [w for w in title_tokens(program) if w in tables().absorbs]
    return "".join(f" {w}" for w in marks)


# a title that joins two subjects with a slash ("Industrial Safety/First Aid"): each part is
# scored as a title of its own too, as "and" parts of an item are; a slash needs four letters
# (or digits) on each side, so none between abbreviations or numbers splits ("w/", "A/V", "AC/DC",
# "CAD/CAM", "Soc/Eth Issues", the "10/First" of "Forklift/OSHA 10/First Aid")
_TITLE_SLASH = re.compile(r"(?<=[A-Za-z0-9)]{4})\s*/\s*(?=[A-Za-z]{4})")


def _title_parts(title: str) -> list[str]:
    parts = [p for p in _TITLE_SLASH.split(title) if p.strip()]
    return parts if len(parts) > 1 else []


def _index_titles(courses: Sequence[Course], vocabulary: Vocabulary) -> _Titles:
    by_key: dict[str, int] = {}
    titles = _Titles([], [], [], {}, {})
    cache: dict[str, tuple[tuple[str, ...], frozenset[str], tuple[tuple[str, ...], ...]]] = {}
    for position, course in enumerate(courses):
        marker = _program_marker(course.program)
        title = course.course_title + marker
        found = cache.get(title)
        if found is None:
            tokens = title_tokens(title, vocabulary)
            parts = tuple(w for w in (meaningful(title_tokens(part + marker, vocabulary))
                                      for part in _title_parts(course.course_title)) if w)
            found = cache[title] = (meaningful(tokens), _generic_title(tokens), parts)
        words, bare, parts = found
        if bare:
            titles.exact.setdefault(bare, []).append(position)
        if not words:
            continue  # only generic words ("Special Topics"): nothing to score, an exact term may name it
        for scored in dict.fromkeys((words, *parts)):
            key = " ".join(scored)
            slot = by_key.get(key)
            if slot is None:
                slot = by_key[key] = len(titles.keys)
                titles.keys.append(key)
                titles.tokens.append(frozenset(scored))
                titles.courses.append([])
                for word in set(scored):
                    titles.index.setdefault(word, []).append(slot)
            titles.courses[slot].append(position)
    return titles


# level words an exact term looks past, as it does past "Introduction to" and "II": "Intermediate
# Business Computing" is a business-computing course
_LEVEL_WORDS = frozenset({"beginning", "intermediate", "advanced"})


def _generic_title(tokens: tuple[str, ...]) -> frozenset[str]:
    """The words of a title, leading words ("Principles") and level words left out."""
    return frozenset(tokens) - tables().leading - _LEVEL_WORDS


_PARTS = re.compile(r"\s+and\s+|\s*[&,;:]\s*|\s+-+\s+", re.IGNORECASE)
# "Blueprint Reading for Electricians": the subject comes before the first of these
_QUALIFIER = re.compile(r"\s+(?:for|in|of|with|using)\s+", re.IGNORECASE)
# a high-school list's shell course for a student who serves as a subject's aide ("Mathematics—Aide",
# SCED); "Nurse Aide" trains nurse aides and is no such shell
_AIDE_SHELL = re.compile(r"(?:\s-|[\u2013\u2014])\s*aide\s*$", re.IGNORECASE)
# a program's clinical rotation ("Health & Illness I Clinical", "Clinical Education 2", a course
# named for the hospital it is spent in: "Hospital Radiographic Technique IV"): the
# practice of what its theory course taught, a placement for the knowledge and skills, though
# a nursing assistant's clinical still trains the bedside tools
_CLINICAL_SHELL = re.compile(
    r"\bclinical\s*(?:[ivx]+|\d+|[a-d])?\s*$|\bclinical\s+(?:practice|immersion|experience|rotation|education|paramedicine)s?\b"
    # or named for the hospital it is spent in ("Hospital Radiographic Technique IV")
    r"|^\s*hospital\s+(?:\w+\s+)?(?:technique|rotation|experience)s?\b",
    re.IGNORECASE)
_SUBJECT_DOMAINS = frozenset({"knowledge", "skills", "abilities", "work_activities"})
# head words of a course in a language itself ("Hawaiian Language", "Japanese Conversation")
_LANGUAGE_SUBJECTS = frozenset({"language", "literature", "conversation", "grammar", "composition",
                                "reading", "writing", "speaking", "listening", "linguistic", "phonetic",
                                "translation", "interpretation", "vocabulary", "immersion", "pronunciation",
                                "structure"})
_LANGUAGE_MEDIUM = frozenset({"medium", "immersion"})  # the language a course is taught in
_AND = re.compile(r"\s(?:and|&)\s", re.IGNORECASE)  # "Engineering and Technology": two subjects


def heads(text: str, vocabulary: Vocabulary | None = None) -> frozenset[str]:
    """The head word of each coordinated part: the last meaningful word ("Surface grinders" ->
    grinder; "Customer and Personal Service" -> customer, service). A course that shares one word
    with a longer item must share a head: "Surface Development" is no match for surface grinders."""
    out: set[str] = set()
    for part in _PARTS.split(text):
        words = meaningful(title_tokens(part, vocabulary)) if part.strip() else ()
        if words:
            out.add(words[-1])
    return frozenset(out)


def course_heads(title: str, vocabulary: Vocabulary | None = None) -> frozenset[str]:
    """Head words of a course title's subject: the part before "for / in / of / with" when it
    holds a meaningful word ("Math Applications in the Medical Office" -> mathematics), then the
    head of each coordinated part. "Math Study Skills" has head "strategy" (study skills are
    learning strategies), so it is no course in mathematics."""
    subject = _QUALIFIER.split(title, maxsplit=1)[0]
    if not meaningful(title_tokens(subject, vocabulary)):
        subject = title
    return heads(subject, vocabulary)


def _program_term_texts(query: MatchQuery, context: Context | None) -> list[tuple[str, tuple[str, ...], float]]:
    """(term, CIP prefixes, penalty) of the item's program terms whose field the occupation's
    programs are in; a row for every item of a domain (``(tools)``: the program's core courses
    teach its tools) scores lower than the item's own rows."""
    if context is None:
        return []
    out: list[tuple[str, tuple[str, ...], float]] = []
    table = program_terms()
    for key, penalty in ((item_key(query.text), TERM_PENALTY), (f"({query.domain})", DOMAIN_TERM_PENALTY)):
        # a program the occupation's workers complete beside their own (EMT for firefighters)
        # teaches its subjects, not its tools: a firefighter's aerial trucks are no EMT tools;
        # one of scope "core" only its core subjects: a networking program's "Ethical Hacking"
        # is public safety for a security analyst, not for a telecom installer
        cips = context.cips - (context.extra if key.startswith("(") else context.core_only)
        for row in table.get(key, ()):
            if row.of(cips):
                out.extend((t, row.fields, penalty) for t in row.terms
                           if t != CORE_TERM and not t.startswith(FIELD_CORE_TERM))
    return out


def _core_fields(query: MatchQuery, context: Context | None) -> tuple[str, ...]:
    """The CIP fields whose every course teaches the item (a ``*`` program term: "Mechanical" in
    an automotive program), among the fields the occupation's programs are in."""
    if context is None:
        return ()
    fields: set[str] = set()
    for row in program_terms().get(item_key(query.text), ()):
        if CORE_TERM in row.terms:
            cips = row.of(context.cips)  # the occupation's programs the row applies to, once
            fields.update(f for f in row.fields if any(c.startswith(f) for c in cips))
    return tuple(sorted(fields))


def _field_core_fields(query: MatchQuery, context: Context | None) -> tuple[tuple[str, ...], frozenset[str]]:
    """The CIP fields whose every program's every course teaches the item (a ``**`` program term:
    a motorcycle program's course teaches a diesel mechanic Mechanical), for an occupation with a
    program the crosswalk gives it in one of the row's fields: the fields written after the
    mark, or the row's; and the title words ("-seminar") that keep a course of them out."""
    if context is None:
        return (), frozenset()
    fields: set[str] = set()
    excluded: set[str] = set()
    for row in program_terms().get(item_key(query.text), ()):
        if not row.of(context.cips - context.extra):
            continue
        for term in row.terms:
            if term.startswith(FIELD_CORE_TERM):
                words = term[len(FIELD_CORE_TERM):].split()
                excluded.update(w[1:] for w in words if w.startswith("-"))
                fields.update([w for w in words if not w.startswith("-")] or row.fields)
    return tuple(sorted(fields)), frozenset(excluded)


@dataclass(frozen=True)
class _QueryString:
    words: tuple[str, ...]
    heads: frozenset[str]
    penalty: float = 0.0
    broad: bool = False  # matches only a course titled with nothing else, or one in context
    # generic words of a one-subject item name ("system" of "Systems Analysis"; the vendor of a
    # tool, "Microsoft Word"): a course must share one of them or be titled with nothing but the
    # subject ("Network Traffic Analysis" is not systems analysis, even in an IT program)
    anchors: frozenset[str] = frozenset()
    # a program term: counts only for a course in the occupation's programs or in one of these
    # CIP fields ("Brakes" for Repairing, within automotive programs)
    fields: tuple[str, ...] = ()
    # the normalized words in order, generic ones included, as sought in course descriptions
    phrase: tuple[str, ...] = ()
    # the anchors must be in the title: a title of the subject alone ("Databases") is not enough
    strict_anchors: bool = False
    # an item term of generic words only, or written "=words": it names the courses titled with
    # exactly these words
    exact: frozenset[str] = frozenset()
    # a term written "?words" names a general course ("Computing Literacy and Applications") that
    # teaches the item only where its description, if it has one, names the item or one of its
    # own terms (a database for Microsoft Access): each of these phrases (or, for evidence the term
    # names itself, word sets) is such a mention
    evidence: frozenset[Evidence] = frozenset()
    # a "?" term that names its own evidence ("?literature>emphasis writing"): only a course whose
    # description names it teaches the item; a course without a description does not
    described_only: bool = False
    # a broad name that matches only in context, even a course titled with nothing else
    context_only: bool = False
    # a term written "!words" names a course that teaches the item whatever field's program
    # gives it or its title names ("!hospitality management": managing a hotel teaches
    # Administration and Management to a nurse too)
    any_field: bool = False
    # a "!" term, or a program term written "~words": it counts in any department, said whole
    # ("~surgical procedures" is no "Surgical Technology Seminar")
    any_department: bool = False


def _query_strings(query: MatchQuery, vocabulary: Vocabulary,
                   context: Context | None = None) -> list[_QueryString]:
    """The item name, its parts, keywords, extra terms and (tools) head noun: each is scored alone,
    a course keeps its best."""
    entry = item_terms().get(item_key(query.text))
    texts: list[tuple[str, float, bool]] = [(query.text, 0.0, entry.broad if entry else False)]
    texts.extend((k, 0.0, False) for k in query.keywords)
    if entry:
        texts.extend((t, TERM_PENALTY, False) for t in entry.terms)
    # only an item with a "?" term needs to know what its general courses' syllabi must name
    evidence = (_evidence(query.text, entry.terms, vocabulary)
                if entry and any(t.startswith(GENERAL_COURSE_MARK) for t in entry.terms) else frozenset())
    if query.domain == "tools":
        name = meaningful(title_tokens(query.text, vocabulary))
        if len(name) >= 3:
            texts.append((" ".join(name[-2:]), HEAD_PENALTY, False))
    out: list[_QueryString] = []
    program = _program_term_texts(query, context)
    # "~words": the occupation's field decides whether the term counts, not the course's: media
    # occupations learn Communications and Media from any video or social-media course
    texts.extend((t, TERM_PENALTY, False) for t, _f, _p in program if t.startswith(ANYWHERE_MARK))
    program = [p for p in program if not p[0].startswith(ANYWHERE_MARK)]
    if context is not None and context.cips:
        program += [(k, tuple(sorted(context.cips)), TERM_PENALTY) for k in query.program_keywords]
    for text, fields, penalty in program:
        if text.startswith(EXACT_MARK):
            # "=electronics": the program's course titled "Fundamentals of Electronics I", not
            # every course whose title holds the word ("Digital Electronics")
            bare = _generic_title(title_tokens(text[len(EXACT_MARK):], vocabulary))
            if bare:
                out.append(_QueryString((), frozenset(), penalty, fields=fields, exact=bare))
            continue
        tokens = title_tokens(text, vocabulary)
        words = meaningful(tokens)
        # a tool's own term of one subject word keeps its generic words, as an item term does:
        # "culinary fundamentals" trains chefs' knives, "Culinary Math" does not (a "(tools)"
        # row names the program's core courses, "Paramedic Capstone Experience" among them)
        kept = (frozenset(t for t in tokens if is_generic(t))
                if len(words) == 1 and query.domain not in _SUBJECT_DOMAINS
                and penalty < DOMAIN_TERM_PENALTY else frozenset())
        if words:
            out.append(_QueryString(words, heads(text, vocabulary), penalty, anchors=kept,
                                    fields=fields, phrase=tokens, strict_anchors=bool(kept)))
    subject = query.domain in _SUBJECT_DOMAINS
    kind_of_software = entry is not None and entry.software
    for n, (marked, penalty, broad) in enumerate(texts):
        any_field = bool(penalty) and marked.startswith(FIELD_TERM_MARK)
        any_department = bool(penalty) and marked.startswith((FIELD_TERM_MARK, ANYWHERE_MARK))
        written = marked[1:] if any_department else marked
        general_course = bool(penalty) and written.startswith(GENERAL_COURSE_MARK)
        text = written[len(GENERAL_COURSE_MARK):] if general_course else written
        needs = evidence if general_course else frozenset()
        parts = text.split(EVIDENCE_MARK) if general_course else [text]
        text, own_evidence = parts[0], parts[1:]
        if own_evidence:
            needs = frozenset(w for w in (frozenset(meaningful(title_tokens(e, vocabulary)))
                                          for e in own_evidence) if w)
        # what every string of this term carries: its evidence and its field marks
        marks = partial(_QueryString, evidence=needs, described_only=bool(own_evidence),
                        any_field=any_field, any_department=any_department)
        if penalty and text.startswith(EXACT_MARK):
            # "=computer applications": only a title of exactly these words ("Computer
            # Applications", "Business Computer Applications" is a term of its own)
            bare = _generic_title(title_tokens(text[len(EXACT_MARK):], vocabulary))
            if bare:
                out.append(marks((), frozenset(), penalty, exact=bare))
            continue
        tokens = title_tokens(text, vocabulary) if text.strip() else ()
        words = meaningful(tokens)
        anchors: frozenset[str] = frozenset()
        strict = False
        if n == 0 and kind_of_software:
            # "Accounting software" is taught by a course on computers, not by Principles of
            # Accounting: the title must say software, computer(ized) or applications (CAD
            # software, whose subject is software, is not such an item)
            anchors, strict = _SOFTWARE_WORDS, True
        elif n == 0 and len(words) == 1 and not _AND.search(text):
            # a maker anchors a product only when its name is an everyday word too ("Word",
            # "Access"); "Using Excel in Accounting" teaches Excel without saying Microsoft
            anchors = frozenset(t for t in tokens if (
                is_generic(t) if subject else t in tables().vendor and set(words) & tables().everyday))
        elif penalty and len(words) == 1 and (not subject or (entry is not None and entry.broad)):
            # a tool's one-subject term keeps its generic words: "database applications" for
            # Microsoft Access is not "Database Concepts" or "Introduction to Databases"; so does a
            # broad subject's ("writing workshop" for Writing, which alone names only "Writing")
            anchors = frozenset(t for t in tokens if is_generic(t))
            # a term naming a product by its maker ("microsoft word" for Microsoft Office) takes
            # a title of the product alone, as the product's own name does ("Word 2019 Level 1")
            strict = bool(anchors) and not (anchors <= tables().vendor and set(words) & tables().everyday)
        # the same words again are a new string only without the name's anchors (a term that
        # repeats the product, "quickbooks", says the product alone names it), or with anchors of
        # its own where the name is broad
        if words and all(words != q.words or q.fields or (q.anchors and not anchors)
                         or (anchors and q.broad) or q.any_department != any_department
                         # a "!" term is said whole: "!food operations" is not "!food service management"
                         or (any_department and q.phrase != tokens) for q in out):
            out.append(marks(words, heads(text, vocabulary), penalty, broad, anchors,
                             phrase=tokens, strict_anchors=strict,
                             context_only=broad and entry is not None and entry.context_only))
        elif not words and penalty and _generic_title(tokens):
            out.append(marks((), frozenset(), penalty, exact=_generic_title(tokens)))
    return out


# what a general course's description must say: a phrase (its words together, in order) or, for
# evidence a "?" term names itself, a set of words anywhere ("emphasis" ... "writing")
Evidence = tuple[str, ...] | frozenset[str]


def _evidence(name: str, terms: Sequence[str], vocabulary: Vocabulary) -> frozenset[Evidence]:
    """What a general course's description must name to teach the item: the item's name or one
    of its own (not "?") terms, as a phrase of meaningful words; "computer" alone ("computer
    tools", "=computer applications") is no evidence: every computing syllabus says it. A product
    name that is an everyday word ("Access") counts only with its maker, which descriptions
    rarely write, so its terms do."""
    out: set[Evidence] = set()
    for text in (name, *terms):
        if text.startswith(GENERAL_COURSE_MARK):
            continue
        words = tuple(meaningful(title_tokens(text.lstrip(FIELD_TERM_MARK + EXACT_MARK), vocabulary)))
        if words and not (len(words) == 1 and set(words) <= tables().everyday | _BARE_COMPUTING):
            out.add(words)
    return frozenset(out)


_SOFTWARE_WORDS = frozenset({"software", "computer", "computerized", "application", "digital"})
# words every computing course's description says: no evidence of what it teaches on their own
_BARE_COMPUTING = frozenset({"computer", "computing", "computerized", "software", "digital"})
# title words of a course on using computers, whose description may name the software it trains
_COMPUTING_TITLE = frozenset({"computer", "computing", "computerized", "software", "application",
                              "digital", "office", "msoffice"})
# an item on computing itself, which a programming course teaches ("Computers and Electronics")
_COMPUTING_SUBJECT = frozenset({"programming", "computer", "computers", "computing", "software"})
# title words of a course on building software, not using it ("Android App Programming")
_PROGRAMMING_TITLE = frozenset({"programming", "development", "developer", "coding", "programmer"})
_HISTORY = frozenset({"history"})  # a course whose subject is the history of what it names
_NATURAL = frozenset({"natural"})  # ... unless it is natural history, a science
EXACT_MARK = "="  # an item term written "=words" names only the titles of exactly those words
GENERAL_COURSE_MARK = "?"  # an item term written "?words" names a general course (see _QueryString)
EVIDENCE_MARK = ">"  # "?words>evidence": what the general course's description must name
ANYWHERE_MARK = "~"  # a program term written "~words" counts for a course in any department
FIELD_TERM_MARK = "!"  # an item term written "!words" names the item in any field (see _QueryString)


def is_kind_of_software(query: MatchQuery) -> bool:
    """A technology item that names a kind of software ("Accounting software"), not a product
    ("Microsoft Excel", "Intuit QuickBooks"): it ends with "software" and names no maker."""
    if query.domain != "technology" or not query.text.casefold().rstrip().endswith("software"):
        return False
    # the maker as written: the normalizer folds "Microsoft Office" into one word ("msoffice")
    written = set(re.findall(r"[a-z0-9]+", query.text.casefold()))
    return not (set(title_tokens(query.text)) | written) & tables().vendor


def adjusted_score(base: float, query: frozenset[str], course: frozenset[str]) -> float:
    """``base`` less points for the part of the item the course misses (and vice versa)."""
    shared = len(query & course)
    if not shared:
        return 0.0
    item_cov = shared / len(query)
    course_cov = shared / len(course)
    return base - ITEM_COVERAGE_WEIGHT * (1 - item_cov) - COURSE_COVERAGE_WEIGHT * (1 - course_cov)


@dataclass
class _Hit:
    course: int
    score: float
    shared: tuple[str, ...]
    context: int  # 1 in context, 0 unknown, -1 elsewhere
    course_cov: float
    described: bool = False  # the course description holds every word of the item


class _TitleShapes:
    """Per course, computed only for hits: its title's head words and all its normalized words
    (generic ones included: "Hardware Troubleshooting" is more than troubleshooting)."""

    def __init__(self, courses: Sequence[Course], vocabulary: Vocabulary) -> None:
        self.courses = courses
        self.vocabulary = vocabulary
        self._heads: dict[str, frozenset[str]] = {}
        self._words: dict[str, frozenset[str]] = {}

    def heads(self, position: int) -> frozenset[str]:
        title = self.courses[position].course_title
        found = self._heads.get(title)
        if found is None:
            found = self._heads[title] = course_heads(title, self.vocabulary)
        return found

    def words(self, position: int) -> frozenset[str]:
        title = self.courses[position].course_title
        found = self._words.get(title)
        if found is None:
            found = frozenset(title_tokens(title, self.vocabulary))
            if _AIDE_SHELL.search(title):
                found |= {"placement"}  # a student serving as the subject's aide is taught nothing
            self._words[title] = found
        return found

    def clinical(self, position: int) -> bool:
        """Is the course a clinical rotation (see ``_CLINICAL_SHELL``)?"""
        return bool(_CLINICAL_SHELL.search(self.courses[position].course_title))

    def bare(self, position: int) -> frozenset[str]:
        """Its words less levels and lead-ins: "Word 2019 Level 1" is titled "word" alone,
        "Photoshop Elements" "photoshop" alone, but "Operator Orientation" is more than
        orientation."""
        lead = tables().leading
        return frozenset(w for w in self.words(position) if w not in lead and w != "level")


class _Fields:
    """Per course, computed only for hits: the field words of its title and of its program that
    place it outside the occupation's field (``ksa/data/field_words.csv``)."""

    def __init__(self, courses: Sequence[Course], programs: Sequence[str], context: Context,
                 vocabulary: Vocabulary) -> None:
        self.courses = courses
        self.programs = programs
        self.context = context
        self.vocabulary = vocabulary
        self._of: dict[tuple[str, bool, bool], frozenset[str]] = {}

    def _words(self, text: str, program: bool = False, title: bool = False) -> frozenset[str]:
        found = self._of.get((text, program, title))
        if found is None:
            words = frozenset(title_tokens(text, self.vocabulary))
            found = self.context.foreign_program(words) if program else self.context.foreign(words)
            languages = found & language_words()
            if title and languages:
                subject = course_heads(text, self.vocabulary)
                if (subject and not subject & (language_words() | _LANGUAGE_SUBJECTS)
                        and not words & _LANGUAGE_MEDIUM):
                    # a language's name that only qualifies another subject names a place or a
                    # people: "Geology of Hawaiian Islands" is geology, "Japanese Culture" culture
                    # (but "Math in Hawaiian Medium Education" is taught in the language)
                    found -= languages
            self._of[(text, program, title)] = found
        return found

    def foreign(self, position: int, *, sector: bool = False) -> tuple[frozenset[str], frozenset[str]]:
        """The foreign field words of the course's title and of its program; with ``sector``, a
        title naming another field of the occupation's own sector (health) is no foreign title
        ("Nursing Pharmacology" teaches a phlebotomist medicine all the same)."""
        program = self.programs[position]
        return (self._words(self.courses[position].course_title, program=sector, title=True),
                self._words(program, program=True) if program else frozenset())

    def language_program(self, position: int) -> bool:
        """The catalog puts the course in a language's program or department ("French"); a
        department guessed from code prefixes does not count (one college's general-education
        prefix also holds its Spanish courses)."""
        program = self.courses[position].program
        return bool(program) and bool(self._words(program) & language_words())


class _CourseFields:
    """Per course, computed only for hits of program terms: the CIP codes (or field prefixes) of
    its CIP column, its program name, or its department's field word."""

    def __init__(self, courses: Sequence[Course], programs: Sequence[str]) -> None:
        self.courses = courses
        self.programs = programs
        self._of: dict[tuple[str, str], frozenset[str]] = {}
        self._members: dict[tuple[str, ...], list[int]] = {}
        self._in_fields: dict[tuple[str, ...], list[int]] = {}
        self._homes: dict[str, tuple[str, ...] | None] = {}  # department name -> its home fields

    def within(self, position: int, prefixes: tuple[str, ...], *, wholly: bool = False) -> bool:
        """Is the course's program in one of these fields? Either way round unless ``wholly``:
        a department's field word may name a whole family ("comptia": 11)."""
        key = (self.courses[position].cip, self.programs[position])
        found = self._of.get(key)
        if found is None:
            found = self._of[key] = _program_fields(*key)
        return any(c.startswith(p) or (not wholly and p.startswith(c)) for p in prefixes for c in found)

    def members(self, prefixes: tuple[str, ...], context: Sequence[int]) -> list[int]:
        """The courses of the occupation's own programs that are in these fields."""
        found = self._members.get(prefixes)
        if found is None:
            found = self._members[prefixes] = [
                p for p in range(len(self.courses))
                if (context[p] > 0 and self.within(p, prefixes, wholly=True) and self._mainly(p, prefixes))
                or self._series_member(p, prefixes)]
        return found

    def _mainly(self, position: int, prefixes: tuple[str, ...]) -> bool:
        """Is the course's department mainly in these fields? Its first home is, or half its
        families are: an "industrial" department (automation first, 46.03 among seven homes)
        is an electrician's context but no construction-trades program whose every course
        teaches Building and Construction; a "medical office" department (51.07, 51.08) is
        medical assisting's."""
        program = "" if self.courses[position].cip else self.programs[position]
        if program not in self._homes:
            self._homes[program] = department_homes(program) if program else None
        homes = self._homes[program]
        if not homes or any(homes[0].startswith(p) for p in prefixes):
            return True
        families = {h[:2] for h in homes}
        inside = {h[:2] for h in homes if any(h.startswith(p) for p in prefixes)}
        return 2 * len(inside) >= len(families)

    def in_fields(self, prefixes: tuple[str, ...]) -> list[int]:
        """The courses of any program in these fields."""
        found = self._in_fields.get(prefixes)
        if found is None:
            found = self._in_fields[prefixes] = [
                p for p in range(len(self.courses)) if self.within(p, prefixes, wholly=True)]
        return found

    def _series_member(self, position: int, prefixes: tuple[str, ...]) -> bool:
        """A course coded only with a CIP series (a SCED subject area: "Information Technology",
        11) belongs to core fields that are all of that series: every high-school IT course
        teaches computers to IT occupations."""
        cip = self.courses[position].cip
        if len(cip) != 2 or not all(p.startswith(cip) for p in prefixes):
            return False
        # the area's name must place it in these fields too ("Information Technology"); a
        # "Hospitality and Tourism" area (12) is travel and lodging as much as cooking, and an
        # "Engineering and Technology" area (15) is every engineering field, not electronics
        # (15.03) alone: its wind-energy and manufacturing courses teach a sound engineering
        # technician no Computers and Electronics
        homes = department_homes(self.programs[position]) or ()
        return any(h.startswith(p) for h in homes for p in prefixes)


class _Departments:
    """Courses by their department's normalized name, built on first use. A high-school course
    of an academic SCED area has no program (it serves every occupation), but its area is its
    department all the same: "Elementary Functions" (02109) is a mathematics course."""

    def __init__(self, courses: Sequence[Course], programs: Sequence[str], vocabulary: Vocabulary) -> None:
        self.courses = courses
        self.programs = programs
        self.vocabulary = vocabulary
        self._by_name: dict[str, list[int]] | None = None

    def members(self, names: frozenset[str]) -> list[int]:
        if self._by_name is None:
            self._by_name = {}
            named: dict[str, str] = {}
            for position, program in enumerate(self.programs):
                if not program and (area := sced_area(self.courses[position].course_code)) and not area.cip:
                    program = area.name
                if program:
                    if program not in named:
                        named[program] = " ".join(title_tokens(program_name(program), self.vocabulary))
                    self._by_name.setdefault(named[program], []).append(position)
        return sorted(p for n in names for p in self._by_name.get(n, ()))


def _program_fields(cip: str, program: str) -> frozenset[str]:
    if cip:
        return frozenset({cip})
    return program_fields(program) if program else frozenset()


class _DescriptionIndex:
    """Where item phrases occur in course descriptions: each distinct description normalized once
    (no truncation repair: descriptions are not cut), an index of its words, and a check that a
    phrase's words stand together and in order."""

    def __init__(self, courses: Sequence[Course]) -> None:
        self._tokens: list[tuple[str, ...]] = []
        self._words: list[frozenset[str]] = []
        self._courses: list[list[int]] = []
        self._of_course: dict[int, int] = {}
        self._postings: dict[str, set[int]] = {}
        ids: dict[str, int] = {}
        for position, course in enumerate(courses):
            text = " ".join(course.description.split())
            if not text:
                continue
            found = ids.get(text)
            if found is None:
                found = ids[text] = len(self._tokens)
                tokens = text_tokens(text)
                self._tokens.append(tokens)
                self._words.append(frozenset(tokens))
                self._courses.append([])
                for token in self._words[found]:
                    self._postings.setdefault(token, set()).add(found)
            self._courses[found].append(position)
            self._of_course[position] = found
        self._cache: dict[tuple[str, ...], tuple[int, ...]] = {}

    def __bool__(self) -> bool:
        return bool(self._tokens)

    def has(self, position: int) -> bool:
        """Does the course have a description?"""
        return position in self._of_course

    def mentions(self, position: int, words: frozenset[str]) -> bool:
        """The course's description holds every one of ``words`` (anywhere, any order)."""
        found = self._of_course.get(position)
        return found is not None and words <= self._words[found]

    def says(self, position: int, phrase: tuple[str, ...]) -> bool:
        """The course's description holds ``phrase``, its words together and in order."""
        found = self._of_course.get(position)
        if found is None:
            return False
        tokens, n = self._tokens[found], len(phrase)
        return any(tokens[j : j + n] == phrase for j in range(len(tokens) - n + 1))

    def courses_with(self, phrase: tuple[str, ...]) -> tuple[int, ...]:
        """Positions of the courses whose description holds ``phrase``."""
        found = self._cache.get(phrase)
        if found is not None:
            return found
        postings = [self._postings.get(t, set()) for t in dict.fromkeys(phrase)]
        ids = set.intersection(*postings) if postings and all(postings) else set()
        out: list[int] = []
        n = len(phrase)
        for i in sorted(ids):
            tokens = self._tokens[i]
            if any(tokens[j : j + n] == phrase for j in range(len(tokens) - n + 1)):
                out.extend(self._courses[i])
        self._cache[phrase] = found = tuple(out)
        return found


@dataclass
class MatchStats:
    """What one ``match_items`` run did (for benchmarks and logs)."""

    query_strings: int = 0  # distinct normalized item names and keywords
    titles: int = 0  # distinct normalized course titles with a meaningful word
    candidate_pairs: int = 0  # pairs left after blocking
    scored_pairs: int = 0  # pairs cdist computed (a batch scores the union of its candidates)

    @property
    def cross_product(self) -> int:
        return self.query_strings * self.titles


def _required_shared(words: int, score_cutoff: float, bonus: float) -> int:
    """Fewest shared words that can still reach the cutoff (the item-coverage penalty bounds it)."""
    slack = (100.0 + bonus - score_cutoff) / ITEM_COVERAGE_WEIGHT
    need = math.ceil(words * (1.0 - slack) - 1e-9)
    return max(1, min(words, need))


def _candidates(words: tuple[str, ...], postings: dict[str, np.ndarray], need: int) -> np.ndarray:
    arrays = [postings[w] for w in set(words) if w in postings]
    if len(arrays) < need:
        return np.empty(0, dtype=np.int32)
    if len(arrays) == 1:
        return arrays[0]
    slots, counts = np.unique(np.concatenate(arrays), return_counts=True)
    return slots if need <= 1 else slots[counts >= need]


def _batches(order: list[int], candidates: list[np.ndarray]) -> Iterable[tuple[list[int], np.ndarray]]:
    """Consecutive queries whose candidate union stays small enough to score together."""
    start = 0
    while start < len(order):
        batch = [order[start]]
        union = candidates[order[start]]
        own = len(union)
        start += 1
        while start < len(order) and len(batch) < BATCH:
            nxt = candidates[order[start]]
            merged = np.union1d(union, nxt)
            if len(merged) * (len(batch) + 1) > 2 * (own + len(nxt)) + 512:
                break
            union, own = merged, own + len(nxt)
            batch.append(order[start])
            start += 1
        yield batch, union


def _score_queries(
    qwords: list[tuple[str, ...]], titles: _Titles, score_cutoff: float, bonus: float, stats: MatchStats,
) -> list[list[tuple[int, float]]]:
    """For each query string, (title slot, base score) of every candidate that can reach the cutoff."""
    postings = {w: np.asarray(v, dtype=np.int32) for w, v in titles.index.items()}
    prefilter = max(0.0, score_cutoff - bonus)
    results: list[list[tuple[int, float]]] = [[] for _ in qwords]
    candidates = [
        _candidates(words, postings, _required_shared(len(set(words)), score_cutoff, bonus))
        for words in qwords
    ]
    stats.candidate_pairs += sum(len(c) for c in candidates)

    def rarest(i: int) -> tuple[int, str]:
        present = [w for w in qwords[i] if w in postings]
        word = min(present, key=lambda x: (len(postings[x]), x))
        return len(postings[word]), word

    # queries with the same rarest word share most candidates: neighbours in this order batch well
    order = sorted((i for i in range(len(qwords)) if len(candidates[i])),
                   key=lambda i: (rarest(i), qwords[i]))
    for batch, union in _batches(order, candidates):
        matrix = process.cdist(
            [" ".join(qwords[i]) for i in batch],
            [titles.keys[s] for s in union],
            scorer=SCORER,
            processor=None,
            score_cutoff=prefilter,
            dtype=np.float32,
            workers=-1,
        )
        stats.scored_pairs += len(batch) * len(union)
        for row, i in enumerate(batch):
            values = matrix[row, np.searchsorted(union, candidates[i])]
            keep = np.nonzero(values)[0]
            slots = candidates[i][keep]
            results[i] = list(zip(slots.tolist(), values[keep].astype(float).tolist(), strict=True))
    return results


def match_items(
    queries: Sequence[MatchQuery],
    courses: Sequence[Course],
    *,
    soc: str | None = None,
    top_k: int = DEFAULT_TOP_K,
    score_cutoff: float = DEFAULT_SCORE_CUTOFF,
    decisions: Sequence[Decision] = (),
) -> dict[str, tuple[Match, ...]]:
    """Per query key, the best ``top_k`` courses of each school, best first (every key present;
    an empty tuple when none match). Courses a person confirmed come first and count toward
    their school's ``top_k``."""
    return match_items_with_stats(queries, courses, soc=soc, top_k=top_k, score_cutoff=score_cutoff,
                                  decisions=decisions)[0]


def match_items_with_stats(
    queries: Sequence[MatchQuery],
    courses: Sequence[Course],
    *,
    soc: str | None = None,
    top_k: int = DEFAULT_TOP_K,
    score_cutoff: float = DEFAULT_SCORE_CUTOFF,
    decisions: Sequence[Decision] = (),
) -> tuple[dict[str, tuple[Match, ...]], MatchStats]:
    """``match_items`` plus what it did: pairs after blocking and pairs scored."""
    courses = list(courses)
    vocabulary = build_vocabulary(courses, (q.text for q in queries))
    titles = _index_titles(courses, vocabulary)
    context = occupation_context(soc) if soc else None

    per_query = [_query_strings(q, vocabulary, context) for q in queries]
    distinct: dict[tuple[str, ...], int] = {}
    for strings in per_query:
        for qs in strings:
            if qs.words:
                distinct.setdefault(qs.words, len(distinct))
    qwords = list(distinct)
    bonus = IN_CONTEXT_BONUS if context else 0.0
    stats = MatchStats(query_strings=len(qwords), titles=len(titles.keys))
    scored = _score_queries(qwords, titles, score_cutoff, bonus, stats)
    programs = department_programs(courses) if context else [c.program for c in courses]
    course_context = _course_context(courses, programs, context)

    by_decision = _decisions_by_key(decisions)
    identities = _Identities(courses)
    descriptions = _DescriptionIndex(courses)  # each distinct description normalized once
    phrase_search = score_cutoff <= DESCRIPTION_SCORE and bool(descriptions)
    shapes = _TitleShapes(courses, vocabulary)
    fields = _Fields(courses, programs, context, vocabulary) if context else None
    course_fields = _CourseFields(courses, programs)
    departments = _Departments(courses, programs, vocabulary)
    placements = tables().placement
    lectures = lecture_words()
    not_titled = language_words() | teaching_words()  # fields whose math is no one else's ("titled")
    result: dict[str, tuple[Match, ...]] = {}
    for query, strings in zip(queries, per_query, strict=True):
        subject = query.domain in _SUBJECT_DOMAINS
        name = frozenset(title_tokens(query.text, vocabulary))
        # (a "!" term's field word, "hospitality", names no field the item's other terms may enter)
        own = name.union(*(qs.words for qs in strings if not qs.any_field))
        entry = item_terms().get(item_key(query.text))
        general = entry is not None and entry.general
        sector = entry is not None and entry.sector
        titled = entry is not None and entry.titled
        # a software product is the same product in any department, whatever field the title
        # names: a spreadsheet course of an agriculture-business program, or "Civil CAD", teaches
        # Excel or AutoCAD to HVAC mechanics all the same (a kind of
        # software, "Drawing and drafting software", is taught the way each field draws)
        portable = query.domain == "technology" and not is_kind_of_software(query)
        # a product the item names ("Autodesk AutoCAD"), or a suite through its terms ("excel"
        # for Microsoft Office): a course on another product is no match ("Solidworks" for
        # AutoCAD, though both are CAD; "Cognex Easy-Builder & Spreadsheets", a vision system's
        # spreadsheet, for Office)
        products = ((own if portable else name) & software_products()
                    if query.domain == "technology" else frozenset())
        hits: dict[int, _Hit] = {}

        def admit(position: int, qs: _QueryString, ctx: int, own: frozenset[str] = own,
                  general: bool = general, portable: bool = portable, sector: bool = sector,
                  products: frozenset[str] = products, subject: bool = subject,
                  titled: bool = titled, sibling: bool = False) -> bool:
            """The course may teach the item as ``qs`` names it (title or description alike)."""
            if shapes.words(position) & placements:
                return False  # "Electronics Externship": a work placement teaches no item itself
            if (shapes.heads(position) == _HISTORY and not (own | set(qs.words)) & _HISTORY
                    and not shapes.words(position) & _NATURAL):
                return False  # "History of Mathematics" teaches history, not mathematics
            if qs.evidence and (qs.described_only or descriptions.has(position)) and not any(
                    descriptions.mentions(position, e) if isinstance(e, frozenset)
                    else descriptions.says(position, e) for e in qs.evidence):
                return False  # a computing-literacy course whose syllabus names no database (a
                # literature course teaches English only where its syllabus names writing)
            if subject and shapes.clinical(position):
                return False  # "Health & Illness I Clinical" practises what its theory taught
            if products:
                named = shapes.words(position) & software_products()
                if named and not named & products:
                    return False  # "Solidworks CSWA Certification" for AutoCAD: a sibling product
            if ctx <= 0 and fields is not None and not sibling and not qs.any_field:
                # (a sibling program's course is taught for another field by definition; a "!"
                # term names the item in any field; a "~" term counts in any department, but a
                # title naming another field stays that field's: "Cybersecurity First Responder")
                in_title, in_program = fields.foreign(position, sector=sector)
                if _unnamed(in_title, own) and not portable and not (
                        titled and not in_title & not_titled):
                    return False  # "Culinary Nutrition" is taught for another field ("Math for
                    # the Culinary Arts" is mathematics all the same: ``titled``; "Math for
                    # Elementary Teachers" and "Math Methods" teach teaching it)
                if _unnamed(in_program, own) and not portable and not qs.any_department and (
                        not general or fields.language_program(position)):
                    return False  # "Electrical Repair" of an auto-collision program (a
                    # foundation subject, customer service say, is taught there all the same,
                    # but a language department's "Composition" or "Grammar" is the language's)
            if (subject and ctx <= 0 and "programming" in shapes.words(position)
                    and not own & _COMPUTING_SUBJECT):
                return False  # "Problem Solving and the Programing Process" teaches programming
            if qs.penalty and ctx < 0 and not portable and not titled and not qs.any_department:
                return False  # extra terms widen the item within its field, not beyond it (a
                # titled foundation's terms name it in any field: "Pharmacy Calculations")
            if qs.fields and qs.penalty >= DOMAIN_TERM_PENALTY and shapes.words(position) & lectures:
                return False  # "Pharm for the Paramedic" teaches the program no tool
            # "Brakes" teaches Repairing in an automotive program only
            return not (qs.fields and ctx <= 0 and not course_fields.within(position, qs.fields))

        for qs in strings:
            if qs.exact:
                # "Principles of Management" is all generic words, so only an exact term names it
                for position in titles.exact.get(qs.exact, ()):
                    ctx = course_context[position]
                    if not admit(position, qs, ctx):
                        continue
                    final = 100.0 - qs.penalty + (IN_CONTEXT_BONUS if ctx > 0 else 0.0)
                    final = min(100.0, final - (OUT_OF_CONTEXT_PENALTY if ctx < 0 and not portable
                                                and not qs.any_department else 0.0))
                    old = hits.get(position)
                    if final >= score_cutoff and (old is None or final > old.score):
                        hits[position] = _Hit(position, final, tuple(sorted(qs.exact)), ctx, 1.0,
                                              descriptions.mentions(position, name))
                continue
            qset = frozenset(qs.words)
            said_whole = frozenset(qs.phrase)  # a "!" or "~" term's words, all of them
            for slot, base in scored[distinct[qs.words]]:
                tset = titles.tokens[slot]
                score = adjusted_score(base, qset, tset) - qs.penalty
                if score < score_cutoff:
                    continue  # the in-context bonus ranks, it never lifts a course over the cutoff
                shared = tuple(w for w in qs.words if w in tset)
                if len(shared) == 1 and len(qset) > 1 and shared[0] not in qs.heads:
                    continue  # one shared modifier ("surface") is not the item ("surface grinders")
                course_cov = len(set(shared)) / len(tset)
                # a titled foundation named in the title, by its name or a term, is taught in that
                # field's program all the same ("Culinary Math" of a culinary department, its
                # "Pharmacy Calculations" of a pharmacy one, are mathematics)
                names_item = titled and bool(set(shared) & own)
                for position in titles.courses[slot]:
                    ctx = course_context[position]
                    if not admit(position, qs, ctx):
                        continue
                    if qs.any_department and not said_whole <= shapes.words(position):
                        continue  # a "!" or "~" term is said whole or not at all: "Promotional
                        # Event Planning" is no "event planning" management, "Basic Ag Leadership"
                        # no "healthcare leadership"
                    if qs.broad and ctx <= 0 and (qs.context_only or not shapes.words(position) <= qset | name):
                        continue  # "Design" alone: not "Advertising Design" unless in context
                    if (qs.anchors and not shapes.words(position) & qs.anchors
                            and (qs.strict_anchors or not shapes.bare(position) <= qset)):
                        continue  # "Systems Analysis" is not "Forensic Statement Analysis"
                    final = score + (IN_CONTEXT_BONUS if ctx > 0 else 0.0)
                    if subject and not qs.fields and not (set(shared) & shapes.heads(position)):
                        final -= COURSE_HEAD_PENALTY  # the item only modifies the course's subject
                    final -= (OUT_OF_CONTEXT_PENALTY if ctx < 0 and not portable and not names_item
                              and not qs.any_department else 0.0)
                    final = min(100.0, final)
                    if final < score_cutoff:
                        continue
                    old = hits.get(position)
                    if old is None or final > old.score:
                        described = descriptions.mentions(position, qset)
                        hits[position] = _Hit(position, final, shared, ctx, course_cov, described)
            if not phrase_search or qs.penalty > TERM_PENALTY or (qs.fields and not subject):
                continue  # a tool named by its program's topic ("air conditioning") is no phrase
            # the description names the item: "Chassis Systems" that teaches equipment maintenance
            base = DESCRIPTION_SCORE - qs.penalty
            for position in descriptions.courses_with(qs.phrase):
                ctx = course_context[position]
                if len(qs.phrase) < 2 or (ctx <= 0 and (subject or qs.penalty) and not (
                        portable and qs.penalty and shapes.words(position) & _COMPUTING_TITLE
                        and not shapes.words(position) & _PROGRAMMING_TITLE)):
                    continue  # one word is no phrase; outside the program only the item's own name
                    # counts ("critical thinking" is a slogan, "web browsers" a passing mention
                    # in Android programming), or a software product's term in the description
                    # of a computing course ("word processing" in Basic Computing Skills)
                if subject and general:
                    continue  # every syllabus claims writing and mathematics somewhere
                if base < score_cutoff or not admit(position, qs, ctx):
                    continue
                final = min(100.0, base + (IN_CONTEXT_BONUS if ctx > 0 else 0.0))
                old = hits.get(position)
                if old is None or final > old.score:
                    hits[position] = _Hit(position, final, qs.words, ctx, 0.0, True)
        core = _core_fields(query, context)
        if core and score_cutoff <= CORE_SCORE:
            # the program's own courses teach its core item though no title names it ("Brake
            # Systems" teaches Mechanical): after every course that names the item
            whole = _QueryString((), frozenset(), fields=core)
            for position in course_fields.members(core, course_context):
                if shapes.words(position) & core_exclusions():
                    continue  # "Culinary Math" is the program's mathematics, not its cooking
                if position not in hits and admit(position, whole, course_context[position]):
                    hits[position] = _Hit(position, CORE_SCORE, (), course_context[position], 0.0,
                                          descriptions.mentions(position, name))
        sibling, left_out = _field_core_fields(query, context)
        if sibling and score_cutoff <= FIELD_CORE_SCORE:
            # every course of the field's programs teaches the item, the occupation's own or a
            # sibling's ("Wheels and Tires" of a motorcycle program teaches a diesel mechanic
            # Mechanical), after the courses that name it and the own program's
            whole = _QueryString((), frozenset(), fields=sibling)
            excluded = core_exclusions() | left_out
            for position in course_fields.in_fields(sibling):
                if position in hits or shapes.words(position) & excluded:
                    continue
                ctx = course_context[position]
                if admit(position, whole, ctx, sibling=True):
                    hits[position] = _Hit(position, FIELD_CORE_SCORE, (), ctx, 0.0,
                                          descriptions.mentions(position, name))
        if entry is not None and entry.departments and score_cutoff <= CORE_SCORE:
            # every course of the subject's own department teaches it ("Labor Markets and Wages"
            # of an economics department), after the courses that name the item
            anywhere = _QueryString((), frozenset())
            others = core_exclusions() - own  # "Career Exploration" of an economics department
            for position in departments.members(entry.departments):
                ctx = course_context[position]
                if position not in hits and not shapes.words(position) & others and admit(position, anywhere, ctx):
                    hits[position] = _Hit(position, CORE_SCORE, (), ctx, 0.0,
                                          descriptions.mentions(position, name))
        result[query.key] = _rank(query.key, hits, identities, by_decision.get(query.key, []), top_k)
    log.debug("matched %d queries: %s", len(queries), stats)
    return result, stats


def _unnamed(field_words: frozenset[str], own: frozenset[str]) -> bool:
    """Does a field word (or phrase) remain that the item does not name itself? ("Building and
    Construction" names the phrase "building construction")."""
    return any(not set(w.split()) <= own for w in field_words)


def _course_context(courses: Sequence[Course], programs: Sequence[str], context: Context | None) -> list[int]:
    if context is None:
        return [0] * len(courses)
    cache: dict[tuple[str, str], int] = {}
    out = []
    for c, program in zip(courses, programs, strict=True):
        k = (c.cip, program)
        if k not in cache:
            cache[k] = context.classify(cip=c.cip, program=program)
        out.append(cache[k])
    return out


def _decisions_by_key(decisions: Sequence[Decision]) -> dict[str, list[Decision]]:
    out: dict[str, list[Decision]] = {}
    for d in decisions:
        out.setdefault(d.key, []).append(d)
    return out


@lru_cache(maxsize=4096)
def _school_key(school: str) -> str:
    return " ".join(school.casefold().split())


def course_identity(school: str, grade_level: str, title: str) -> tuple[str, str, str]:
    """The (school, grade level, normalized title) a course is listed and decided by."""
    return (_school_key(school), " ".join(grade_level.casefold().split()), decision_title_key(title))


class _Identities:
    """(school, grade level, normalized title) per course, computed once and only when needed."""

    def __init__(self, courses: Sequence[Course]) -> None:
        self.courses = courses
        self._of: dict[int, tuple[str, str, str]] = {}
        self._by_identity: dict[tuple[str, str, str], list[Course]] | None = None

    def school(self, position: int) -> str:
        """The first part of ``of``, without normalizing the title."""
        return _school_key(self.courses[position].school)

    def of(self, position: int) -> tuple[str, str, str]:
        found = self._of.get(position)
        if found is None:
            c = self.courses[position]
            found = self._of[position] = course_identity(c.school, c.grade_level, c.course_title)
        return found

    def courses_of(self, identity: tuple[str, str, str]) -> list[Course]:
        """The catalog's courses of ``identity``, one per wording of the title."""
        if self._by_identity is None:
            self._by_identity = {}
            for position in range(len(self.courses)):
                course = self.courses[position]
                same = self._by_identity.setdefault(self.of(position), [])
                if all(wording(c.course_title) != wording(course.course_title) for c in same):
                    same.append(course)
        return self._by_identity.get(identity, [])


def _sequence(identity: tuple[str, str, str]) -> tuple[str, str, str]:
    """A course's identity without its level: every level of a sequence has the same one."""
    school, grade_level, title = identity
    return (school, grade_level, title.split(" #", 1)[0])


def course_sequence(school: str, grade_level: str, title: str) -> tuple[str, str, str]:
    """What a course counts as against ``top_k``: its sequence ("Algebra I" and "Algebra II",
    "Language Arts (grade 1)" to "(grade 8)" are one)."""
    return _sequence(course_identity(school, grade_level, title))


def _rank(
    key: str, hits: dict[int, _Hit], identities: _Identities, decisions: list[Decision], top_k: int,
) -> tuple[Match, ...]:
    courses = identities.courses
    latest: dict[tuple[str, str, str], Decision] = {}
    for d in decisions:  # later decisions win
        latest[course_identity(d.school, d.grade_level, d.course_title)] = d
    rejected = {k for k, d in latest.items() if d.action == "reject"}
    confirmed = {k: d for k, d in latest.items() if d.action in ("accept", "add")}
    # top_k is per school: each school's educators read their own list, and one large catalog
    # must not crowd a small school out of an item it teaches. It counts courses by their
    # sequence: "Language Arts (grade 1)" to "(grade 8)", or "Algebra I" and "II", take one place
    # of the list between them, so a catalog that numbers its levels is not cut short
    counted: set[tuple[str, str, str]] = {_sequence(identity) for identity in confirmed}
    listed = Counter(identity[0] for identity in counted)

    ordered = sorted(
        hits.values(),
        key=lambda h: (-h.score, -h.context, -h.described, -h.course_cov,
                       courses[h.course].course_title.casefold(),
                       courses[h.course].school.casefold(), h.course),
    )
    suggestions: list[_Hit] = []
    seen: set[tuple[tuple[str, str, str], str]] = set()
    for hit in ordered:
        school = identities.school(hit.course)
        identity = identities.of(hit.course)
        if identity in rejected or identity in confirmed:
            continue
        sequence = _sequence(identity)
        if listed[school] >= top_k and sequence not in counted:
            continue  # the school's list is full, save for further levels of a listed sequence
        # sections of one course are merged ("General Physics I" PHYS 151, "GENERAL PHYSICS 1"
        # PHYS 151B); two courses whose titles only normalize alike ("Medical Terminology" and
        # "Survey of Medical Terminology") are both listed
        listing = (identity, wording(courses[hit.course].course_title))
        if listing in seen:
            continue
        seen.add(listing)
        suggestions.append(hit)
        if sequence not in counted:
            counted.add(sequence)
            listed[school] += 1

    matches: list[Match] = []
    for identity, d in confirmed.items():
        for course in identities.courses_of(identity) or [Course(
            school=d.school, grade_level=d.grade_level, course_code=d.course_code,
            course_title=d.course_title, source="review ledger",
        )]:
            matches.append(Match(key=key, course=course, score=100.0, rank=len(matches) + 1,
                                 status=MatchStatus.CONFIRMED, note=d.note))
    for hit in suggestions:
        matches.append(Match(key=key, course=courses[hit.course], score=round(hit.score, 1),
                             rank=len(matches) + 1, matched_tokens=hit.shared))
    return tuple(matches)
