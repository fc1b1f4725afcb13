"""match_items: sensible matches, hard negatives, generic words, context, ledger decisions."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ksa.catalog import load_catalogs
from ksa.ledger import Decision
from ksa.match import MatchQuery, course_sequence, match_items
from ksa.model import Course, MatchStatus
from ksa.normalize import normalize_title
from ksa.panel import CatalogSpec

SAMPLE = Path(__file__).resolve().parents[1] / "inputs" / "sample" / "courses.csv"


def _course(title: str, school: str = "Front Range CC", code: str = "", program: str = "",
            cip: str = "") -> Course:
    return Course(school=school, grade_level="Certificate", course_code=code, course_title=title,
                  program=program, cip=cip)


def _titles(result: dict[str, tuple], key: str) -> list[str]:  # type: ignore[type-arg]
    return [m.course.course_title for m in result[key]]


def _matched(courses: list[Course], domain: str, item: str, soc: str) -> list[str]:
    """Titles of the courses one item is matched to in the occupation's context."""
    return _titles(match_items([MatchQuery("q", domain, item)], courses, soc=soc), "q")


def test_every_key_present_even_without_matches() -> None:
    result = match_items([MatchQuery("k1", "knowledge", "Mathematics"),
                          MatchQuery("k2", "skills", "Operations Monitoring")],
                         [_course("Welding I")])
    assert result == {"k1": (), "k2": ()}


def test_abbreviations_and_levels_match() -> None:
    courses = [_course("Tech Math II", code="MAT 107"), _course("Welding Fundamentals")]
    (match,) = match_items([MatchQuery("k", "knowledge", "Mathematics")], courses)["k"]
    assert match.course.course_code == "MAT 107"
    assert match.status is MatchStatus.SUGGESTED
    assert match.matched_tokens == ("mathematics",)
    assert 80 <= match.score <= 100
    assert match.rank == 1


def test_hard_negatives_not_matched() -> None:
    courses = [_course("Physical Education"), _course("English as a Second Language"),
               _course("Introduction to Composition (ESL)"), _course("Physical Geology")]
    result = match_items([MatchQuery("phys", "knowledge", "Physics"),
                          MatchQuery("eng", "knowledge", "English Language")], courses)
    assert result == {"phys": (), "eng": ()}


def test_generic_words_never_carry_a_match_alone() -> None:
    courses = [_course("Introduction to Technology"), _course("Applied Systems Fundamentals II")]
    result = match_items([MatchQuery("k", "technology", "Technology Systems Basic Applied")], courses)
    assert result["k"] == ()


def test_partial_item_coverage_scores_lower_than_full() -> None:
    courses = [_course("Quality"), _course("Quality Control Analysis Lab")]
    matches = match_items([MatchQuery("k", "skills", "Quality Control Analysis")], courses, score_cutoff=0)["k"]
    assert matches[0].course.course_title == "Quality Control Analysis Lab"
    assert matches[0].score > 90
    assert len(matches) == 1 or matches[1].score < 80


def test_top_k_and_duplicates_per_school_collapse() -> None:
    courses = [_course("Machining Technology", code=f"MACH 6{i}11") for i in range(5)] + [
        _course("CNC Lathe Operations"), _course("Lathe Operations I"), _course("Lathe Concepts", school="B")]
    matches = match_items([MatchQuery("k", "tools", "Lathes")], courses, top_k=3)["k"]
    assert len(matches) == 3
    assert [m.rank for m in matches] == [1, 2, 3]
    assert all("lathe" in m.course.course_title.casefold() for m in matches)


def test_each_course_of_a_sequence_is_suggested_and_decided_on_its_own() -> None:
    """"General Physics I" and "II" are two courses (both teach physics); two sections of one
    course, or "I" written "1", are one. A decision on the first course leaves the second alone."""
    courses = [_course("General Physics I", code="PHYS 151"), _course("GENERAL PHYSICS 1", code="PHYS 151B"),
               _course("General Physics II", code="PHYS 152"), _course("Physical Education")]
    query = [MatchQuery("k", "knowledge", "Physics")]
    codes = sorted(m.course.course_code for m in match_items(query, courses)["k"])
    assert len(codes) == 2 and codes[0] in ("PHYS 151", "PHYS 151B") and codes[1] == "PHYS 152"
    rejected = match_items(query, courses, decisions=[
        Decision("k", "Front Range CC", "Certificate", "general physics 1", "reject")])["k"]
    assert [m.course.course_code for m in rejected] == ["PHYS 152"]


def test_courses_whose_titles_only_normalize_alike_are_both_listed() -> None:
    """"Survey of Medical Terminology" (HLTH 125) and "Medical Terminology" (HLTH 110) share a
    normalized title but are two courses: both are suggested, and a decision on the title
    confirms (or rejects) both."""
    courses = [_course("Medical Terminology", code="HLTH 110"),
               _course("Survey of Medical Terminology", code="HLTH 125"),
               _course("MEDICAL TERMINOLOGY", code="HLTH 110B")]
    query = [MatchQuery("k", "knowledge", "Medical Terminology")]
    found = match_items(query, courses)["k"]
    assert sorted(m.course.course_title for m in found) == ["Medical Terminology", "Survey of Medical Terminology"]
    accepted = match_items(query, courses, decisions=[
        Decision("k", "Front Range CC", "Certificate", "medical terminology", "accept")])["k"]
    assert [(m.course.course_code, m.status) for m in accepted] == [
        ("HLTH 110", MatchStatus.CONFIRMED), ("HLTH 125", MatchStatus.CONFIRMED)]
    rejected = match_items(query, courses, decisions=[
        Decision("k", "Front Range CC", "Certificate", "Medical Terminology", "reject")])["k"]
    assert rejected == ()


def test_context_prefers_program_leading_to_occupation() -> None:
    courses = [_course("Quality Control", school="Brew U", program="Brewing Science"),
               _course("Quality Control", school="Tech U", program="Machine Shop Technology")]
    matches = match_items([MatchQuery("k", "skills", "Quality Control Analysis")], courses,
                          soc="51-9161.00")["k"]
    assert [m.course.school for m in matches] == ["Tech U"]
    no_context = match_items([MatchQuery("k", "skills", "Quality Control Analysis")], courses)["k"]
    assert {m.course.school for m in no_context} == {"Brew U", "Tech U"}


def test_decisions_win() -> None:
    courses = [_course("Lathe Operations I"), _course("CNC Lathe Operations")]
    decisions = [
        Decision("k", "Front Range CC", "Certificate", "Lathe Operations I", "reject"),
        Decision("k", "Front Range CC", "certificate", "Machine Shop Safety", "add", course_code="MS 1"),
    ]
    matches = match_items([MatchQuery("k", "tools", "Lathes")], courses, decisions=decisions)["k"]
    assert [(m.course.course_title, m.status, m.score, m.rank) for m in matches] == [
        ("Machine Shop Safety", MatchStatus.CONFIRMED, 100.0, 1),
        ("CNC Lathe Operations", MatchStatus.SUGGESTED, matches[1].score, 2),
    ]
    assert matches[0].course.course_code == "MS 1"


def test_keywords_widen_the_query() -> None:
    courses = [_course("Precision Measurement Tools")]
    assert match_items([MatchQuery("k", "tools", "Micrometers")], courses)["k"] == ()
    matches = match_items([MatchQuery("k", "tools", "Micrometers", keywords=("precision measurement",))],
                          courses)["k"]
    assert [m.course.course_title for m in matches] == ["Precision Measurement Tools"]


def test_sample_catalog_gives_sensible_matches() -> None:
    load = load_catalogs([CatalogSpec(SAMPLE)])
    queries = [
        MatchQuery("2.C.4.a", "knowledge", "Mathematics"),
        MatchQuery("2.C.3.d", "knowledge", "Production and Processing"),
        MatchQuery("2.C.7.a", "knowledge", "English Language"),
        MatchQuery("2.C.4.c", "knowledge", "Physics"),
        MatchQuery("2.C.3.e", "knowledge", "Mechanical"),
        MatchQuery("t1", "tools", "Lathes"),
        MatchQuery("t2", "tools", "Computer numerical control CNC milling machines"),
        MatchQuery("t3", "technology", "Computer aided manufacturing CAM software"),
    ]
    result = match_items(queries, load.courses, soc="51-9161.00")
    for key in result:
        assert result[key], key
    assert all("esl" not in t.casefold() for t in _titles(result, "2.C.7.a"))
    assert all("physical" not in t.casefold() for t in _titles(result, "2.C.4.c"))
    assert any("Manufacturing Processes" in t for t in _titles(result, "2.C.3.d"))
    assert all("cnc" in t.casefold() and "mill" in t.casefold() for t in _titles(result, "t2"))


def test_description_breaks_ties() -> None:
    courses = [Course("A", "C", "", "Lathe Operations"),
               Course("B", "C", "", "Lathe Operations", description="Set up and run engine lathes safely.")]
    matches = match_items([MatchQuery("k", "tools", "Lathes")], courses)["k"]
    assert [m.course.school for m in matches] == ["B", "A"]


def test_cip_column_gives_context() -> None:
    courses = [Course("Elsewhere", "C", "", "Quality Control", cip="01.1003"),
               Course("Machinists", "C", "", "Quality Control", cip="48.0510"),
               Course("Unknown", "C", "", "Quality Control")]
    matches = match_items([MatchQuery("k", "skills", "Quality Control Analysis")], courses, soc="51-9161.00")["k"]
    assert [m.course.school for m in matches] == ["Machinists", "Unknown"]
    assert matches[0].score > matches[1].score


_WORDS = ["welding", "math", "tech", "intro to", "lathe", "cnc", "mill", "physics", "english", "esl",
          "quality", "control", "II", "applied", "systems", "blueprint", "reading", "&", "safety"]
_phrases = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(_phrases, min_size=1, max_size=6), st.lists(_phrases, min_size=0, max_size=12),
       st.integers(min_value=1, max_value=4), st.sampled_from([0.0, 60.0, 80.0, 95.0]))
