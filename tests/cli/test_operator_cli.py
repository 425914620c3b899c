"""``card-station operator`` as an administrator runs it: separate processes on a real SQLite file.

The first administrator is created without a login on an empty station and only then; every later change
needs an administrator's login, checked by the service, and each is audited (docs/store.md "Roles")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from card_station.audit import AuditAction
from card_station.store import open_store
from card_station.store.models.audit import AuditRow

CLI = [sys.executable, "-m", "card_station.cli", "operator"]
ADMIN_PASSWORD = "long quiet evening at the depot"
CLERK_PASSWORD = "seven blue lorries in a row"


def _run(
    db: Path, *args: str, password: str | None = None, new: str | None = None
) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARD_STATION_")}
    if password is not None:
        env["CARD_STATION_PASSWORD"] = password
    if new is not None:
        env["CARD_STATION_NEW_PASSWORD"] = new
    return subprocess.run(
        [*CLI, "--db", str(db), *args], capture_output=True, text=True, timeout=60, env=env, check=False
    )


@pytest.fixture
def station(tmp_path: Path) -> Path:
    db = tmp_path / "station.db"
    created = _run(db, "add", "admin", "--role", "admin", "--name", "Station Admin", new=ADMIN_PASSWORD)
    assert created.returncode == 0, created.stderr
    assert "first operator" in created.stdout
    return db


def test_the_first_operator_of_an_empty_station_must_be_an_administrator(tmp_path: Path) -> None:
    result = _run(tmp_path / "s.db", "add", "clerk1", "--role", "clerk", "--name", "C", new=CLERK_PASSWORD)
    assert result.returncode == 2
    assert "create an administrator first (--role admin)" in result.stderr


def test_after_the_first_administrator_adding_needs_an_administrator_login(station: Path) -> None:
    anonymous = _run(station, "add", "admin2", "--role", "admin", "--name", "Intruder", new=ADMIN_PASSWORD)
    assert anonymous.returncode == 2
    assert "give --operator" in anonymous.stderr

    wrong = _run(station, "-u", "admin", "list", password="not the password")
    assert wrong.returncode == 2
    assert "unknown username or wrong password" in wrong.stderr


def test_an_administrator_adds_lists_and_deactivates_and_a_clerk_may_not(station: Path) -> None:
    added = _run(
        station, "-u", "admin", "add", "clerk1", "--role", "clerk", "--name", "Clerk One",
        password=ADMIN_PASSWORD, new=CLERK_PASSWORD,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert "created clerk1 (card issuing clerk)" in added.stdout

    refused = _run(station, "-u", "clerk1", "list", password=CLERK_PASSWORD)
    assert refused.returncode == 2
    assert "may not create, lock and unlock operators" in refused.stderr

    assert _run(station, "-u", "admin", "deactivate", "clerk1", password=ADMIN_PASSWORD).returncode == 0
    listed = _run(station, "-u", "admin", "list", password=ADMIN_PASSWORD)
    assert "clerk1" in listed.stdout
    assert "(deactivated)" in listed.stdout
    assert _run(station, "-u", "clerk1", "list", password=CLERK_PASSWORD).returncode == 2

    store = open_store(station)
    try:
        with store.transaction() as session:
            actions = list(session.scalars(select(AuditRow.action).order_by(AuditRow.seq)))
    finally:
        store.close()
    assert actions.count(AuditAction.OPERATOR_CREATED.value) == 2
    assert AuditAction.OPERATOR_DEACTIVATED.value in actions


def test_a_weak_new_password_is_refused_and_nothing_is_created(station: Path) -> None:
    weak = _run(
        station, "-u", "admin", "add", "clerk2", "--role", "clerk", "--name", "C",
        password=ADMIN_PASSWORD, new="clerk2",
    )  # fmt: skip
    assert weak.returncode == 2
    assert "password" in weak.stderr
    listed = _run(station, "-u", "admin", "list", password=ADMIN_PASSWORD)
    assert "clerk2" not in listed.stdout
