"""Station checks without a card: database integrity and migration version (``store.health``), the
central service reachable, free disk, and the clock shown in IST (the scheme's times are IST: seed 000
§5(c) activation at 13:00 IST, so a wrong clock or zone gives wrong activation times)."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import httpx

from card_station.domain.handover import IST
from card_station.selftest.result import CheckResult, CheckStatus
from card_station.store.health import check_database

MIN_FREE_BYTES = 1 << 30
"""Below 1 GiB free the station warns: the database, its backups and the outbox need room to grow."""
CENTRAL_TIMEOUT_S = 5.0
PING_PATH = "/v1/ping"
EARLIEST_PLAUSIBLE_YEAR = 2025


def check_database_health(path: Path) -> CheckResult:
    title = "Database integrity and migration version"
    health = check_database(path)
    details = (
        f"file {health.path}",
        f"integrity: {health.integrity}",
        f"migration {health.revision or 'none'} (this program: {health.head})",
        f"outbox: {health.outbox_depth if health.outbox_depth is not None else 'unknown'} changes waiting",
    )
    if not health.ok:
        return CheckResult("database", title, CheckStatus.FAIL, "; ".join(health.problems), details)
    return CheckResult(
        "database", title, CheckStatus.PASS, f"integrity ok, migration {health.revision}", details
    )


def check_central(url: str | None) -> CheckResult:
    """Any HTTP answer from the centre's ping means the network path works (the credential is the sync
    client's business: ``card-station sync``)."""
    title = "Central service reachable"
    if not url:
        return CheckResult("central", title, CheckStatus.SKIPPED, "no central service is configured")
    target = url.rstrip("/") + PING_PATH
    try:
        response = httpx.get(target, timeout=CENTRAL_TIMEOUT_S)
    except httpx.HTTPError as exc:
        return CheckResult("central", title, CheckStatus.FAIL, f"{target}: {type(exc).__name__}: {exc}")
    return CheckResult("central", title, CheckStatus.PASS, f"{target} answered HTTP {response.status_code}")


def check_disk(directory: Path) -> CheckResult:
    title = "Free disk"
    existing = next((p for p in (directory, *directory.parents) if p.exists()), Path("/"))
    usage = shutil.disk_usage(existing)
    free_mib = usage.free // (1 << 20)
    summary = f"{free_mib} MiB free of {usage.total // (1 << 20)} MiB at {existing}"
    if usage.free < MIN_FREE_BYTES:
        return CheckResult("disk", title, CheckStatus.WARN, f"{summary}: free some space (below 1 GiB)")
    return CheckResult("disk", title, CheckStatus.PASS, summary)


def check_clock(now: datetime) -> CheckResult:
    title = "Clock (IST)"
    shown = now.astimezone(IST).strftime("%d %b %Y %H:%M:%S IST")
    if now.year < EARLIEST_PLAUSIBLE_YEAR:
        return CheckResult(
            "clock", title, CheckStatus.FAIL, f"{shown}: the clock is wrong; set the date and time"
        )
    return CheckResult("clock", title, CheckStatus.PASS, f"{shown}; check it against a watch")
