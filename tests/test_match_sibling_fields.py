"""Program-term rows of session 32 (ksa/data/program_terms.csv): an electronics department
teaches the equipment repairers Computers and Electronics ("**", every course of a sibling
department), "Human Biology" is medicine for a health occupation and media-production courses
teach media occupations Communications and Media ("~", any department)."""

from __future__ import annotations

from ksa.match import MatchQuery, match_items
from ksa.model import Course

APPLIANCE_REPAIRER = "49-9031.00"  # home appliance repairers
INDUSTRIAL_ELECTRONICS = "49-2094.00"  # electrical and electronics repairers, commercial and industrial
BILLING_CLERK = "43-3021.00"
PT_ASSISTANT = "31-2021.00"
VET_TECH = "29-2056.00"
SECURITY_GUARD = "33-9032.00"


def _course(code: str, title: str, program: str, school: str = "Windward CC") -> Course:
    return Course(school=school, grade_level="", course_code=code, course_title=title, program=program)


def _titles(courses: list[Course], domain: str, item: str, soc: str) -> list[str]:
    found = match_items([MatchQuery("k", domain, item)], courses, soc=soc, top_k=20, score_cutoff=85)
    return sorted(m.course.course_title for m in found["k"])


ELECTRONICS = [_course("ELEC 1", "Microcontrollers", "Electronics Technology", "Southeast CC"),
               _course("ELEC 2", "Active Devices", "Electronics Technology", "Southeast CC"),
               _course("ELEC 3", "Digital Fundamentals", "Electronics Technology", "Southeast CC"),
               _course("ELEC 4", "Fluid Power", "Electronics Technology", "Southeast CC"),
               _course("ELEC 5", "Industrial Machine & Mech Sys", "Electronics Technology", "Southeast CC"),
               _course("INFO 1", "Java Programming", "Information Technology", "Southeast CC"),
               _course("INFO 2", "Database Administration", "Information Technology", "Southeast CC")]


def test_an_electronics_department_teaches_equipment_repairers_computers_and_electronics() -> None:
    """Policy clause 12: an appliance or industrial-electronics repairer's own work repairs
    electronic equipment, so every electronics course teaches it the item; the department's
    fluid-power and mechanical courses do not, nor the IT department's programming and database
    courses (round r81)."""
    for soc in (APPLIANCE_REPAIRER, INDUSTRIAL_ELECTRONICS):
        assert _titles(ELECTRONICS, "knowledge", "Computers and Electronics", soc) == [
            "Active Devices", "Digital Fundamentals", "Microcontrollers"], soc


def test_an_electronics_department_teaches_an_office_clerk_nothing() -> None:
    assert _titles(ELECTRONICS, "knowledge", "Computers and Electronics", BILLING_CLERK) == []


def test_a_computer_science_department_teaches_telecom_installers() -> None:
    """Telecommunications equipment installers build and repair computer-driven equipment
    (policy clause 10's computing occupations): a computer-science or IT department's courses
    teach them Computers and Electronics as a networking department's do (set 20's judges took
    every one they labelled); an office clerk takes none."""
    courses = [_course("CS 320", "Operating Systems", "Computer Science", "UH Hilo"),
               _course("CS 370", "Software Engineering I", "Computer Science", "UH Hilo"),
               _course("HIST 151", "World History", "History", "UH Hilo")]
    assert _titles(courses, "knowledge", "Computers and Electronics", "49-2022.00") == [
        "Operating Systems", "Software Engineering I"]
    assert _titles(courses, "knowledge", "Computers and Electronics", BILLING_CLERK) == []


def test_human_biology_is_medicine_for_a_health_occupation() -> None:
    """A biology department's "Human Biology" is the human body in health and disease (policy
    clause 13; the sets' judges took all 67 such pairs they labelled); "Human Skeletal Biology" is an
    anthropology course and "Marine Biology" no human biology; the term names the title exactly,
    so the laboratory section is left to the lecture's line."""
    courses = [_course("BIOL 100", "Human Biology", "Biology"),
               _course("BIOL 101", "Human Biology Laboratory", "Biology"),
               _course("ANTH 380", "Human Skeletal Biology", "Anthropology"),
               _course("BIOL 124", "Marine Biology", "Biology")]
    assert _titles(courses, "knowledge", "Medicine and Dentistry", PT_ASSISTANT) == ["Human Biology"]
    # no human patients (round r138: 0 of 6)
    assert _titles(courses, "knowledge", "Medicine and Dentistry", VET_TECH) == []
    assert _titles(courses, "knowledge", "Medicine and Dentistry", SECURITY_GUARD) == []


def test_media_production_courses_teach_media_occupations_communications_and_media() -> None:
    """A media occupation (a photographer, a sound engineering technician) learns media
    production from video-editing, audio post-production and radio-production courses in any
    department ("~" terms; the sets' judges took 131 of 138 such pairs); a film-studies course
    ("Sociology Through Film") is no production course, screenwriting is a writer's craft (blind
    round r142 refused it for graphic designers and trainers), and a police officer takes none."""
    courses = [_course("FILM 1", "Principles of Video Editing", "Film"),
               _course("MUS 2", "Audio Post Production I", "Music"),
               _course("JOUR 3", "Radio Production", "Journalism"),
               _course("ENG 4", "Introduction to Screenwriting", "English"),
               _course("SOC 5", "Sociology Through Film", "Sociology")]
    expected = ["Audio Post Production I", "Principles of Video Editing", "Radio Production"]
    for soc in ("27-4021.00", "27-4014.00"):
        assert _titles(courses, "knowledge", "Communications and Media", soc) == expected, soc
    assert _titles(courses, "knowledge", "Communications and Media", "33-3051.00") == []


def test_band_and_orchestra_courses_are_music_for_a_sound_engineer() -> None:
    """Bands and orchestras are music (O*NET's Fine Arts names composing, producing and performing
    it): "Jazz Band" and "Orchestra" teach a sound engineering technician fine arts as "Guitar"
    does; a graphic designer's fine arts are visual."""
    courses = [_course("MUS 114", "Jazz Band", "Music"), _course("MUS 115", "Orchestra", "Music"),
               _course("MUS 116", "Concert Band I", "Music")]
    assert _titles(courses, "knowledge", "Fine Arts", "27-4014.00") == ["Concert Band I", "Jazz Band", "Orchestra"]
    assert _titles(courses, "knowledge", "Fine Arts", "27-1024.00") == []
