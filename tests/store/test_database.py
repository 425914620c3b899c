"""Opening the station database: PRAGMAs on every connection, default location, and refusals that lose
nothing (corrupt file, foreign database, newer schema)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, StatementError

from card_station.store import CorruptDatabase, ForeignDatabase, StoreError, UnknownSchema, open_store
from card_station.store.database import _path_of
from card_station.store.location import DB_ENV
from card_station.store.models import SyncCursor
from tests.store.conftest import Station


def test_every_pooled_connection_has_wal_foreign_keys_and_full_sync(station: Station) -> None:
    connections = [station.store.engine.connect() for _ in range(3)]
    try:
        for connection in connections:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2
    finally:
        for connection in connections:
            connection.close()


def test_foreign_keys_are_enforced(station: Station) -> None:
    with pytest.raises(IntegrityError), station.store.transaction() as session:
        session.execute(
            text(
                "INSERT INTO card_status_changes (card_id, status, reason, operator_id, at) "
                "VALUES (999, 'BLOCKED', 'x', 999, '2026-01-01T00:00:00.000000+00:00')"
            )
        )


def test_naive_datetime_is_refused(station: Station) -> None:
    with pytest.raises(StatementError, match="no time zone"), station.store.transaction() as session:
        session.add(SyncCursor(name="x", value=1, updated_at=datetime(2026, 1, 1)))
        session.flush()


def test_default_path_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(DB_ENV, str(tmp_path / "elsewhere.db"))
    assert _path_of(None) == tmp_path / "elsewhere.db"
    assert _path_of(f"sqlite:///{tmp_path}/url.db") == tmp_path / "url.db"


@pytest.mark.parametrize("target", ["sqlite://", "sqlite:///:memory:", "postgresql://h/db"])
def test_non_file_databases_are_refused(target: str) -> None:
    with pytest.raises(StoreError, match="file"):
        open_store(target)


def test_corrupt_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    garbage = b"this is not an sqlite database" * 100
    path.write_bytes(garbage)
    with pytest.raises(CorruptDatabase, match="not a readable SQLite database"):
        open_store(path)
    assert path.read_bytes() == garbage
    assert sorted(p.name for p in tmp_path.iterdir()) == ["station.db"]


def test_foreign_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    before = path.read_bytes()
    with pytest.raises(ForeignDatabase, match="not a Card Station database"):
        open_store(path)
    assert path.read_bytes() == before


def test_newer_schema_is_refused_and_left_untouched(station: Station) -> None:
    with station.store.transaction() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    station.store.close()
    before = station.store.path.read_bytes()
    with pytest.raises(UnknownSchema, match=r"'9999'.*newer version.*Nothing was changed"):
        open_store(station.store.path)
    assert station.store.path.read_bytes() == before


def test_readers_do_not_wait_for_a_writer(station: Station) -> None:
    with station.store.transaction() as writer:
        writer.add(SyncCursor(name="w", value=1, updated_at=station.clock.now()))
        writer.flush()
        with station.store.read() as reader_a, station.store.read() as reader_b:
            assert reader_a.get(SyncCursor, "w") is None
            assert reader_b.get(SyncCursor, "w") is None
    with station.store.read() as reader:
        assert reader.get(SyncCursor, "w") is not None
