"""``ksa serve`` for real: a subprocess against the test harness's Prefect API registers the
monthly O*NET refresh (cron, panels parameter) and the on-demand crosswalk, and stops on SIGINT."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.flow

REPO = Path(__file__).resolve().parents[1]
PANEL = REPO / "inputs" / "sample" / "panel.toml"


def _deployment(client: Any, name: str) -> Any:
    from prefect.exceptions import ObjectNotFound

    try:
        return client.read_deployment_by_name(name)
    except ObjectNotFound:
        return None


def test_ksa_serve_registers_the_deployments(prefect_harness: None, tmp_path: Path) -> None:
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL

    api = PREFECT_API_URL.value()
    assert api, "the harness sets an API URL"
    env = {**os.environ, "PREFECT_API_URL": str(api), "PREFECT_HOME": str(tmp_path / "home")}
    log = (tmp_path / "serve.log").open("w+")
    proc = subprocess.Popen(
        [sys.executable, "-m", "ksa.cli", "serve", "--panel", str(PANEL)],
        cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        refresh = crosswalk = None
        deadline = time.monotonic() + 60
        with get_client(sync_client=True) as client:
            while time.monotonic() < deadline and proc.poll() is None:
                refresh = _deployment(client, "onet-refresh/monthly")
                crosswalk = _deployment(client, "panel-crosswalk/on-demand")
                if refresh is not None and crosswalk is not None:
                    break
                time.sleep(0.5)
        log.seek(0)
        assert refresh is not None and crosswalk is not None, log.read()[-3000:]
        assert [s.schedule.cron for s in refresh.schedules] == ["0 6 1 * *"]
        assert refresh.parameters == {"panels": [str(PANEL)]}
        assert not crosswalk.schedules
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        log.close()
    assert proc.returncode is not None
