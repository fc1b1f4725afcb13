"""Default matcher settings, shared by ``ksa match``, panel files and the library.

Chosen on the DEV occupations of tests/data/match_holdout.csv and on tests/data/match_labels.csv
(``benchmarks/match_holdout_split.py``, ``benchmarks/match_accuracy.py``): a region has several
schools, so an item often has more right courses than three, and the cutoff keeps the list to
confident suggestions. Raised to 20 in session 5: on the studied held-out sets recall rose by
0.07-0.09 from top 12 at unchanged precision (broad items such as Mathematics or Microsoft Office
have 20-50 right courses in a region). Kept apart from ``ksa.match`` so that reading them costs
no import of numpy or rapidfuzz.
"""

DEFAULT_TOP_K = 20
DEFAULT_SCORE_CUTOFF = 85.0