def test_invariants(items: list[str], titles: list[str], top_k: int, cutoff: float) -> None:
    queries = [MatchQuery(f"k{i}", "skills", text) for i, text in enumerate(items)]
    courses = [_course(t, school=f"S{i % 3}") for i, t in enumerate(titles)]
    result = match_items(queries, courses, top_k=top_k, score_cutoff=cutoff)
    assert set(result) == {q.key for q in queries}
    for matches in result.values():
        # top_k counts per school, a sequence's levels (and titles that normalize alike) once
        per_school = Counter(s[0] for s in {course_sequence(m.course.school, m.course.grade_level,
                                                            m.course.course_title) for m in matches})
        assert all(n <= top_k for n in per_school.values())
        assert [m.rank for m in matches] == list(range(1, len(matches) + 1))
        assert all(cutoff <= m.score <= 100 for m in matches)
        assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
        assert all(m.matched_tokens for m in matches)


# --- held-out error patterns (issue 5): item terms, broad items, heads, context, school spread ---

def test_item_terms_table_is_well_formed() -> None:
    import csv

    from ksa.match_terms import item_key, item_terms
    from ksa.normalize import data_lines, meaningful, tables, title_tokens

    table = item_terms()
    assert len(table) >= 50
    assert item_key("  Microsoft  EXCEL ") in table
    for name, entry in table.items():
        own = meaningful(title_tokens(name))
        for term in entry.terms:
            words = meaningful(title_tokens(term))
            # a term of generic words only names exactly the titles of those words ("management":
            # "Principles of Management"); one of leading words only would name nothing
            assert words or set(title_tokens(term)) - tables().leading, (name, term)
            if not words:
                continue
            # the normalizer's tables already give the name, unless the name needs its vendor
            # ("Intuit QuickBooks"): the bare product as a term says it is unambiguous alone
            vendor = set(title_tokens(name)) & tables().vendor
            # ... or the term keeps generic words a title must carry ("accounting applications")
            anchored = len(title_tokens(term)) > len(words)
            assert words != own or vendor or anchored, (name, term)
        assert entry.terms or entry.broad or entry.general or entry.software, name  # a row must do something
        assert not entry.titled or entry.general, name
    flags = {(row.get("general") or "").strip() for row in csv.DictReader(data_lines("item_terms.csv"))}
    assert flags <= {"", "1", "sector", "titled"}, flags  # an unknown word would silently mean nothing
    broad = {(row.get("broad") or "").strip() for row in csv.DictReader(data_lines("item_terms.csv"))}
    assert broad <= {"", "1", "context"}, broad
    assert table["design"].context_only and not table["writing"].context_only


def test_item_terms_find_synonyms_without_a_shared_word() -> None:
    courses = [_course("GTAW I", school="A"), _course("Spreadsheet Applications", school="B"),
               _course("Word Processing I", school="C"), _course("Oxyacetylene Welding", school="D")]
    result = match_items([MatchQuery("tig", "tools", "Heliarc welding equipment"),
                          MatchQuery("xl", "technology", "Microsoft Excel"),
                          MatchQuery("doc", "technology", "Microsoft Word")], courses)
    assert _titles(result, "tig") == ["GTAW I"]
    assert _titles(result, "xl") == ["Spreadsheet Applications"]
    assert _titles(result, "doc") == ["Word Processing I"]


def test_broad_one_word_item_needs_its_own_title_or_context() -> None:
    courses = [_course("Advertising Design", school="A"), _course("Architectural Design", school="B"),
               _course("Engineering Drawing I", school="C"), _course("Design", school="D")]
    found = _titles(match_items([MatchQuery("d", "knowledge", "Design")], courses), "d")
    assert "Advertising Design" not in found and "Architectural Design" not in found
    # the term "engineering drawing"; a course titled "Design" alone teaches visual design
    # (ART 115 "Introduction to Design") unless it is in the occupation's own program
    assert found == ["Engineering Drawing I"]
    drafting = [_course("Introduction to Design", school="D", cip="15.1301"),
                _course("Introduction to Design", school="E", cip="50.0401")]
    in_program = match_items([MatchQuery("d", "knowledge", "Design")], drafting, soc="17-3011.00")["d"]
    assert [m.course.school for m in in_program] == ["D"]
    welding = [_course("Weld Design", school="W", cip="48.0508")]  # a welding program
    assert _titles(match_items([MatchQuery("d", "knowledge", "Design")], welding, soc="51-4121.00"),
                   "d") == ["Weld Design"]
    assert match_items([MatchQuery("d", "knowledge", "Design")], welding)["d"] == ()


def test_item_only_modifying_the_course_ranks_below_real_courses() -> None:
    courses = [_course("Math Study Skills", school="A"), _course("Technical Mathematics", school="B"),
               _course("Business Math", school="C")]
    matches = match_items([MatchQuery("m", "knowledge", "Mathematics")], courses, top_k=3, score_cutoff=80)["m"]
    titles = [m.course.course_title for m in matches]
    assert titles.index("Math Study Skills") == 2
    assert matches[2].score <= matches[1].score - 5


def test_long_tool_name_matches_by_its_head_phrase() -> None:
    courses = [_course("Introduction to Arc Welding"), _course("Gas Laws", school="B")]
    matches = match_items([MatchQuery("t", "tools", "Portable gas operated arc welders")], courses)["t"]
    assert [m.course.course_title for m in matches] == ["Introduction to Arc Welding"]
    assert matches[0].score < 100  # ranks below a course naming the whole tool


def test_in_context_bonus_ranks_but_never_lifts_over_the_cutoff() -> None:
    plain = match_items([MatchQuery("k", "tools", "Lathes")], [_course("Lathe Facing and Knurling")],
                        score_cutoff=0)["k"]
    base = plain[0].score
    in_context = [_course("Lathe Facing and Knurling", cip="48.0501")]
    lifted = match_items([MatchQuery("k", "tools", "Lathes")], in_context, soc="51-4041.00",
                         score_cutoff=base + 1)["k"]
    assert lifted == ()
    ranked = match_items([MatchQuery("k", "tools", "Lathes")], in_context, soc="51-4041.00",
                         score_cutoff=base)["k"]
    assert ranked[0].score > base


def test_top_k_counts_per_school() -> None:
    """A large catalog does not crowd a small school out: each school gets its own top_k."""
    big = [_course(title, school="A", code=f"W{n}") for n, title in enumerate(
        ("Welding", "Pipe Welding", "Welding Metallurgy", "Advanced Welding", "Welding Symbols"))]
    small = [_course("Welding and Cutting Lab", school="B")]
    matches = match_items([MatchQuery("k", "knowledge", "Welding")], big + small, top_k=2)["k"]
    per_school = Counter(m.course.school for m in matches)
    assert per_school == {"A": 2, "B": 1}
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
    assert [m.rank for m in matches] == [1, 2, 3]


def test_top_k_counts_a_sequence_once() -> None:
    """The levels of one course ("Language Arts (grade 1)" to "(grade 4)", "Welding I" and "II")
    take one place of a school's top_k between them, so a catalog that numbers its levels is not
    cut short; each level is still its own suggestion."""
    grades = [_course(f"Language Arts (grade {n})", school="A", code=f"LA{n}") for n in range(1, 5)]
    others = [_course("English Composition", school="A", code="EN1"),
              _course("English Grammar", school="A", code="EN2")]
    matches = match_items([MatchQuery("k", "knowledge", "English Language")], grades + others,
                          top_k=2)["k"]
    titles = [m.course.course_title for m in matches]
    assert sum(t.startswith("Language Arts") for t in titles) in (0, 4)  # a sequence is whole
    assert len({"EN1", "EN2"} & {m.course.course_code for m in matches}) == (1 if len(titles) == 5 else 2)
    welding = [_course("Welding I", school="B"), _course("Welding II", school="B"),
               _course("Welding III", school="B"), _course("Pipe Welding", school="B")]
    listed = _titles(match_items([MatchQuery("w", "knowledge", "Welding")], welding, top_k=1), "w")
    assert sorted(listed) == ["Welding I", "Welding II", "Welding III"]


def test_context_related_and_ambiguous_programs_are_not_elsewhere() -> None:
    from ksa.catalog_cip import ELSEWHERE, IN_CONTEXT, UNKNOWN, occupation_context

    welders = occupation_context("51-4121.00")
    assert welders.classify(cip="48.0508") == IN_CONTEXT
    assert welders.classify(cip="15.1301") == UNKNOWN  # drafting: a related field
    assert welders.classify(cip="52.0201") == UNKNOWN  # business basics serve every occupation
    assert welders.classify(cip="01.1003") == ELSEWHERE  # food science
    assert welders.classify(program="Business") == UNKNOWN  # fits several unrelated families
    assert welders.classify(program="Brewing Science") == ELSEWHERE
    pharmacy = occupation_context("29-2052.00")
    assert pharmacy.classify(cip="51.0801") == UNKNOWN  # medical assisting: health family
    assert pharmacy.classify(cip="48.0508") == ELSEWHERE


def test_a_tools_one_subject_term_keeps_its_generic_words() -> None:
    """Microsoft Access's term "database applications" finds end-user database courses, not an IT
    department's database theory; software keeps its courses in any department."""
    courses = [_course("Database Applications I", school="A", program="Business Technology"),
               _course("Database Concepts", school="B", program="Computer Information Technology"),
               _course("Database Systems I", school="C"),
               _course("Spreadsheet Applications", school="D", program="Agriculture Business")]
    found = match_items([MatchQuery("access", "technology", "Microsoft Access"),
                         MatchQuery("excel", "technology", "Microsoft Excel")], courses, soc="49-9021.00")
    assert _titles(found, "access") == ["Database Applications I"]
    assert _titles(found, "excel") == ["Spreadsheet Applications"]


def test_procedure_names_are_not_the_subject_they_contain() -> None:
    """"IV Therapy" is an infusion procedure, not therapy and counseling; "Infection Control" is
    not operation and control; "Educational Psychology" is no educational software."""
    courses = [_course("IV Therapy for Practical Nursing"), _course("Microbiology and Infection Control"),
               _course("Educational Psychology"), _course("Rehabilitation Counseling"),
               _course("Operations and Controls"), _course("Educational Software")]
    found = match_items([MatchQuery("t", "knowledge", "Therapy and Counseling"),
                         MatchQuery("o", "skills", "Operation and Control"),
                         MatchQuery("e", "technology", "Educational software")], courses)
    assert _titles(found, "t") == ["Rehabilitation Counseling"]
    assert _titles(found, "o") == ["Operations and Controls"]
    assert _titles(found, "e") == ["Educational Software"]


