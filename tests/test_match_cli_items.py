"""``ksa match`` reads the items file's domain column in the words people write."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ksa.cli import app
from ksa.cli_match import read_items
from ksa.errors import InputError
from ksa.model import Domain


@pytest.mark.parametrize(("written", "domain"), [
    ("Knowledge", Domain.KNOWLEDGE), ("SKILLS", Domain.SKILLS), ("Skill", Domain.SKILLS),
    ("Work Activities", Domain.WORK_ACTIVITIES), ("work_activities", Domain.WORK_ACTIVITIES),
    ("Tools Used", Domain.TOOLS), ("tool", Domain.TOOLS), ("Technology Skills", Domain.TECHNOLOGY),
    (" technology ", Domain.TECHNOLOGY), ("Abilities", Domain.ABILITIES),
])
def test_domain_names_as_onet_and_people_write_them(written: str, domain: Domain) -> None:
    assert Domain.parse(written) is domain


def test_unknown_domain_is_refused_with_its_row(tmp_path: Path) -> None:
    items = tmp_path / "items.csv"
    items.write_text("item_id,domain,item\nk1,Knowledge,Mathematics\nk2,Knowlege,Physics\nk3,,Chemistry\n",
                     encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_items(items)
    where = [(p.cell, p.value) for p in caught.value.problems]
    assert where == [("row 3, column domain", "Knowlege"), ("row 4, column domain", None)]
    assert "knowledge, skills" in caught.value.problems[0].hint


def test_capitalised_domain_matches_as_the_domain_itself(tmp_path: Path) -> None:
    """O*NET's files say "Knowledge": a welder's mathematics is still not a cooking course's
    conversions, as it is not when the file says "knowledge"."""
    catalog = tmp_path / "c.csv"
    catalog.write_text("course_code,course_title\nFSM 1100,Food Service Math Conversions\n"
                       "MATH 1050,Technical Mathematics\n", encoding="utf-8")
    titles = {}
    for written in ("knowledge", "Knowledge"):
        items = tmp_path / f"{written}.csv"
        items.write_text(f"item_id,domain,item,soc\nk1,{written},Mathematics,51-4121.00\n", encoding="utf-8")
        out = tmp_path / f"{written}-out.csv"
        result = CliRunner().invoke(app, ["match", str(items), str(catalog), "--out", str(out),
                                          "--school", "S", "--db", str(tmp_path / "l.sqlite")])
        assert result.exit_code == 0, result.stderr
        with out.open(encoding="utf-8") as handle:
            titles[written] = [r["course_title"] for r in csv.DictReader(handle)]
    assert titles["knowledge"] == titles["Knowledge"] == ["Technical Mathematics"]
