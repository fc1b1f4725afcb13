"""Departments read from course codes, one-subject item anchors, work placements, symbol names:
the error patterns of the second held-out set (new occupations, catalogs without programs)."""

from __future__ import annotations

from pathlib import Path

from ksa.catalog_departments import department_programs, subject_prefix
from ksa.match import MatchQuery, match_items
from ksa.model import Course
from ksa.normalize import normalize_title, title_tokens

IT_SUPPORT = "15-1232.00"
AUTO_TECH = "49-3023.00"


def _course(code: str, title: str, school: str = "Bridgerland Tech", program: str = "") -> Course:
    return Course(school=school, grade_level="Certificate", course_code=code, course_title=title,
                  program=program)


def _titles(courses: list[Course], domain: str, item: str, soc: str | None) -> list[str]:
    found = match_items([MatchQuery("k", domain, item)], courses, soc=soc, top_k=10, score_cutoff=80)
    return [m.course.course_title for m in found["k"]]


COLLISION = [_course("AUTC 1000", "Collision Repair Basics"), _course("AUTC 1010", "Collision Estimating"),
             _course("AUTC 1020", "Frame Straightening"), _course("AUTC 1030", "Mechanical Systems Analysis"),
             _course("AUTC 1040", "Refinishing"), _course("AUTC 1050", "Collision Welding")]


def test_subject_prefix() -> None:
    assert subject_prefix("AUTC 2020") == "AUTC"
    assert subject_prefix("math-101") == "MATH"
    assert subject_prefix("MATH101") == "MATH"
    assert subject_prefix("CE52 1000") == "CE52"  # continuing-education group 52, not all "CE"
    assert subject_prefix("1005") == subject_prefix("") == subject_prefix("Welding") == ""


def test_department_named_by_its_titles() -> None:
    it = [_course("ITEC 1", "Cisco Routing"), _course("ITEC 2", "Linux Essentials"),
          _course("ITEC 3", "CompTIA A+ Core 1"), _course("ITEC 4", "PC Professional"),
          _course("ITEC 5", "Help Desk Basics")]
    small = [_course("DENA 1", "Dental Terminology"), _course("DENA 2", "Dental Assisting I")]
    programs = department_programs([*COLLISION, *it, *small, _course("AUTC 9", "Paint", program="Autobody")])
    assert programs[: len(COLLISION)] == ["collision"] * len(COLLISION)
    # three different words of one field (information technology) count together
    # (each word names it once; the department takes one of them as its program)
    assert programs[len(COLLISION): len(COLLISION) + len(it)] == ["linux"] * len(it)
    assert programs[-3:-1] == ["", ""]  # two courses are too few to call a department
    assert programs[-1] == "Autobody"  # a catalog's own program always wins


def test_department_of_several_trades_gives_each_course_its_own() -> None:
    """Bridgerland's APPR department holds the electrician, plumber and HVAC apprenticeships: no
    one field is the department's, but each title naming one trade is that trade's course; a
    title naming none ("Code Updates") stays without a field."""
    mixed = [_course("APPR 1", "Apprentice Electrician 1A"), _course("APPR 2", "Apprentice Electrician 1B"),
             _course("APPR 3", "Apprentice Plumber 1A"), _course("APPR 4", "Apprentice Plumber 1B"),
             _course("APPR 5", "Apprentice HVAC 1A"), _course("APPR 6", "Apprentice HVAC 1B"),
             _course("APPR 7", "Code Updates")]
    assert department_programs(mixed) == ["electrician"] * 2 + ["plumber"] * 2 + ["hvac"] * 2 + [""]
    # the apprentice electrician's courses are the electrician's own program; the plumber's teach
    # the construction trades Building and Construction too (program_terms "**"), the HVAC
    # apprentice's and the untitled course do not
    assert _titles(mixed, "knowledge", "Building and Construction", "47-2111.00") == [
        "Apprentice Electrician 1A", "Apprentice Electrician 1B", "Apprentice Plumber 1A", "Apprentice Plumber 1B"]


def test_department_naming_two_fields_in_few_titles_is_left_alone() -> None:
    """Two unrelated fields named in a minority of a department's titles are no trades' department."""
    mixed = [_course("CONT 1", "Spanish for Travelers"), _course("CONT 2", "Spanish Conversation"),
             _course("CONT 3", "Welding Basics"), _course("CONT 4", "Hobby Welding"),
             *[_course(f"CONT {n}", t) for n, t in enumerate(
                 ["Yoga", "Digital Photos", "Estate Planning", "Gardening", "Watercolor"], 5)]]
    assert department_programs(mixed) == [""] * len(mixed)


def test_three_courses_all_naming_one_field_are_its_department() -> None:
    small = [_course("APPE 6111", "Pre-Apprentice Electrician"), _course("APPE 6211", "Pre-Apprentice Electrician"),
             _course("APPE 6811", "Pre-Apprentice Electrician")]
    assert department_programs(small) == ["electrician"] * 3
    assert department_programs(small[:2]) == ["", ""]


def test_small_department_must_name_its_field_in_half_its_titles() -> None:
    """A five-course continuing-education group with two Spanish courses is no language
    department: its "Interpersonal Communication" still teaches Social Perceptiveness."""
    group = [_course("CE81 0010", "Spanish Learner"), _course("CE81 0011", "Spanish Immersion"),
             _course("CE81 0020", "College Writing"), _course("CE81 0030", "GED Math Power"),
             _course("CE81 0040", "Interpersonal Communication")]
    assert department_programs(group) == [""] * 5
    assert _titles(group, "skills", "Social Perceptiveness", "43-4051.00") == ["Interpersonal Communication"]
    spanish = [*group[:2], _course("CE81 0012", "Spanish Conversation"), _course("CE81 0013", "Travel Spanish")]
    assert set(department_programs(spanish)) == {"spanish"}


def test_department_naming_a_field_and_its_family_takes_the_narrower() -> None:
    """A cabinet shop's titles say "construction" (carcass, door, drawer construction) nearly as
    often as "cabinet": construction (48) holds cabinetmaking (48.07), so the two do not make the
    department ambiguous, and its "Hardware Installation" is cabinetry's, not a telecom
    installer's *Installation*."""
    shop = [_course("CABM 1", "Bldg Custom Cabinets & Furniture I"), _course("CABM 2", "Cabinet Design CAD"),
            _course("CABM 3", "BT Cabinetmaking and Millwork"), _course("CABM 4", "Door Construction I"),
            _course("CABM 5", "Drawer Construction I"), _course("CABM 6", "Hardware Installation I")]
    assert set(department_programs(shop)) == {"cabinet"}
    assert _titles(shop, "skills", "Installation", "49-2022.00") == []


def test_collision_department_course_is_not_systems_analysis_for_it_support() -> None:
    courses = [*COLLISION, _course("ITEC 10", "Systems Analysis and Design", school="Southwest Tech")]
    assert _titles(courses, "skills", "Systems Analysis", IT_SUPPORT) == ["Systems Analysis and Design"]
    # nothing but the department says "collision": without an occupation both are suggested
    assert sorted(_titles(courses, "skills", "Systems Analysis", None)) == [
        "Mechanical Systems Analysis", "Systems Analysis and Design"]


def test_collision_department_is_not_auto_mechanics() -> None:
    courses = [*COLLISION, _course("AUTO 1", "Brakes"), _course("AUTO 2", "Automotive Engine Repair"),
               _course("AUTO 3", "Automotive Electrical"), _course("AUTO 4", "Automotive Steering")]
    collision = {c.course_title for c in COLLISION}
    mechanical = _titles(courses, "knowledge", "Mechanical", AUTO_TECH)
    # the automotive department's courses teach it (program terms first, then the rest of the
    # program: Mechanical is a core item there); the collision department's do not
    assert set(mechanical[:3]) == {"Brakes", "Automotive Engine Repair", "Automotive Steering"}
    assert mechanical[3:] == ["Automotive Electrical"]
    assert not collision & set(_titles(courses, "skills", "Repairing", AUTO_TECH))


def test_one_subject_item_needs_its_qualifier_out_of_context() -> None:
    courses = [_course("", "Network Traffic Analysis"), _course("", "Forensic Statement Analysis"),
               _course("", "Systems Analysis I"), _course("", "Analysis")]
    assert sorted(_titles(courses, "skills", "Systems Analysis", None)) == ["Analysis", "Systems Analysis I"]
    # "Engineering and Technology" names two subjects: engineering alone still matches
    assert _titles([_course("", "Engineering Statics")], "knowledge", "Engineering and Technology", None) == [
        "Engineering Statics"]
    # tools keep matching without their generic words ("software")
    assert _titles([_course("", "AutoCAD Beginning")], "technology", "Computer aided design CAD software",
                   None) == ["AutoCAD Beginning"]