def test_a_course_description_that_names_the_item_suggests_the_course() -> None:
    """A description counts where it is specific: a tool's own name ("torque wrench") anywhere, a
    skill's phrase inside the occupation's own program; outside it "equipment maintenance" in a
    syllabus is a passing mention, and one word ("troubleshooting") is never enough. Description
    matches rank below title matches."""
    auto = "Automotive Technology"
    courses = [
        Course(school="A", grade_level="C", course_code="AUT 110", course_title="Chassis Systems",
               program=auto, description="Students service suspensions and steering: equipment "
                                         "maintenance and troubleshooting with a torque wrench."),
        Course(school="B", grade_level="C", course_code="HIS 101", course_title="World History",
               description="Equipment maintenance of empires; troubleshooting the past."),
        Course(school="C", grade_level="C", course_code="AUT 100", course_title="Equipment Maintenance",
               program=auto),
    ]
    queries = [MatchQuery("m", "skills", "Equipment Maintenance"), MatchQuery("t", "skills", "Troubleshooting"),
               MatchQuery("w", "tools", "Torque wrenches")]
    found = match_items(queries, courses, soc="49-3023.00")
    assert [m.course.course_code for m in found["m"]] == ["AUT 100", "AUT 110"]
    assert found["m"][0].score > found["m"][1].score
    # the automotive program's systems course teaches its mechanics Troubleshooting (round r147),
    # but the one word of a description does not: World History is no suggestion, nor is the
    # chassis course without the occupation
    assert [m.course.course_code for m in found["t"]] == ["AUT 110"]
    assert [m.course.course_code for m in found["w"]] == ["AUT 110"]
    no_occupation = match_items(queries, courses)
    assert no_occupation["t"] == ()
    assert [m.course.course_code for m in no_occupation["m"]] == ["AUT 100"]
    assert [m.course.course_code for m in no_occupation["w"]] == ["AUT 110"]


def test_a_kind_of_software_needs_a_software_course() -> None:
    """"Accounting software" is not taught by Principles of Accounting; "Introduction to
    Databases" (database internals) is no Microsoft Access course, though "Database Applications"
    is; CAD software, whose subject is software, keeps its CAD courses."""
    courses = [_course("Principles of Accounting I"), _course("Computerized Accounting"),
               _course("Accounting Software Applications"), _course("Introduction to Databases"),
               _course("Database Applications"), _course("Computer Aided Drafting")]
    found = match_items([MatchQuery("a", "technology", "Accounting software"),
                         MatchQuery("m", "technology", "Microsoft Access"),
                         MatchQuery("c", "technology", "Computer aided design CAD software")], courses)
    assert sorted(_titles(found, "a")) == ["Accounting Software Applications", "Computerized Accounting"]
    assert _titles(found, "m") == ["Database Applications"]
    assert _titles(found, "c") == ["Computer Aided Drafting"]


def test_human_relations_in_management_is_named_whole() -> None:
    """"Human Relations in Management" teaches Administration and Management; a nursing
    program's "Human Workplace Relations" shares two of its words but not the subject (29 to 0)."""
    courses = [_course("Human Relations in Management", school="A"),
               _course("Human Workplace Relations", school="B", code="NRSG 1031")]
    assert _matched(courses, "knowledge", "Administration and Management", "29-1124.00") == [
        "Human Relations in Management"]


def test_computer_applications_teaches_the_office_suite() -> None:
    """"Computer Applications" (word processing, spreadsheets, presentations) is an Office course;
    the words alone never named it because every word of it is common."""
    courses = [_course("Computer Applications"), _course("Business Computer Applications", school="B"),
               _course("Introduction to Computer Applications II", school="E"),
               _course("Computer Applications in Criminal Justice", school="C"),
               _course("Computer Applications in NDT", school="D"),
               _course("Financial Computer Application", school="F")]
    for item in ("Microsoft Excel", "Microsoft Word", "Microsoft Office software"):
        found = match_items([MatchQuery("k", "technology", item)], courses, soc="31-9091.00")["k"]
        # an exact term ("=computer applications"): other fields' computer applications are not
        # Office courses
        assert {m.course.course_title for m in found} == {
            "Computer Applications", "Business Computer Applications",
            "Introduction to Computer Applications II"}, item


def test_the_office_suite_is_a_product_taught_in_any_department() -> None:
    """"Microsoft Office software" names its maker (though the normalizer folds "Microsoft
    Office" into one word), so it is a product, taught the same in an agriculture program; its
    applications' own courses teach the suite."""
    from ksa.match import is_kind_of_software

    assert not is_kind_of_software(MatchQuery("k", "technology", "Microsoft Office software"))
    assert is_kind_of_software(MatchQuery("k", "technology", "Accounting software"))
    courses = [Course("Southeast CC", "", "AGRI 1369", "Spreadsheet Applications",
                      program="Agriculture Business & Management Technology"),
               _course("Microsoft Access", school="B"), _course("Micro Office Integration", school="C"),
               _course("Micro Economics", school="D")]
    found = match_items([MatchQuery("k", "technology", "Microsoft Office software")], courses,
                        soc="49-9021.00")["k"]
    assert {m.course.course_title for m in found} == {
        "Spreadsheet Applications", "Microsoft Access", "Micro Office Integration"}


def test_a_computing_course_description_names_the_software_it_trains() -> None:
    """Outside the occupation's programs a term in a description is a passing mention, except
    for a software product in a computing course: "Basic Computing Skills" whose description
    practises word processing teaches Microsoft Word; desktop publishing that imports word
    processing files does not, nor Android programming that mentions web browsers."""
    def described(title: str, description: str, school: str) -> Course:
        return Course(school, "", "", title, description=description)

    courses = [
        described("Basic Computing Skills for College Success",
                  "Instruction and practice with word processing and presentation programs.", "A"),
        described("Desktop Publishing for Business",
                  "Page layout of documents imported from word processing programs.", "B"),
        described("Android App Programming", "Apps that open pages in web browsers.", "C"),
    ]
    word = match_items([MatchQuery("k", "technology", "Microsoft Word")], courses,
                       soc="49-3021.00")["k"]
    assert [m.course.course_title for m in word] == ["Basic Computing Skills for College Success"]
    safari = match_items([MatchQuery("k", "technology", "Apple Safari")], courses, soc="49-3021.00")["k"]
    assert safari == ()


def test_a_course_on_a_sibling_product_is_no_match() -> None:
    """AutoCAD is CAD, and so is SolidWorks: a generic CAD course teaches AutoCAD, a SolidWorks
    or Gerber course does not (a course naming both does)."""
    courses = [_course("Computer Aided Design I"), _course("Solidworks CSWA Certification", school="B"),
               _course("Gerber Computer Aided Design II", school="C"),
               _course("AutoCAD and SolidWorks", school="D")]
    found = match_items([MatchQuery("k", "technology", "Autodesk AutoCAD")], courses,
                        soc="17-3011.00")["k"]
    assert {m.course.course_title for m in found} == {"Computer Aided Design I", "AutoCAD and SolidWorks"}
    kind = match_items([MatchQuery("k", "technology", "Computer aided design CAD software")], courses,
                       soc="17-3011.00")["k"]
    assert "Solidworks CSWA Certification" in {m.course.course_title for m in kind}


def test_a_suite_is_no_match_for_another_products_course() -> None:
    """Microsoft Office reaches spreadsheets through its terms; a vision system's spreadsheet
    course ("Cognex Easy-Builder & Spreadsheets") teaches Cognex, not the Office suite."""
    courses = [_course("Spreadsheets for Business"), _course("Cognex Easy-Builder & Spreadsheets", school="B"),
               _course("Excel and Cognex Integration", school="C")]
    found = match_items([MatchQuery("k", "technology", "Microsoft Office software")], courses)["k"]
    assert {m.course.course_title for m in found} == {"Spreadsheets for Business", "Excel and Cognex Integration"}


def test_3d_computer_graphics_is_modeling_not_image_editing() -> None:
    courses = [_course("3D Computer Graphics I"), _course("Computer Graphics", school="B")]
    found = match_items([MatchQuery("k", "technology", "Adobe Photoshop")], courses)["k"]
    assert [m.course.course_title for m in found] == ["Computer Graphics"]


def test_reading_comprehension_is_reading_and_first_year_composition() -> None:
    """Reading courses and first-year composition teach Reading Comprehension (composition is
    taught on reading texts); technical, business and workshop writing teach producing documents,
    the Writing skill, not reading (the r70 relabel of every set)."""
    titles = ["College Reading", "Academic Reading, Advanced", "Composition I", "College English",
              "Beginning College Read/Writing", "Technical Writing", "Business Writing", "Writing Workshop I", "Blueprint Reading"]
    courses = [_course(t, school=f"S{n}") for n, t in enumerate(titles)]
    found = _titles(match_items([MatchQuery("r", "skills", "Reading Comprehension")], courses), "r")
    assert sorted(found) == sorted(["College Reading", "Academic Reading, Advanced", "Composition I",
                                    "College English", "Beginning College Read/Writing"])
    writing = _titles(match_items([MatchQuery("w", "skills", "Writing")], courses), "w")
    assert {"Technical Writing", "Business Writing", "Writing Workshop I", "Composition I"} <= set(writing)


def test_biology_takes_its_branches() -> None:
    courses = [_course("General Botany", school="A"), _course("Introduction to Zoology", school="B"),
               _course("General Genetics", school="C"), _course("Physical Geology", school="D")]
    assert sorted(_titles(match_items([MatchQuery("b", "knowledge", "Biology")], courses), "b")) == [
        "General Botany", "General Genetics", "Introduction to Zoology"]


def test_field_mathematics_in_its_fields_program_is_mathematics() -> None:
    """"Culinary Math" of a culinary department teaches a customer service representative
    mathematics all the same (Mathematics is a ``titled`` foundation: the judges took field
    mathematics 65 times to 14); "Math for Elementary Teachers" teaches teaching it."""
    courses = [_course("Culinary Math", school="A", program="Culinary Arts"),
               _course("Welding Math", school="B", program="Welding"),
               _course("Math for Elementary Teachers", school="C", program="Education"),
               _course("Culinary Nutrition", school="D", program="Culinary Arts")]
    found = _matched(courses, "knowledge", "Mathematics", "43-4051.00")
    assert sorted(found) == ["Culinary Math", "Welding Math"]


