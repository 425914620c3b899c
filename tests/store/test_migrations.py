"""Alembic migrations: empty database up and down, models equal to the migrated schema, and a database
holding data at the previous revision upgraded with its data intact (and backed up first)."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from station_fixtures import table_names

from card_station.store import migrate, open_store
from card_station.store.database import make_engine
from card_station.store.models import Base

PREVIOUS = "0001"


def test_empty_database_migrates_up_and_all_the_way_down(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    engine = make_engine(path)
    with engine.begin() as connection:
        migrate.upgrade(connection)
    assert table_names(path) >= {"members", "outbox_events", "hotlist", "audit_entries"}
    with engine.begin() as connection:
        migrate.downgrade(connection, PREVIOUS)
    assert "hotlist" not in table_names(path)
    assert "members" in table_names(path)
    with engine.begin() as connection:
        migrate.downgrade(connection, "base")
    assert table_names(path) <= {"alembic_version"}
    with engine.begin() as connection:
        migrate.upgrade(connection)
    assert "hotlist" in table_names(path)
    engine.dispose()


def test_models_match_the_migrated_schema(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    with store.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    store.close()
    assert diff == []


def test_data_survives_the_upgrade_and_a_backup_is_made(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    engine = make_engine(path)
    with engine.begin() as connection:
        migrate.upgrade(connection, PREVIOUS)
        connection.execute(
            text(
                "INSERT INTO outbox_events (id, kind, member_key, member_seq, payload, created_at) VALUES "
                "(:id, 'card.blocked', 'm1', 1, :payload, '2026-11-23T04:30:00.000000+00:00')"
            ),
            {"id": "01a207ee-f36f-75a1-93c8-f25d06524e68", "payload": '{"card_serial": "S1"}'},
        )
        connection.execute(text("INSERT INTO outbox_member_seq (member_key, last_seq) VALUES ('m1', 1)"))
    engine.dispose()

    store = open_store(path)
    with store.engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == migrate.head_revision()
        rows = connection.execute(text("SELECT id, member_seq, payload FROM outbox_events")).all()
        assert connection.execute(text("SELECT count(*) FROM hotlist")).scalar() == 0
    store.close()
    assert rows == [("01a207ee-f36f-75a1-93c8-f25d06524e68", 1, '{"card_serial": "S1"}')]
    backup = path.with_name(f"s.db.before-{migrate.head_revision()}.bak")
    assert "hotlist" not in table_names(backup)
    assert "outbox_events" in table_names(backup)
