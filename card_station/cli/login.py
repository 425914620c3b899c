"""What the operator commands share (``handover``, ``counter``): the station database, the data key, and a
logged-in operator, so that every service checks the operator's role itself (docs/store.md "Roles").

The password comes from ``CARD_STATION_PASSWORD`` when set (scripts, tests) or is asked for without echo;
a refused login is one line and exit code 2, and the failed attempt is audited like any other login.
"""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path

from card_station.services import operators
from card_station.services.clock import Clock
from card_station.store import Store, open_store
from card_station.store.location import DB_ENV, default_db_path, default_key_path
from card_station.store.models.operators import Operator
from card_station.store.pii import DataKey

PASSWORD_ENV = "CARD_STATION_PASSWORD"  # noqa: S105 - the variable's name, not a secret


class LoginFailed(PermissionError):
    """The operator could not log in; the message says why."""


def add_login(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--operator", "-u", required=True, help="your operator username")
    parser.add_argument("--db", type=Path, help=f"database file (default: ${DB_ENV} or the data dir)")


def open_station_store(args: argparse.Namespace) -> Store:
    return open_store(args.db if args.db is not None else default_db_path())


def data_key() -> DataKey:
    return DataKey.load_or_create(default_key_path())


def log_in(store: Store, username: str, clock: Clock) -> Operator:
    password = os.environ.get(PASSWORD_ENV) or getpass.getpass(f"password for {username}: ")
    with store.transaction() as session:
        result = operators.login(session, username, password, now=clock())
    if result.operator is None:
        assert result.refusal is not None
        raise LoginFailed(f"login as {username!r} refused: {result.refusal.value}")
    return result.operator