def test_calculations_courses_are_mathematics() -> None:
    """A calculations course is a mathematics course titled for its field ("Business
    Calculations", "Pharmacy Calculations"; judges 211 to 3); a course on calculators is not."""
    courses = [_course("Business Calculations", school="A", program="Business"),
               _course("Pharmacy Calculations I", school="B", program="Pharmacy Technician"),
               _course("Calculator Operations", school="C"),
               _course("Bookkeeping I", school="D")]
    found = _matched(courses, "knowledge", "Mathematics", "41-3021.00")
    assert sorted(found) == ["Business Calculations", "Pharmacy Calculations I"]


def test_political_science_and_civics_are_law_and_government() -> None:
    """Political science, American politics, civics, public administration and public policy teach
    government (judges 56 to 3 once named); other politics courses ("Politics of Japan") are
    left out."""
    courses = [_course("Introduction to Political Science", school="A"),
               _course("Civics", school="B"), _course("Public Policy", school="C"),
               _course("Introduction to American Politics", school="D"),
               _course("Politics of Japan", school="E"), _course("Science—General", school="F")]
    found = _matched(courses, "knowledge", "Law and Government", "47-4011.00")
    assert sorted(found) == ["Civics", "Introduction to American Politics",
                             "Introduction to Political Science", "Public Policy"]


def test_workplace_relations_courses_teach_social_perceptiveness_in_any_department() -> None:
    """Getting along at work is taught the same whichever program gives it: a medical-assisting
    "Career & Workplace Relations", a business "Organizational Behavior" and a trades "Job
    Seeking & Work Relationships" teach a photographer Social Perceptiveness (judges 59 to 2, 15 to
    0, 19 to 0; round r84); a human-services "Individual Counseling" is the helping professions'
    (a blind judge took it for nurses and therapists only), and "Family and Consumer Relations
    Law" is no relations course."""
    courses = [_course("Career & Workplace Relations", school="A", program="Medical Assisting"),
               _course("Organizational Behavior", school="B", program="Business Management"),
               _course("Job Seeking & Work Relationships", school="C", code="WELD 1010"),
               _course("Individual Counseling", school="D", program="Human Services"),
               _course("Family and Consumer Relations Law", school="E", program="Paralegal")]
    found = _matched(courses, "skills", "Social Perceptiveness", "27-4021.00")
    assert sorted(found) == ["Career & Workplace Relations", "Job Seeking & Work Relationships",
                             "Organizational Behavior"]


def test_building_codes_and_materials_courses_teach_building_and_construction() -> None:
    """A course titled for the building trade's own subject ("Building Codes", "Construction
    Materials", "Construction Estimating and Bidding") teaches Building and Construction to an
    interior designer whatever department gives it; "Website Building" and "Ceramics: Hand
    Building" do not."""
    titles = ["Building Codes", "CONSTRUCTION MATERIALS", "Construction Estimating and Bidding",
              "Website Building", "Ceramics: Hand Building"]
    courses = [_course(t, school=f"S{n}") for n, t in enumerate(titles)]
    found = _matched(courses, "knowledge", "Building and Construction", "27-1025.00")
    assert sorted(found) == ["Building Codes", "CONSTRUCTION MATERIALS", "Construction Estimating and Bidding"]


def test_english_language_is_writing_and_reading_english() -> None:
    """A course on writing or reading English teaches English Language (the r73 relabel: media,
    grant and creative writing, fiction workshops, news writing, journalism, screenwriting, college
    reading); "writing" or "reading" in another field's sense
    does not (menu writing, song writing, writing for video games, second-language writing,
    blueprint reading) nor does a course about journalism or fiction ("Journalism and Society",
    "Modern Fiction", literature)."""
    titles = ["Media Writing", "Grant Writing", "Fiction Writing", "College Reading Skills",
              "Menu Writing & Development", "Introduction to Song Writing",
              "Writing and Storytelling for Video Games", "Second Language Writing",
              "Blueprint Reading", "Welding I", "Fiction Workshop", "Newswriting",
              "Introduction to Journalism", "Journalism and Society", "Modern Fiction",
              "Introduction to Screenwriting"]
    courses = [_course(t, school=f"S{n}") for n, t in enumerate(titles)]
    found = _matched(courses, "knowledge", "English Language", "51-4121.00")
    assert sorted(found) == ["College Reading Skills", "Fiction Workshop", "Fiction Writing", "Grant Writing",
                             "Introduction to Journalism", "Introduction to Screenwriting", "Media Writing",
                             "Newswriting"]


def test_business_computing_and_computing_skills_are_computer_literacy() -> None:
    """"Introduction to Business Computing" and "Computing Skills" teach using computers (judges 34
    to 0); a theory of computing course does not."""
    courses = [_course("Introduction to Business Computing", school="A"), _course("Computing Skills", school="B"),
               _course("Theory of Computing", school="C"), _course("Intro to Computing with Robots", school="D")]
    found = _matched(courses, "knowledge", "Computers and Electronics", "43-6014.00")
    assert sorted(found) == ["Computing Skills", "Introduction to Business Computing"]


def test_inter_before_a_subject_is_intermediate() -> None:
    """Southeast's "Inter College Reading/Writing" is intermediate college reading: it teaches
    Reading Comprehension as its beginning course does."""
    courses = [_course("Inter College Reading/Writing", school="A", program="English"),
               _course("Inter-American Relations", school="B")]
    found = _matched(courses, "skills", "Reading Comprehension", "49-9021.00")
    assert found == ["Inter College Reading/Writing"]


def test_a_school_grade_is_a_level() -> None:
    """The SCED high-school list writes its grade-level courses "Reading (grade 3)" and
    "English/Language Arts I (9th grade)": the grade is a level, like a course number, so they are
    reading and English language arts courses (Reading Comprehension, policy item 7)."""
    assert normalize_title("Reading (grade 3)") == "reading"
    assert normalize_title("English/Language Arts I (9th grade)") == normalize_title("English Language Arts")
    courses = [_course("English/Language Arts I (9th grade)", school="A"), _course("Reading (grade 3)", school="B"),
               _course("Art (grade 3)", school="C")]
    found = _matched(courses, "skills", "Reading Comprehension", "41-3021.00")
    assert sorted(found) == ["English/Language Arts I (9th grade)", "Reading (grade 3)"]


def test_management_principles_are_taught_in_any_program() -> None:
    """Administration and Management is a foundation (the r75 relabel: a course teaching
    management, leadership or supervision teaches every occupation's): a fashion program's
    "Leadership" and "Supervisory Skills" teach it to a heavy-equipment mechanic; a leadership
    course of the fashion program does not make fashion design management."""
    courses = [_course("Leadership", school="A", program="Fashion Merchandising"),
               _course("Supervisory Skills", school="B", program="Fashion Merchandising"),
               _course("Fashion Design I", school="C", program="Fashion Merchandising")]
    found = _matched(courses, "knowledge", "Administration and Management", "49-3042.00")
    assert sorted(found) == ["Leadership", "Supervisory Skills"]


def test_a_fields_own_management_course_teaches_management_to_every_occupation() -> None:
    """Policy item 9: a field's own management course ("Hospitality Management", "Fire & Emergency
    Serv Admin", Southeast's "Food Service Mngment") teaches Administration and Management to a
    nurse, whatever program gives it; out of its field such a "!" term must be said whole:
    "Promotional Event Planning" is not event planning's management, "Food Service Concepts" no
    food service management, "Basic Ag Leadership" no healthcare leadership."""
    titles = ["Hospitality Management", "Fire & Emergency Serv Admin", "Food Service Mngment",
              "Promotional Event Planning", "Food Service Concepts", "Basic Ag Leadership",
              "Hospitality Law"]
    courses = [_course(t, school=f"S{n}", program="" if "Ag" in t else "Hospitality and Tourism")
               for n, t in enumerate(titles)]
    found = _matched(courses, "knowledge", "Administration and Management", "29-1141.00")
    assert sorted(found) == ["Fire & Emergency Serv Admin", "Food Service Mngment", "Hospitality Management"]
    # ("Basic Ag Leadership" has no program: the "!" terms' field words, "agricultural" of
    # "!agricultural business management", open no door for the item's other terms, "leadership")
    assert normalize_title("Skills Nursing Leadrshp & Mgmt") == normalize_title("Skills Nursing Leadership & Management")


def test_running_a_shift_or_a_business_teaches_management_in_any_department() -> None:
    """A culinary program's "Front-end Manager" and "Shift Scheduling", an e-commerce program's
    "Creating an Online Business", a business department's "Management Concepts" or
    "Hort Business Mangment" (a typo), a military science "Leadership Studies": each runs an
    operation or its people (policy item 9, every labelled occupation agreed), so each teaches a
    photographer Administration and Management whatever department gives it; the culinary
    program's "Garde Manager" (the cold kitchen) and "Line Cooking" do not."""
    titles = {"Front-end Manager": "Culinary Arts", "Shift Scheduling": "Culinary Arts",
              "Creating an Online Business": "E-Commerce", "Management Concepts": "Occupational Therapy Assistant",
              "Hort Business Mangment": "Horticulture", "Air Force Leadership Studies": "Aerospace Studies",
              "Garde Manager": "Culinary Arts", "Line Cooking": "Culinary Arts"}
    courses = [_course(t, school=f"S{n}", program=p) for n, (t, p) in enumerate(titles.items())]
    found = _matched(courses, "knowledge", "Administration and Management", "27-4021.00")
    assert sorted(found) == ["Air Force Leadership Studies", "Creating an Online Business", "Front-end Manager",
                             "Hort Business Mangment", "Management Concepts", "Shift Scheduling"]


def test_computer_literacy_of_any_department_teaches_computers() -> None:
    """Bridgerland's "Computer Literacy for IT" (an IT department) and "Digital Literacy for
    Welders" teach a diesel mechanic Computers and Electronics: end-user computing is taught the
    same whichever department gives it (judges 36 to 0 and 14 to 7); a "!" term written beside a
    plain one of the same words is a string of its own ("Online Applications" alone, not
    "Accounting Online")."""
    courses = [_course("Computer Literacy for IT", school="A", code="ITEC 1112", program="Information Technology"),
               _course("Digital Literacy for Welders", school="B", code="WELD 1100", program="Welding Technology"),
               _course("Online Applications", school="C", code="BTEC 0111"),
               _course("Accounting Online", school="D", code="ACCT 1010")]
    found = _matched(courses, "knowledge", "Computers and Electronics", "49-3031.00")
    assert sorted(found) == ["Computer Literacy for IT", "Digital Literacy for Welders", "Online Applications"]


