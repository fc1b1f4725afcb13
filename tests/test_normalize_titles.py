"""Title normalizer: examples from real catalogs, table fixed points, hypothesis properties."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ksa.normalize import (
    default_vocabulary,
    normalize_title,
    stem,
    tables,
    text_tokens,
    title_tokens,
)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Intro to Tech Math II", "technical mathematics"),
        ("Introduction to Machining", "machining"),
        ("Fundamentals of Welding", "welding"),
        ("Principles of Accounting I", "accounting"),
        ("Math for Machinists", "mathematics machining machinist"),
        ("Lathe Operations 2", "lathe operation"),
        ("Electrician Apprentice IIA", "electrician apprentice"),
        ("Mfg Processes", "production processing manufacturing"),
        ("Blpt Rdg", "blueprint"),
        ("Print Reading", "blueprint"),
        ("Gas Metal Arc Welding (GMAW) I", "gmaw welding"),
        ("GMAW Beginning", "gmaw welding beginning"),
        ("CAD/CAM", "cad cam"),
        ("Computer Aided Drafting", "cad"),
        ("Computer numerical control CNC milling machines", "cnc mill"),
        ("PLC Programming", "plc programming"),
        ("Med Term", "medical terminology"),
        ("Comprehensive Medical Term", "comprehensive medical terminology"),
        ("Pathophys Through Lifespan", "pathophysiology through lifespan"),
        ("Inter College Reading/Writing", "intermediate college english language reading writing"),
        ("A&P I", "anatomy physiology"),
        ("Intro to Pharm", "pharmacology"),
        ("Pharm Tech", "pharmacy technology"),
        ("English as a Second Language", "esl"),
        ("Introduction to Composition (ESL)", "eslwriting"),
        ("Introduction to College Reading (ESL)", "college eslreading"),
        ("Physical Education", "physical education"),
        ("Physics", "physics"),
        ("Mathematics", "mathematics"),
        ("Lathes", "lathe"),
        ("Technologies", "technology"),
        ("Production & Processing", "production processing"),
        ("Introduction", "introduction"),
        ("Blueprint Reading for Welders", "blueprint welding"),
        ("Shielded Metal Arc Welding II", "smaw welding"),
        ("Metal inert gas MIG welders", "gmaw welding"),
        ("Heliarc welding equipment", "gtaw welding equipment"),
        ("Conduit Bending", "conduit bender"),
        ("Public Speaking", "speaking"),
        ("Math Study Skills", "mathematics learning strategy"),
        ("Composition I for Non-Native Speakers of English", "eslwriting"),
        ("Applied Mechanics I", "engineering mechanics statics"),
        ("II", "ii"),
        ("The", "the"),
        # "w/" before a certification's subject is "with"; a recertification or online copy of a
        # course is the course ("Online Marketing" keeps its word: it leads)
        ("Heartsaver First Aid w/ CPR Recert", "heartsaver first aid cpr"),
        ("BLS Provider CPR Online", "bls provider cpr"),
        ("Online Marketing", "online marketing"),
        # "Org" before a management subject is organizational (not organic chemistry's "Org"),
        # a truncated "Manage" is management
        ("Org Behavior & Manage", "organizational behavior management"),
        ("Org Chem", "org chemistry"),
    ],
)
def test_examples(title: str, expected: str) -> None:
    assert normalize_title(title) == expected


def test_truncated_last_word_expands_from_vocabulary() -> None:
    vocabulary = default_vocabulary(["analysis", "manufacturing", "tool"])
    assert normalize_title("Suspension and Steering Damage Anal", vocabulary) == (
        "suspension steering damage analysis")
    assert normalize_title("Hand & Precision Measuring Too", vocabulary) == (
        "hand precision measurement tool")
    # short titles are not truncated: "Anal" alone stays as written
    assert normalize_title("Anal", vocabulary) == "anal"


def test_every_table_output_is_a_fixed_point() -> None:
    for rules in tables().rules.values():
        for rule in rules:
            text = " ".join(rule.replacement)
            once = normalize_title(text)
            assert normalize_title(once) == once, text


def test_stem_is_idempotent_on_examples() -> None:
    for word in ["physics", "analysis", "process", "processes", "technologies", "lathes", "dies", "gas"]:
        assert stem(stem(word)) == stem(word)


_PIECES = [*"abcdeilmnoprstuvx IVX&/-()123", "tech ", "math ", "intro to ", "esl ", "ii ", "mfg ",
           "print reading ", "welding ", "english ", "writing ", "gmaw ", "a&p ", "cad/cam "]
titles = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(titles)
def test_idempotent_and_never_empty(title: str) -> None:
    once = normalize_title(title)
    if title.strip():
        assert once
    assert normalize_title(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=30))
def test_any_unicode_text(title: str) -> None:
    once = normalize_title(title)
    if title.strip():
        assert once
    assert normalize_title(once) == once


def test_a_duration_is_no_subject() -> None:
    """"40 Hr" says how long an OSHA course runs; "HR" alone is human resources."""
    assert title_tokens("OSHA Hazwoper 40 Hr") == title_tokens("OSHA")
    assert title_tokens("10-Hour OSHA Safety Trng") == ("osha", "safety", "training")
    assert title_tokens("Intro to HR") == title_tokens("Human Resources")


def test_mechanics_of_a_physics_course_is_physics() -> None:
    """"Gen Phys I: Mechanics" is classical mechanics, no machinery; "Phys Ed" stays physical
    education."""
    assert "mechanical" not in title_tokens("Gen Phys I: Mechanics")
    assert "mechanical" not in title_tokens("AP Physics C: Mechanics")
    assert title_tokens("Phys Ed") == ("physical", "education")


def test_running_text_keeps_its_clauses_and_repeated_words() -> None:
    """A description is normalized clause by clause: "ESL" in a trailing "(Formerly ESL 8B)"
    leaves the reading of the sentence before it alone, and a word said twice stays in both
    places, so a phrase late in the text is still a phrase."""
    tokens = text_tokens("Practice in reading comprehension. (Formerly ESL 8B and ESL 9B)")
    assert "reading" in tokens and "esl" in tokens
    assert "eslreading" in text_tokens("For non-native speakers of English, academic reading.")
    tokens = text_tokens("Covers budgets, accounting terms and cost sheets; then cost accounting.")
    assert ("cost", "accounting") in itertools.pairwise(tokens)
    assert title_tokens("Blueprint Reading Reading") == ("blueprint", "reading")  # titles dedupe



_CLAUSE_PIECES = [p for p in _PIECES if not set(p) & set("()")]
clauses = st.lists(st.sampled_from(_CLAUSE_PIECES), min_size=1, max_size=10).map("".join)


@settings(max_examples=300, deadline=None)
@given(clauses, clauses)
def test_running_text_is_read_clause_by_clause(first: str, second: str) -> None:
    """What one sentence says ("esl", an abbreviation) never changes the words of another, and
    no stop word survives."""
    both = text_tokens(f"{first}. {second}")
    assert both == text_tokens(first) + text_tokens(second)
    assert not set(both) & tables().stop


def test_words_catalogs_cut_short() -> None:
    """Abbreviations found by counting title words no course description uses (session 25):
    literature, troubleshooting, building, residential or natural resources by the next word."""
    assert normalize_title("Race Ethnicity Lit and Film") == "race ethnicity literature film"
    assert normalize_title("Automatic Control Trbleshting 1") == "automatic control troubleshooting"
    assert normalize_title("Bldg Custom Cabinets") == "building custom cabinet"
    assert normalize_title("Res Construction Drafting") == "residential construction drafting"
    assert normalize_title("Environ Pol & Mgt Hawn Nat Res") == "environmental pol management hawaiian natural resource"
    assert normalize_title("Elem Gen Physics I") == "elementary general physics"
