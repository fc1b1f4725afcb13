"""Survey kits out, responses in: kit builder, layout readers, answer normalization."""

from ksa.survey.answers import UnrecognizedAnswerError, normalize_answer
from ksa.survey.ingest import ResponseBundle, read_responses
from ksa.survey.kit import build_kit, items_checksum, kit_filename, write_kits

__all__ = [
    "ResponseBundle",
    "UnrecognizedAnswerError",
    "build_kit",
    "items_checksum",
    "kit_filename",
    "normalize_answer",
    "read_responses",
    "write_kits",
]