def test_work_placements_are_never_suggested() -> None:
    courses = [_course("", "Welding Externship"), _course("", "Welding Internship"),
               _course("", "Welding Practicum"), _course("", "Welding I")]
    assert _titles(courses, "skills", "Welding", None) == ["Welding I"]


def test_symbol_names_stay_apart() -> None:
    assert title_tokens("C++ Programming") == ("cplusplus", "programming")
    assert title_tokens("C# Programming") == ("csharp", "programming")
    assert title_tokens("Programming in C") == ("programming", "c")
    assert title_tokens("CompTIA A+ Core 1") == ("comptia", "aplus", "core")
    assert title_tokens(".NET Development") == ("dotnet", "development")
    for title in ("C++ Programming", "A+ Hardware", ".NET", "C#"):
        once = normalize_title(title)
        assert once and normalize_title(once) == once
    courses = [_course("", "C++ Programming"), _course("", "C# Programming")]
    assert _titles(courses, "technology", "C++", None) == ["C++ Programming"]
    assert _titles(courses, "technology", "C#", None) == ["C# Programming"]


def test_vendor_name_is_not_needed_but_the_product_must_stand_alone() -> None:
    courses = [_course("", "Word 2019 Level 1"), _course("", "Word Study Skills"),
               _course("", "Word Processing Apps II MS Word"), _course("", "Word Roots")]
    assert title_tokens("MS Excel") == ("microsoft", "excel")
    assert title_tokens("MS in Nursing") == ("ms", "nursing")  # not before an Office product
    found = _titles(courses, "technology", "Microsoft Word", None)
    assert sorted(found) == ["Word 2019 Level 1", "Word Processing Apps II MS Word"]
    # the suite's term "microsoft word" takes the product alone too (one Office application
    # teaches Microsoft Office software), but still no course that only shares the word
    suite = _titles(courses, "technology", "Microsoft Office software", None)
    assert "Word 2019 Level 1" in suite
    assert "Word Study Skills" not in suite and "Word Roots" not in suite


def test_only_a_product_named_by_an_everyday_word_needs_its_maker() -> None:
    """"Using Excel in Accounting" teaches Excel without saying Microsoft; a course sharing only
    "Dynamics" or "Building" with an everyday-word product is no course on it."""
    courses = [_course("", "Using Excel® in Accounting"), _course("", "Dynamics of Family Violence"),
               _course("", "Drone Building"), _course("", "Microsoft Dynamics 365 Finance")]
    assert _titles(courses, "technology", "Microsoft Excel", None) == ["Using Excel® in Accounting"]
    assert _titles(courses, "technology", "Microsoft Dynamics", None) == ["Microsoft Dynamics 365 Finance"]
    assert _titles(courses, "technology", "Autodesk Building Systems", None) == []


def test_soft_skills_survive_another_fields_department() -> None:
    fashion = [_course("FASH 1", "Fashion Design I"), _course("FASH 2", "Fashion Merchandising"),
               _course("FASH 3", "Fashion Illustration"), _course("FASH 4", "Time Management & Organization")]
    assert _titles(fashion, "skills", "Time Management", AUTO_TECH) == ["Time Management & Organization"]


def test_catalog_load_says_which_departments_are_taken_as_a_field(tmp_path: Path) -> None:
    from ksa.catalog import load_catalogs
    from ksa.panel import CatalogSpec

    path = tmp_path / "catalog.csv"
    path.write_text("course_code,course_title\n" + "".join(
        f"{c.course_code},{c.course_title}\n" for c in COLLISION) + "MATH 1050,College Algebra\n",
        encoding="utf-8")
    load = load_catalogs([CatalogSpec(path, school="Bridgerland Tech")])
    notes = [i for i in load.issues if "taken as one field" in i.message]
    assert [(i.level, i.where) for i in notes] == [("info", "catalog.csv")]
    assert notes[0].message.startswith("AUTC courses at Bridgerland Tech are taken as one field's "
                                       "(collision: 3 of 6 titles)")
    path.write_text("course_code,course_title\nAPPR 1,Apprentice Plumber 1A\nAPPR 2,Apprentice Plumber 1B\n"
                    "APPR 3,Apprentice Electrician 1A\nAPPR 4,Apprentice Electrician 1B\n", encoding="utf-8")
    notes = [i.message for i in load_catalogs([CatalogSpec(path, school="Bridgerland Tech")]).issues
             if "several trades" in i.message]
    assert [m.split(":")[0] for m in notes] == [
        "APPR courses at Bridgerland Tech whose titles name electrician (2) are taken as that field's "
        "(the department holds several trades)",
        "APPR courses at Bridgerland Tech whose titles name plumber (2) are taken as that field's "
        "(the department holds several trades)"]
    # a department placed as another's twin says so, not that its titles name the field
    path.write_text("course_code,course_title\n" + "".join(
        f"{c.course_code},{c.course_title}\n" for c in COLLISION)
        + "TEAC 1,Collision Estimating\nTEAC 2,Frame Straightening\nTEAC 3,Refinishing\n", encoding="utf-8")
    notes = [i.message for i in load_catalogs([CatalogSpec(path, school="Bridgerland Tech")]).issues
             if i.message.startswith("TEAC")]
    assert notes == ["TEAC courses at Bridgerland Tech are taken as one field's (collision, as AUTC's: 3 of "
                     "their titles are AUTC courses' titles): other occupations get them only as that field's "
                     "courses; a Program column in the catalog overrides this"]


def test_subject_codes_used_as_department_names_give_context() -> None:
    """Some catalogs name a course's department by its subject code ("DH", "AJ", "ABRP"): the
    common career-technical codes are read as their programs, so a dental hygiene course is in
    context for dental hygienists and an auto-body course for collision repairers."""
    from ksa.catalog_cip import occupation_context

    assert occupation_context("29-1292.00").classify(program="DH") == 1
    assert occupation_context("49-3021.00").classify(program="ABRP") == 1
    assert occupation_context("33-3051.00").classify(program="AJ") == 0  # a related justice program
    assert occupation_context("47-2152.00").classify(program="DH") == -1


def test_department_code_that_is_also_a_word_of_another_programs_title() -> None:
    """"BUS" is Leeward's business department, not the truck and bus drivers' program whose CIP
    title holds the word: its "Principles of Business" teaches a chef Administration and
    Management as Kapiolani's "BUSINESS" department's course of the same title does."""
    from ksa.catalog_cip import occupation_context

    assert occupation_context("35-1011.00").classify(program="BUS") == 0
    assert occupation_context("35-1011.00").classify(program="BUSINESS") == 0
    assert _chef_management_schools("BUS 120", "Principles of Business", (
        "Surveys the foundations of accounting, management, finance and marketing."), ("BUS", "BUSINESS")) == [
        "Kapiolani CC", "Leeward CC"]


def _chef_management_schools(code: str, title: str, description: str, programs: tuple[str, str]) -> list[str]:
    """The schools whose copy of one course teaches a chef Administration and Management, the
    course given at Leeward under the first department name and at Kapiolani under the second."""
    courses = [Course(school=school, grade_level="", course_code=code, course_title=title,
                      description=description, program=program)
               for school, program in zip(("Leeward CC", "Kapiolani CC"), programs, strict=True)]
    found = match_items([MatchQuery(key="am", domain="knowledge", text="Administration and Management")],
                        courses, soc="35-1011.00")["am"]
    return sorted(m.course.school for m in found)


def test_foundation_items_reach_courses_that_name_them_otherwise() -> None:
    """Computer literacy courses teach Computers and Electronics, business and creative writing
    courses English (the r73 rule), an interviewing course Active Listening; a course sharing only
    a generic word does not."""
    courses = [_course("CIT 1", "Computer Essentials"), _course("ICS 100", "Computing Literacy and Applications"),
               _course("CIT 2", "Computer Applications in NDT"), _course("ENG 209", "Business and Managerial Writing"),
               _course("ENG 1", "Creative Writing"), _course("SP 1", "Interviewing"),
               _course("BUS 1", "Intro to Business Computing"), _course("DNTL 3", "Patient Information"),
               _course("BTEC 6", "Computer Technology"), _course("BTEC 7", "Windows 10"),
               _course("BTEC 8", "Computer Tools for Technology"), _course("OFFT 2", "Financial Computer Application"),
               _course("CARP 1", "Windows and Doors")]
    # a course on the computer alone, however the title dresses it, or on its operating system,
    # and a computer-applications course of any field (policy 10: end-user computing; the
    # title-only "Financial Computer Application", which r117's judges took for accounting
    # software, is matched too: the words cannot tell it from "Computer Applications in NDT")
    assert sorted(_titles(courses, "knowledge", "Computers and Electronics", None)) == [
        "Computer Applications in NDT", "Computer Essentials", "Computer Technology",
        "Computer Tools for Technology", "Computing Literacy and Applications",
        "Financial Computer Application", "Intro to Business Computing", "Windows 10"]
    assert sorted(_titles(courses, "knowledge", "English Language", None)) == [
        "Business and Managerial Writing", "Creative Writing"]
    assert _titles(courses, "skills", "Active Listening", None) == ["Interviewing"]
    assert sorted(_titles(courses, "technology", "Microsoft Excel", None)) == [
        "Computing Literacy and Applications", "Intro to Business Computing"]


