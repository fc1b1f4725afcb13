"""General-education computer literacy goes by other names: "Digital Literacy", and the
University of Hawaii system's "Digital Tools for the Information World" (ICS 101). Each teaches
Office applications and computers as a "Computer Literacy" course does."""

from __future__ import annotations

import pytest

from ksa.match import MatchQuery, match_items
from ksa.model import Course
from ksa.normalize import normalize_title


@pytest.mark.parametrize("title", ["Digital Tools for the Information World",
                                   "DIGITAL TOOLS FOR INFO WORLD", "Digital Literacy"])
def test_other_names_of_computer_literacy_normalize_alike(title: str) -> None:
    assert normalize_title(title) == normalize_title("Computer Literacy")


def test_digital_tools_course_teaches_excel_and_computers() -> None:
    courses = [Course(school="Windward CC", grade_level="", course_code="ICS 101",
                      course_title="Digital Tools for the Information World",
                      program="Information and Computer Sciences"),
               Course(school="Windward CC", grade_level="", course_code="ART 112",
                      course_title="Digital Tools for Designers", program="Art")]
    for item, domain in (("Microsoft Excel", "technology"), ("Desktop computers", "tools")):
        found = match_items([MatchQuery("k", domain, item)], courses, soc="21-1093.00")["k"]
        assert [m.course.course_code for m in found] == ["ICS 101"], item


def test_an_exact_term_looks_past_level_words() -> None:
    """"=business computing" names "Intermediate Business Computing" as it names "Business
    Computing II", but not "Business Computing Ethics"."""
    courses = [Course(school=s, grade_level="", course_code="", course_title=t, program="Business")
               for s, t in (("A", "Intermediate Business Computing"), ("B", "Business Computing II"),
                            ("C", "Business Computing Ethics"))]
    found = match_items([MatchQuery("k", "technology", "Microsoft Excel")], courses, soc="21-1093.00")["k"]
    assert sorted(m.course.school for m in found) == ["A", "B"]
