"""``card-station status CARD_NO|SERVICE_NO``: the portal-style card status (seed 000 §5(a), §5(d)): "SMS OTP
sent", "Cards handed over" and "Active from ...", "Card Blocked", "Blocked due to Change in Data"."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from card_station.services.clock import system_clock
from card_station.services.status import StatusNotFound, portal_status
from card_station.store import StoreError, open_store
from card_station.store.location import DB_ENV, default_db_path


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("status", help="the card status by card number or service number")
    parser.add_argument("query", metavar="CARD_NO|SERVICE_NO")
    parser.add_argument("--db", type=Path, help=f"database file (default: ${DB_ENV} or the data dir)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = args.db if args.db is not None else default_db_path()
    if not path.exists():
        print(f"card-station status: no database at {path}", file=sys.stderr)
        return 2
    try:
        store = open_store(path, migrate_schema=False)
    except StoreError as exc:
        print(f"card-station status: {exc}", file=sys.stderr)
        return 2
    try:
        status = portal_status(store, args.query, system_clock())
    except StatusNotFound as exc:
        print(f"card-station status: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    print(f"{status.name} ({', '.join(status.card_numbers) or 'no card yet'}): {status.headline}")
    for line in status.lines:
        print(f"  {line}")
    return 0
