"""``card-station db backup``, ``db check`` and ``audit verify``, through the real command entry point."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from card_station.cli import main
from card_station.store import migrate
from card_station.store.outbox import record_event
from tests.store.conftest import Station


def _db(station: Station) -> str:
    station.store.close()
    return str(station.store.path)


def test_backup_is_a_consistent_copy(
    station: Station, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with station.store.transaction() as s:
        record_event(s, kind="test.event", member_key="m", payload={}, now=station.clock.now())
    destination = tmp_path / "copy.db"
    assert main(["db", "--db", _db(station), "backup", str(destination)]) == 0
    assert "integrity ok" in capsys.readouterr().out
    with sqlite3.connect(destination) as copy:
        assert copy.execute("SELECT count(*) FROM outbox_events").fetchone() == (1,)
    assert main(["db", "--db", str(station.store.path), "backup", str(destination)]) == 1
    assert "exists" in capsys.readouterr().err


def test_check_reports_integrity_schema_and_outbox_depth(
    station: Station, capsys: pytest.CaptureFixture[str]
) -> None:
    with station.store.transaction() as s:
        for _ in range(3):
            record_event(s, kind="test.event", member_key="m", payload={}, now=station.clock.now())
    assert main(["db", "--db", _db(station), "check"]) == 0
    out = capsys.readouterr().out
    assert "integrity:    ok" in out
    assert f"schema:       {migrate.head_revision()}" in out
    assert "outbox depth: 3" in out


def test_check_reports_a_corrupt_file_without_changing_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.db"
    path.write_bytes(b"garbage" * 1000)
    assert main(["db", "--db", str(path), "check"]) == 1
    assert "PROBLEM" in capsys.readouterr().out
    assert path.read_bytes() == b"garbage" * 1000


def test_check_reports_a_newer_schema(station: Station, capsys: pytest.CaptureFixture[str]) -> None:
    with station.store.transaction() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    assert main(["db", "--db", _db(station), "check"]) == 1
    assert "9999 is unknown" in capsys.readouterr().out


def test_audit_verify_names_the_first_bad_entry(station: Station, capsys: pytest.CaptureFixture[str]) -> None:
    db = _db(station)
    assert main(["audit", "--db", db, "verify"]) == 0
    assert "intact" in capsys.readouterr().out
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE audit_entries SET subject = 'someone else' WHERE seq = 3")
    assert main(["audit", "--db", db, "verify"]) == 1
    assert "BROKEN at entry 3" in capsys.readouterr().out
