"""``card-station db backup FILE`` and ``card-station db check``: the station database's safety tools.

Why the online backup API: it copies a consistent snapshot while the app keeps working (WAL readers and a
writer), which a file copy of a live WAL database does not. Why ``check`` opens read-only: it must report
on a damaged or newer-version file without touching it (docs/store.md, "CLI").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from card_station.store import StoreError, open_store
from card_station.store.database import backup_to
from card_station.store.health import check_database
from card_station.store.location import DB_ENV, default_db_path


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("db", help="back up or check the station database")
    parser.add_argument(
        "--db", type=Path, default=None, help=f"database file (default: ${DB_ENV} or the data dir)"
    )
    actions = parser.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    backup = actions.add_parser("backup", help="copy the live database to FILE (SQLite online backup)")
    backup.add_argument("file", type=Path, help="where to write the backup (must not exist)")
    actions.add_parser("check", help="integrity check, schema version and outbox depth (read-only)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = args.db if args.db is not None else default_db_path()
    if args.db_command == "backup":
        return _backup(path, args.file)
    return _check(path)


def _backup(path: Path, destination: Path) -> int:
    if destination.exists():
        print(f"card-station db backup: {destination} exists; choose a new file name", file=sys.stderr)
        return 1
    if not path.exists():
        print(f"card-station db backup: no database at {path}", file=sys.stderr)
        return 1
    try:
        store = open_store(path, migrate_schema=False)
    except StoreError as exc:
        print(f"card-station db backup: {exc}", file=sys.stderr)
        return 1
    try:
        backup_to(store.engine, destination)
    finally:
        store.close()
    report = check_database(destination)
    print(f"backed up {path} to {destination}: integrity {report.integrity}, schema {report.revision}")
    return 0 if report.integrity == "ok" else 1


def _check(path: Path) -> int:
    report = check_database(path)
    print(f"database:     {report.path}")
    print(f"integrity:    {report.integrity}")
    print(
        f"schema:       {report.revision or 'none'} (newest known: {report.head}; older is upgraded on open)"
    )
    print(f"outbox depth: {'unknown' if report.outbox_depth is None else report.outbox_depth}")
    for problem in report.problems:
        print(f"PROBLEM: {problem}")
    return 0 if report.ok else 1
