"""The station database every store-backed test folder starts from (a pytest plugin, registered in
tests/conftest.py): a real SQLite file with the Alembic migrations, holding one operator of every role the
folders log in as, the test data key, and a clock the tests move by hand.

scrypt is deliberately slow, so the operators are made once per session in a template that each test copies.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import inspect, select

from card_station.services import operators
from card_station.store import Store, open_store
from card_station.store.database import make_engine
from card_station.store.models.operators import Operator
from card_station.store.pii import DataKey
from card_station.store.roles import Role

PASSWORD = "correct horse battery"
START = datetime(2026, 11, 23, 4, 30, tzinfo=UTC)  # 10:00 IST
"""When the template's operators were made, and where the tests' clocks start."""
USERS = {
    "admin": Role.ADMIN,
    "clerk": Role.CLERK,
    "clerk2": Role.CLERK,
    "verifier": Role.VERIFIER,
    "verifier2": Role.VERIFIER,
    "counter": Role.COUNTER,
    "counter2": Role.COUNTER,
    "technician": Role.TECHNICIAN,
    "coordinator": Role.COORDINATOR,
    "statecell": Role.STATE_CELL,
}
"""The operators of the template, by username; each one's password is ``PASSWORD``."""
DATA_KEY_BYTES = bytes(range(32))


def data_key() -> DataKey:
    """The test station's data key (PII encryption and OTP HMAC)."""
    return DataKey(DATA_KEY_BYTES)


class FixedClock:
    """A station clock that stands still until a test moves it; ``now`` is the services' ``Clock``."""

    def __init__(self, start: datetime = START) -> None:
        self.current = start

    def now(self) -> datetime:
        return self.current

    def set(self, moment: datetime) -> None:
        self.current = moment

    def advance(self, delta: timedelta) -> datetime:
        self.current += delta
        return self.current


@dataclass(frozen=True)
class StationDb:
    """A test's own copy of the template: the open store and its operators by username."""

    store: Store
    ops: dict[str, Operator]


def cli_env(folder: Path, db: Path, keys: Path, key_passphrase: str) -> dict[str, str]:
    """The environment of a ``card-station`` process run against a test's station: its database, the test
    data key (written to a file in ``folder``), the key store and the operators' password."""
    key_file = folder / "station-data.key"
    key_file.write_bytes(DATA_KEY_BYTES)
    return dict(
        os.environ,
        CARD_STATION_DB=str(db),
        CARD_STATION_DATA_KEY=str(key_file),
        CARD_STATION_KEYS=str(keys),
        CARD_STATION_KEY_PASSPHRASE=key_passphrase,
        CARD_STATION_PASSWORD=PASSWORD,
    )


def table_names(path: Path) -> set[str]:
    """The tables of the station database file at ``path``, read through a connection of its own."""
    engine = make_engine(path)
    try:
        with engine.connect() as connection:
            return set(inspect(connection).get_table_names())
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated station database holding the operators of ``USERS``, made once per session."""
    path = tmp_path_factory.mktemp("station-template") / "station.db"
    store = open_store(path)
    with store.transaction() as session:
        admin = operators.bootstrap_admin(session, "admin", "Admin", PASSWORD, now=START)
        for username, role in USERS.items():
            if username != "admin":
                operators.create_operator(
                    session,
                    admin,
                    username,
                    display_name=username.title(),
                    role=role,
                    password=PASSWORD,
                    now=START,
                )
    store.close()
    return path


@pytest.fixture
def station_db(template_db: Path, tmp_path: Path) -> Iterator[StationDb]:
    """A fresh copy of the template for one test, closed after it."""
    path = tmp_path / "station.db"
    shutil.copyfile(template_db, path)
    store = open_store(path)
    with store.read() as session:
        ops = {op.username: op for op in session.scalars(select(Operator))}
    yield StationDb(store, ops)
    store.close()
