"""Field words (ksa/data/field_words.csv): a course taught for another field's students is no
match, whatever it shares with the item; the occupation's own field and foundation subjects are
unaffected."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ksa.catalog_cip import field_words, occupation_context
from ksa.match import MatchQuery, match_items
from ksa.match_terms import item_terms
from ksa.model import Course
from ksa.normalize import title_tokens


def _course(title: str, program: str = "", school: str = "Southeast CC") -> Course:
    return Course(school=school, grade_level="Diploma", course_code="", course_title=title,
                  program=program)


def _titles(courses: list[Course], domain: str, item: str, soc: str | None) -> list[str]:
    found = match_items([MatchQuery("k", domain, item)], courses, soc=soc, top_k=10, score_cutoff=80)
    return [m.course.course_title for m in found["k"]]


def test_field_words_table_is_well_formed() -> None:
    table = field_words()
    assert len(table) >= 50
    for word, homes in table.items():
        assert word == " ".join(title_tokens(word)), word  # stored as the normalizer spells titles
        assert homes, word
        for home in homes:
            assert re.fullmatch(r"\d\d(\.\d{2,4})?", home), (word, home)


def test_title_naming_another_field_is_no_match() -> None:
    courses = [_course("Chemistry for the Culinary Arts"), _course("General Chemistry"),
               _course("Cosmetology Chemistry")]
    assert _titles(courses, "knowledge", "Chemistry", "51-4121.00") == ["General Chemistry"]
    # the same courses without an occupation: nothing tells the field apart
    assert len(_titles(courses, "knowledge", "Chemistry", None)) == 3


def test_a_fields_math_is_mathematics_but_teaching_math_is_not() -> None:
    """Judges take a field's math course ("Math for the Culinary Arts") for any occupation's
    Mathematics, as they take its statistics; math for teachers they do not."""
    courses = [_course("Math for the Culinary Arts"), _course("Technical Mathematics"),
               _course("Math for Elementary Teachers II")]
    assert _titles(courses, "knowledge", "Mathematics", "51-4121.00") == [
        "Technical Mathematics", "Math for the Culinary Arts"]


def test_field_word_is_home_for_its_own_occupation() -> None:
    courses = [_course("Culinary Chemistry")]
    assert _titles(courses, "knowledge", "Chemistry", "35-2014.00") == ["Culinary Chemistry"]  # cooks
    assert _titles(courses, "knowledge", "Chemistry", "47-2111.00") == []  # electricians


def test_trade_words_keep_their_trade() -> None:
    courses = [_course("Collision Repair"), _course("Body & Fender Repair"),
               _course("Electrical Repair I", program="Auto Collision Repair"),
               _course("Electrical Maintenance and Repair")]
    assert _titles(courses, "skills", "Repairing", "47-2111.00") == ["Electrical Maintenance and Repair"]
    assert "Collision Repair" in _titles(courses, "skills", "Repairing", "49-3021.00")  # auto body


def test_item_naming_the_field_word_is_exempt() -> None:
    courses = [_course("Construction Materials"), _course("Construction Law")]
    # a pharmacy technician's "Law and Government" is not construction law ...
    assert _titles(courses, "knowledge", "Law and Government", "29-2052.00") == []
    # ... but "Building and Construction" names construction itself
    assert "Construction Materials" in _titles(courses, "knowledge", "Building and Construction",
                                                "29-2052.00")


def test_foundation_subjects_survive_another_fields_program() -> None:
    assert item_terms()["customer and personal service"].general
    courses = [_course("Customer Service Skills", program="Hospitality and Tourism"),
               _course("Intro to Sanitation & Safety", program="Food Service/Hospitality")]
    assert _titles(courses, "knowledge", "Customer and Personal Service", "47-2111.00") == [
        "Customer Service Skills"]
    # not a foundation subject: the hospitality program's safety course is elsewhere
    assert _titles(courses, "knowledge", "Public Safety and Security", "47-2111.00") == []


def test_context_reports_foreign_words() -> None:
    welders = occupation_context("51-4121.00")
    assert welders.foreign(frozenset({"culinary", "welding", "mathematics"})) == {"culinary"}
    assert occupation_context("12-3456.00").foreign(frozenset({"culinary"})) == {"culinary"}


def test_welding_inspection_is_quality_control_for_metal_trades_only() -> None:
    """Welding is a field of its own (CIP 48.05, precision metal working): its inspection course
    teaches quality control to welders and machinists, not to automotive technicians."""
    courses = [_course("Welding Inspection"), _course("Vehicle Safety Inspection", program="Automotive Technology")]
    assert _titles(courses, "skills", "Quality Control Analysis", "51-4121.00") == ["Welding Inspection"]
    assert "Welding Inspection" in _titles(courses, "skills", "Quality Control Analysis", "51-4041.00")
    assert _titles(courses, "skills", "Quality Control Analysis", "49-3023.00") == ["Vehicle Safety Inspection"]


def test_field_phrases_name_a_field_where_their_words_alone_do_not() -> None:
    """"Elementary" names teacher education only in "elementary education"; "Elementary
    Statistics" is mathematics for plumbers. "Mechanical Ventilation" is respiratory care,
    "Introduction to 2D Design" fine art ("2D" is a subject, not a level), "Intro to Electronic
    Engineering" the electronics field."""
    plumbers = "47-2152.00"
    math = [_course("Elementary Statistics", "Math"), _course("Methods of Elementary Education")]
    assert _titles(math, "knowledge", "Mathematics", plumbers) == ["Elementary Statistics"]
    mechanical = [_course("Mechanical Ventilation 1"), _course("Mechanical Systems")]
    assert _titles(mechanical, "knowledge", "Mechanical", plumbers) == ["Mechanical Systems"]
    assert "Mechanical Ventilation 1" in _titles(mechanical, "knowledge", "Mechanical", None)
    design = [_course("Introduction to 2D Design"), _course("Blueprint Reading")]
    assert _titles(design, "knowledge", "Design", "49-9021.00") == ["Blueprint Reading"]
    engineering = [_course("Intro to Electronic Engineering"), _course("Engineering Technology")]
    assert _titles(engineering, "knowledge", "Engineering and Technology", plumbers) == ["Engineering Technology"]
    assert "Intro to Electronic Engineering" in _titles(
        engineering, "knowledge", "Engineering and Technology", "49-9041.00")  # industrial mechanics
    law = [_course("Business Law for Entrepreneurs"), _course("Criminal Law")]
    assert _titles(law, "knowledge", "Law and Government", "33-3051.00") == ["Criminal Law"]
    repair = [_course("Small Engine Repair"), _course("Personal Computer Maintenance and Repair"),
              _course("Collision Repair")]
    assert _titles(repair, "skills", "Repairing", "49-3021.00") == ["Collision Repair"]
    office = [_course("Medical Office Procedures"), _course("Office Procedures")]
    assert _titles(office, "knowledge", "Administrative", "47-2152.00") == ["Office Procedures"]
    assert "Medical Office Procedures" in _titles(office, "knowledge", "Administrative", "43-6013.00")