def test_computers_for_trades_teach_computers() -> None:
    """A trades program's "Computer for Trades" and a "Particular Topics in Computer Literacy"
    teach a heavy-equipment mechanic Computers and Electronics (every labelled occupation agreed,
    29 to 0 and 9 to 0); "Trades Math" and "Topics in Welding" do not."""
    titles = ["Computer for Trades", "Particular Topics in Computer Literacy", "Trades Math", "Topics in Welding"]
    courses = [_course(t, school=f"S{n}") for n, t in enumerate(titles)]
    found = _matched(courses, "knowledge", "Computers and Electronics", "49-3042.00")
    assert sorted(found) == ["Computer for Trades", "Particular Topics in Computer Literacy"]


def test_it_departments_general_computer_courses_teach_computers_to_any_occupation() -> None:
    """An IT department's user-level courses (IT fundamentals, Mac and Windows use) teach a
    radiation therapist Computers and Electronics though the department is another field's;
    its A+ hardware and software courses and its database course are specialist computing,
    which policy (10) of tests/data/LABELLING.md (round r117: two blind judges, every course of
    the sets' catalogs) keeps for the occupations whose own work is computing or electronics."""
    titles = ["A+ Hardware", "CompTIA A+ Software", "A+ Core I", "Mac Operating Essentials",
              "Intro to Mac OS X & IOS", "IT Fundamentals", "Windows Operating Systems", "Database Administration"]
    courses = [_course(t, school=f"S{n}", program="Information Technology", cip="11.0103")
               for n, t in enumerate(titles)]
    found = _matched(courses, "knowledge", "Computers and Electronics", "29-1124.00")
    assert sorted(found) == ["IT Fundamentals", "Intro to Mac OS X & IOS", "Mac Operating Essentials",
                             "Windows Operating Systems"]
    assert len(_matched(courses, "knowledge", "Computers and Electronics", "15-1232.00")) == len(titles)


def test_office_application_courses_teach_computers_to_any_occupation() -> None:
    """End-user computing is policy (10)'s Computers and Electronics for every occupation: a
    spreadsheet course, "Word Processing for Business", "Microsoft Outlook" and a field's own
    "Computer Applications in the Law Office" teach a welder; "Accounting Principles" does not."""
    titles = ["Spreadsheet Apps I MS Excel", "Word Processing for Business", "Microsoft Outlook",
              "Computer Applications in the Law Office", "Intro to Spreadsheet Analytics",
              "iLife & iWork Apps for Mac OS", "Integrated Office Procedures", "Accounting Principles"]
    courses = [_course(t, school=f"S{n}") for n, t in enumerate(titles)]
    found = _matched(courses, "knowledge", "Computers and Electronics", "51-4121.00")
    assert sorted(found) == ["Computer Applications in the Law Office",
                             "Integrated Office Procedures", "Intro to Spreadsheet Analytics",
                             "Microsoft Outlook", "Spreadsheet Apps I MS Excel", "Word Processing for Business",
                             "iLife & iWork Apps for Mac OS"]


def test_a_fields_own_computer_course_teaches_computers_in_its_program() -> None:
    """Policy (10)'s end-user computing is every occupation's, whichever program gives it: an
    agriculture program's "Spreadsheet Applications", an electronics program's "Computer
    Tools Technology II", an IT program's "iLife & iWork Apps for Mac OS", an education
    department's "Instructional Technology" and a business course on cloud-based collaboration
    teach a nurse Computers and Electronics (both r117 judges: end-user; the sets' judges 64 of
    66 and 76 of 76 for the last two); a computer-science "Operating
    Systems" (operating-system internals, specialist) does not, nor does a bare
    agriculture course."""
    rows = [("Spreadsheet Applications", "AGRI 1369", "Agriculture"),
            ("Computer Tools Technology II", "ELEC 1002", "Electronics Technology"),
            ("iLife & iWork Apps for Mac OS", "ITEC 0106", "Information Technology"),
            ("Operating Systems", "CS 430", "Computer Science"),
            ("Crop Production", "AGRI 1100", "Agriculture"),
            ("Instructional Technology", "EDUC 2590", "Education"),
            ("Social Media and Cloud-Based Collaboration for Business", "BUSN 158", "Business")]
    courses = [_course(t, school=f"S{n}", code=c, program=p) for n, (t, c, p) in enumerate(rows)]
    found = _matched(courses, "knowledge", "Computers and Electronics", "29-1141.00")
    assert sorted(found) == ["Computer Tools Technology II", "Instructional Technology",
                             "Social Media and Cloud-Based Collaboration for Business",
                             "Spreadsheet Applications", "iLife & iWork Apps for Mac OS"]


def test_people_management_courses_teach_management_of_personnel_resources() -> None:
    """Organizational behavior, human relations in management, hospitality management and police
    supervision teach a supervisor of mechanics to manage people whatever department gives them
    (the sets' judges: 18 of 18, 21 of 21, 25 of 25, 23 of 25; blind round r122 28 of 36 new
    ones, refusing student and civic leadership); civic leadership, a hospitality
    revenue-management course and small-business marketing do not."""
    rows = [("Organizational Behavior", "Business"), ("Human Relations in Management", "Business"),
            ("Hospitality Management", "Hospitality and Tourism"),
            ("Principles of Police Supervision", "Administration of Justice"),
            ("Civic Leadership", "Political Science"),
            ("Revenue Management for the Hospitality and Tourism Industry", "Hospitality and Tourism"),
            ("Small Business Marketing", "Business")]
    courses = [_course(t, school=f"S{n}", program=p) for n, (t, p) in enumerate(rows)]
    found = _matched(courses, "skills", "Management of Personnel Resources", "49-1011.00")
    assert sorted(found) == ["Hospitality Management", "Human Relations in Management",
                             "Organizational Behavior", "Principles of Police Supervision"]


def test_budgeting_courses_teach_management_of_financial_resources() -> None:
    """Managerial accounting, purchasing and cost control and business finance teach a food
    service manager to manage financial resources (the sets' judges took them all; blind round
    r99 8 of 14 new ones, refusing only a bare "Financial Principles" and production budgeting);
    human-resource, case and personal money management do not."""
    titles = ["Introduction to Managerial Accounting", "Hospitality Purchasing and Cost Control",
              "Business Finance", "Human Resource Management", "Case Management", "Financial Literacy"]
    courses = [_course(t, school=f"S{n}") for n, t in enumerate(titles)]
    found = _matched(courses, "skills", "Management of Financial Resources", "11-9051.00")
    assert sorted(found) == ["Business Finance", "Hospitality Purchasing and Cost Control",
                             "Introduction to Managerial Accounting"]


def test_hospitality_cost_control_teaches_any_manager_financial_resources() -> None:
    """A hospitality department's "Hospitality Accounting" and "Purchasing and Cost Control"
    teach an education administrator Management of Financial Resources though hospitality is
    another field (the sets' judges took them 12 of 12 for managers of every kind); the same
    department's "Dining Room Service" does not."""
    titles = ["Hospitality Accounting", "Hospitality Purchasing and Cost Control", "Dining Room Service"]
    courses = [_course(t, school=f"S{n}", program="Hospitality and Tourism") for n, t in enumerate(titles)]
    found = _matched(courses, "skills", "Management of Financial Resources", "11-9032.00")
    assert sorted(found) == ["Hospitality Accounting", "Hospitality Purchasing and Cost Control"]


def test_accounting_principles_teach_management_of_financial_resources() -> None:
    """Introductory financial accounting ("Principles of Accounting I", "Introduction to
    Financial Accounting") teaches a food service manager to account for the money spent
    (the sets' judges 16 of 18, blind round r119 56 of 66); "Tax Accounting" is another
    subject."""
    titles = ["Principles of Accounting I", "Introduction to Financial Accounting", "Tax Accounting"]
    courses = [_course(t, school=f"S{n}") for n, t in enumerate(titles)]
    found = _matched(courses, "skills", "Management of Financial Resources", "11-9051.00")
    assert sorted(found) == ["Introduction to Financial Accounting", "Principles of Accounting I"]


def test_watercolor_and_three_dimensional_design_teach_fine_arts() -> None:
    """"Intermediate Watercolor" and "3 Dimensional Design" are studio art: they teach a graphic
    designer Fine Arts; a color-theory or design-principles course is left out (a blind judge
    took them for interior designers only, round r102), and so is a photography course (art for
    some occupations, another medium for audio and video technicians)."""
    titles = ["Intermediate Watercolor", "3 Dimensional Design", "Color Theory", "Design Principles",
              "Digital Photography"]
    courses = [_course(t, school=f"S{n}") for n, t in enumerate(titles)]
    found = _matched(courses, "knowledge", "Fine Arts", "27-1024.00")
    assert sorted(found) == ["3 Dimensional Design", "Intermediate Watercolor"]


def test_advanced_placement_and_ib_marks_are_levels() -> None:
    """"AP" and "IB" mark a high-school course's level as "Advanced" does, and AP's AB and BC
    name two calculus syllabi: "AP Calculus AB" and "IB Mathematics: Analysis and Approaches"
    teach mathematics (every labelled occupation took them); "AP" alone names no subject."""
    from ksa.normalize import is_generic

    assert all(is_generic(w) for w in ("ap", "ib", "ab", "bc"))
    titles = ["AP Calculus AB", "AP Calculus BC", "IB Mathematics: Analysis and Approaches", "AP Seminar"]
    courses = [_course(t, school=f"S{n}") for n, t in enumerate(titles)]
    found = _matched(courses, "knowledge", "Mathematics", "11-9051.00")
    assert sorted(found) == ["AP Calculus AB", "AP Calculus BC", "IB Mathematics: Analysis and Approaches"]


def test_high_school_grade_bands_and_particular_topics_read_as_their_subject() -> None:
    """SCED's grade bands ("(juniors and seniors)") are levels as "grade 9" is, and its
    "Particular Topics in Algebra" is an algebra course of set content: both teach their subject
    (blind rounds r106 and r107 took every new one); a college's "Selected Topics in English",
    whose content varies, is not read the same way."""
    from ksa.normalize import meaningful, title_tokens

    assert meaningful(title_tokens("English/Literature (juniors and seniors)")) == ("english", "language", "literature")
    assert meaningful(title_tokens("Particular Topics in Algebra")) == ("algebra", "mathematics")
    assert "topics" in meaningful(title_tokens("Selected Topics in English"))
    courses = [_course("English/Composition (freshmen and sophomores)", school="A"),
               _course("Particular Topics in Geometry", school="B")]
    assert _matched(courses, "knowledge", "English Language", "11-9051.00") == [
        "English/Composition (freshmen and sophomores)"]
    assert _matched(courses, "knowledge", "Mathematics", "11-9051.00") == ["Particular Topics in Geometry"]


