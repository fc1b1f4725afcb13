"""Where things live by default. Nothing is read at import time."""

from __future__ import annotations

import os
from pathlib import Path


def default_db_path() -> Path:
    """The project's SQLite store (O*NET releases, review ledger).

    ``KSA_DB`` wins; otherwise the user's data directory (never the current directory).
    """
    env = os.environ.get("KSA_DB")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("ksa", appauthor=False)) / "ksa.sqlite"
