"""``ksa serve``: one long-running process serving the project's deployments.

- ``onet-refresh/monthly``: the scheduled O*NET refresh (cron 06:00 UTC on the 1st).
- ``panel-crosswalk/on-demand``: run a panel from the Prefect UI or ``prefect deployment run``.
"""

from __future__ import annotations

from prefect import serve

from flows.panel_crosswalk import panel_crosswalk


def deployments(panels: list[str]) -> list[object]:
    from flows.onet_refresh import deployment as refresh_deployment

    return [
        refresh_deployment(panels=panels) if panels else refresh_deployment(),
        panel_crosswalk.to_deployment(name="on-demand"),
    ]


def serve_all(panels: list[str]) -> None:
    serve(*deployments(panels))  # type: ignore[arg-type]