def test_each_part_of_a_slashed_title_is_scored() -> None:
    """"Industrial Safety/First Aid" teaches workplace safety as "Industrial Safety" does (judges
    26 to 0), "Trigonometry/Mathematic Analysis" mathematics: each part of a title joined by a
    slash is scored as a title too; a slash between abbreviations ("Soc/Eth Issues in Info
    Tech", "CAD/CAM") splits nothing."""
    from ksa.match import _title_parts

    assert _title_parts("Industrial Safety/First Aid") == ["Industrial Safety", "First Aid"]
    assert _title_parts("Soc/Eth Issues in Info Tech") == [] and _title_parts("CAD/CAM") == []
    courses = [_course("Industrial Safety/First Aid", school="A"), _course("Trigonometry/Mathematic Analysis", school="B")]
    assert _matched(courses, "knowledge", "Public Safety and Security", "29-1124.00") == ["Industrial Safety/First Aid"]
    assert _matched(courses, "knowledge", "Mathematics", "29-1124.00") == ["Trigonometry/Mathematic Analysis"]


def test_another_health_programs_care_courses_teach_medicine() -> None:
    """A health occupation learns Medicine and Dentistry from another health program's nursing,
    surgical-procedure and clinical medical-assisting courses ("~" terms of program_terms.csv);
    such a term counts only said whole ("Surgical Technology Seminar" is no surgical procedures
    course) and not in a title naming another field ("Cybersecurity First Responder")."""
    courses = [_course("Nursing Concepts I", school="A", program="Nursing"),
               _course("Surgical Procedures II", school="B", program="Surgical Technology"),
               _course("MA Clinical Procedures I", school="C", program="Medical Assisting"),
               _course("Surgical Technology Seminar", school="D", program="Surgical Technology"),
               _course("Cybersecurity First Responder", school="E", program="Information Technology")]
    found = _matched(courses, "knowledge", "Medicine and Dentistry", "31-9097.00")
    assert sorted(found) == ["MA Clinical Procedures I", "Nursing Concepts I", "Surgical Procedures II"]


def test_a_computer_as_a_tool_is_taught_by_computer_literacy_and_operating_systems() -> None:
    """Desktop computers (a tool) are trained by the courses that teach computers as such:
    business computing, computer tools, Windows and operating-system courses (judges 107 to 25 for
    operating systems, 55 to 1 for business computing); a programming course is not one."""
    courses = [_course("Intro to Business Computing", school="A"), _course("Windows 10", school="B"),
               _course("Operating Systems", school="C"), _course("Computer Tools for Technology", school="D"),
               _course("Java Programming", school="E")]
    found = _matched(courses, "tools", "Desktop computers", "43-4051.00")
    assert sorted(found) == ["Computer Tools for Technology", "Intro to Business Computing",
                             "Operating Systems", "Windows 10"]


def test_a_cad_products_course_teaches_cad_in_any_field() -> None:
    """A CAD product is the same product in a civil or an architectural program: "Revit Basics"
    and "Adv Solid Modeling" teach a structural fabricator CAD software, though the fabricator's
    welding program gives neither; a field's own CAD course ("Apparel CAD") stays that field's."""
    courses = [_course("REVIT Basics", program="Architectural Drafting", cip="15.1303"),
               _course("Adv Solid Modeling", school="B", program="Drafting and Design", cip="15.1302"),
               _course("Apparel CAD", school="C", program="Fashion Design", cip="50.0407"),
               _course("Welding I", school="D", program="Welding Technology", cip="48.0508")]
    for item in ("Computer aided design CAD software", "Computer aided design and drafting CADD software"):
        found = match_items([MatchQuery("k", "technology", item)], courses, soc="51-2041.00")["k"]
        assert {m.course.course_title for m in found} == {"REVIT Basics", "Adv Solid Modeling"}, item


def test_end_user_computing_courses_of_a_trade_train_computers_and_communication_courses_speaking() -> None:
    """A trade program's digital-literacy course trains the computer as a tool ("Digital Literacy
    for Welders" for a desktop computer), as a computer-literacy course of an IT program does; a
    management or workplace communication course teaches speaking and writing."""
    courses = [_course("Digital Literacy for Welders", program="Welding", cip="48.0508"),
               _course("Computer Literacy for IT", school="B", program="Information Technology", cip="11.0103"),
               _course("Management Communication", school="C"),
               _course("Workplace Communication Skills", school="D")]
    found = match_items([MatchQuery("k", "tools", "Desktop computers")], courses, soc="43-6013.00")["k"]
    assert {m.course.course_title for m in found} == {"Digital Literacy for Welders", "Computer Literacy for IT"}
    for item in ("Speaking", "Writing"):
        found = match_items([MatchQuery("k", "skills", item)], courses, soc="43-6013.00")["k"]
        assert {m.course.course_title for m in found} == {"Management Communication",
                                                          "Workplace Communication Skills"}, item


def test_field_management_terms_of_the_same_subject_word_each_count() -> None:
    """"!food operations" and "!food service management" share their one subject word; each is
    said whole on its own, so a culinary program's "Food Operations & Mngment" teaches
    Administration and Management though it names no food service."""
    courses = [_course("Food Operations & Mngment", program="Culinary Arts", cip="12.0503"),
               _course("Food Safety", school="B", program="Culinary Arts", cip="12.0503")]
    found = match_items([MatchQuery("k", "knowledge", "Administration and Management")], courses,
                        soc="25-2021.00")["k"]
    assert [m.course.course_title for m in found] == ["Food Operations & Mngment"]


def test_a_construction_departments_safety_tickets_teach_no_construction() -> None:
    """Every course of a building-construction program teaches a roofer Building and Construction,
    but not its forklift and OSHA safety tickets (judges 30 to 2): they teach safety."""
    titles = ["Framing", "Forklift/OSHA 10/First Aid", "Safety (OSHA)"]
    courses = [_course(t, school="A", code=f"BLDG {n}", program="Building Construction", cip="46.0415")
               for n, t in enumerate(titles)]
    assert _matched(courses, "knowledge", "Building and Construction", "47-2181.00") == ["Framing"]


def test_tchg_is_teaching() -> None:
    """"Tchg" is the catalogs' cut of "teaching": UH Hilo's "Tchg Assist & Tutoring Math" trains
    mathematics tutors (school teaching, judges 20 to 0), no roofer's Mathematics."""
    courses = [_course("Tchg Assist & Tutoring Math", school="A", code="MATH 496"),
               _course("Technical Math", school="B")]
    assert normalize_title("Tchg Assist & Tutoring Math").startswith("teaching")
    assert _matched(courses, "knowledge", "Mathematics", "47-2181.00") == ["Technical Math"]


def test_every_construction_trades_course_teaches_building_to_the_construction_occupations() -> None:
    """A construction manager, an electrician or a roofer learns Building and Construction from
    every course of a plumbing program ("Plumbing IA"), as judges took them, and of a carpentry
    one ("Interior Finishes": a carpentry department is the subject's own, every occupation
    learns it there); an electrical or electronics program's courses are no building course for
    a construction manager, and a nurse learns no building from a plumbing program."""
    courses = [_course("Interior Finishes", school="A", program="Carpentry", cip="46.0201"),
               _course("Plumbing IA", school="B", program="Plumbing", cip="46.0503"),
               _course("Digital Circuits", school="C", program="Electronics", cip="15.0303"),
               _course("Motor Controls", school="D", program="Electrician", cip="46.0302")]
    for soc in ("11-9021.00", "47-2111.00", "47-2181.00"):
        found = _matched(courses, "knowledge", "Building and Construction", soc)
        assert {"Interior Finishes", "Plumbing IA"} <= set(found), soc
        assert "Digital Circuits" not in found, soc
    assert "Motor Controls" not in _matched(courses, "knowledge", "Building and Construction", "11-9021.00")
    assert _matched(courses, "knowledge", "Building and Construction", "29-1141.00") == ["Interior Finishes"]


def test_stem_spelled_out_is_stem_not_mathematics() -> None:
    """"Science, Technology, Engineering, and Mathematics" spelled out is STEM: Kauai's "STEMinar"
    is a seminar on STEM careers, no Mathematics or Engineering course (judges 26 to 0)."""
    title = "STEMinar: Science, Technology, Engineering, and Mathematics Seminar"
    assert "mathematics" not in normalize_title(title).split()
    courses = [_course(title, school="A", code="SCI 170"), _course("Technical Math", school="B")]
    assert _matched(courses, "knowledge", "Mathematics", "17-3013.00") == ["Technical Math"]


def test_machine_tool_labs_teach_a_machinist_production_and_operation() -> None:
    """In a machine-tool program the labs ("Machine Tool Lab III"), die and mold making teach a
    machinist Production and Processing and Operation and Control (judges 27 to 0 and 12 to 0,
    set 39) and its CNC courses Mechanical; a structural metal fabricator, whose programs are
    machine shop and welding, gets no production knowledge from them (set 33's judges, 6 to 0)."""
    courses = [_course("Machine Tool Lab III", school="A", program="Machine Tool Technology", cip="48.0501"),
               _course("Mold Making Lab", school="A", program="Machine Tool Technology", cip="48.0501"),
               _course("CNC I", school="A", program="Machine Tool Technology", cip="48.0501"),
               _course("Medical Terminology", school="B", program="Medical Assisting", cip="51.0801")]
    machinist = "51-4041.00"
    assert sorted(_matched(courses, "knowledge", "Production and Processing", machinist)) == [
        "CNC I", "Machine Tool Lab III", "Mold Making Lab"]
    assert sorted(_matched(courses, "skills", "Operation and Control", machinist)) == [
        "CNC I", "Machine Tool Lab III", "Mold Making Lab"]
    assert "CNC I" in _matched(courses, "knowledge", "Mechanical", machinist)
    assert "Machine Tool Lab III" not in _matched(courses, "knowledge", "Production and Processing", "51-2041.00")


