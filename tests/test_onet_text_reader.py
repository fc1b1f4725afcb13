"""The text-edition reader (``ksa.onet.readers.parse_text``): pandas' C parser for regular files,
a line-by-line reader for everything it cannot vouch for; both give the same table."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ksa.errors import ReleaseError
from ksa.onet import readers
from ksa.onet.readers import FileRef, parse_text

HEADER = "O*NET-SOC Code\tTitle\tDescription"


def ref_of(data: bytes, name: str = "Occupation Data") -> FileRef:
    return FileRef(name, ".txt", Path(f"/r/{name}.txt"), lambda: data)


def rows_of(data: bytes, name: str = "Occupation Data") -> list[list[str]]:
    frame, _ = parse_text(ref_of(data, name), name)
    return [list(map(str, r)) for r in frame.itertuples(index=False)]


def no_line_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> object:
        raise AssertionError("a regular file should not need the line-by-line reader")

    monkeypatch.setattr(readers, "_line_columns", refuse)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("final", [True, False])
def test_regular_file_takes_the_fast_path(monkeypatch: pytest.MonkeyPatch, newline: str,
                                          final: bool) -> None:
    no_line_reader(monkeypatch)
    lines = [HEADER, '51-9161.00\tCNC "Tool" Operators\tn/a',
             "11-1011.00\tNone\tN/A", "11-1021.00\tn/a \tx"]
    data = (newline.join(lines) + (newline if final else "")).encode()
    assert rows_of(data) == [["51-9161.00", 'CNC "Tool" Operators', ""],
                             ["11-1011.00", "None", "N/A"],
                             ["11-1021.00", "n/a ", "x"]]


def test_values_are_str_and_codes_keep_their_zeros(monkeypatch: pytest.MonkeyPatch) -> None:
    no_line_reader(monkeypatch)
    data = (f"{HEADER}\n51-9161.00\t007\t1.50\n11-1011.00\tNaN\tNULL\n"
            "11-1021.00\t#N/A\tTRUE\n11-2011.00\tnan\t \n").encode()
    frame, _ = parse_text(ref_of(data), "Occupation Data")
    assert [r.tolist() for _, r in frame.iterrows()] == [
        ["51-9161.00", "007", "1.50"], ["11-1011.00", "NaN", "NULL"],
        ["11-1021.00", "#N/A", "TRUE"], ["11-2011.00", "nan", " "]]
    assert all(str(t) == "str" for t in frame.dtypes)


def test_header_only_gives_an_empty_table() -> None:
    frame, _ = parse_text(ref_of(f"{HEADER}\r\n".encode()), "Occupation Data")
    assert list(frame.columns) == ["O*NET-SOC Code", "Title", "Description"]
    assert len(frame) == 0


def test_bom_is_dropped() -> None:
    data = b"\xef\xbb\xbf" + f"{HEADER}\n51-9161.00\tCNC\tx\n".encode()
    frame, notices = parse_text(ref_of(data), "Occupation Data")
    assert frame.columns[0] == "O*NET-SOC Code" and notices == ()


def test_cp1252_with_notice_and_undecodable_bytes_are_an_error() -> None:
    frame, notices = parse_text(ref_of(f"{HEADER}\n51-9161.00\tCaf\xe9\tx\n".encode("cp1252")),
                                "Occupation Data")
    assert frame.iloc[0]["Title"] == "Café"
    assert len(notices) == 1 and "cp1252" in notices[0]
    with pytest.raises(ReleaseError) as err:
        parse_text(ref_of(f"{HEADER}\n51-9161.00\tA".encode() + b"\x81\xff\tx\n"),
                   "Occupation Data")
    assert "Occupation Data.txt" in str(err.value) and "UTF-8" in str(err.value)


@pytest.mark.parametrize(("body", "line", "found"), [
    (["51-9161.00\tCNC\tx\textra", "11-1011.00\tA\tB"], 2, 4),  # long first row
    (["51-9161.00\tCNC\tx", "11-1011.00\tA\tB\tC"], 3, 4),  # long later row
    (["51-9161.00\tCNC\tx", "11-1011.00\tA", "11-1021.00\tB\tC"], 3, 2),  # short row
    (["51-9161.00\tCNC\tx", "", "11-1021.00\tB\tC"], 3, 1),  # blank line inside
    (["51-9161.00\tCNC\tx", "11-1011.00"], 3, 1),  # cut off at the end (no final newline)
])
def test_wrong_width_names_file_and_line(body: list[str], line: int, found: int) -> None:
    data = "\n".join([HEADER, *body]).encode()
    with pytest.raises(ReleaseError) as err:
        parse_text(ref_of(data), "Occupation Data")
    assert "Occupation Data.txt" in str(err.value) and f"line {line}" in str(err.value)
    problem = err.value.problems[0]
    assert problem.cell == f"line {line}"
    assert problem.message == f"expected 3 tab-separated columns, found {found}"


def test_every_bad_line_is_reported() -> None:
    body = [f"51-9161.0{i}\tT\tD" if i % 3 else f"51-9161.0{i}\tT" for i in range(9)]
    with pytest.raises(ReleaseError) as err:
        parse_text(ref_of("\r\n".join([HEADER, *body]).encode()), "Occupation Data")
    assert [p.cell for p in err.value.problems] == ["line 2", "line 5", "line 8"]


def test_blank_last_line_and_lone_carriage_return_read_as_before() -> None:
    assert rows_of(f"{HEADER}\n51-9161.00\tCNC\tx\n\n".encode()) == [["51-9161.00", "CNC", "x"]]
    assert rows_of(f"{HEADER}\r\n51-9161.00\tC\rN\tx\r\n".encode()) == [
        ["51-9161.00", "C\rN", "x"]]


def test_empty_file_and_missing_code() -> None:
    with pytest.raises(ReleaseError, match="empty"):
        parse_text(ref_of(b""), "Occupation Data")
    with pytest.raises(ReleaseError) as err:
        parse_text(ref_of(f"{HEADER}\n51-9161.00\tA\tB\n \tC\tD\n".encode()), "Occupation Data")
    assert err.value.problems[0].cell == "line 3"


cell = st.text(alphabet=st.sampled_from(list('ab "/n\\xé-.')), max_size=5)


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.lists(cell, min_size=3, max_size=3), max_size=6),
       crlf=st.booleans(), final=st.booleans())
def test_fast_and_line_readers_agree(rows: list[list[str]], crlf: bool, final: bool) -> None:
    rows = [["51-9161.00", *r[1:]] for r in rows]
    newline = "\r\n" if crlf else "\n"
    text = newline.join(["\t".join(r) for r in [HEADER.split("\t"), *rows]])
    text += newline if final else ""
    ref = ref_of(text.encode())
    header = HEADER.split("\t")
    slow = readers._string_frame(header, readers._line_columns(ref, text, header))
    fast, _ = parse_text(ref, "Occupation Data")
    assert fast.equals(slow)
    expected = [[("" if v == "n/a" else v) for v in r] for r in rows]
    assert [list(r) for r in fast.itertuples(index=False)] == expected