def test_a_program_that_repeats_the_code_prefix_takes_the_departments_name() -> None:
    """Honolulu CC names CSNT "Computing, Security, and Networking Technology" in some rows and
    just "CSNT" in others: every CSNT course is then a course of that department, which trains
    information security analysts (their Computers and Electronics); another school's CSNT keeps
    its own name."""
    name = "COMPUTING, SECURITY, AND NETWORKING TECHNOLOGY"
    courses = [_course("CSNT 116", "Security Awareness Concepts", "Honolulu CC", name),
               _course("CSNT 275", "Security Essentials", "Honolulu CC", "CSNT"),
               _course("CSNT 100", "Cabling", "Other CC", "CSNT"),
               _course("MATH 100", "Survey of Mathematics", "Honolulu CC", "MATH")]
    assert department_programs(courses) == [name, name, "CSNT", "MATH"]
    found = _titles(courses, "knowledge", "Computers and Electronics", "15-1212.00")
    assert "Security Essentials" in found


def test_a_code_prefix_listed_under_a_broad_and_a_narrow_department_is_the_narrow_one() -> None:
    """Hawaii CC lists its Etro courses under "Engineering Technology" (the whole family, 15) and
    "Electronics Technology" (15.03): all are electronics courses, so each teaches electronics
    technicians Computers and Electronics as the electronics program's core."""
    courses = [_course("ETRO 101", "Fundamentals of Electronics I", "Hawaii CC", "Electronics Technology"),
               _course("ETRO 143", "Digital Electronics", "Hawaii CC", "Engineering Technology"),
               _course("ETRO 140", "Network Fundamentals", "Hawaii CC", "Engineering Technology"),
               _course("CE 270", "Applied Mechanics I", "Hawaii CC", "Engineering Technology")]
    assert department_programs(courses) == ["Electronics Technology"] * 3 + ["Engineering Technology"]


def test_clinical_rotations_teach_no_knowledge_but_train_tools() -> None:
    """A program's clinical rotation ("Health & Illness I Clinical", "Clinical Practice III") is
    a placement for knowledge and skills; its theory course is suggested, and a nursing
    assistant's clinical still trains the bedside tools."""
    courses = [_course("NURS 220T", "Health & Illness I", program="Nursing"),
               _course("NURS 220C", "Health & Illness I Clinical", program="Nursing"),
               _course("RESP 212", "Clinical Practice III", program="Nursing"),
               _course("SURT 101", "Clinical Education 2", program="Nursing"),
               _course("MICT 151", "Clinical Paramedicine I", program="Nursing"),
               _course("MEDA 120", "Clinical Medical Assisting I", program="Nursing"),
               _course("MEDA 130", "Psychology for Healthcare", program="Nursing"),
               _course("MEDA 140", "Workplace Relations I", program="Nursing")]
    medicine = _titles(courses, "knowledge", "Medicine and Dentistry", "29-1141.00")
    assert "Health & Illness I" in medicine and "Clinical Medical Assisting I" in medicine
    assert not {"Health & Illness I Clinical", "Clinical Practice III", "Clinical Education 2",
                "Clinical Paramedicine I"} & set(medicine)
    # a program's soft-skill courses are no part of its core subject
    assert not {"Psychology for Healthcare", "Workplace Relations I"} & set(medicine)
    aide = [_course("TENA 1900", "Nursing Assistant Clinical", program="Nursing Assistant")]
    assert _titles(aide, "tools", "Automated blood pressure cuffs", "31-1131.00") == ["Nursing Assistant Clinical"]


def test_fire_instructor_course_is_the_fire_services() -> None:
    """Fire Instructor 1 teaches fire officers to instruct; for a nursing assistant it is another
    sector's instructor course, no *Instructing* (a firefighter's own, all the same)."""
    courses = [_course("CE75 0020", "Fire Instructor 1")]
    assert _titles(courses, "skills", "Instructing", "31-1131.00") == []
    assert _titles(courses, "skills", "Instructing", "33-2011.00") == ["Fire Instructor 1"]


def test_set_seventeen_patterns_fieldwork_products_and_health_words() -> None:
    """Fieldwork is a placement; a machine-vision product's spreadsheet is no Excel; a
    "Therapeutic Interpersonal Skills" course is the health sector's; financial accounting
    software is taught by software courses, not by an accounting principles course."""
    fieldwork = [_course("OTA 140", "Fieldwork Level I: Activity and Mental Health",
                         program="OCCUPATIONAL THERAPY ASSISTANT")]
    assert _titles(fieldwork, "knowledge", "Therapy and Counseling", "31-2011.00") == []
    sheets = [_course("IAMT 0110", "Cognex Easy-Builder & Spreadsheets"),
              _course("BTEC 1140", "Spreadsheet Applications")]
    assert _titles(sheets, "technology", "Microsoft Excel", "23-2011.00") == ["Spreadsheet Applications"]
    helper = [_course("HLTH 118", "Therapeutic Interpersonal Skills", program="Health")]
    assert _titles(helper, "skills", "Social Perceptiveness", "23-2011.00") == []
    assert _titles(helper, "skills", "Social Perceptiveness", "31-2011.00") == ["Therapeutic Interpersonal Skills"]
    accounting = [_course("ACC 201", "Introduction to Financial Accounting"),
                  _course("ACC 150", "QuickBooks"), _course("ACC 155", "Computerized Accounting")]
    found = _titles(accounting, "technology", "Financial accounting software", "51-3021.00")
    assert "Introduction to Financial Accounting" not in found and "Computerized Accounting" in found


def test_a_department_named_by_field_words_alone_is_placed_by_them() -> None:
    """No CIP title and no table names "Motorcycle, ATV & Personal Watercraft Technology": its
    field word places it (the motorcycle mechanics' own program, whose core courses teach
    Mechanical); words narrow each other, so "Hospitality and Tourism" is hotels and travel,
    not a kitchen whose every course teaches a food service manager Food Production."""
    from ksa.catalog_cip import program_fields

    assert program_fields("Motorcycle, ATV & Personal Watercraft Technology") == frozenset({"47.0611"})
    assert program_fields("Auto Collision Repair") == frozenset({"47.0603"})
    assert "12.05" not in program_fields("Hospitality and Tourism Management")
    assert program_fields("Business") == frozenset({"52.01", "52.02"})
    program = "Motorcycle, ATV & Personal Watercraft Technology"
    shop = [_course("MSTT 1120", "Wheels and Tires", program=program),
            _course("MSTT 1140", "Transmissions & Final Drives", program=program),
            _course("ACCT 1200", "Principles of Accounting I", program="Accounting")]
    found = _titles(shop, "knowledge", "Mechanical", "49-3052.00")
    assert "Wheels and Tires" in found and "Principles of Accounting I" not in found
    tourism = [_course("TIM 101", "Introduction to Tourism", program="Hospitality and Tourism Management")]
    assert _titles(tourism, "knowledge", "Food Production", "11-9051.00") == []


def test_set_eighteen_patterns_coop_apps_and_programming_descriptions() -> None:
    """"Co-Op" is a cooperative placement; "Apps" are applications, so an MS Word course is
    word processing; a programming course that mentions web browsers is no browser course."""
    coop = [_course("MSTT 1901", "Rideabilit & Elec Update Co-Op"), _course("MSTT 1125", "Electrical Concepts")]
    assert _titles(coop, "knowledge", "Computers and Electronics", None) == []
    assert normalize_title("Word Processing Apps I MS Word") == normalize_title("Word Processing Applications MS Word")
    word = [_course("BTEC 1132", "Word Processing Apps I MS Word")]
    assert _titles(word, "knowledge", "Administrative", "43-4171.00") == ["Word Processing Apps I MS Word"]


def test_hand_tools_and_social_networks_are_taught_under_their_class() -> None:
    """A hand-tools course of any program trains wrenches and pliers; a social-media course
    trains Facebook; a web design course HTML; none of them trains the other."""
    courses = [_course("MSTT 1000", "Shop Procedures & Hand Tools", program="Motorcycle Technology"),
               _course("ICS 119", "Introduction to Social Media"), _course("GDMA 1485", "Web Design I"),
               _course("CS 485", "Social Network Analysis")]
    assert _titles(courses, "tools", "Adjustable wrenches", "37-3011.00") == ["Shop Procedures & Hand Tools"]
    assert _titles(courses, "technology", "Facebook", "13-1121.00") == ["Introduction to Social Media"]
    assert _titles(courses, "technology", "Hypertext markup language HTML", "13-1121.00") == ["Web Design I"]