def test_dimensions_are_subjects_not_levels() -> None:
    from ksa.ledger import decision_title_key
    from ksa.normalize import normalize_title

    assert normalize_title("3D Printing") == "3d printing"
    assert decision_title_key("Welding 2D") != decision_title_key("Welding 2")


def test_software_is_the_same_product_whatever_field_the_title_names() -> None:
    """AutoCAD taught in a civil-drafting course is still AutoCAD for a plumber (and a drafting
    course teaches it: round r92's judges took drafting courses for AutoCAD whatever the
    drawings); the course's drawings (civil site plans) are no Design knowledge for plumbing."""
    courses = [_course("Basic Civil CAD"), _course("Civil Drafting III"), _course("Architectural CAD")]
    plumbers = "47-2152.00"
    assert set(_titles(courses, "technology", "Autodesk AutoCAD", plumbers)) == {
        "Basic Civil CAD", "Civil Drafting III", "Architectural CAD"}
    assert "Basic Civil CAD" not in _titles(courses, "knowledge", "Design", plumbers)
    assert "Civil Drafting III" not in _titles(courses, "knowledge", "Design", plumbers)
    # ... while civil drafters draw civil plans
    assert "Civil Drafting III" in _titles(courses, "knowledge", "Design", "17-3011.00")


def test_garment_cad_is_taught_for_fashion() -> None:
    courses = [_course("Gerber Computer Aided Design I - Grade and Marking"),
               _course("Computer Aided Design I")]
    assert _titles(courses, "knowledge", "Design", "49-9021.00") == ["Computer Aided Design I"]


