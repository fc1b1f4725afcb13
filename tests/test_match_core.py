"""Items a whole program teaches, generic-word titles named by an exact term, and broad subjects'
anchored terms (session 6)."""

from __future__ import annotations

from ksa.catalog_cip import occupation_context, program_cips, program_name
from ksa.match import CORE_SCORE, MatchQuery, match_items
from ksa.model import Course

AUTO_BODY = "49-3021.00"  # programs: 47.0603 autobody/collision
AUTO_TECHS = "49-3023.00"
CARPENTERS = "47-2031.00"


def _course(title: str, school: str = "Auto U", program: str = "") -> Course:
    return Course(school=school, grade_level="Certificate", course_code="", course_title=title,
                  program=program)


def _found(courses: list[Course], domain: str, item: str, soc: str | None) -> list[tuple[str, float]]:
    found = match_items([MatchQuery("k", domain, item)], courses, soc=soc)["k"]
    return [(m.course.course_title, m.score) for m in found]


AUTO = [_course("Brake Systems", program="Automotive Technology"),
        _course("Engine Repair", program="Automotive Technology"),
        _course("Automatic Transmissions and Transaxles", program="Automotive Technology"),
        _course("Automotive Externship", program="Automotive Technology"),
        _course("Brake Systems", school="Bike U", program="Bicycle Mechanics"),
        _course("Hybrid Vehicle Systems", school="Auto U", program="Automotive Technology"),
        _course("Automotive Careers", school="Auto U", program="Automotive Technology"),
        _course("Automotive Service Management", school="Auto U", program="Automotive Technology")]


def test_core_item_takes_every_course_of_the_program_after_the_named_ones() -> None:
    found = _found(AUTO, "skills", "Repairing", AUTO_TECHS)
    # brakes, engine repair and transmissions are program terms of Repairing; the rest of the
    # program follows at CORE_SCORE
    named = {title for title, score in found if score > CORE_SCORE}
    assert named == {"Brake Systems", "Engine Repair", "Automatic Transmissions and Transaxles"}
    assert found[-1] == ("Hybrid Vehicle Systems", CORE_SCORE)
    # a work placement teaches nothing itself; the bicycle program leads to other occupations; a
    # careers or management course is the program's business, not its repair (core exclusions)
    assert all(title != "Automotive Externship" for title, _ in found)
    assert len(found) == 4


def test_core_item_needs_the_occupations_program() -> None:
    assert _found(AUTO, "knowledge", "Mechanical", None) == []  # no occupation, no program
    # welders' programs have no core row for Mechanical
    assert _found(AUTO, "knowledge", "Mechanical", "51-4121.00") == []
    # an item without a core row keeps to the courses that name it
    assert _found(AUTO, "knowledge", "Sales and Marketing", AUTO_TECHS) == []


def test_core_item_reaches_a_sibling_program_of_the_core_fields() -> None:
    # auto body's own program is collision repair (47.0603); the automotive courses of its school
    # teach Mechanical all the same (47.06 is the core field), while a cut-off score keeps them out
    courses = [_course("Engine Performance", program="Automotive"), _course("Tune-up", program="Automotive"),
               _course("Engine Performance", school="Plain U")]
    assert _found(courses, "knowledge", "Mechanical", AUTO_BODY) == [
        ("Engine Performance", CORE_SCORE), ("Tune-up", CORE_SCORE)]
    assert match_items([MatchQuery("k", "knowledge", "Mechanical")], courses, soc=AUTO_BODY,
                       score_cutoff=CORE_SCORE + 1)["k"] == ()


def test_generic_word_title_is_named_by_an_exact_term() -> None:
    courses = [_course("Principles of Management", school="A"), _course("MANAGEMENT", school="B"),
               _course("Management Principles", school="C"), _course("Special Topics", school="D"),
               _course("Records Management", school="E"), _course("Management I", school="F")]
    found = {t for t, _ in _found(courses, "knowledge", "Administration and Management", None)}
    # "Management" alone is a generic word; the item's term "management" names exactly the titles
    # of nothing else (leading words and levels aside), not the management of records (policy 9)
    assert found == {"Principles of Management", "MANAGEMENT", "Management Principles", "Management I"}
    assert _found(courses, "skills", "Time Management", None) == []


def test_broad_subject_term_keeps_its_generic_words() -> None:
    courses = [_course("Writing Workshop I", school="A"), _course("Song Writing", school="B"),
               _course("Writing", school="C"), _course("Report Writing", school="D"),
               _course("Workshop in Ceramics", school="E")]
    found = {t for t, _ in _found(courses, "skills", "Writing", None)}
    # Writing is broad: a title of the word alone, or a term's words ("writing workshop"); song
    # writing is another field's sense of the word (grant writing is a term since round r125)
    assert found == {"Writing Workshop I", "Writing", "Report Writing"}


def test_department_subject_code_after_the_name_is_left_out() -> None:
    assert program_name("Carpentry (CARP)") == "Carpentry"
    assert program_name("Health, Physical Education, and Recreation (HPER)").endswith("Recreation")
    assert program_name("(CARP)") == "(CARP)"  # nothing but the code: kept
    assert program_name("Welding (advanced)") == "Welding (advanced)"  # not a code
    assert program_cips("Carpentry (CARP)") == program_cips("Carpentry") == frozenset({"46.0201"})
    assert occupation_context(CARPENTERS).classify(program="Carpentry (CARP)") == 1


