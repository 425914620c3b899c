"""``card-station audit verify``: walk the audit hash chain and name the first bad entry.

Why from the command line without a login: verification only reads, and whoever can read the database file
can already read the trail; what matters is that an edited, deleted or reordered entry cannot hide.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from card_station import audit
from card_station.store import StoreError, open_store
from card_station.store.location import DB_ENV, default_db_path


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("audit", help="verify the audit trail's hash chain")
    parser.add_argument(
        "--db", type=Path, default=None, help=f"database file (default: ${DB_ENV} or the data dir)"
    )
    actions = parser.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    actions.add_parser("verify", help="check every entry's hash and link; name the first bad one")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = args.db if args.db is not None else default_db_path()
    if not path.exists():
        print(f"card-station audit verify: no database at {path}", file=sys.stderr)
        return 1
    try:
        store = open_store(path, migrate_schema=False)
    except StoreError as exc:
        print(f"card-station audit verify: {exc}", file=sys.stderr)
        return 1
    try:
        with store.transaction() as session:
            report = audit.verify(session)
    finally:
        store.close()
    if report.ok:
        print(f"audit trail intact: {report.reason}; head {report.head}")
        return 0
    print(f"AUDIT TRAIL BROKEN at entry {report.first_bad}: {report.reason}")
    return 1
