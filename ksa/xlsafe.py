"""Writing untrusted strings into workbooks as text, never as formulas.

openpyxl treats any string starting with ``=`` as a formula. Strings from panels, O*NET or
returned surveys go through :func:`set_text`, which stores them as plain text (data type ``s``).
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


def set_text(cell: Any, value: object) -> None:
    """Assign ``value`` to ``cell`` as text; formula-looking strings stay text (data type ``s``)."""
    text = safe_text(value)
    cell.value = text
    if text:
        cell.data_type = "s"
