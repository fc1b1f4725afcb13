"""Release readers: text and Excel editions, zips, 30.x renames, broken input.

Text-edition fixtures are built here from the bundled 29.3 Excel sample written out in the text
layout (tab-separated, ``n/a`` for empty, %.2f values, %.4f SE/CI, CRLF), as O*NET prints it.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from python_calamine import CalamineWorkbook

from ksa.errors import ReleaseError
from ksa.model import Domain
from ksa.onet import open_release

SAMPLE = Path(__file__).resolve().parents[1] / "inputs" / "sample" / "onet"
EXCEL_ONLY = {"Title", "Scale Name", "Related Title"}
FORMATS = {"Data Value": "{:.2f}", "Standard Error": "{:.4f}", "Lower CI Bound": "{:.4f}",
           "Upper CI Bound": "{:.4f}"}


def _text_cell(column: str, value: object) -> str:
    if value == "" or value is None:
        return "n/a"
    if isinstance(value, float):
        if column in FORMATS:
            return FORMATS[column].format(value)
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def excel_to_text(src: Path, out: Path, newline: str = "\r\n", final_newline: bool = True,
                  names: tuple[str, ...] | None = None) -> Path:
    """Write the sample's Excel files as text-edition files (the layout O*NET ships)."""
    out.mkdir(parents=True, exist_ok=True)
    for xlsx in sorted(src.glob("*.xlsx")):
        if names is not None and xlsx.stem not in names:
            continue
        rows = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_index(0).to_python()
        header = [str(c) for c in rows[0]]
        own = {"Occupation Data": "Title", "Scales Reference": "Scale Name"}.get(xlsx.stem)
        keep = [i for i, c in enumerate(header) if c not in EXCEL_ONLY or c == own]
        lines = ["\t".join(header[i] for i in keep)]
        for row in rows[1:]:
            lines.append("\t".join(_text_cell(header[i], row[i]) for i in keep))
        text = newline.join(lines) + (newline if final_newline else "")
        (out / f"{xlsx.stem}.txt").write_bytes(text.encode("utf-8"))
    shutil.copyfile(src / "Read Me.txt", out / "Read Me.txt")
    return out


def zip_folder(folder: Path, archive: Path, top: str | None) -> Path:
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.iterdir()):
            zf.write(path, f"{top}/{path.name}" if top else path.name)
    return archive


@pytest.fixture(scope="module")
def text_release_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return excel_to_text(SAMPLE, tmp_path_factory.mktemp("text") / "db_29_3_text")


def test_text_and_excel_editions_give_identical_profiles(text_release_dir: Path) -> None:
    excel = open_release(SAMPLE)
    text = open_release(text_release_dir)
    assert text.edition == "text" and excel.edition == "excel"
    assert text.version == excel.version == "29.3"
    for code in ("51-9161.00", "29-2052.00"):
        a, b = excel.profile(code), text.profile(code)
        assert a == b
        assert len(a.items) > 100


def test_text_and_excel_editions_give_identical_tables(text_release_dir: Path) -> None:
    excel = open_release(SAMPLE)
    text = open_release(text_release_dir)
    for name in ("Knowledge", "Skills", "Tools Used", "Technology Skills", "Occupation Data",
                 "Job Zones", "Alternate Titles", "Scales Reference"):
        a, b = excel.table(name), text.table(name)
        assert list(a.columns) == list(b.columns), name
        assert a.equals(b), name
    knowledge = text.table("Knowledge")
    assert "Title" not in knowledge.columns and "Scale Name" not in knowledge.columns
    assert all(pd.api.types.is_string_dtype(t) for t in knowledge.dtypes)
    assert all(isinstance(v, str) for v in knowledge.to_numpy().ravel())
    # text "n/a" and Excel's empty cell both read as ""
    assert (knowledge["Not Relevant"] == "").any()
    assert "n/a" not in set(knowledge["Not Relevant"])


def test_lf_and_no_final_newline_read_the_same(tmp_path: Path) -> None:
    crlf = excel_to_text(SAMPLE, tmp_path / "a" / "db_29_3_text", names=("Occupation Data",))
    lf = excel_to_text(SAMPLE, tmp_path / "b" / "db_29_3_text", newline="\n",
                       final_newline=False, names=("Occupation Data",))
    assert open_release(crlf).occupations() == open_release(lf).occupations()
    assert len(open_release(lf).occupations()) == 1016


def test_release_files_and_missing(text_release_dir: Path) -> None:
    rel = open_release(text_release_dir)
    assert rel.files["Knowledge"] == text_release_dir / "Knowledge.txt"
    assert "Read Me" not in rel.files
    assert "Abilities" in rel.missing and "Knowledge" not in rel.missing


