"""Default matcher settings, shared by ``ksa match``, panel files and the library.

Chosen on the DEV occupations of tests/data/match_holdout.csv and on tests/data/match_labels.csv
(``benchmarks/match_holdout_split.py``, ``benchmarks/match_accuracy.py``): a region has several
schools, so an item often has more right courses than three, and the cutoff keeps the list to
confident suggestions. Kept apart from ``ksa.match`` so that reading them costs no import of
numpy or rapidfuzz.
"""

DEFAULT_TOP_K = 12
DEFAULT_SCORE_CUTOFF = 85.0
