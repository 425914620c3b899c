"""``card-station sync`` killed with SIGKILL in the middle of a drain, then run again: the centre ends with
every event exactly once, in per-member order (an event is marked sent only after it was acknowledged,
and the centre acknowledges a resent event without storing it again)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from card_station.central.models import Event
from card_station.store.database import Store
from card_station.store.outbox import outbox_depth
from tests.sync.conftest import Central, assert_held_exactly_once_in_member_order, record_events

EVENTS = 5_000
POLL_LIMIT_S = 120.0


def _sync_command(central: Central, station: Store, credential_file: Path) -> list[str]:
    return [
        sys.executable, "-m", "card_station.cli", "sync",
        "--central", central.url,
        "--credential-file", str(credential_file),
        "--db", str(station.path),
        "--batch", "50",
    ]  # fmt: skip


def _held(central: Central) -> int:
    with central.store.engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(Event))


def test_sync_killed_mid_drain_resumes_without_losing_or_duplicating(
    central: Central, station_store: Store, tmp_path: Path
) -> None:
    ids = record_events(station_store, EVENTS, members=61)
    credential_file = tmp_path / "credential"
    credential_file.write_text(central.credential.token)
    credential_file.chmod(0o600)
    command = _sync_command(central, station_store, credential_file)
    kill_after = random.Random(os.getpid()).randrange(50, EVENTS // 4)

    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + POLL_LIMIT_S
    while _held(central) < kill_after and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL, "the sync finished before it could be killed"
    with station_store.transaction() as session:
        assert outbox_depth(session) > 0

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert "applied 0 items" in rerun.stdout
    assert_held_exactly_once_in_member_order(central.store, station_store, ids)