def test_soft_skills_taught_under_other_course_names() -> None:
    """Personal and public speech teaches Active Listening, principles of management Judgment and
    Decision Making, argumentation and debate Critical Thinking, an introduction-to-college course
    Time Management; a "Peoples of the Pacific" survey is no Social Perceptiveness and creative
    thinking no Critical Thinking."""
    courses = [_course("SP 151", "Personal and Public Speech"), _course("MGT 120", "Principles of Management"),
               _course("SP 251", "Argumentation and Debate"), _course("IS 103", "Introduction to College"),
               _course("ANTH 235", "Peoples of the Pacific"), _course("IS 161", "Introduction to Creative Thinking")]
    assert _titles(courses, "skills", "Active Listening", "43-4051.00") == ["Personal and Public Speech"]
    assert "Principles of Management" in _titles(courses, "skills", "Judgment and Decision Making", "43-4051.00")
    assert _titles(courses, "skills", "Critical Thinking", "43-4051.00") == ["Argumentation and Debate"]
    assert _titles(courses, "skills", "Time Management", "43-4051.00") == ["Introduction to College"]
    assert _titles(courses, "skills", "Social Perceptiveness", "43-4051.00") == []


def test_an_occupation_no_program_leads_to_borrows_its_minor_groups_programs() -> None:
    """The crosswalk links no program to construction laborers (99.9999): the construction
    trades programs of their SOC minor group (47-2) teach them their core subjects, so a
    carpentry department's courses teach them Building and Construction."""
    from ksa.catalog_cip import occupation_context

    context = occupation_context("47-2061.00")
    assert "46.0201" in context.cips and context.extra == context.core_only
    assert occupation_context("47-2031.00").extra == frozenset()  # carpenters have their own
    carpentry = [_course("CARP 20", "Carpentry Basics", school="Honolulu CC", program="Carpentry"),
                 _course("CARP 21", "Concrete Forms", school="Honolulu CC", program="Carpentry")]
    assert _titles(carpentry, "knowledge", "Building and Construction", "47-2061.00") == [
        "Carpentry Basics", "Concrete Forms"]


def test_programming_and_servers_are_taught_under_their_course_names() -> None:
    """Computer science and scripting courses teach Programming; system-administration courses
    train computer servers; neither is suggested for the other item."""
    courses = [_course("ICS 111", "Introduction to Computer Science I", school="Leeward CC"),
               _course("ICS 215", "Introduction to Scripting", school="Leeward CC"),
               _course("ITS 241", "Linux System Administration", school="Leeward CC")]
    assert _titles(courses, "skills", "Programming", "15-1251.00") == [
        "Introduction to Computer Science I", "Introduction to Scripting"]
    assert _titles(courses, "tools", "Computer servers", "15-1251.00") == ["Linux System Administration"]


def test_problem_solving_in_a_programming_course_is_programming() -> None:
    """"Problem Solving and the Programing Process" (misspelt as in Kapiolani's catalog) teaches a
    welder no Complex Problem Solving, a critical-thinking course does; for a computer programmer,
    whose own program offers it, it does."""
    courses = [_course("ITS 128", "Introduction to Problem Solving and the Programing Process",
                       school="Kapiolani CC", program="Information Technology"),
               _course("ENG 18", "Critical Reading, Thinking, Problem Solving", school="Kapiolani CC")]
    assert _titles(courses, "skills", "Complex Problem Solving", "51-4121.00") == [
        "Critical Reading, Thinking, Problem Solving"]
    assert "Introduction to Problem Solving and the Programing Process" in _titles(
        courses, "skills", "Complex Problem Solving", "15-1251.00")


def test_an_engineering_technicians_science_is_physical_and_car_repair_another_sector() -> None:
    """Set 21's mechanical engineering technicians: an automotive service program's brake course
    is another sector's Mechanical (the crosswalk's automotive *engineering* technology is not a
    repair shop), and their Science is physics and chemistry; a respiratory therapist's Science
    takes biology too."""
    courses = [_course("AUTT 1110", "Brake Systems Theory", school="Southeast CC", program="Automotive Technology"),
               _course("MFGT 1200", "Mechanical Power Transmission", school="Southeast CC",
                       program="Manufacturing Engineering Technology"),
               _course("BIOS 1010", "General Biology", school="Southeast CC", program="Biology"),
               _course("PHYS 1100", "General Physics", school="Southeast CC", program="Physics")]
    mechanical = _titles(courses, "knowledge", "Mechanical", "17-3027.00")
    assert "Mechanical Power Transmission" in mechanical and "Brake Systems Theory" not in mechanical
    assert _titles(courses, "skills", "Science", "17-3027.00") == ["General Physics"]
    assert set(_titles(courses, "skills", "Science", "29-1126.00")) == {"General Biology", "General Physics"}


def test_speech_departments_business_communication_is_speaking_not_writing() -> None:
    """Southeast's "Business & Professional Commun" (a speech course) teaches Speaking, not
    English Language or Writing; "Business Communications" teaches all three; a therapeutic
    helping-skills course listens for a medical assistant, not for a hotel desk clerk."""
    courses = [_course("SPCH 2810", "Business & Professional Commun", school="Southeast CC"),
               _course("BSAD 1700", "Business Communications", school="Southeast CC"),
               _course("HLTH 140", "Therapeutic Interpersonal Skills", school="Kapiolani CC")]

    def titles(domain: str, item: str, soc: str) -> list[str]:  # at the default cutoff
        found = match_items([MatchQuery("k", domain, item)], courses, soc=soc)
        return [m.course.course_title for m in found["k"]]

    assert titles("skills", "Writing", "43-4081.00") == ["Business Communications"]
    assert titles("knowledge", "English Language", "43-4081.00") == ["Business Communications"]
    assert "Business & Professional Commun" in titles("skills", "Speaking", "43-4081.00")
    assert "Therapeutic Interpersonal Skills" not in titles("skills", "Active Listening", "43-4081.00")
    assert "Therapeutic Interpersonal Skills" in titles("skills", "Active Listening", "31-9092.00")


def test_engineering_technology_and_agriculture_programs_teach_their_core() -> None:
    """A mechanical engineering technician's manufacturing-engineering courses teach Design and
    Operation and Control; an agricultural technician's livestock and crop courses teach Food
    Production. Botany is Biology for both an agricultural technician and a nurse (the registered
    nurses' judges added General Botany and Principles of Zoology); geology is neither's."""
    mfg = "Manufacturing Engineering Technology"
    courses = [_course("MFGT 2260", "Jigs & Fixture - Design", school="Southeast CC", program=mfg),
               _course("MFGT 1510", "Programmable Logic Controllers", school="Southeast CC", program=mfg),
               _course("AGRI 1400", "Livestock Management", school="Southeast CC", program="Agriculture"),
               _course("BIOL 171", "General Botany", school="Windward CC", program="Biology"),
               _course("GEOL 101", "Physical Geology", school="Windward CC", program="Geology")]
    assert "Jigs & Fixture - Design" in _titles(courses, "knowledge", "Design", "17-3027.00")
    assert "Programmable Logic Controllers" in _titles(courses, "skills", "Operation and Control", "17-3027.00")
    assert _titles(courses, "knowledge", "Food Production", "19-4012.00") == ["Livestock Management"]
    assert "General Botany" in _titles(courses, "knowledge", "Biology", "19-4012.00")
    assert _titles(courses, "knowledge", "Biology", "29-1141.00") == ["General Botany"]


def test_a_literacy_course_teaches_access_only_where_its_syllabus_names_a_database() -> None:
    """Two colleges' "Computing Literacy and Applications": one syllabus names databases, the
    other only word processing and spreadsheets; a title-only catalog's literacy course is not
    taken on trust (judges 29 to 1 against Bridgerland's "Digital Literacy" and Southeast's
    "Computer Literacy", which have no description), though it still teaches Excel."""
    literacy = "Computing Literacy and Applications"
    courses = [Course(school="Windward CC", grade_level="", course_code="ICS 100", course_title=literacy,
                      description="Hands-on word processing, spreadsheet and database software."),
               Course(school="Kapiolani CC", grade_level="", course_code="ICS 100", course_title=literacy,
                      description="Hands-on word processing, spreadsheet and presentation software."),
               Course(school="Southeast CC", grade_level="", course_code="INFO 1000", course_title=literacy)]
    found = match_items([MatchQuery("k", "technology", "Microsoft Access")], courses, soc="43-4081.00")
    assert sorted(m.course.school for m in found["k"]) == ["Windward CC"]
    found = match_items([MatchQuery("k", "technology", "Microsoft Excel")], courses, soc="43-4081.00")
    assert len(found["k"]) == 3


