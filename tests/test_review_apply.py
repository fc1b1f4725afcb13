"""Match review sheet -> decisions -> ledger; errors name cells; `ksa review apply` / `ksa match`."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.datavalidation import DataValidation
from typer.testing import CliRunner

from ksa.errors import InputError, SchemaError
from ksa.ledger import Ledger
from ksa.match import MatchQuery, match_items
from ksa.model import Course, MatchStatus
from ksa.review import HEADER, apply_review, read_review_sheet

SCHOOL = "Bridgerland Technical College"
LEVEL = "Postsecondary certificate"


def _sheet(tmp_path: Path, rows: list[list[object]], name: str = "Match review",
           header: tuple[str, ...] = HEADER) -> Path:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "Crosswalk"
    ws = book.create_sheet(name)
    ws.append(list(header))
    for row in rows:
        ws.append(row)
    validation = DataValidation(type="list", formula1='"accept,reject,add"', allow_blank=True)
    validation.add(f"J2:J{len(rows) + 21}")
    ws.add_data_validation(validation)
    path = tmp_path / "crosswalk.xlsx"
    book.save(path)
    return path


def _row(key: str, item: str, title: str, decision: str = "", code: str = "", status: str = "suggested",
         who: str = "", note: str = "") -> list[object]:
    return [key, "Tools", item, SCHOOL, LEVEL, code, title, 90.0, status, decision, who, note]


def _added(item: str, title: str, key: str = "") -> list[object]:
    return [key, None, item, SCHOOL, LEVEL, None, title, None, None, "add", "Ana", None]


def test_read_decisions_and_skip_undecided(tmp_path: Path) -> None:
    path = _sheet(tmp_path, [
        _row("t1", "Lathes", "Lathe Operations I", "accept", code="MACH 1401", who="Ana"),
        _row("t1", "Lathes", "CNC Lathe Operations", "Reject"),
        _row("t1", "Lathes", "Lathe Concepts"),
        _added("Lathes", "Machine Shop"),
    ])
    decisions = read_review_sheet(path)
    assert [(d.key, d.course_title, d.action, d.course_code, d.who) for d in decisions] == [
        ("t1", "Lathe Operations I", "accept", "MACH 1401", "Ana"),
        ("t1", "CNC Lathe Operations", "reject", "", ""),
        ("t1", "Machine Shop", "add", "", "Ana"),
    ]


def test_errors_name_every_cell(tmp_path: Path) -> None:
    path = _sheet(tmp_path, [
        _row("t1", "Lathes", "Lathe Operations I", "maybe"),
        [None, None, "Unknown tool", SCHOOL, LEVEL, None, "X", None, None, "add", None, None],
        _added("Lathes", ""),
        _row("t1", "Lathes", "CNC Lathe", "accept"),
    ])
    with pytest.raises(InputError) as info:
        read_review_sheet(path)
    cells = [p.cell for p in info.value.problems]
    assert cells == ["J2", "C3", "G4"]
    assert all(p.sheet == "Match review" for p in info.value.problems)


def test_wrong_header_and_missing_sheet(tmp_path: Path) -> None:
    bad = list(HEADER)
    bad[9] = "Choice"
    with pytest.raises(SchemaError) as info:
        read_review_sheet(_sheet(tmp_path, [], header=tuple(bad)))
    assert [p.cell for p in info.value.problems] == ["J1"]
    with pytest.raises(SchemaError, match="no 'Match review' sheet"):
        read_review_sheet(_sheet(tmp_path, [], name="Other"))


def test_apply_is_idempotent_and_reports_conflicts(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "ksa.sqlite")
    first = _sheet(tmp_path, [_row("t1", "Lathes", "Lathe Operations I", "accept", who="Ana")])
    assert apply_review(first, ledger, {"t1"}).added == 1
    assert apply_review(first, ledger, {"t1"}).unchanged == 1
    (tmp_path / "crosswalk.xlsx").unlink()
    flipped = _sheet(tmp_path, [_row("t1", "Lathes", "Lathe Operations I", "reject", who="Ben")])
    result = apply_review(flipped, ledger, {"t1"})
    assert len(result.conflicts) == 1 and "now rejected" in result.conflicts[0]
    assert [d.action for d in ledger.decisions(["t1"])] == ["reject"]


def test_apply_refuses_unknown_keys(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "ksa.sqlite")
    path = _sheet(tmp_path, [_row("t1", "Lathes", "Lathe Operations I", "accept"),
                             _row("zz", "Ghost", "Ghost Course", "accept")])
    with pytest.raises(InputError) as info:
        apply_review(path, ledger, {"t1"})
    assert [(p.cell, p.value) for p in info.value.problems] == [("A3", "zz")]
    assert ledger.decisions() == []


def test_round_trip_decisions_change_the_next_match(tmp_path: Path) -> None:
    courses = [Course(SCHOOL, LEVEL, "MACH 1401", "Lathe Operations I"),
               Course(SCHOOL, LEVEL, "MACH 2421", "CNC Lathe Operations")]
    queries = [MatchQuery("t1", "tools", "Lathes")]
    before = match_items(queries, courses)["t1"]
    assert {m.course.course_title for m in before} == {"Lathe Operations I", "CNC Lathe Operations"}
    ledger = Ledger(tmp_path / "ksa.sqlite")
    path = _sheet(tmp_path, [_row("t1", "Lathes", "CNC Lathe Operations", "reject"),
                             _added("Lathes", "Machine Shop Safety", key="t1")])
    apply_review(path, ledger, {"t1"})
    after = match_items(queries, courses, decisions=ledger.decisions(["t1"]))["t1"]
    assert [(m.course.course_title, m.status) for m in after] == [
        ("Machine Shop Safety", MatchStatus.CONFIRMED), ("Lathe Operations I", MatchStatus.SUGGESTED)]


def _app():  # type: ignore[no-untyped-def]
    import typer

    from ksa.cli_match import register, review_app

    app = typer.Typer()
    register(app)
    app.add_typer(review_app, name="review")
    return app


def test_cli_match_writes_csv_and_prints_only_the_path(tmp_path: Path) -> None:
    items = tmp_path / "items.csv"
    items.write_text("item_id,domain,item\nt1,tools,Lathes\nk1,knowledge,Physics\n", encoding="utf-8")
    catalog = tmp_path / "cat.csv"
    catalog.write_text("course_code,course_title\nMACH 1401,Lathe Operations I\nPE 1,Physical Education\n",
                       encoding="utf-8")
    out = tmp_path / "m.csv"
    runner = CliRunner()
    result = runner.invoke(_app(), ["match", str(items), str(catalog), "--out", str(out), "--school", "B",
                                    "--grade-level", "C", "--db", str(tmp_path / "x.sqlite")])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out.resolve())
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["item_id"], r["course_title"], r["rank"]) for r in rows] == [("t1", "Lathe Operations I", "1")]
    assert list(rows[0]) == ["item_id", "item", "school", "grade_level", "course_code", "course_title",
                             "score", "rank"]
    again = runner.invoke(_app(), ["match", str(items), str(catalog), "--out", str(out), "--school", "B"])
    assert again.exit_code == 1 and "never overwritten" in again.stderr


def test_cli_errors_exit_1_without_traceback(tmp_path: Path) -> None:
    items = tmp_path / "items.csv"
    items.write_text("id,name\n1,x\n", encoding="utf-8")
    result = CliRunner().invoke(_app(), ["match", str(items), str(items), "--out", str(tmp_path / "o.csv")])
    assert result.exit_code == 1
    assert "missing column" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_cli_review_apply(tmp_path: Path) -> None:
    path = _sheet(tmp_path, [_row("t1", "Lathes", "Lathe Operations I", "accept")])
    db = tmp_path / "l.sqlite"
    runner = CliRunner()
    result = runner.invoke(_app(), ["review", "apply", str(path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(db.resolve())
    assert "1 decision(s) added" in result.stderr
    assert [d.course_title for d in Ledger(db).decisions()] == ["Lathe Operations I"]
    bad = runner.invoke(_app(), ["review", "apply", str(tmp_path / "nope.xlsx"), "--db", str(db)])
    assert bad.exit_code == 1 and "not found" in bad.stderr


def _match_files(tmp_path: Path) -> tuple[Path, Path]:
    items = tmp_path / "items.csv"
    items.write_text("item_id,domain,item\nt1,tools,Lathes\n", encoding="utf-8")
    catalog = tmp_path / "cat.csv"
    catalog.write_text("course_code,course_title\nMACH 1401,Lathe Operations I\nPE 1,Physical Education\n",
                       encoding="utf-8")
    return items, catalog


def test_cli_match_semantic_rerank_uses_the_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    import ksa.rerank

    seen: list[str] = []

    def fake_model() -> object:
        def embed(texts: list[str]) -> np.ndarray:
            seen.extend(texts)
            # the item's text along one axis, every course text at cosine 0.6 to it
            return np.array([[1.0, 0.0] if "Lathes" in t else [0.6, 0.8] for t in texts], dtype=np.float32)
        return embed

    monkeypatch.setattr(ksa.rerank, "load_packaged_model", fake_model)
    items, catalog = _match_files(tmp_path)
    out = tmp_path / "m.csv"
    result = CliRunner().invoke(_app(), ["match", str(items), str(catalog), "--out", str(out), "--school", "B",
                                         "--rerank", "semantic", "--db", str(tmp_path / "x.sqlite")])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["course_title"] for r in rows] == ["Lathe Operations I"]
    lexical = match_items([MatchQuery("t1", "tools", "Lathes")],
                          [Course("B", "", "", "Lathe Operations I")], top_k=1, score_cutoff=0)["t1"][0].score
    blended = ksa.rerank.Blend().score(lexical, 0.6)
    assert blended != pytest.approx(lexical, abs=0.1)
    assert float(rows[0]["score"]) == pytest.approx(blended, abs=0.1)  # the blend, not lexical
    assert any("Lathe" in t for t in seen)  # the model embedded the course


def test_cli_match_semantic_without_the_extra_fails_clearly(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from ksa.rerank import MODEL_PACKAGE

    monkeypatch.setitem(sys.modules, MODEL_PACKAGE, None)
    items, catalog = _match_files(tmp_path)
    out = tmp_path / "m.csv"
    result = CliRunner().invoke(_app(), ["match", str(items), str(catalog), "--out", str(out), "--school", "B",
                                         "--rerank", "semantic", "--db", str(tmp_path / "x.sqlite")])
    assert result.exit_code == 1
    assert "ksa[semantic]" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()
    bad = CliRunner().invoke(_app(), ["match", str(items), str(catalog), "--out", str(out), "--rerank", "bert"])
    assert bad.exit_code == 1 and "--rerank must be one of none, semantic" in bad.stderr
