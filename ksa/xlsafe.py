"""Writing untrusted strings into workbooks as text, never as formulas.

openpyxl treats any string starting with ``=`` as a formula. Strings from panels, O*NET or
returned surveys go through :func:`set_text`, which stores them as plain text (data type ``s``);
CSV outputs go through :func:`csv_text`.
"""

from __future__ import annotations

from typing import Any

FORMULA_PREFIXES = ("=", "+", "-", "@")
_CONTROL = {c: None for c in range(32) if chr(c) not in "\t\n\r"}


def safe_text(value: object) -> str:
    """``value`` as a string fit for a cell: control characters removed, ``None`` -> ``""``.

    The leading ``= + - @`` are kept (the text stays what the user wrote); :func:`set_text`
    makes sure such strings are stored as text.
    """
    if value is None:
        return ""
    return str(value).translate(_CONTROL)


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_PREFIXES)


def csv_text(value: object) -> str:
    """``value`` for a CSV that people open in Excel: a text starting with ``= + - @`` (or a tab
    or carriage return) gets a leading apostrophe, so a spreadsheet shows it as text and never
    runs it as a formula (CSV injection)."""
    text = safe_text(value)
    if text.startswith((*FORMULA_PREFIXES, "\t", "\r")):
        return "'" + text
    return text


def set_text(cell: Any, value: object) -> None:
    """Assign ``value`` to ``cell`` as text; formula-looking strings stay text (data type ``s``)."""
    text = safe_text(value)
    cell.value = text
    if text:
        cell.data_type = "s"
