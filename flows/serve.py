"""``ksa serve``: one long-running process serving the project's deployments.

- ``onet-refresh/monthly``: the scheduled O*NET refresh (cron 06:00 UTC on the 1st); the panel
  files given to ``ksa serve --panel`` become its ``panels`` parameter (absolute paths).
- ``panel-crosswalk/on-demand``: run a panel from the Prefect UI or ``prefect deployment run``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import serve

from flows.onet_refresh import deployment as refresh_deployment
from flows.panel_crosswalk import panel_crosswalk


def deployments(panels: list[str] | None = None) -> list[Any]:
    """The deployments ``ksa serve`` runs (built here, registered by :func:`serve_all`)."""
    absolute = [str(Path(p).expanduser().resolve()) for p in panels or []]
    return [
        refresh_deployment(absolute or None),
        panel_crosswalk.to_deployment(name="on-demand"),
    ]


def serve_all(panels: list[str] | None = None) -> None:
    """Serve every deployment until interrupted (Ctrl-C / SIGINT / SIGTERM)."""
    serve(*deployments(panels))
