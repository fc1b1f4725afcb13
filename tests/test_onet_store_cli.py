"""``ksa onet`` commands through typer's CliRunner, mounted on a local app as the lead will."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from test_onet_store import write_mini_release
from typer.testing import CliRunner

from ksa.cli_onet import app as onet_app

root = typer.Typer()
root.add_typer(onet_app, name="onet")


@root.callback()
def _main() -> None:
    """test root"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(root, ["onet", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def loaded(tmp_path: Path) -> tuple[Path, Path, Path]:
    db = tmp_path / "s.sqlite"
    old = write_mini_release(tmp_path / "db_29_3_text", "29.3")
    new = write_mini_release(tmp_path / "db_29_4_text", "29.4", changed=True)
    code, out, err = run("load", str(old), "--db", str(db))
    assert (code, out) == (0, "29.3\n") and "Loaded O*NET 29.3" in err
    return db, old, new


def test_load_twice_and_releases(loaded: tuple[Path, Path, Path]) -> None:
    db, old, new = loaded
    code, out, err = run("load", str(old), "--db", str(db))
    assert code == 0 and out == "29.3\n" and "nothing to do" in err
    assert run("load", str(new), "--db", str(db), "--inactive")[0] == 0
    code, out, _ = run("releases", "--db", str(db))
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert lines[0].startswith("* 29.3\ttext\tMay 2025") and lines[1].startswith("  29.4\t")


def test_show_text_and_json(loaded: tuple[Path, Path, Path]) -> None:
    db, _, _ = loaded
    code, out, err = run("show", "51-9161.00", "--db", str(db))
    assert code == 0 and "Computer Numerically Controlled Tool Operators" in err
    assert "knowledge\t2.C.3.b\t4.00\tEngineering and Technology" in out.splitlines()
    code, out, _ = run("show", "51-4011.00", "--db", str(db), "--json", "--domain", "tools")
    data = json.loads(out)
    assert code == 0 and data["occupation"]["code"] == "51-9161.00"
    assert [i["domain"] for i in data["items"]] == ["tools", "tools"]
    assert any("retired" in n for n in data["notices"])


def test_find(loaded: tuple[Path, Path, Path]) -> None:
    db, _, _ = loaded
    code, out, _ = run("find", "cnc operator", "--db", str(db), "--limit", "1")
    assert code == 0
    assert out == ("51-9161.00\t100.0\tComputer Numerically Controlled Tool Operators"
                   "\t(as CNC Operator)\n")


def test_diff_store_versions_and_paths(loaded: tuple[Path, Path, Path]) -> None:
    db, old, new = loaded
    run("load", str(new), "--db", str(db))
    code, out, _ = run("diff", "29.3", "29.4", "--code", "51-9161.00", "--db", str(db))
    assert code == 0 and out.startswith("O*NET 29.3 -> 29.4, 1 occupation(s): 51-9161.00")
    code, out2, _ = run("diff", str(old), str(new), "--code", "51-9161.00", "--format", "json")
    assert code == 0 and json.loads(out2)["occupations"][0]["code"] == "51-9161.00"


def test_errors_go_to_stderr_with_exit_1(tmp_path: Path,
                                              loaded: tuple[Path, Path, Path]) -> None:
    db, _, _ = loaded
    for args in (["show", "99-9999.00", "--db", str(db)],
                 ["show", "51-9161.00", "--release", "30.0", "--db", str(db)],
                 ["load", str(tmp_path / "nowhere"), "--db", str(db)],
                 ["releases", "--db", str(tmp_path)],  # a folder, not a database
                 ["diff", "29.3", "29.9", "--db", str(db)],
                 ["show", "51-9161.00", "--domain", "cooking", "--db", str(db)]):
        code, out, err = run(*args)
        assert code == 1, args
        assert out == "" and err.startswith("error: ") and "Traceback" not in err, (args, err)