def test_communication_courses_teach_listening_and_speaking() -> None:
    """Speech-department business and professional communication, conflict resolution, working
    with people and allied-health communication courses teach Active Listening (judges took them
    25 to 0, 11 to 0, 15 to 0, 15 to 1); small-group communication teaches Speaking (6 to 0).
    Intercultural communication split the judges (Speaking 99 of 152) and is left out. A
    "Communications Systems" course (telecommunications) teaches neither, nor does a
    survey of communication theory (judges took it 27 of 111 times)."""
    titles = ["Business & Professional Commun", "Conflict Resolution & Mediation", "Working with People",
              "Communication in Allied Health", "Comm in Small Groups", "Intercultural Communication",
              "Communications Systems", "Introduction to Communication"]
    courses = [_course(t, school="A", code=f"X {n}") for n, t in enumerate(titles)]
    listening = set(_matched(courses, "skills", "Active Listening", "43-5032.00"))
    assert {"Business & Professional Commun", "Conflict Resolution & Mediation", "Working with People",
            "Communication in Allied Health"} <= listening
    speaking = set(_matched(courses, "skills", "Speaking", "43-5032.00"))
    assert {"Comm in Small Groups", "Business & Professional Commun"} <= speaking
    for wrong in ("Communications Systems", "Introduction to Communication", "Intercultural Communication"):
        assert wrong not in listening | speaking


def test_office_and_literacy_courses_teach_the_office_suite() -> None:
    """An integrated office procedures course, a law office's computer applications and a
    business information systems course teach Excel and Word (judges took them 44 to 0, 34 to 0,
    29 to 0 for Excel), a computer literacy course of any name ("Computer Literacy Complete") Word
    (33 to 0; for Excel "literacy" also reaches the short digital-literacy orientations, which the
    judges took 6 of 48 times), and a virtual-office course Microsoft Office; an accounting information
    systems course on Sage, or a course that names only "business", teaches none of them."""
    titles = ["Computer Literacy Complete", "Integrated Office Procedures", "Computer Applications in the Law Office",
              "Business Info Systems", "Creating and Managing the Virtual Office",
              "Accounting Information Systems - Sage", "Business Software"]
    courses = [_course(t, school="A", code=f"X {n}") for n, t in enumerate(titles)]
    for item in ("Microsoft Excel", "Microsoft Word"):
        found = set(_matched(courses, "technology", item, "43-6014.00"))
        assert set(titles[1:4]) <= found, item
        assert ("Computer Literacy Complete" in found) == (item == "Microsoft Word"), item
        assert not found & {"Accounting Information Systems - Sage", "Business Software"}, item
    office = set(_matched(courses, "technology", "Microsoft Office software", "43-6014.00"))
    assert "Creating and Managing the Virtual Office" in office
    assert not office & {"Accounting Information Systems - Sage", "Business Software"}


def test_creative_writing_by_genre_teaches_english() -> None:
    """A school that splits creative writing by genre ("Introduction to Creative Writing
    (Fiction)", "(Poetry)") teaches English Language as one that does not: the genre word is the
    title's head, and without the genre terms the courses fell under the cutoff (judges 23 to 0
    for each)."""
    courses = [_course("Introduction to Creative Writing (Fiction)", school="A", code="ENG 204A"),
               _course("Introduction to Creative Writing (Poetry)", school="A", code="ENG 204B"),
               _course("Welding Fundamentals", school="A", code="WELD 100")]
    assert sorted(_matched(courses, "knowledge", "English Language", "15-1212.00")) == [
        "Introduction to Creative Writing (Fiction)", "Introduction to Creative Writing (Poetry)"]


def test_career_decision_making_is_no_judgment_and_decision_making() -> None:
    """"Career Decision Making" is career planning (ksa/data/synonyms.csv; "career" is a generic
    word, so the title read as just "decision making") and teaches no Judgment and Decision
    Making (judges 0 of 23); a course on decision making does. An
    organizational-communication course is no English Language (0 of 18)."""
    courses = [_course("Career Decision Making", school="A", code="IS 105"),
               _course("Decision Making", school="A", code="BUS 310"),
               _course("Business and Organization Communication", school="A", code="COM 210")]
    assert _matched(courses, "skills", "Judgment and Decision Making", "43-5032.00") == ["Decision Making"]
    assert "Business and Organization Communication" not in _matched(courses, "knowledge", "English Language",
                                                                      "43-5032.00")


def test_drafting_courses_teach_autocad_in_any_department() -> None:
    """A drafting course teaches AutoCAD's kind of software wherever it is given and for whichever
    occupation (judges took civil, architectural and mechanical drafting for construction
    managers, electricians and retail salespersons: round r92, 257 of 324); a course sharing no
    drafting word does not."""
    courses = [_course("Civil Drafting III", school="A", program="Design & Drafting", cip="15.1304"),
               _course("Residential Architectural Drafting", school="B", program="Building Construction",
                       cip="46.0415"),
               _course("Technical Writing", school="B")]
    for soc in ("11-9021.00", "41-2031.00"):
        assert sorted(_matched(courses, "technology", "Autodesk AutoCAD", soc)) == [
            "Civil Drafting III", "Residential Architectural Drafting"], soc


def test_college_success_courses_teach_learning_strategies_and_reasoning_critical_thinking() -> None:
    """An introduction-to-college or study-skills course teaches Learning Strategies (judges 22
    to 0, 14 to 0), a project-management or life-skills course Time Management (12 to 0, 9 to
    0), a course titled "Reasoning" Critical Thinking (22 to 0); a study-skills course is no time
    management (judges 0 of 9) and creative thinking is no critical thinking (0 of 42).
    Educational psychology is teacher preparation: policy (11) keeps it for the teaching
    occupations, not a dispatcher."""
    titles = ["Introduction to College", "College Study Skills", "Educational Psychology", "Project Management",
              "Life Skills", "Reasoning", "Introduction to Creative Thinking"]
    courses = [_course(t, school="A", code=f"X {n}") for n, t in enumerate(titles)]
    soc = "43-5032.00"
    learning = set(_matched(courses, "skills", "Learning Strategies", soc))
    assert {"Introduction to College", "College Study Skills"} <= learning
    assert "Educational Psychology" not in learning
    time_management = set(_matched(courses, "skills", "Time Management", soc))
    assert {"Project Management", "Life Skills"} <= time_management
    assert "College Study Skills" not in time_management
    critical = _matched(courses, "skills", "Critical Thinking", soc)
    assert "Reasoning" in critical and "Introduction to Creative Thinking" not in critical


def test_principles_of_technology_teaches_engineering_and_technology() -> None:
    """"Principles of Technology" (applied physics of mechanical, thermal and electrical systems)
    teaches Engineering and Technology to the equipment and building occupations (judges 16 to 0,
    round r93); a course merely about technology does not."""
    courses = [_course("Principles of Technology", school="A", code="PHYS 105"),
               _course("Technology in Society", school="A", code="SOC 200")]
    assert _matched(courses, "knowledge", "Engineering and Technology", "49-9021.00") == ["Principles of Technology"]


def test_osha_and_industrial_safety_courses_teach_public_safety_in_any_department() -> None:
    """An OSHA ticket or an industrial-safety course teaches Public Safety and Security to any
    occupation, though its title names a trade's field (judges 25 to 0, 21 to 3); a child-care
    health-and-safety course does not (it teaches the young child's safety: 9 of 59)."""
    courses = [_course("10 Hour OSHA Training", school="A", code="CONS 1000"),
               _course("Industrial Safety", school="B", code="TEAM 1010"),
               _course("Health, Safety, and Nutrition for the Young Child", school="C", code="ECED 140")]
    found = _matched(courses, "knowledge", "Public Safety and Security", "11-9051.00")
    assert sorted(found) == ["10 Hour OSHA Training", "Industrial Safety"]


def test_mac_and_computer_tools_courses_teach_desktop_computers_in_any_department() -> None:
    """A Mac operating-system course or an electrical department's "Computer Tools Technology II"
    teaches a desktop computer's use, whatever department gives it (judges 13 of 13, 20 of 23)."""
    courses = [_course("Mac Operating Essentials", school="A", program="Information Technology", cip="11.0103"),
               _course("Computer Tools Technology II", school="A", program="Electrical", cip="46.0302"),
               _course("Motor Controls", school="A", program="Electrical", cip="46.0302")]
    assert sorted(_matched(courses, "tools", "Desktop computers", "43-4181.00")) == [
        "Computer Tools Technology II", "Mac Operating Essentials"]


def test_gps_and_driving_courses_by_their_abbreviations() -> None:
    """"Introduction to GPS" teaches a driver's GPS receivers (judges 3 of 3); a CDL driving
    course and a tow-truck driving course teach Transportation; "Prof Truk Dr Training" reads as
    professional truck driver training (Southeast's abbreviations), but "Dr." before a name stays."""
    assert normalize_title("Prof Truk Dr Training I") == "professional truck driver training"
    assert normalize_title("Dr Smith Seminar") == "dr smith seminar"
    courses = [_course("Introduction to GPS", school="A", code="GEOG 1010"),
               _course("Global Cinema", school="A", code="FILM 1200")]
    assert _matched(courses, "tools", "Global positioning system GPS receivers", "53-3033.00") == ["Introduction to GPS"]
    courses = [_course("90-Hour Class A CDL Driving", school="A", code="HEOP 0112"),
               _course("Tow Truck Driver Training", school="A", code="AUTC 0101")]
    assert sorted(_matched(courses, "knowledge", "Transportation", "53-3033.00")) == [
        "90-Hour Class A CDL Driving", "Tow Truck Driver Training"]


def test_masonry_and_finish_courses_teach_building_and_construction_anywhere() -> None:
    """A maintenance department's "Masonry" and a construction program's "Interior Finishes" teach
    Building and Construction (judges 9 of 9, 9 of 9) to a brickmason whatever the department."""
    courses = [_course("Masonry", school="A", code="MAIN 130", program="Maintenance"),
               _course("Interior Finishes", school="B", code="COTE 1050"),
               _course("Masonic History", school="C", code="HIST 230")]
    assert sorted(_matched(courses, "knowledge", "Building and Construction", "47-2021.00")) == [
        "Interior Finishes", "Masonry"]


def test_workplace_leadership_courses_teach_managing_personnel() -> None:
    """"Business Leadership" and "Supervisory Skills" teach Management of Personnel Resources
    (judges 9 of 9, 8 of 8); civic or student leadership does not (blind round r109)."""
    courses = [_course("Business Leadership", school="A", code="BTEC 2521"),
               _course("Supervisory Skills", school="A", code="CABM 1100"),
               _course("Civic Leadership", school="B", code="IS 100V")]
    assert sorted(_matched(courses, "skills", "Management of Personnel Resources", "11-3031.00")) == [
        "Business Leadership", "Supervisory Skills"]