def test_a_literature_course_teaches_english_only_where_its_syllabus_stresses_writing() -> None:
    """Policy (8): a literature course whose catalog row puts the emphasis on writing teaches the
    English language; one whose row names no writing aim does not, nor does a title-only
    catalog's literature course, nor a course in another language's literature."""
    def course(school: str, title: str, description: str = "") -> Course:
        return Course(school=school, grade_level="", course_code="ENG 250", course_title=title,
                      program="English", description=description)

    courses = [course("Kapiolani CC", "Introduction to Literature: Genre: Poetry",
                      "Study of poems. Emphasis is placed on writing, both as a way of discovering ideas."),
               course("Kauai CC", "Hawaiian Literature in English", "Legends and stories of Hawaii."),
               course("Southeast CC", "Native American Literature"),
               course("High school", "Hebrew Literature",
                      "Reading and writing in Hebrew. Emphasis is placed on analytical writing."),
               # an "ESL" of the prerequisites is no ESL course: its clause is its own
               course("Windward CC", "Introduction to Literature: Fiction",
                      "Emphasis is placed on writing about stories. Pre: ENG 100 or ESL 100.")]
    found = _titles(courses, "knowledge", "English Language", "31-9092.00")
    assert sorted(found) == ["Introduction to Literature: Fiction", "Introduction to Literature: Genre: Poetry"]


def test_a_whole_esl_course_teaches_reading_where_its_syllabus_names_reading() -> None:
    """Leeward's "Beginning English as a Second Language" practises reading comprehension (its
    row says so, and says "(Formerly ESL 8B)" after): Reading Comprehension. Kapiolani's
    "Beginning English for Speakers of Other Languages" names grammar and paragraphs only, and a
    title-only catalog's ESL course is not taken on trust."""
    def course(school: str, title: str, description: str = "") -> Course:
        return Course(school=school, grade_level="", course_code="ESL 90", course_title=title,
                      program="ESL", description=description)

    courses = [course("Leeward CC", "Beginning English as a Second Language",
                      "Practice in reading comprehension, vocabulary development and essay "
                      "construction. (Formerly ESL 8B and ESL 9B)"),
               course("UH Hilo", "Academic Reading, Intermediate",
                      "For non-native English speakers: college-level academic reading."),
               course("Kapiolani CC", "Beginning English for Speakers of Other Languages",
                      "Basic grammar structures, vocabulary and writing at the paragraph level."),
               course("Southeast CC", "English as a Second Language")]
    found = _titles(courses, "skills", "Reading Comprehension", "35-1011.00")
    assert sorted(found) == ["Academic Reading, Intermediate", "Beginning English as a Second Language"]


def test_the_history_of_a_subject_is_no_course_in_it() -> None:
    """"History of Mathematics" (SCED) and "History of Economic Thought" teach history: no
    mathematics or economics for a bookkeeping clerk, where the algebra and economics courses do."""
    courses = [_course("02991", "History of Mathematics", school="High school (SCED)"),
               _course("02052", "Algebra I", school="High school (SCED)"),
               _course("ECON 330", "History of Economic Thought", school="UH Hilo"),
               _course("ECON 130", "Principles of Microeconomics", school="UH Hilo")]
    assert _titles(courses, "knowledge", "Mathematics", "43-3031.00") == ["Algebra I"]
    found = _titles(courses, "knowledge", "Economics and Accounting", "43-3031.00")
    assert "Principles of Microeconomics" in found and "History of Economic Thought" not in found


def test_a_high_school_mathematics_area_course_teaches_mathematics() -> None:
    """A SCED list has no department column, but a course of its Mathematics area (02) is a
    mathematics department's course: a district's "Integrated Reasoning I" coded 02055 teaches a
    budget analyst Mathematics though no title word names it (the sets' judges: 2,472 of 2,537
    SCED mathematics pairs); a Social Sciences (04) course does not, nor the same title under a
    college's own code."""
    courses = [_course("02055", "Integrated Reasoning I", school="High school (SCED)"),
               _course("04001", "World Geography", school="High school (SCED)"),
               _course("GEN 110", "Integrated Reasoning I", school="Other")]
    found = match_items([MatchQuery("k", "knowledge", "Mathematics")], courses, soc="13-2031.00")["k"]
    assert [m.course.school for m in found] == ["High school (SCED)"]


def test_mathematics_subjects_named_otherwise_teach_mathematics() -> None:
    """Statistical reasoning, mathematical modeling and number theory are mathematics whichever
    department gives them (the sets' judges: 607 of 609 such pairs with econometrics and
    geostatistics, which blind round r124 refused as other fields' upper-level methods); a film
    program's "Cutting Room Functions" and a counseling course's "core functions" are not."""
    courses = [_course("ECON 427", "Econometrics", school="UH Hilo", program="Economics"),
               _course("MATH 454", "Number Theory", school="UH Hilo", program="Mathematics"),
               _course("PHIL 120", "Statistical Reasoning", school="Leeward CC", program="Philosophy"),
               _course("ICS 150", "Mathematical Modeling", school="Windward CC"),
               _course("FILM 210", "Cutting Room Functions", school="Honolulu CC", program="Film"),
               _course("HSER 268", "Twelve Core Functions of Substance Use Disorder Counseling",
                       school="Maui College", program="Human Services")]
    assert sorted(_titles(courses, "knowledge", "Mathematics", "13-2031.00")) == [
        "Mathematical Modeling", "Number Theory", "Statistical Reasoning"]


def test_a_game_course_teaches_its_own_field() -> None:
    """UH West Oahu's "Game Logic" is game design (a field word): no critical thinking for a
    health services manager, where "Introduction to Logic" is; game theory stays economics."""
    courses = [_course("CM 150", "Game Logic", school="UH West Oahu"),
               _course("PHIL 110", "Introduction to Logic", school="UH West Oahu")]
    assert _titles(courses, "skills", "Critical Thinking", "11-9111.00") == ["Introduction to Logic"]
    assert normalize_title("Global Topics in Game Theory") == "global topics gametheory"


def test_a_database_course_trains_office_only_where_its_syllabus_names_an_office_program() -> None:
    """Kapiolani's "Introduction to Databases" is database design "in a computer environment" with
    "information technology tools": "computer" alone is no evidence of Office. Bridgerland's
    title-only "Database" is taken on trust; a database course built on spreadsheets is Office."""
    courses = [Course(school="Kapiolani CC", grade_level="", course_code="ITS 129",
                      course_title="Introduction to Databases",
                      description="Hands-on activities in a computer environment: designing and "
                                  "manipulating a database using information technology tools."),
               Course(school="Bridgerland Tech", grade_level="", course_code="BTEC 1400", course_title="Database"),
               Course(school="Leeward CC", grade_level="", course_code="BUSN 164", course_title="Databases",
                      description="Building tables and queries, linked to spreadsheets and word processing.")]
    found = _titles(courses, "technology", "Microsoft Office software", "43-6014.00")
    assert sorted(found) == ["Database", "Databases"]


def test_a_drone_course_is_no_core_course_of_an_electronics_department() -> None:
    """Bridgerland's electronics department (ELEC) teaches drone piloting beside its circuits: the
    circuits courses teach a telecom installer Engineering and Technology, the drone courses do not."""
    courses = [_course(f"ELEC {1000 + n}", t, program="Electronics") for n, t in enumerate(
        ["Electronics Fundamentals DC", "Electronics Fundamentals AC", "Digital Electronics",
         "Electronics Assembly & Soldering", "Drone Piloting UAVs", "Basic Drone Technology & Piloting"])]
    taught = _titles(courses, "knowledge", "Engineering and Technology", "49-2022.00")
    assert "Electronics Fundamentals DC" in taught
    assert not [t for t in taught if "Drone" in t]


def test_an_interior_design_department_read_from_its_titles_teaches_design() -> None:
    """Bridgerland's IDES courses say "Int Des" or "Interior Design": the department is interior
    design, whose space-planning and studio courses teach an interior designer Design; its
    entrepreneurship course is entrepreneurship all the same, a plumber's Administration and
    Management (policy item 9), while its studio is no one else's."""
    titles = ["Int Des 2 Hr", "Int Des 4 Hr", "Interior Design Lab", "Introduction to Interior Design",
              "Space Planning", "Color Theory", "Studio", "Intro to Entrepreneurship"]
    courses = [_course(f"IDES {1000 + n}", t) for n, t in enumerate(titles)]
    assert department_programs(courses) == ["interior design"] * len(titles)
    assert "Space Planning" in _titles(courses, "knowledge", "Design", "27-1025.00")
    assert _titles(courses, "knowledge", "Administration and Management", "47-2152.00") == ["Intro to Entrepreneurship"]
    assert _titles(courses, "knowledge", "Design", "47-2152.00") == []