@pytest.mark.parametrize("edition", ["excel", "text"])
@pytest.mark.parametrize("top", [None, "db_29_3_x"])
def test_zip_of_each_edition(tmp_path: Path, text_release_dir: Path, edition: str,
                             top: str | None) -> None:
    folder = SAMPLE if edition == "excel" else text_release_dir
    archive = zip_folder(folder, tmp_path / f"db_29_3_{edition}.zip", top)
    rel = open_release(archive)
    assert rel.edition == edition
    assert rel.version == "29.3"
    assert str(rel.files["Knowledge"]).startswith(f"{archive}!")
    assert rel.profile("51-9161.00") == open_release(SAMPLE).profile("51-9161.00")
    assert list(tmp_path.iterdir()) == [archive]  # nothing extracted beside it


@pytest.mark.parametrize("member", ["../evil.txt", "/abs/evil.txt", "db/../../evil.txt"])
def test_zip_with_unsafe_member_is_refused(tmp_path: Path, member: str) -> None:
    archive = tmp_path / "db_29_3_text.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("Occupation Data.txt", "O*NET-SOC Code\tTitle\tDescription\n")
        zf.writestr(member, "boom")
    with pytest.raises(ReleaseError) as err:
        open_release(archive)
    assert member in str(err.value)
    assert not (tmp_path.parent / "evil.txt").exists()


def test_zip_bomb_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ksa.onet import readers

    archive = zip_folder(SAMPLE, tmp_path / "db_29_3_excel.zip", None)
    monkeypatch.setattr(readers, "MAX_ARCHIVE_BYTES", 1000)
    with pytest.raises(ReleaseError, match="uncompressed"):
        open_release(archive)


def test_folder_that_is_not_a_release(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / "budget.xlsx").write_bytes(b"")
    with pytest.raises(ReleaseError) as err:
        open_release(tmp_path)
    text = str(err.value)
    assert "not an O*NET release" in text and "notes.txt" in text and "budget.xlsx" in text
    with pytest.raises(ReleaseError, match="does not exist"):
        open_release(tmp_path / "nope")


def test_version_from_name_or_argument_else_error(tmp_path: Path) -> None:
    src = excel_to_text(SAMPLE, tmp_path / "x", names=("Occupation Data",))
    (src / "Read Me.txt").unlink()
    with pytest.raises(ReleaseError, match="--version"):
        open_release(src)
    assert open_release(src, version="29.3").version == "29.3"
    named = src.rename(tmp_path / "db_28_1_text")
    assert open_release(named).version == "28.1"
    with pytest.raises(ReleaseError, match="not like"):
        open_release(named, version="latest")


def test_truncated_text_file_names_file_and_line(tmp_path: Path) -> None:
    src = excel_to_text(SAMPLE, tmp_path / "db_29_3_text", names=("Occupation Data", "Knowledge",
                                                                  "Content Model Reference"))
    path = src / "Knowledge.txt"
    lines = path.read_bytes().split(b"\r\n")
    lines[40] = lines[40].split(b"\t")[0] + b"\t2.C.1.a"  # cut short, as by a partial download
    path.write_bytes(b"\r\n".join(lines))
    rel = open_release(src)
    with pytest.raises(ReleaseError) as err:
        rel.profile("51-9161.00", [Domain.KNOWLEDGE])
    assert "Knowledge.txt" in str(err.value) and "line 41" in str(err.value)
    assert err.value.problems[0].cell == "line 41"


def test_missing_header_column_is_reported(tmp_path: Path) -> None:
    src = excel_to_text(SAMPLE, tmp_path / "db_29_3_text", names=("Occupation Data",
                                                                  "Tools Used"))
    path = src / "Tools Used.txt"
    text = path.read_text(encoding="utf-8").replace("Commodity Code", "Code", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReleaseError) as err:
        open_release(src).table("Tools Used")
    assert "Tools Used.txt" in str(err.value) and "Commodity Code" in str(err.value)


def test_quotes_and_none_stay_literal_cp1252_falls_back(tmp_path: Path) -> None:
    src = tmp_path / "db_29_3_text"
    src.mkdir()
    (src / "Occupation Data.txt").write_bytes(
        "O*NET-SOC Code\tTitle\tDescription\r\n"
        '51-9161.00\tCNC "Tool" Operators\tCaf\xe9 machining\r\n'
        "11-1011.00\tNone\tn/a\r\n".encode("cp1252"))
    rel = open_release(src)
    occ = rel.occupations()
    assert occ["51-9161.00"].title == 'CNC "Tool" Operators'
    assert occ["51-9161.00"].description == "Café machining"
    assert occ["11-1011.00"].title == "None"
    assert any("cp1252" in n for n in rel.notices)


