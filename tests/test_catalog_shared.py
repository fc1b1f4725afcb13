"""Every shared catalog loads with the right columns; big files stream."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from ksa.catalog import load_catalogs
from ksa.panel import CatalogSpec


def test_every_shared_catalog_loads(shared: Path) -> None:
    cat = shared / "catalogs"
    bridgerland = load_catalogs([CatalogSpec(cat / "btech-bridgerland/course_hours.csv",
                                             "Bridgerland Technical College", "Postsecondary certificate")])
    assert bridgerland.skipped["employability-skills rating (codes ES01-ES14), not a course"] == 932
    assert bridgerland.skipped["course marked deleted in the catalog (title such as ***Delete***, or description \"Deleted.\")"] == 1
    assert len(bridgerland.courses) == 3158 - 932 - 1
    stech = load_catalogs([CatalogSpec(cat / "stech-southwest-tech-utah/stech_courses.csv",
                                       "Southwest Technical College", "Certificate")])
    welding = [c for c in stech.courses if c.course_code == "TEWT 1311"]
    assert welding[0].program == "Welding Technology" and welding[0].description
    secc = load_catalogs([CatalogSpec(cat / "southeast-cc-nebraska/Course.csv", "Southeast CC", "Associate")])
    assert any(c.course_code == "MACH 1454" and c.course_title == "CAM" for c in secc.courses)
    assert not any("testing purposes" in c.course_title.casefold() for c in secc.courses)
    assert secc.skipped['placeholder row, not a course (title such as "For Testing Purposes Only" or "Test Course")'] == 1
    sced = load_catalogs([CatalogSpec(cat / "sced-nces/sced_v12.csv", "SCED", "High school")])
    assert any("\u2019" in c.description for c in sced.courses)  # cp1252 read correctly
    assert any("cp1252" in i.message for i in sced.issues)
    for path in sorted((cat / "uh-system-courses").glob("*.csv")):
        load = load_catalogs([CatalogSpec(path, school=path.stem, grade_level="Associate")])
        assert load.courses and all(c.school == path.stem for c in load.courses)
        assert all("&amp;" not in c.course_title for c in load.courses)


@pytest.mark.slow
def test_100k_rows_stream_with_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("School,Grade Level,Course Code,Course Title\n")
        for i in range(100_000):
            handle.write(f"College {i % 50},Associate,C {i},Course number {i} in Machining\n")
    tracemalloc.start()
    load = load_catalogs([CatalogSpec(path)])
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(load.courses) == 100_000
    # the courses themselves must be held; the reader adds no whole-file copy on top
    assert peak < 200 * 1024 * 1024
