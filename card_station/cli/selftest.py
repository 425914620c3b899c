"""``card-station selftest [--json]``: the technician's self-test without the GUI (card_station.selftest).

Exit code 0 when no check failed, 1 otherwise (warnings and skipped checks do not fail), so a script or
a monitoring job can run it.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from apdu.transport.pcsc import list_readers
from card_station.card.session import DEVELOPMENT_TRANSPORT_KEY
from card_station.cli.reader_choice import resolve_reader
from card_station.cli.station import station_id
from card_station.cli.sync import URL_ENV
from card_station.selftest import CheckResult, SelfTestConfig, run_selftest
from card_station.services.clock import system_clock
from card_station.store.location import data_dir, default_db_path


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "selftest", help="check pcscd, readers, a test card, crypto, database, disk, clock"
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--db", type=Path, help="the station database (default: $CARD_STATION_DB or the data dir)"
    )
    parser.add_argument("--central", metavar="URL", help=f"the central service (default: ${URL_ENV})")
    parser.add_argument("--reader", "-r", help="the reader holding a BLANK test card (index, name or part)")
    parser.set_defaults(run=run)


def _line(result: CheckResult) -> None:
    print(f"[{result.status.value.upper():>7}] {result.title}: {result.summary}")
    for detail in result.details:
        print(f"          {detail}")


def run(args: argparse.Namespace) -> int:
    reader = None
    if args.reader is not None:
        reader = resolve_reader(args.reader, [info.name for info in list_readers()])
    config = SelfTestConfig(
        station_id=station_id(),
        database=args.db or default_db_path(),
        data_dir=data_dir(),
        central_url=args.central or os.environ.get(URL_ENV),
        transport_key=DEVELOPMENT_TRANSPORT_KEY,
        clock=system_clock,
        reader=reader,
    )
    report = run_selftest(config, on_result=(lambda _: None) if args.json else _line)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print("self-test: " + ("no check failed" if report.ok else "FAILED"))
    return 0 if report.ok else 1