def test_english_language_institute_courses_are_esl() -> None:
    courses = [_course("Listening & Speaking, Int", school="Hilo", program="English Language Institute"),
               _course("Listening & Speaking, Int", school="Hilo2", program="English as a Second Language"),
               _course("Active Listening", school="Plain U", program="Communication")]
    assert [t for t, _ in _found(courses, "skills", "Active Listening", None)] == ["Active Listening"]


def test_an_esl_reading_course_teaches_reading_not_the_english_language() -> None:
    """An ESL department's reading course is a reading course (Reading Comprehension), though no
    course in the English language; its writing course teaches neither."""
    courses = [_course("Academic Reading, Intermediate", school="Hilo", program="English Language Institute"),
               _course("Introduction to College Reading (ESL)", school="Hawaii"),
               _course("Academic Writing, Advanced", school="Hilo", program="English Language Institute"),
               _course("Reading Workshop", school="Plain U", program="English")]
    reading = {t for t, _ in _found(courses, "skills", "Reading Comprehension", None)}
    assert reading == {"Academic Reading, Intermediate", "Introduction to College Reading (ESL)",
                       "Reading Workshop"}
    english = {t for t, _ in _found(courses, "knowledge", "English Language", None)}
    assert english == {"Reading Workshop"}


def test_high_school_shell_courses_are_placements() -> None:
    # the NCES SCED list has a workplace-experience, school-based-enterprise and aide variant of
    # every subject: a student works or serves there, nothing is taught
    courses = [_course(t, school=f"HS {n}") for n, t in enumerate((
        "Mathematics—Aide", "Mathematics—Workplace Experience", "Mathematics—School-based Enterprise",
        "Mathematics—Career Project-based Learning", "Mathematics—General", "Mathematics—Independent Study"))]
    found = {t for t, _ in _found(courses, "knowledge", "Mathematics", None)}
    assert found == {"Mathematics—General", "Mathematics—Independent Study"}
    aides = [_course("Certified Nurse Aide"), _course("Nursing—Aide", school="HS")]
    assert [t for t, _ in _found(aides, "knowledge", "Nurse aide", None)] == ["Certified Nurse Aide"]


def test_clinical_and_field_experiences_are_placements() -> None:
    courses = [_course(t, school=f"C{n}", program="Paramedic") for n, t in enumerate((
        "Fundamental Clinical Experience", "Advanced Field Experience", "Clinical Rotation II",
        "Clinical Pharmacology"))]
    found = {t for t, _ in _found(courses, "knowledge", "Medicine and Dentistry", "29-2055.00")}
    assert "Clinical Pharmacology" in found
    assert not found & {"Fundamental Clinical Experience", "Advanced Field Experience",
                        "Clinical Rotation II"}


def test_fine_arts_is_each_fields_own_art() -> None:
    courses = [_course("Applied Dance", school="A", program="Dance"),
               _course("Beginning Modern Dance", school="B", program="Dance"),
               _course("Fine Arts Survey", school="C"), _course("Drawing I", school="D")]
    graphic = {t for t, _ in _found(courses, "knowledge", "Fine Arts", "27-1024.00")}
    assert graphic == {"Fine Arts Survey", "Drawing I"}  # dance is no fine art for a graphic designer
    dancers = {t for t, _ in _found(courses, "knowledge", "Fine Arts", "27-2031.00")}
    assert {"Applied Dance", "Beginning Modern Dance"} <= dancers  # a program term of their field


def test_exact_term_reports_the_words_it_matched() -> None:
    found = match_items([MatchQuery("k", "knowledge", "Administration and Management")],
                        [_course("Principles of Management")])["k"]
    assert [m.matched_tokens for m in found] == [("management",)]


def test_college_success_courses_teach_learning_strategies() -> None:
    """A college-success or study-skills course teaches learning strategies; "Career Success"
    or "Creative Strategy" does not."""
    courses = [_course("Foundations of College Success", "A"), _course("College Study Skills", "B"),
               _course("Career Success", "C"), _course("Creative Strategy", "D")]
    found = match_items([MatchQuery("k", "skills", "Learning Strategies")], courses, soc="25-2011.00")["k"]
    assert sorted(m.course.school for m in found) == ["A", "B"]


def test_history_of_english_and_other_languages_are_no_english() -> None:
    """The labelling policy: a course on the history of English is no English Language course;
    creative writing in Pidgin (Hawai'i Creole) is that language's, and an IB "Language B" English
    course is a second-language course. Composition is English."""
    courses = [_course("History of the English Language", school="A"),
               _course("Hist Of The English Lang", school="B", program="Linguistics"),
               _course("Pidgin Creative Writing Workshop", school="C", program="ENG"),
               _course("IB Language B—English", school="D"),
               _course("English Composition I", school="E", program="English")]
    found = [t for t, _ in _found(courses, "knowledge", "English Language", "51-4121.00")]
    assert found == ["English Composition I"]