def test_30x_renamed_files(tmp_path: Path) -> None:
    """Essential/Transferable Skills -> skills; Software Skills -> technology (Element ID as the
    code); Job Titles -> Alternate Titles; Career Interest Types -> Interests."""
    src = tmp_path / "db_30_3_text"
    src.mkdir()
    skill_header = ("O*NET-SOC Code\tTitle\tElement ID\tElement Name\tScale ID\tScale Name\t"
                    "Data Value\tN\tStandard Error\tLower CI Bound\tUpper CI Bound\t"
                    "Recommend Suppress\tNot Relevant\tDate\tDomain Source")
    files = {
        "Occupation Data": "O*NET-SOC Code\tTitle\tDescription\n51-9161.00\tCNC\tRuns CNC.",
        "Content Model Reference": "Element ID\tElement Name\tDescription\n"
        "2.A.1.e\tMathematics\tUsing mathematics.\n2.B.9.a\tAI Literacy\tUsing AI tools.",
        "Essential Skills": skill_header + "\n51-9161.00\tCNC\t2.A.1.e\tMathematics\tIM\t"
        "Importance\t3.50\t8\t0.1\t3.2\t3.8\tN\tn/a\t08/2025\tAnalyst\n"
        "51-9161.00\tCNC\t2.A.1.e\tMathematics\tLV\tLevel\t3.00\t8\t0.1\t2.8\t3.2\tN\tN\t"
        "08/2025\tAnalyst",
        "Transferable Skills": skill_header + "\n51-9161.00\tCNC\t2.B.9.a\tAI Literacy\tIM\t"
        "Importance\t2.10\t8\t0.1\t2\t2.2\tN\tn/a\t08/2025\tAnalyst",
        "Software Skills": "O*NET-SOC Code\tTitle\tWorkplace Example\tElement ID\tElement Name\t"
        "Hot Technology\tIn Demand\n51-9161.00\tCNC\tMicrosoft Excel\t2.E.5.b\t"
        "Spreadsheet software\tY\tN",
        "Job Titles": "O*NET-SOC Code\tTitle\tAlternate Title\tShort Title\tSource(s)\n"
        "51-9161.00\tCNC\tCNC Machinist\tn/a\t08",
        "Career Interest Types": "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\t"
        "Data Value\tDate\tDomain Source\n51-9161.00\t1.B.1.a\tRealistic\tOI\t6.50\t11/2023\tML",
    }
    for name, text in files.items():
        (src / f"{name}.txt").write_text(text, encoding="utf-8")
    rel = open_release(src)
    assert rel.version == "30.3"
    assert rel.file_groups["Skills"] == (src / "Essential Skills.txt",
                                         src / "Transferable Skills.txt")
    assert rel.files["Technology Skills"] == src / "Software Skills.txt"
    assert {"Alternate Titles", "Interests"} <= set(rel.files)
    profile = rel.profile("51-9161.00")
    skills = {i.item_id: i for i in profile.items if i.domain is Domain.SKILLS}
    assert skills["2.A.1.e"].importance == 3.5 and skills["2.A.1.e"].level == 3.0
    assert skills["2.B.9.a"].description == "Using AI tools."
    (tech,) = [i for i in profile.items if i.domain is Domain.TECHNOLOGY]
    assert tech.item_id == "technology:2.E.5.b:microsoft-excel--" + tech.item_id[-8:]
    assert tech.commodity_code == "2.E.5.b" and tech.commodity_title == "Spreadsheet software"
    assert tech.hot_technology is True and tech.in_demand is False
    assert list(rel.table("Alternate Titles").columns) == [
        "O*NET-SOC Code", "Alternate Title", "Short Title", "Source(s)"]


def test_garbled_excel_file_is_reported(tmp_path: Path) -> None:
    from openpyxl import Workbook

    src = tmp_path / "db_29_3_excel"
    shutil.copytree(SAMPLE, src)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["O*NET-SOC Code", "Title", "Example", "Commodity Title"])  # no Commodity Code
    ws.append(["51-9161.00", "CNC", "Lathes", "Lathe"])
    ws.append(["51-9161.00", "CNC", "Mills", "Mill", "stray"])
    wb.save(src / "Tools Used.xlsx")
    rel = open_release(src)
    with pytest.raises(ReleaseError) as err:
        rel.profile("51-9161.00", [Domain.TOOLS])
    assert "Tools Used.xlsx" in str(err.value) and "row 3" in str(err.value)
    ws.delete_rows(3)
    wb.save(src / "Tools Used.xlsx")
    with pytest.raises(ReleaseError) as err2:
        open_release(src).profile("51-9161.00", [Domain.TOOLS])
    assert "Commodity Code" in str(err2.value)
    # the rest of the release still reads
    assert open_release(src).profile("51-9161.00", [Domain.KNOWLEDGE]).items


def test_encoding_notice_reaches_the_profile(tmp_path: Path) -> None:
    src = excel_to_text(SAMPLE, tmp_path / "db_29_3_text",
                        names=("Occupation Data", "Tools Used"))
    path = src / "Tools Used.txt"
    path.write_bytes(path.read_bytes().replace(b"Lathes\t", b"Lath\xe9s\t"))
    profile = open_release(src).profile("51-9161.00", [Domain.TOOLS])
    assert "Lathés" in {i.name for i in profile.items}
    assert any("Tools Used.txt" in n and "cp1252" in n for n in profile.notices)
