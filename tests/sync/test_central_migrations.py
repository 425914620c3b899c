"""The central database's schema comes from its Alembic migrations (docs/sync.md "Central database").

Checked here on SQLite; the PostgreSQL tests in test_central_service.py open their store through the same
migrations, so both backends run them."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from card_station.central import migrate
from card_station.central.migrate import CentralSchemaError
from card_station.central.models import Base
from card_station.central.store import CentralStore
from card_station.store import open_store


def _url(path: Path) -> str:
    return f"sqlite:///{path}"


def test_a_new_central_database_is_migrated_to_head_and_matches_the_models(tmp_path: Path) -> None:
    store = CentralStore(_url(tmp_path / "central.sqlite3"))
    try:
        with store.engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.head_revision()
            context = MigrationContext.configure(connection, opts={"version_table": migrate.VERSION_TABLE})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        store.close()


def test_downgrade_to_base_removes_every_table_and_upgrade_restores_them(tmp_path: Path) -> None:
    engine = create_engine(_url(tmp_path / "central.sqlite3"))
    migrate.upgrade(engine)
    migrate.downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) == {migrate.VERSION_TABLE}
    migrate.upgrade(engine)
    assert set(inspect(engine).get_table_names()) >= migrate.FIRST_SCHEMA_TABLES
    engine.dispose()


def test_a_centre_made_by_create_all_before_migrations_is_adopted_with_its_data(tmp_path: Path) -> None:
    url = _url(tmp_path / "central.sqlite3")
    engine = create_engine(url)
    Base.metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO feed_head (id, last_seq) VALUES (1, 41)"))
    engine.dispose()

    store = CentralStore(url)
    try:
        with store.engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.head_revision()
            assert connection.execute(text("SELECT last_seq FROM feed_head")).scalar_one() == 41
    finally:
        store.close()


def test_a_station_database_given_as_the_centre_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    open_store(path).close()
    before = path.read_bytes()
    with pytest.raises(CentralSchemaError, match="not a Card Station central database"):
        CentralStore(_url(path))
    assert path.read_bytes() == before


def test_a_central_database_from_a_newer_release_is_refused(tmp_path: Path) -> None:
    url = _url(tmp_path / "central.sqlite3")
    CentralStore(url).close()
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f"UPDATE {migrate.VERSION_TABLE} SET version_num = 'c9999'"))
    engine.dispose()
    with pytest.raises(CentralSchemaError, match="revision 'c9999'"):
        CentralStore(url)
