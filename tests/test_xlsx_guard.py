"""Hostile workbooks are refused before their XML is parsed."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from ksa.errors import InputError
from ksa.survey.grid import GridError, read_workbook_grids
from ksa.xlsx_guard import check_xlsx


def _bomb(path: Path, size: int) -> Path:
    """A real workbook plus one part of `size` zero bytes (compresses ~1000:1)."""
    Workbook().save(path)
    with (
        zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/media/padding.bin", "w", force_zip64=True) as handle,
    ):
        chunk = b"\0" * (1 << 20)
        for _ in range(size // len(chunk)):
            handle.write(chunk)
    return path


def test_plain_workbook_passes(tmp_path: Path) -> None:
    path = tmp_path / "ok.xlsx"
    Workbook().save(path)
    check_xlsx(path)


def test_zip_bomb_is_refused_by_ratio(tmp_path: Path) -> None:
    path = _bomb(tmp_path / "bomb.xlsx", 32 << 20)
    assert path.stat().st_size < 1 << 20
    with pytest.raises(InputError, match="unpack") as info:
        check_xlsx(path)
    assert info.value.problems[0].cell == "xl/media/padding.bin"
    with pytest.raises(GridError, match="zip bomb"):
        read_workbook_grids(path)


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "junk.xlsx"
    path.write_bytes(b"\x00\x01binary junk" * 100)
    with pytest.raises(InputError, match="not an Excel workbook"):
        check_xlsx(path)


def test_entity_expansion_is_refused(tmp_path: Path) -> None:
    """A billion-laughs sheet: openpyxl parses with defusedxml, so it fails instead of growing."""
    path = tmp_path / "laughs.xlsx"
    Workbook().save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    parts["xl/worksheets/sheet1.xml"] = laughs
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(GridError, match="cannot open as an Excel workbook"):
        read_workbook_grids(path)
