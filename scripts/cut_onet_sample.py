"""Cut the bundled O*NET sample (inputs/sample/onet/) from a full O*NET Excel-edition release.

    .venv/bin/python scripts/cut_onet_sample.py --src ../shared/onet/db_29_3_excel \
        --out inputs/sample/onet

Keeps the Excel-edition layout (same file names, sheet names, headers and cell values):
Occupation Data, Content Model Reference and Scales Reference whole; Knowledge, Skills,
Tools Used, Technology Skills, Alternate Titles and Job Zones only for the occupations in
``--codes``; the Read Me as is. Writes ATTRIBUTION.md saying exactly that.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from python_calamine import CalamineWorkbook

DEFAULT_CODES = ("51-9161.00", "51-4041.00", "51-4121.00", "29-2052.00")
WHOLE = ("Occupation Data", "Content Model Reference", "Scales Reference")
FILTERED = ("Knowledge", "Skills", "Tools Used", "Technology Skills", "Alternate Titles",
            "Job Zones")
CODE = "O*NET-SOC Code"

ATTRIBUTION = """# O*NET sample: attribution and what was changed

This product includes information from the O*NET {version} Database by the U.S. Department of
Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license.
(https://creativecommons.org/licenses/by/4.0/; O*NET® is a trademark of USDOL/ETA.)

## What was cut or modified

Source: the O*NET {version} Excel edition (`{src_name}`); where it was obtained is recorded in
`shared/onet/PROVENANCE.md` beside the repository. Cut by `scripts/cut_onet_sample.py`: cell
values, headers, sheet names and file names are unchanged. Only rows were removed:

{lines}

`Read Me.txt` is copied unchanged. No other file of the release is included.

## Regenerate

    .venv/bin/python scripts/cut_onet_sample.py --src ../shared/onet/db_29_3_excel \\
        --out inputs/sample/onet
"""


def _cell(ws: WriteOnlyWorksheet, value: object) -> object:
    """Strings that look like formulas stay text (never evaluated by a spreadsheet)."""
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@")):
        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = "s"
        return cell
    return value


def copy_sheet(src: Path, out: Path, codes: set[str] | None) -> tuple[int, int]:
    """Copy the first sheet of ``src`` to ``out``, keeping only rows whose O*NET-SOC Code is in
    ``codes`` (all rows when None). Returns (rows kept, rows in source)."""
    book = CalamineWorkbook.from_path(str(src))
    name = book.sheet_names[0]
    rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    header = rows[0]
    col = header.index(CODE) if codes is not None else -1
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(name)
    ws.append([_cell(ws, v) for v in header])
    kept = 0
    for row in rows[1:]:
        if codes is None or str(row[col]).strip() in codes:
            ws.append([_cell(ws, v) for v in row])
            kept += 1
    wb.save(out)
    return kept, len(rows) - 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", type=Path, required=True, help="O*NET Excel-edition folder")
    parser.add_argument("--out", type=Path, required=True, help="sample folder to (re)write")
    parser.add_argument("--codes", nargs="+", default=list(DEFAULT_CODES))
    args = parser.parse_args(argv)
    src: Path = args.src
    out: Path = args.out
    missing = [n for n in (*WHOLE, *FILTERED) if not (src / f"{n}.xlsx").is_file()]
    if missing or not (src / "Read Me.txt").is_file():
        print(f"{src} lacks {missing or ['Read Me.txt']}", file=sys.stderr)
        return 2
    readme = (src / "Read Me.txt").read_text(encoding="utf-8")
    version = readme.split("Database")[0].replace("O*NET", "").strip() or "?"
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.xlsx"):
        old.unlink()
    shutil.copyfile(src / "Read Me.txt", out / "Read Me.txt")
    codes = set(args.codes)
    lines = []
    for name in WHOLE:
        kept, total = copy_sheet(src / f"{name}.xlsx", out / f"{name}.xlsx", None)
        lines.append(f"- `{name}.xlsx`: all {total:,} rows (whole file).")
    for name in FILTERED:
        kept, total = copy_sheet(src / f"{name}.xlsx", out / f"{name}.xlsx", codes)
        lines.append(f"- `{name}.xlsx`: {kept:,} of {total:,} rows: only occupations "
                     + ", ".join(sorted(codes)) + ".")
        print(f"{name}: kept {kept} of {total}", file=sys.stderr)
    (out / "ATTRIBUTION.md").write_text(
        ATTRIBUTION.format(version=version, src_name=src.name, lines="\n".join(lines)),
        encoding="utf-8")
    size = sum(p.stat().st_size for p in out.iterdir() if p.is_file())
    print(f"sample size {size:,} bytes", file=sys.stderr)
    print(out.resolve())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