def test_a_veterinary_programs_courses_are_its_assistants_medicine() -> None:
    """Bridgerland's veterinary assisting courses ("Vet Assist Clinical Sciences", "Clinical
    Procedures I") teach a veterinary assistant Medicine and Dentistry; for a surgical
    technologist they are another sector's."""
    titles = ["Introduction to Veterinary Tech", "Vet Assist Clinical Sciences", "Vet Assisting Applications",
              "Clinical Procedures I", "Clinical Procedures II", "Animal Sciences"]
    courses = [_course(f"VETA {1000 + n}", t) for n, t in enumerate(titles)]
    assert "Clinical Procedures I" in _titles(courses, "knowledge", "Medicine and Dentistry", "31-9096.00")
    assert _titles(courses, "knowledge", "Medicine and Dentistry", "29-2055.00") == []


def test_equipment_operators_learn_their_machines_in_operation_and_diesel_courses() -> None:
    """Bridgerland's TEHE courses name loaders, excavators and backhoes: the department is
    construction equipment operation, whose courses teach an operator Operation and Control and
    Mechanical; a heavy-duty diesel course teaches the operator Mechanical too."""
    titles = ["Heavy Equipment Introduction/Basics", "Skid Steer/Compact Loader Operation",
              "Hydraulic Excavator Operation", "Backhoe (Tractor Loader Backhoe) Op", "Front End Loader Operation"]
    courses = [_course(f"TEHE {1000 + n}", t) for n, t in enumerate(titles)]
    courses.append(_course("HVDD 1020", "Heavy Duty Brakes", program="Diesel Technology"))
    assert "Hydraulic Excavator Operation" in _titles(courses, "skills", "Operation and Control", "47-2073.00")
    mechanical = _titles(courses, "knowledge", "Mechanical", "47-2073.00")
    assert "Front End Loader Operation" in mechanical and "Heavy Duty Brakes" in mechanical
    assert "Hydraulic Excavator Operation" not in _titles(courses, "knowledge", "Mechanical", "49-3042.00")


def test_a_portfolio_course_teaches_no_tool_of_its_own() -> None:
    """"Graphic Design Portfolio I" assembles work the program's other courses taught: like a
    placement it is never suggested, while "Intro to Graphic Design" trains Photoshop."""
    courses = [_course("ARTS 2610", "Graphic Design Portfolio I", school="Southeast CC"),
               _course("ARTS 1610", "Intro to Graphic Design", school="Southeast CC")]
    assert _titles(courses, "technology", "Adobe Photoshop", "27-1024.00") == ["Intro to Graphic Design"]


def test_media_law_is_law_for_media_occupations_only() -> None:
    """Bridgerland's "Media Law and Ethics" teaches a public relations specialist Law and
    Government, not a firefighter, whose law is American government."""
    courses = [_course("ECOM 1050", "Media Law and Ethics"), _course("POLS 1100", "American Government")]
    assert "Media Law and Ethics" in _titles(courses, "knowledge", "Law and Government", "27-3031.00")
    assert _titles(courses, "knowledge", "Law and Government", "33-2011.00") == ["American Government"]


def test_another_health_programs_care_courses_teach_medicine_not_all_its_courses() -> None:
    """A sonographer's own program teaches Medicine and Dentistry in every course; a nursing
    program's courses teach it where the title names the subject ("Nursing Pharmacology") or
    nursing care ("Fundamentals of Nursing": the judges of every set 10 to 0, a "~" term), not
    every nursing course: no "**" row makes "Nursing Role Transition" a sonographer's medicine."""
    def course(code: str, title: str, program: str, cip: str) -> Course:
        return Course("Bridgerland Tech", "Certificate", code, title, program=program, cip=cip)

    courses = [course("DMS 1100", "Abdominal Sonography I", "Diagnostic Medical Sonography", "51.0910"),
               course("PN 1000", "Fundamentals of Nursing", "Practical Nursing", "51.3901"),
               course("PN 1010", "Nursing Pharmacology", "Practical Nursing", "51.3901"),
               course("PN 1020", "Nursing Role Transition", "Practical Nursing", "51.3901")]
    found = _titles(courses, "knowledge", "Medicine and Dentistry", "29-2032.00")
    assert set(found) == {"Abdominal Sonography I", "Fundamentals of Nursing", "Nursing Pharmacology"}


def test_psychology_and_sociology_departments_teach_their_subject() -> None:
    """A course of a psychology or anthropology department teaches its subject whatever
    its title ("Sensation and Perception"), except the statistics, archaeology and linguistics courses
    such departments also list."""
    def dept(name: str, titles: list[str]) -> list[Course]:
        return [_course(f"X {n}", t, school="UH Hilo", program=name) for n, t in enumerate(titles)]

    courses = [*dept("Psychology", ["Sensation and Perception", "Statistical Techniques", "Drugs of Abuse"]),
               *dept("Anthropology", ["Human Adaptations", "Heritage Sites in Archaeology",
                                      "Intermediate Linguistic Analysis"]),
               *dept("Education", ["Differentiated Instruction", "Learning Environments II"])]
    psychology = _titles(courses, "knowledge", "Psychology", "41-9022.00")
    assert set(psychology) == {"Sensation and Perception", "Drugs of Abuse"}
    assert _titles(courses, "knowledge", "Sociology and Anthropology", "21-1011.00") == ["Human Adaptations"]
    # a school-teaching department is no Education and Training for a telecom installer (judges)
    assert _titles(courses, "knowledge", "Education and Training", "49-2022.00") == []


def test_studio_art_courses_teach_fine_arts() -> None:
    """Ceramics, printmaking and papermaking are visual arts; a tile setter's ceramic tile is not."""
    courses = [_course(f"ART {n}", t, school="Leeward CC") for n, t in enumerate(
        ["Introduction to Ceramics", "Introduction to Printmaking", "Papermaking", "Ceramic Tile Installation"])]
    found = _titles(courses, "knowledge", "Fine Arts", "27-1025.00")
    assert set(found) == {"Introduction to Ceramics", "Introduction to Printmaking", "Papermaking"}


def test_a_sibling_vehicle_programs_courses_teach_a_mechanic_mechanical() -> None:
    """A motorcycle program's "Wheels and Tires" teaches Mechanical to a bus and truck mechanic
    (every road-vehicle program's courses do, a "**" program term), not to an aircraft mechanic
    or a welder."""
    courses = [Course("Southeast CC", "Certificate", "MSTT 1120", "Wheels and Tires",
                      program="Motorcycle, ATV & Personal Watercraft", cip="47.0611")]
    assert _titles(courses, "knowledge", "Mechanical", "49-3031.00") == ["Wheels and Tires"]
    assert _titles(courses, "knowledge", "Mechanical", "49-3011.00") == []
    assert _titles(courses, "knowledge", "Mechanical", "51-4121.00") == []


def test_a_pharmacy_department_read_from_its_titles_is_the_pharmacy_technicians_program() -> None:
    """Bridgerland lists its pharmacy technician courses under PHRM codes with no program name:
    the titles name pharmacy, so the department is the pharmacy technicians' own program and its
    courses teach them Medicine and Dentistry; to an electrician they are another field's."""
    titles = ["Pharm Tech I", "Pharm Tech II", "Pharm Tech III", "Pharm Tech I Lab & Simulation",
              "Pharmacy Technician"]
    courses = [_course(f"PHRM {1000 + n}", t) for n, t in enumerate(titles)]
    assert department_programs(courses) == ["pharmacy"] * len(courses)
    assert "Pharm Tech II" in _titles(courses, "knowledge", "Medicine and Dentistry", "29-2052.00")
    assert _titles(courses, "knowledge", "Medicine and Dentistry", "47-2111.00") == []


def test_a_construction_department_teaches_building_and_construction() -> None:
    """Every course of a building-construction department teaches Building and Construction to
    any occupation that needs it (an occupational safety specialist), whatever the title says
    ("Materials & Meth of Light Cnst"). A drafting department gets no such rule for Design:
    judges take only the drafting of the occupation's own kind of drawings."""
    def dept(name: str, titles: list[str]) -> list[Course]:
        return [_course(f"X {n}", t, school="Southeast CC", program=name) for n, t in enumerate(titles)]

    courses = [*dept("Building Construction", ["Materials & Meth of Light Cnst", "Tools & Materials 1"]),
               *dept("Design & Drafting Technology", ["Consumer Product Design", "Flat Pattern Layout"])]
    assert set(_titles(courses, "knowledge", "Building and Construction", "19-5011.00")) == {
        "Materials & Meth of Light Cnst", "Tools & Materials 1"}
    assert _titles(courses, "knowledge", "Design", "19-5011.00") == []


