"""The course-catalog schema describes what load_catalogs returns; the sample catalog fits it."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema

from ksa.catalog import load_catalogs
from ksa.panel import CatalogSpec, load_schema

REPO = Path(__file__).resolve().parents[1]


def test_schema_copy_matches_and_sample_validates() -> None:
    shipped = json.loads((REPO / "schemas" / "course_catalog.schema.json").read_text(encoding="utf-8"))
    assert load_schema("course_catalog.schema.json") == shipped
    courses = load_catalogs([CatalogSpec(REPO / "inputs" / "sample" / "courses.csv")]).courses
    rows = [dataclasses.asdict(c) for c in courses]
    validator = jsonschema.Draft202012Validator(shipped)
    assert list(validator.iter_errors(rows)) == []
    assert 60 <= len(rows) <= 150
    assert {r["school"] for r in rows} >= {"Bridgerland Technical College", "Southeast Community College"}


def test_schema_rejects_a_row_without_title() -> None:
    validator = jsonschema.Draft202012Validator(load_schema("course_catalog.schema.json"))
    errors = list(validator.iter_errors([{"school": "X", "grade_level": "", "course_code": "", "course_title": "--"}]))
    assert errors


def test_make_sample_catalog_reproduces_the_file(shared: Path, tmp_path: Path) -> None:
    from script_modules import load_script

    module = load_script("scripts", "make_sample_catalog")
    rows = module._rows(shared)
    text = (REPO / "inputs" / "sample" / "courses.csv").read_text(encoding="utf-8").splitlines()
    assert len(text) == len(rows) + 1
    assert text[1].split(",")[:3] == rows[0][:3]