def test_language_arts_courses_that_name_listening_teach_listening_and_speaking() -> None:
    """A school language-arts course whose description names listening and speaking teaches
    Active Listening and Speaking (judges 186 of 186, blind round r112 375 of 382); one whose
    description names neither does not. SCED's "Writing—General" is a writing course."""
    strands = "Courses include the four aspects of language use: reading, writing, speaking, and listening."
    courses = [Course(school="A", grade_level="", course_code="01032", course_title="Language Arts (grade 4)",
                      description=strands),
               Course(school="B", grade_level="", course_code="01009", course_title="Language Arts Laboratory",
                      description="Remedial grammar and vocabulary drills.")]
    for item in ("Active Listening", "Speaking"):
        assert _matched(courses, "skills", item, "43-1011.00") == ["Language Arts (grade 4)"], item
    assert normalize_title("Writing—General") == "writing"
    assert normalize_title("General Chemistry I") == "general chemistry"
    assert _matched([_course("Writing—General", school="A", code="01139")], "skills", "Writing",
                    "43-1011.00") == ["Writing—General"]


def test_media_writing_teaches_writing_and_slack_needs_a_software_title() -> None:
    """Media writing and journalism teach the Writing skill in any department (blind round r113
    79 of 83); Slack, the team-messaging tool, is no "Slack Key Guitar"."""
    courses = [_course("Media Writing", school="A", code="JOUR 150"),
               _course("Introduction to Journalism", school="A", code="JOUR 205")]
    assert sorted(_matched(courses, "skills", "Writing", "29-9091.00")) == ["Introduction to Journalism", "Media Writing"]
    guitar = [_course("Slack Key Guitar 1", school="A", code="MUS 123")]
    assert _matched(guitar, "technology", "Slack", "49-9052.00") == []


def test_a_hand_tools_course_of_any_trade_teaches_hand_tools() -> None:
    """A welding program's "Hand and Shop Tools" teaches a fire inspector's adjustable wrenches
    (judges 201 of 203 for hand-tool courses): a wrench is used the same way in any trade, so
    the course counts whatever department gives it, as long as its title says hand or shop tools."""
    courses = [_course("Hand and Shop Tools", school="A", code="WELD 121", program="Welding Technology"),
               _course("Welding Symbols", school="A", code="WELD 130", program="Welding Technology")]
    assert _matched(courses, "tools", "Adjustable hand wrenches", "33-2021.00") == ["Hand and Shop Tools"]


def test_arc_welding_equipment_is_stick_welding() -> None:
    """Arc welding equipment is taught in stick-welding (SMAW) courses, "Introduction to Arc I"
    and "SMAW Lab I" (set 49's judges); a MIG (GMAW) course is another process."""
    courses = [_course("Introduction to Arc I", school="A", code="WELD 152", program="Welding"),
               _course("SMAW Lab I", school="B", code="WELD 1112", program="Welding"),
               _course("GMAW Lab I", school="B", code="WELD 1130", program="Welding")]
    assert sorted(_matched(courses, "tools", "Arc welding equipment", "51-4122.00")) == [
        "Introduction to Arc I", "SMAW Lab I"]


def test_first_aid_kits_are_taught_in_first_aid_courses() -> None:
    """A bus driver's "Emergency first-aid kits" (O*NET writes it with and without the hyphen) are
    taught in "Standard First Aid" (set 49's judges), not in "Emergency Management"."""
    courses = [_course("Standard First Aid", school="A", code="HLTH 110"),
               _course("Emergency Management", school="A", code="FIRE 210")]
    for item in ("Emergency first-aid kits", "First aid kits"):
        assert _matched(courses, "tools", item, "53-3052.00") == ["Standard First Aid"], item


def test_management_courses_of_other_departments_teach_management() -> None:
    """Policy item 9 in any department (round r125): a pharmacy school's "Strategic Management" and
    "Business Admin Overview", an agribusiness "Agribus Management", a conservation program's
    "Organiz Mgmt & Logistics", Southeast's "Banquet Oper & Mngmnt" and "ECED Administration"
    teach a customer service representative Administration and Management; a server course
    that says business and administration ("Small Business Server OS Administration") does not,
    nor a health-records program's "Quality Management" (blind judges 0 of 9)."""
    titles = {"Strategic Management": "Pharmacy Practice", "Business Admin Overview": "Pharmacy Practice",
              "Agribus Management": "Agribusiness", "Organiz Mgmt & Logistics": "Tropical Conservation",
              "Banquet Oper & Mngmnt": "Food Service/Hospitality", "ECED Administration": "Early Childhood Education",
              "Quality Management": "Health Information Technology",
              "Small Business Server OS Administration": "Information Technology",
              "Pharmacy Calculations": "Pharmacy Practice"}
    courses = [_course(t, school=f"S{n}", program=p) for n, (t, p) in enumerate(titles.items())]
    found = _matched(courses, "knowledge", "Administration and Management", "43-4051.00")
    assert sorted(found) == ["Agribus Management", "Banquet Oper & Mngmnt", "Business Admin Overview",
                             "ECED Administration", "Organiz Mgmt & Logistics", "Strategic Management"]


def test_end_user_computing_courses_are_named_by_their_own_words() -> None:
    """End-user computing (policy item 10) under other names: an office program's "Micro Office
    Integration", "Basic Computing Skills for College Success", a high-school list's "Internet
    Skills", "Computing Systems" and "Computer and Information Technology" teach a facilities
    manager Computers and Electronics; "Theory Of Computing" and "Cloud Computing Essentials"
    (specialist computing) do not."""
    titles = ["Micro Office Integration", "Basic Computing Skills for College Success", "Internet Skills",
              "Computing Systems", "Computer and Information Technology", "Theory Of Computing",
              "Cloud Computing Essentials"]
    courses = [_course(t, school=f"S{n}", program="Office Professional" if n == 0 else "") for n, t in enumerate(titles)]
    found = _matched(courses, "knowledge", "Computers and Electronics", "11-3013.00")
    assert sorted(found) == sorted(titles[:5])


def test_practical_prose_writing_courses_teach_writing() -> None:
    """Practical prose writing teaches the Writing skill (round r125, blind judges 21 of 21): grant
    writing, writing for publication, English grammar and usage. Creative writing is left out
    (the blind judges split on it: fiction and poetry teach no writer's work to an analyst), and
    so is a linguistics "English Morphology and Grammar"."""
    titles = ["Grant Writing", "Writing for Publication", "Modern English Grammar & Usage", "English Grammar",
              "Introduction to Creative Writing", "Poetry Writing", "English Morphology and Grammar"]
    courses = [_course(t, school=f"S{n}", program="English") for n, t in enumerate(titles)]
    found = _matched(courses, "skills", "Writing", "11-3051.00")
    assert sorted(found) == sorted(titles[:4])


def test_mathematics_said_with_more_words_is_mathematics() -> None:
    """A business program's "Using Mathematics to Solve Business Problems" is mathematics (the sets'
    judges took 34 of 35 pairs); "Math Methods" (teaching it) is not. A food service program's
    "Food Service Math Conversions" is left out: the sets' judges took it, blind judges refused it
    (round r126)."""
    titles = {"Using Mathematics to Solve Business Problems": "Business", "Secondary Math Methods": "Education"}
    courses = [_course(t, school=f"S{n}", program=p) for n, (t, p) in enumerate(titles.items())]
    found = _matched(courses, "knowledge", "Mathematics", "35-1011.00")
    assert found == ["Using Mathematics to Solve Business Problems"]


def test_a_module_number_is_a_level_not_a_word() -> None:
    """"Spreadsheet Applications Mod 2" is the second module of a spreadsheet course ("mod" before
    a level number is "module"); a misspelt "Appplication" is still an application."""
    assert normalize_title("Spreadsheet Applications Mod 2") == normalize_title("Spreadsheet Applications Module 2")
    assert normalize_title("Ag Software Appplication Mod I") == normalize_title("Ag Software Application Module I")
    courses = [_course("Spreadsheet Applications Mod 2")]
    found = match_items([MatchQuery("k", "knowledge", "Computers and Electronics")], courses,
                        soc="13-2011.00")["k"]
    assert [m.course.course_title for m in found] == ["Spreadsheet Applications Mod 2"]


def test_a_high_school_communications_course_teaches_listening_speaking_and_perceptiveness() -> None:
    """SCED's "Communications" (01155) practises written and oral communication and interpersonal
    and team-building skills: it teaches Speaking, Active Listening and Social Perceptiveness
    (the sets' judges 31, 27 and 18 to 0). A college's "Introduction to Communication", an
    overview of the discipline, does not (judges refused it 56 times in 80), nor does a
    "Communications" course whose catalog row says nothing of its content."""
    sced = Course("High school (SCED)", "High school", "01155", "Communications", description=(
        "Communications courses focus on the application of written and oral communication skills "
        "through a variety of formal and informal experiences. The courses are performance-based and "
        "emphasize effective interpersonal and team-building skills."))
    overview = Course("Kapiolani CC", "Associate", "COM 201", "Introduction to Communication", description=(
        "An overview of communication focusing on the processes of interpersonal, intercultural, "
        "organizational, and international communication and on recent developments in multimedia."))
    bare = _course("Communications", school="Bridgerland", code="COMM 1010")
    for item in ("Speaking", "Active Listening", "Social Perceptiveness"):
        found = match_items([MatchQuery("q", "skills", item)], [sced, overview, bare], soc="43-6011.00")["q"]
        assert [m.course.course_code for m in found] == ["01155"], item


def test_quantitative_methods_courses_teach_mathematics() -> None:
    """Linear programming and quantitative forecasting are mathematics courses by other names (the
    sets' judges 44 to 0 for Mathematics, blind round r137 20 of 20); weather forecasting is not,
    and econometrics stays another field's upper-level methods (r124). "Hort" is horticulture."""
    titles = ["Linear Programming", "Quantitative Forecasting", "Weather Forecasting", "Econometrics"]
    courses = [_course(t, school="A", code=f"X {n}") for n, t in enumerate(titles)]
    assert sorted(_matched(courses, "knowledge", "Mathematics", "13-2011.00")) == sorted(titles[:2])
    assert normalize_title("Hort Business Mangment") == normalize_title("Horticulture Business Management")