def test_a_language_departments_composition_is_the_languages() -> None:
    """Composition and grammar are foundations taught in any program, except a language's own:
    French composition and Hawaiian grammar teach no English. A department guessed from code
    prefixes does not count (a general-education prefix may also hold Spanish courses)."""
    courses = [_course("Adv Conver & Composition", program="French"),
               _course("Advanced Hawn Grammar"),
               _course("Composition I", program="English"),
               _course("College Writing", program="Spanish")]
    # "College Writing" in a program named Spanish: the catalog says Spanish, so it is Spanish
    assert _titles(courses, "knowledge", "English Language", "49-9071.00") == ["Composition I"]


def test_art_music_and_page_composition_are_no_writing() -> None:
    courses = [_course("Introduction to Three-Dimensional Composition"), _course("Page Composition"),
               _course("Composition/Songwriting"), _course("Music Composition"),
               _course("English Composition")]
    assert _titles(courses, "skills", "Writing", "51-4121.00") == ["English Composition"]


def test_sced_area_places_a_high_school_course_in_its_field(tmp_path: Path) -> None:
    """A SCED-coded "Metal Processing/Production" (area 13, Manufacturing) is no production
    knowledge for graphic designers, but stays a match for machinists."""
    from ksa.catalog import load_catalogs
    from ksa.panel import CatalogSpec

    path = tmp_path / "sced.csv"
    path.write_text("Course Title,SCED Course Code\nMetal Processing/Production,13055\n",
                    encoding="utf-8")
    courses = list(load_catalogs([CatalogSpec(path, school="High school")]).courses)
    query = [MatchQuery("k", "knowledge", "Production and Processing")]
    designers = match_items(query, courses, soc="27-1024.00")["k"]
    machinists = match_items(query, courses, soc="51-4041.00")["k"]
    assert designers == () and [m.course.course_title for m in machinists] == [
        "Metal Processing/Production"]
    # without the SCED code nothing tells the field apart
    bare = [replace(c, program="", cip="") for c in courses]
    assert match_items(query, bare, soc="27-1024.00")["k"]


def test_sced_transportation_area_splits_into_its_course_groups(tmp_path: Path) -> None:
    """SCED area 20 groups vehicle operation, vehicle mechanics and distribution: "Heavy Equipment
    Mechanics" (20112) is vehicle repair (47.06, its program "Vehicle Mechanics and Repair"), so
    it teaches a heavy-equipment mechanic Mechanical but not an office machine repairer, whose
    business machine repair programs share only the CIP family (47) with it: the field word
    "vehicle" places the program."""
    from ksa.catalog import load_catalogs
    from ksa.catalog_sced import sced_area
    from ksa.panel import CatalogSpec

    assert sced_area("20112").cip == "47.06" and sced_area("20152").cip == "52.0203"
    assert sced_area("20051").cip == "49" and sced_area("20999").cip == ""
    assert sced_area("13055").cip == "48" and sced_area("1305") is None
    path = tmp_path / "sced.csv"
    path.write_text("Course Title,SCED Course Code\nHeavy Equipment Mechanics,20112\n",
                    encoding="utf-8")
    courses = list(load_catalogs([CatalogSpec(path, school="High school")]).courses)
    query = [MatchQuery("k", "knowledge", "Mechanical")]
    assert match_items(query, courses, soc="49-2011.00")["k"] == ()
    assert [m.course.course_title for m in match_items(query, courses, soc="49-3042.00")["k"]] == [
        "Heavy Equipment Mechanics"]


