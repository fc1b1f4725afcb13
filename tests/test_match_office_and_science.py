"""Item and program terms of session 33 outside the vehicle trades: office-application courses
teach Administrative (round r151); the earth and environmental sciences are Science for the
natural-resource and environmental occupations only (policy clause 15, round r152)."""

from __future__ import annotations

from ksa.match import MatchQuery, match_items
from ksa.model import Course


def _titles(courses: list[Course], domain: str, item: str, soc: str) -> list[str]:
    found = match_items([MatchQuery("k", domain, item)], courses, soc=soc, top_k=30, score_cutoff=85)
    return sorted(m.course.course_title for m in found["k"])


def test_word_processing_courses_named_for_the_program_teach_administrative() -> None:
    """Word, document-production and office-application courses teach the office procedures of
    Administrative (its O*NET description names word processing) to every occupation with the
    item: two blind judges took all 145 new suggestions (r151). A course on a word's roots does
    not."""
    office = [Course(school="Bridgerland Tech", grade_level="", course_code=c, course_title=t, program="")
              for c, t in (("CE52 1", "Word 2019 Level 1"), ("CE52 2", "Document Production"),
                           ("BSAD 1", "Microsoft Word & PowerPoint"), ("BSAD 2", "MOS Word Prep"),
                           ("MEDA 1", "Word Roots"))]
    assert _titles(office, "knowledge", "Administrative", "31-9097.00") == [
        "Document Production", "MOS Word Prep", "Microsoft Word & PowerPoint", "Word 2019 Level 1"]


SCIENCE = [Course(school="Windward CC", grade_level="", course_code=c, course_title=t, program=p)
           for c, t, p in (("ASTR 110", "Survey of Astronomy", "Astronomy"),
                           ("GG 101", "Physical Geology", "Geology and Geophysics"),
                           ("OCN 201", "Science of the Sea", "Oceanography"),
                           ("BIOL 171", "General Biology I", "Biology"),
                           ("MICR 130", "General Microbiology", "Microbiology"))]


def test_geology_and_astronomy_are_no_biological_technicians_science() -> None:
    """A biological technician applies the life sciences (clause 15): biology and microbiology,
    not geology, oceanography or astronomy."""
    assert _titles(SCIENCE, "skills", "Science", "19-4021.00") == ["General Biology I", "General Microbiology"]


def test_geology_is_an_environmental_science_technicians_science() -> None:
    """An environmental science technician samples soil and water: geology is part of the
    science of the job; astronomy is not."""
    found = _titles(SCIENCE, "skills", "Science", "19-4042.00")
    assert "Physical Geology" in found and "General Biology I" in found
    assert "Survey of Astronomy" not in found
