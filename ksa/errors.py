"""One error hierarchy. Every input error says where (file, sheet, cell/row), what value, and
what to do about it; a report of many problems is one ``InputError`` with ``problems``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One bad value: where it is, what it is, what is wrong, what to do."""

    message: str
    file: str = ""
    sheet: str | None = None
    cell: str | None = None
    value: object = None
    hint: str = ""

    @property
    def where(self) -> str:
        """``file, sheet 'S', cell C`` with whatever parts are known."""
        parts = (
            self.file,
            f"sheet '{self.sheet}'" if self.sheet else "",
            f"cell {self.cell}" if self.cell else "",
        )
        return ", ".join(p for p in parts if p)

    def __str__(self) -> str:
        where = self.where
        text = f"{where}: {self.message}" if where else self.message
        if self.value is not None:
            text += f" (value: {self.value!r})"
        if self.hint:
            text += f" - {self.hint}"
        return text


class KsaError(Exception):
    """Base of every error the product raises on purpose."""


class InputError(KsaError):
    """Bad input. Carries every problem found, not just the first."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems: list[Problem] = list(problems or [])

    def report(self) -> str:
        lines = [self.message]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.report()


class PanelFileError(InputError):
    """The panel TOML is missing, malformed or fails its schema."""


class SchemaError(InputError):
    """A file does not have the shape its schema requires."""


class MissingColumnError(InputError):
    """A table lacks a required column."""


class UnknownCodeError(InputError):
    """An O*NET-SOC code that no release knows; suggests the closest titles."""

    def __init__(self, code: str, suggestions: list[str], message: str | None = None) -> None:
        self.code = code
        self.suggestions = suggestions
        text = message or f"Unknown O*NET-SOC code {code!r}."
        if suggestions:
            text += " Closest current occupations: " + "; ".join(suggestions)
        super().__init__(text)


class RetiredCodeError(InputError):
    """A retired code that split into several successors: the user must choose."""

    def __init__(self, code: str, successors: list[str]) -> None:
        self.code = code
        self.successors = successors
        super().__init__(
            f"O*NET-SOC code {code} was retired and split into several occupations: "
            + "; ".join(successors)
            + ". Put the one your panel means in [occupation] soc."
        )


class BadAnswerError(InputError):
    """Answer cells holding values that are neither yes, no nor blank."""


class NotASurveyError(InputError):
    """A workbook in the responses folder that is not a survey in any known layout."""


class ReleaseError(InputError):
    """A folder or archive that is not a usable O*NET release."""


class OutputError(KsaError):
    """Writing an output failed (disk, permissions, name clash)."""
