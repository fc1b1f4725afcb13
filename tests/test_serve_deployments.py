"""What ``ksa serve`` serves, built without a Prefect server: the monthly O*NET refresh (with
the panels as its parameter) and the on-demand panel crosswalk."""

from __future__ import annotations

from pathlib import Path

from flows.onet_refresh import MONTHLY_CRON, deployment
from flows.serve import deployments

PANEL = Path(__file__).resolve().parents[1] / "inputs" / "sample" / "panel.toml"


def test_deployments_with_panels(tmp_path: Path) -> None:
    refresh, crosswalk = deployments(["inputs/sample/panel.toml", str(tmp_path / "b.toml")])
    assert (refresh.flow_name, refresh.name) == ("onet-refresh", "monthly")
    assert [s.schedule.cron for s in refresh.schedules] == ["0 6 1 * *"] == [MONTHLY_CRON]
    # relative panel paths are made absolute: the deployment may run from elsewhere
    assert refresh.parameters == {"panels": [str(Path.cwd() / "inputs/sample/panel.toml"),
                                             str(tmp_path / "b.toml")]}
    assert (crosswalk.flow_name, crosswalk.name) == ("panel-crosswalk", "on-demand")
    assert not crosswalk.schedules


def test_deployments_without_panels() -> None:
    refresh, crosswalk = deployments([])
    assert refresh.parameters == {} and refresh.name == "monthly"
    assert [s.schedule.cron for s in refresh.schedules] == [MONTHLY_CRON]
    assert crosswalk.name == "on-demand"
    assert deployments(None)[0].parameters == {}


def test_refresh_deployment_takes_panels() -> None:
    dep = deployment([str(PANEL)])
    assert dep.parameters == {"panels": [str(PANEL)]}
    assert deployment().parameters == {}