def test_an_industrial_automation_department_is_no_electricians_construction_program() -> None:
    """An electrician's every own-program course teaches Building and Construction; an industrial
    automation or electronics department counts as the electrician's program (its homes hold
    46.03) but is mainly another field (47.03, 15.03), so its composites and motor-drive courses
    do not; the electrician apprentice department's do."""
    courses = [_course("IAMT 1801", "Composites", program="Industrial"),
               _course("IAMT 1600", "Electrical Motor Controls", program="Industrial"),
               _course("ELEC 1021", "Electronics Fundamentals DC", program="Engineering Electronics"),
               _course("TEEL 1110", "Electrician Apprentice IA", program="Electrician"),
               _course("TEEL 1120", "Electrician Apprentice IB", program="Electrician")]
    assert _titles(courses, "knowledge", "Building and Construction", "47-2111.00") == [
        "Electrician Apprentice IA", "Electrician Apprentice IB"]
    # the automation department's motor course is still the electrician's context elsewhere
    assert "Electrical Motor Controls" in _titles(courses, "skills", "Operation and Control", "47-2111.00")


def test_office_course_names_and_field_math() -> None:
    """Bridgerland's business-technology course names ("Computer for Trades", "E-mail Client",
    "Presentations", "Document Production", "Database") train Microsoft Office, an A+ technician
    course and a database-theory course whose syllabus names no Office product do not; a field's
    math course ("Welding Math", "Math for the Culinary Arts") is mathematics for any occupation,
    while math for teachers and teaching methods are not."""
    office = [_course("BTEC 1", "Computer for Trades"), _course("BTEC 2", "E-mail Client"),
              _course("BTEC 3", "Presentations"), _course("BTEC 4", "Document Production"),
              _course("TEBP 2160", "Database"), _course("ITEC 1", "A+ Computer Essentials")]
    theory = Course(school="Leeward CC", grade_level="Associate", course_code="ICS 129",
                    course_title="Introduction to Databases",
                    description="Database theory: storage, concurrency, SQL queries and normal forms.")
    assert set(_titles([*office, theory], "technology", "Microsoft Office software", "47-2111.00")) == {
        c.course_title for c in office[:5]}
    assert _titles(office, "technology", "Microsoft Outlook", "47-2111.00") == ["E-mail Client"]
    math = [_course("WELD 1", "Welding Math", school="Bridgerland Tech"),
            _course("CULN 100", "Math for the Culinary Arts", school="Maui College"),
            _course("MATH 111", "Math for Elementary Teachers I", school="Maui College"),
            _course("EDEE 462", "Math Methods", school="UH West Oahu")]
    assert set(_titles(math, "knowledge", "Mathematics", "47-2111.00")) == {"Welding Math", "Math for the Culinary Arts"}


def test_a_programs_lecture_courses_teach_none_of_its_tools() -> None:
    """Every course of a paramedic program teaches the paramedic's tools (a "(tools)" program
    row), but its pathophysiology and pharmacology lectures do not; its skills lab does."""
    courses = [_course("PARM 1117", "Paramedic Lab I", school="Southeast CC", program="Paramedic"),
               _course("PARM 1111", "Patho for the Paramedic", school="Southeast CC", program="Paramedic"),
               _course("PARM 1121", "Pharm for the Paramedic", school="Southeast CC", program="Paramedic")]
    assert _titles(courses, "tools", "Adult stylets", "29-2043.00") == ["Paramedic Lab I"]
    # the lecture still teaches the subject its title names
    assert "Pharm for the Paramedic" in _titles(courses, "knowledge", "Medicine and Dentistry", "29-2043.00")


def test_a_department_listing_several_fields_is_the_occupations_when_one_is() -> None:
    """"Electrical, Electromechanical, and Electronic Systems" names no single CIP program, but one
    of the fields it lists (electronic systems: industrial electronics) trains electrical and
    electronics repairers; a list none of whose fields is the occupation's stays unknown."""
    from ksa.catalog_cip import listed_fields, occupation_context

    name = "Electrical, Electromechanical, and Electronic Systems"
    assert listed_fields(name) == ("Electrical", "Electromechanical", "Electronic Systems")
    assert listed_fields("Electronics (ETRO)") == ()
    assert occupation_context("49-2094.00").classify(program=name) == 1
    assert occupation_context("29-1141.00").classify(program=name) == 0
    assert occupation_context("49-2094.00").classify(program="Deere Construction & Forestry Equipment") == 0
    # the occupation's program terms ("motor controls" for Operation and Control) now reach it
    course = _course("ELEC 2000", "Motor Controls", school="Southeast CC", program=name)
    control = _course("AGRI 2000", "Motor Controls", school="Other CC", program="Agronomy")
    found = match_items([MatchQuery("k", "skills", "Operation and Control")], [course, control],
                        soc="49-2094.00")["k"]
    assert [m.course.school for m in found] == ["Southeast CC"]


def test_an_education_departments_courses_naming_teachers_teach_teaching() -> None:
    """For an elementary teacher, an education department's courses that name teachers,
    classrooms or literacy teach Education and Training and Instructing ("Math for Elem
    Teachers", "Literacy Methods", "Educational Technology in CTE Classrooms"), and its other
    courses after them (policy clause 11: the department is the teaching occupations' own, as a
    nursing program is a nurse's); a nursing department's "Patient Education" teaches no
    teacher."""
    def course(code: str, title: str, program: str) -> Course:
        return Course("UH Hilo", "Bachelor", code, title, program=program)

    courses = [course("ED 301", "Math for Elem Teachers", "Education"),
               course("ED 302", "Literacy Methods", "Education"),
               course("ED 303", "Educational Technology in CTE Classrooms", "Education"),
               course("ED 304", "Qualitative Research", "Education"),
               course("NURS 310", "Patient Education", "Nursing")]
    for item in ("Education and Training", "Instructing"):
        domain = "knowledge" if item == "Education and Training" else "skills"
        found = _titles(courses, domain, item, "25-2021.00")
        assert set(found[:3]) == {"Math for Elem Teachers", "Literacy Methods",
                                  "Educational Technology in CTE Classrooms"}, item
        assert found[3:] == ["Qualitative Research"], item


def test_department_names_the_crosswalk_misreads() -> None:
    """A department or program name is read as the field it teaches, not as the CIP whose title
    happens to hold its letters or shortest words: UH's ENT is entrepreneurship (not
    otolaryngology), HLTH the health professions, "Medical Laboratory Technology" the clinical
    laboratory technicians' own program (not medical anthropology: "laboratory" is a generic
    word), an electrical apprenticeship the electricians', "Radiologic Technology" the
    radiographers' (51.0911), not industrial radiography (41.0204)."""
    from ksa.catalog_cip import occupation_context, program_fields

    assert program_fields("ENT") == frozenset({"52.07"})
    assert program_fields("HLTH") == frozenset({"51"})
    assert occupation_context("29-2012.00").classify(program="MEDICAL LABORATORY TECHNICIAN") == 1
    assert occupation_context("29-2012.00").classify(program="Medical Laboratory Technology") == 1
    assert occupation_context("47-2111.00").classify(program="Electrical Apprenticeship") == 1
    assert program_fields("Physical Education") == frozenset({"13.1314", "31.05"})
    assert program_fields("Radiologic Technology") == frozenset({"51.0911"})
    assert occupation_context("29-2034.00").classify(program="RADIOLOGIC TECHNOLOGY") == 1


def test_a_radiologic_programs_imaging_courses_teach_patient_care_occupations_medicine() -> None:
    """Clause 13: a radiography program's imaging courses teach a massage therapist Medicine and
    Dentistry as any health program's patient-care courses do (read as industrial radiography,
    none did); its hospital rotations teach nothing (r132: 0 of 48); "Pre-Hospital" is
    "prehospital" ("Stroke: Pre-Hospital Care" is the EMS course "Stroke: Prehospital Care")."""
    courses = [_course("RADT 1112", "Radiographic Procedures I", "Southeast CC", "Radiologic Technology"),
               _course("RAD 150", "Diagnostic Imaging Theory", "Kapiolani CC", "RADIOLOGIC TECHNOLOGY"),
               _course("RAD 160", "Hospital Radiographic Technique I", "Kapiolani CC", "RADIOLOGIC TECHNOLOGY"),
               _course("RAD 170", "Radiographic Film Critique I", "Kapiolani CC", "Welding")]
    found = _titles(courses, "knowledge", "Medicine and Dentistry", "31-9011.00")
    assert sorted(found) == ["Diagnostic Imaging Theory", "Radiographic Procedures I"]
    assert title_tokens("Stroke: Pre-Hospital Care") == ("stroke", "prehospital", "care")


def test_entrepreneurship_department_code_teaches_starting_a_business() -> None:
    """Leeward names ENT 125's department by its code alone: it is the same "Starting a Business"
    as Kapiolani's ENTREPRENEURSHIP course, and teaches a chef Administration and Management
    (judges 73 to 0), where reading ENT as ear-nose-throat had made it another field's course."""
    assert _chef_management_schools("ENT 125", "Starting a Business", (
        "Surveys establishing a business entity, marketing, financing and operations."), ("ENT", "ENTREPRENEURSHIP")) == [
        "Kapiolani CC", "Leeward CC"]


