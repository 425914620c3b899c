"""Migration 0005 (SECTS) up and down with data: a station at 0004 with ECHS data gains the SECTS tables;
a station with SECTS data goes back to 0004 keeping its other data, and up again."""

from __future__ import annotations

from pathlib import Path

from sects_flow import released_registration, verified_officer
from sects_reg_helpers import SectsStation
from sqlalchemy import text
from station_fixtures import table_names

from card_station.store import migrate
from card_station.store.database import make_engine

SECTS_TABLES = {
    "sects_officers",
    "sects_offices",
    "sects_registrations",
    "sects_family_members",
    "sects_otps",
    "sects_card_prints",
}


def test_0005_goes_down_to_0004_with_data_and_up_again(sects: SectsStation) -> None:
    verified_officer(sects)
    released_registration(sects)
    path = sects.store.path
    with sects.store.read() as s:
        operators_before = s.execute(text("SELECT username, role FROM operators ORDER BY id")).all()
        audit_before = s.scalar(text("SELECT count(*) FROM audit_entries"))
    sects.store.engine.dispose()
    assert table_names(path) >= SECTS_TABLES

    engine = make_engine(path)
    with engine.begin() as connection:
        migrate.downgrade(connection, "0004")
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == "0004"
        assert (
            connection.execute(text("SELECT username, role FROM operators ORDER BY id")).all()
            == operators_before
        )
        assert connection.execute(text("SELECT count(*) FROM audit_entries")).scalar() == audit_before
    assert not SECTS_TABLES & table_names(path)
    assert "issuing_runs" in table_names(path)

    with engine.begin() as connection:
        migrate.upgrade(connection)
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == "0005"
        assert connection.execute(text("SELECT count(*) FROM sects_registrations")).scalar() == 0
    engine.dispose()
    assert table_names(path) >= SECTS_TABLES


def test_a_station_at_0004_upgrades_keeping_its_data(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    engine = make_engine(path)
    with engine.begin() as connection:
        migrate.upgrade(connection, "0004")
        connection.execute(
            text(
                "INSERT INTO issuing_runs (name, created_at) "
                "VALUES ('run-1', '2026-11-23T04:30:00.000000+00:00')"
            )
        )
    with engine.begin() as connection:
        migrate.upgrade(connection)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT name FROM issuing_runs")).scalars().all() == ["run-1"]
    engine.dispose()
    assert table_names(path) >= SECTS_TABLES
