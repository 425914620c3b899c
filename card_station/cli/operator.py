"""``card-station operator ACTION``: create, list, unlock and deactivate the station's operators.

Why a command and not only the GUI: a new station has no operator, and somebody must create the first
administrator before anyone can log in. ``add`` on an empty database creates that administrator without a
login (``operators.bootstrap_admin``, refused once any operator exists); every other use logs in as an
administrator with ``--operator`` and the service checks the role itself (docs/store.md "Roles").

The new operator's password comes from ``CARD_STATION_NEW_PASSWORD`` when set (scripts, tests) or is asked
for twice without echo; it is never an argument, so it stays out of shell history and ``ps``.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from card_station.cli.login import LoginFailed, log_in, open_station_store
from card_station.services import operators
from card_station.services.clock import Clock, system_clock
from card_station.store import Store, StoreError
from card_station.store.location import DB_ENV
from card_station.store.models.operators import Operator
from card_station.store.passwords import WeakPassword
from card_station.store.roles import Permission, PermissionDenied, Role, require

NEW_PASSWORD_ENV = "CARD_STATION_NEW_PASSWORD"  # noqa: S105 - the variable's name, not a secret
ROLE_NAMES = {role.name.lower(): role for role in Role}
ERRORS = (operators.OperatorError, LoginFailed, PermissionDenied, StoreError, WeakPassword)


class PasswordMismatch(ValueError):
    """The two typed passwords differ."""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("operator", help="create, list, unlock or deactivate operators")
    parser.add_argument("--db", type=Path, help=f"database file (default: ${DB_ENV} or the data dir)")
    parser.add_argument(
        "--operator", "-u", help="your administrator username (not needed for the first administrator)"
    )
    actions = parser.add_subparsers(dest="operator_command", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="create an operator (the first one must be an administrator)")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=sorted(ROLE_NAMES), help="what the operator may do")
    add.add_argument("--name", required=True, help="the operator's full name, as shown on screens")
    actions.add_parser("list", help="list operators with their role and state")
    for action, text in (("unlock", "clear a lockout after failed logins"), ("deactivate", "disable login")):
        actions.add_parser(action, help=text).add_argument("username")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        store = open_station_store(args)
    except StoreError as exc:
        return _fail(args, str(exc))
    try:
        return _dispatch(args, store)
    except (*ERRORS, PasswordMismatch) as exc:
        return _fail(args, str(exc))
    finally:
        store.close()


def _fail(args: argparse.Namespace, message: str) -> int:
    print(f"card-station operator {args.operator_command}: {message}", file=sys.stderr)
    return 2


def _dispatch(args: argparse.Namespace, store: Store) -> int:
    clock: Clock = system_clock
    if args.operator_command == "add" and args.operator is None and _empty(store):
        return _add_first_admin(args, store, clock)
    if args.operator is None:
        raise LoginFailed("give --operator: your administrator username (the station already has operators)")
    admin = log_in(store, args.operator, clock)
    actions: dict[str, Callable[[], int]] = {
        "add": lambda: _add(args, store, admin, clock),
        "list": lambda: _list(store, admin),
        "unlock": lambda: _change(
            store, admin, clock, operators.unlock_operator, args.username, done="unlocked"
        ),
        "deactivate": lambda: _change(
            store, admin, clock, operators.deactivate_operator, args.username, done="deactivated"
        ),
    }
    return actions[args.operator_command]()


def _empty(store: Store) -> bool:
    with store.transaction() as session:
        return not session.scalar(select(func.count()).select_from(Operator))


def _new_password(username: str) -> str:
    if os.environ.get(NEW_PASSWORD_ENV):
        return os.environ[NEW_PASSWORD_ENV]
    first = getpass.getpass(f"new password for {username}: ")
    if getpass.getpass("again: ") != first:
        raise PasswordMismatch("the two passwords differ; nothing was created, run the command again")
    return first


def _add_first_admin(args: argparse.Namespace, store: Store, clock: Clock) -> int:
    if ROLE_NAMES[args.role] is not Role.ADMIN:
        raise operators.OperatorError(
            "the station has no operators yet: create an administrator first (--role admin)"
        )
    password = _new_password(args.username)
    with store.transaction() as session:
        operators.bootstrap_admin(session, args.username, args.name, password, now=clock())
    print(f"created {args.username} (administrator), the station's first operator")
    return 0


def _add(args: argparse.Namespace, store: Store, admin: Operator, clock: Clock) -> int:
    role = ROLE_NAMES[args.role]
    with store.transaction() as session:
        require(operators.current_operator(session, admin), Permission.MANAGE_OPERATORS)
    password = _new_password(args.username)
    with store.transaction() as session:
        operators.create_operator(
            session, admin, args.username, display_name=args.name, role=role, password=password, now=clock()
        )
    print(f"created {args.username} ({role.value})")
    return 0


def _list(store: Store, admin: Operator) -> int:
    with store.transaction() as session:
        require(operators.current_operator(session, admin), Permission.MANAGE_OPERATORS)
        rows = session.scalars(select(Operator).order_by(Operator.username)).all()
        for row in rows:
            state = "active" if row.active else "deactivated"
            if row.locked_until is not None:
                state += f", locked until {row.locked_until.isoformat(timespec='minutes')}"
            print(f"{row.username:<20} {row.role.name.lower():<11} {row.display_name} ({state})")
    return 0


def _change(
    store: Store, admin: Operator, clock: Clock, change: Callable, username: str, *, done: str
) -> int:
    with store.transaction() as session:
        change(session, admin, username, now=clock())
    print(f"{username}: {done}")
    return 0