def test_uh_hilo_pharmacy_codes_name_the_pharmacy_field() -> None:
    """UH Hilo files its pharmacy school's courses under the bare codes PHAR, PHPP (pharmacy
    practice) and PHPS (pharmaceutical sciences): they are pharmacy's department (CIP 51.20), so
    "Pharmacy Law" there is a pharmacist's own course and another field's law for a paralegal."""
    from ksa.catalog_cip import occupation_context, program_fields

    for code in ("PHAR", "PHPP", "PHPS"):
        assert program_fields(code) == frozenset({"51.20"}), code
    assert occupation_context("29-1051.00").classify(program="PHPP") != occupation_context(
        "23-2011.00").classify(program="PHPP")


def test_a_practical_nursing_department_says_pn() -> None:
    """Bridgerland's NRSG titles rarely say nursing ("Caring for the Adult", "IV Therapy for the
    PN"): "PN" (practical nurse) names the field, so the department is nursing and its clinical
    courses teach a surgical technologist Medicine and Dentistry (clause 13); "Human Workplace
    Relations" of the same department does not."""
    nursing = [_course("NRSG 1000", "Fundamentals of Nursing"), _course("NRSG 1021", "Caring for the Client Drug Therapy"),
               _course("NRSG 1031", "Human Workplace Relations"), _course("NRSG 1051", "Caring for the Adult"),
               _course("NRSG 1061", "Caring for the New Family"), _course("NRSG 1071", "Employment Preparedness for PN"),
               _course("NRSG 2000", "IV Therapy for the PN"), _course("NRSG 2010", "IV Therapy for PN"),
               _course("NRSG 2051", "Caring for the Adult II"), _course("NRSG 2061", "Clinical Applications II")]
    assert set(department_programs(nursing)) == {"pn"}
    found = _titles(nursing, "knowledge", "Medicine and Dentistry", "29-2055.00")
    assert "Caring for the Adult" in found and "Caring for the New Family" in found
    assert "Human Workplace Relations" not in found


def test_a_languages_name_qualifying_another_subject_names_a_place() -> None:
    """"Hawaiian" is the Hawaiian language's field word, but "Geology of Hawaiian Islands" is a
    geology course: a language's name counts as the course's field only where the course is in
    the language (its head: "Elementary Hawaiian", "Hawaiian Language III") or taught in it
    ("Math in Hawaiian & Indigenous Medium Education" trains immersion-school teachers)."""
    courses = [_course("GG 103", "Geology of Hawaiian Islands", "Maui College", "Geology"),
               _course("HAW 101", "Elementary Hawaiian I", "Maui College", "Hawaiian"),
               _course("HAW 201", "Hawaiian Language III", "Maui College", "Hawaiian"),
               _course("KED 340", "Math in Hawn & Indig Medium Ed", "Maui College", "KED"),
               _course("MATH 100", "Survey of Mathematics", "Maui College", "Mathematics")]
    assert _titles(courses, "skills", "Science", "19-1031.00") == ["Geology of Hawaiian Islands"]
    assert _titles(courses, "knowledge", "Mathematics", "51-4121.00") == ["Survey of Mathematics"]


def test_life_support_courses_name_an_ems_department_without_becoming_anyones_field() -> None:
    """Bridgerland's EMSR titles name no field word ("BLS Provider CPR", "Heartcode ACLS",
    "Adult Rhythms"), but most hold a department word of emergency medical services
    (ksa/data/department_words.csv): the department is that program (51.0904), so its "Adult
    Rhythms" teaches a massage therapist *Medicine and Dentistry* like any clinical program's
    course (clause 13). Two first-aid courses among a welding department's titles name no
    department, and such words never make a title another field's."""
    from ksa.catalog_cip import program_fields
    from ksa.catalog_departments import infer_departments

    ems = [_course("EMSR 0101", "BLS Provider CPR Online"), _course("EMSR 0103", "Adult Rhythms"),
           _course("EMSR 0104", "Bloodborne Pathogens"), _course("EMSR 0105", "Heartcode ACLS"),
           _course("EMSR 0107", "Heartsaver First Aid"), _course("EMSR 6111", "Emergency First Responder")]
    welding = [_course(f"WELD 10{n}", t) for n, t in enumerate(
        ["Shielded Metal Arc I", "Shielded Metal Arc II", "Gas Metal Arc", "Flux Cored Arc", "Blueprint Reading",
         "CPR & First Aid", "Heartsaver First Aid", "Oxy-Fuel Cutting", "Metallurgy", "Fabrication"])]
    found = {d.prefix: d for d in infer_departments(ems + welding)}
    assert found["EMSR"].field == "emergency medical services" and len(found["EMSR"].positions) == 6
    assert "WELD" not in found or found["WELD"].field != "emergency medical services"
    assert program_fields("emergency medical services") == frozenset({"51.0904"})
    assert department_programs(ems)[1] == "emergency medical services"
    assert "Adult Rhythms" in _titles(ems, "knowledge", "Medicine and Dentistry", "31-9011.00")
    from ksa.catalog_cip import department_homes, department_words

    assert department_words() and all(department_homes(name) for _w, _n, name in department_words())


def test_a_department_repeating_a_placed_departments_titles_is_its_twin() -> None:
    """Bridgerland lists its high-school meat-cutting courses under ``TEMS`` beside the adult
    program's ``MEAT``: the titles say "Beef Cutting I", not the field, but they are the same
    courses, so the twin department is the same field's. One shared title is not enough, nor
    a department of which fewer than half the titles are the placed one's."""
    meat = [_course("MEAT 1", "Intro to Retail Meat Cutting"), _course("MEAT 2", "Basics of Meat Cutting I"),
            _course("MEAT 3", "Beef Cutting I"), _course("MEAT 4", "Beef Cutting II"),
            _course("MEAT 5", "Advanced Meat Cutting"), _course("MEAT 6", "Pork Processing")]
    twin = [_course("TEMS 1", "Beef Cutting I"), _course("TEMS 2", "Beef Cutting II"),
            _course("TEMS 3", "Pork Processing"), _course("TEMS 4", "Lamb Processing")]
    loose = [_course("TEBX 1", "Beef Cutting I"), _course("TEBX 2", "Word Processing"),
             _course("TEBX 3", "Accounting I"), _course("TEBX 4", "Business Math")]
    programs = department_programs([*meat, *twin, *loose])
    assert programs[: len(meat)] == ["meat cutting"] * len(meat)
    assert programs[len(meat): len(meat) + len(twin)] == ["meat cutting"] * len(twin)
    assert programs[-len(loose):] == [""] * len(loose)
    # the same titles at another school say nothing about this school's department
    elsewhere = [_course(c.course_code, c.course_title, school="Other Tech") for c in twin]
    assert department_programs([*meat, *elsewhere])[len(meat):] == [""] * len(elsewhere)


def test_program_names_no_cip_title_gives() -> None:
    """Session 33 (round r149): the University of Hawaii's "Electrical Installation and
    Maintenance Technology" trains electricians, "Creative Media" film, video and animation, a
    "Refrigeration and Air Conditioning" code (RAC) the HVAC mechanics; a name joining two
    programs with "|" ("Graphic Design | Media Arts") stands for both."""
    from ksa.catalog_cip import occupation_context, program_fields

    assert program_fields("Electrical Installation and Maintenance Technology (EIMT)") == frozenset({"46.0302"})
    assert occupation_context("47-2111.00").classify(program="ELECTRICAL INSTALLATION AND MAINTENANCE TECHNOLOGY") == 1
    assert occupation_context("49-9021.00").classify(program="RAC") == 1
    assert "50.06" in program_fields("Creative Media")
    assert program_fields("Graphic Design | Media Arts") == program_fields("Graphic Design") | program_fields("Media Arts")
    assert program_fields("Graphic Design") <= program_fields("Graphic Design | Media Arts")
    assert program_fields("Graphic Design")  # a name of one program still reads as before
    assert program_fields(" | ") == frozenset()
    # a department named for two fields no one CIP title joins stands for both; one whose parts
    # do not all name a field stands for none
    assert program_fields("Geology and Geophysics") == frozenset({"40.0601", "40.0603"})
    assert program_fields("Marine Option Program") == frozenset()


def test_geostatistics_is_mathematics() -> None:
    courses = [_course("GEOG 1", "Introduction to Geostatistics", school="UH Hilo", program="Geography"),
               _course("GEOG 2", "Geography of Hawaii", school="UH Hilo", program="Geography")]
    assert _titles(courses, "knowledge", "Mathematics", "29-1051.00") == ["Introduction to Geostatistics"]