def test_sced_world_language_course_teaches_no_english(tmp_path: Path) -> None:
    """SCED area 24 (World Languages) puts "Greek Literature" in a language's program: its
    syllabus stresses reading and writing, in Greek, so no English Language; an English-area
    literature course whose row stresses writing still counts."""
    from ksa.catalog import load_catalogs
    from ksa.panel import CatalogSpec

    path = tmp_path / "sced.csv"
    stress = "Emphasis is typically placed on critical and analytical reading and writing."
    path.write_text("Course Title,SCED Course Code,Course Description\n"
                    f"Greek Literature,24310,Literature written in Greek. {stress}\n"
                    f"World Literature,01057,Literature from around the world. {stress}\n",
                    encoding="utf-8")
    courses = list(load_catalogs([CatalogSpec(path, school="High school")]).courses)
    assert [c.program for c in courses] == ["World Languages", ""]
    found = match_items([MatchQuery("k", "knowledge", "English Language")], courses,
                        soc="47-2051.00")["k"]
    assert [m.course.course_title for m in found] == ["World Literature"]


def test_health_programs_share_their_science_core() -> None:
    """A medical-assisting department's Medical Terminology and a respiratory-care program's anatomy
    teach a dental assistant Medicine and Dentistry, and so does a title naming another health
    field (medicine is the whole sector's foundation); a title naming a field outside health does
    not, and trades departments stay foreign."""
    courses = [_course("Medical Terminology", program="Medical Office"),
               _course("Anatomy & Physiology", program="Respiratory Care", school="B"),
               _course("Massage Pharmacology", school="C"),
               _course("Agricultural Pharmacology", school="D")]
    dental = _titles(courses, "knowledge", "Medicine and Dentistry", "31-9091.00")
    assert set(dental) == {"Medical Terminology", "Anatomy & Physiology", "Massage Pharmacology"}
    # a foundation of every occupation (chemistry) still stops at a title naming another field
    chemistry = [_course("Cosmetology Chemistry"), _course("General Chemistry", school="B")]
    assert _titles(chemistry, "knowledge", "Chemistry", "31-9091.00") == ["General Chemistry"]
    # for an automotive technician the health departments stay another field's
    assert _titles([_course("Electrical Systems", program="Respiratory Care")], "knowledge",
                   "Computers and Electronics", "49-3023.00") == []


def test_an_item_naming_a_field_phrase_word_by_word_is_exempt() -> None:
    """"Building Construction Welding" names the field phrase "building construction", which the
    item "Building and Construction" names itself, word by word: still a match for welders."""
    courses = [_course("Building Construction Welding")]
    assert _titles(courses, "knowledge", "Building and Construction", "51-4121.00") == [
        "Building Construction Welding"]


def test_teaching_methods_and_physics_mechanics_are_not_the_subject() -> None:
    """"Math Methods" in an education department teaches how to teach mathematics; "Classical
    Mechanics" is physics, no Mechanical knowledge of machines."""
    courses = [_course("Math Methods", program="Education: Elementary"),
               _course("Secondary Mathematics Methods", program="Education", school="B"),
               _course("College Algebra", school="C")]
    assert _titles(courses, "knowledge", "Mathematics", "49-9071.00") == ["College Algebra"]
    mechanics = [_course("Classical Mechanics", program="Physics"),
                 _course("Small Engine Mechanics", school="B")]
    assert "Classical Mechanics" not in _titles(mechanics, "knowledge", "Mechanical", "49-9071.00")
    assert "Classical Mechanics" in _titles(mechanics, "knowledge", "Physics", "49-9071.00")


def test_marine_and_conservation_biology_are_natural_resources_fields() -> None:
    courses = [_course("Marine Biology"), _course("Conservation Biology", school="B"),
               _course("Human Biology", school="C")]
    assert _titles(courses, "knowledge", "Biology", "29-2034.00") == ["Human Biology"]


def test_cabinetmaking_is_its_own_field() -> None:
    courses = [_course("Carcass Construction I", program="Cabinetmaking"),
               _course("Architectural Cabinet Design CAD", school="B"),
               _course("Residential Construction", school="C")]
    assert _titles(courses, "knowledge", "Building and Construction", "47-2152.00") == [
        "Residential Construction"]
    assert "Architectural Cabinet Design CAD" not in _titles(courses, "knowledge", "Design",
                                                             "47-2152.00")


def test_robot_maker_courses_are_automation() -> None:
    courses = [_course("FANUC Dual Check Safety"), _course("Patient Safety", school="B")]
    assert _titles(courses, "knowledge", "Public Safety and Security", "31-1131.00") == [
        "Patient Safety"]


def test_companion_and_elective_courses_are_their_subject() -> None:
    courses = [_course("College Algebra Companion"), _course("Quantitative Methods elective", school="B"),
               _course("Statway I", school="C")]
    assert sorted(_titles(courses, "knowledge", "Mathematics", "47-2111.00")) == [
        "College Algebra Companion", "Quantitative Methods elective", "Statway I"]


def test_every_course_of_the_subjects_own_department_teaches_it() -> None:
    """"Labor Markets and Wages" of an economics department teaches Economics and Accounting though
    its title names neither; a career-exploration course of that department, or the same title
    in a history department, does not. A psychology department's courses teach psychology, its
    statistics course does not; biology departments get no such rule (the judges reject their
    ecology courses for most occupations)."""
    courses = [_course("Labor Markets and Wages", program="Economics"),
               _course("Career Exploration Seminar", program="Economics", school="B"),
               _course("Labor Markets and Wages", program="History", school="C")]
    found = match_items([MatchQuery("k", "knowledge", "Economics and Accounting")], courses,
                        soc="43-3031.00")["k"]
    assert [(m.course.school, m.score) for m in found] == [("Southeast CC", 86.0)]
    psychology = [_course("Survey of Research Methods", program="Psychology"),
                  _course("Statistical Techniques", program="Psychology", school="B")]
    assert _titles(psychology, "knowledge", "Psychology", "29-1141.00") == ["Survey of Research Methods"]


def test_composition_and_english_as_disciplines_are_no_practice() -> None:
    """A university's "Composition Studies" (the discipline's history and theory) and "Global
    Englishes" (varieties of English) teach neither Writing nor English Language; "Composition
    I" does."""
    courses = [_course("Composition Studies"), _course("Global Englishes", school="B"),
               _course("Composition I", school="C")]
    assert _titles(courses, "skills", "Writing", "15-1231.00") == ["Composition I"]
    assert _titles(courses, "knowledge", "English Language", "15-1231.00") == ["Composition I"]


def test_pre_kindergarten_readiness_is_early_childhood_teaching() -> None:
    """SCED "Language Arts (pre-kindergarten)" readies four-year-olds for language arts: no
    English Language for cement masons; the kindergarten course is English all the same (a
    grade, like "grade 1"), and a preschool teacher's own field keeps the pre-kindergarten one."""
    courses = [_course("Language Arts (pre-kindergarten)"),
               _course("Language Arts (kindergarten)", school="B")]
    assert _titles(courses, "knowledge", "English Language", "47-2051.00") == [
        "Language Arts (kindergarten)"]
    assert set(_titles(courses, "knowledge", "English Language", "25-2011.00")) == {
        "Language Arts (pre-kindergarten)", "Language Arts (kindergarten)"}
    # kindergarten is a grade, as "(grade 1)" is: the course is language arts, scored so
    graded = [_course("Reading (kindergarten)"), _course("Reading (grade 1)", school="B")]
    found = match_items([MatchQuery("k", "knowledge", "English Language")], graded,
                        soc="47-2051.00")["k"]
    assert [m.score for m in found] == [found[0].score] * 2 and found[0].score >= 85
