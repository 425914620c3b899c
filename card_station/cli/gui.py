"""``card-station gui``: the desktop app on this station's database, keys and readers (docs/gui.md).

The GUI package is imported only when the command runs, so every other command works on a machine
without Qt's system libraries (dependencies point down: ``gui -> card_station``; this module only starts
it). ``card-station demo --gui`` comes here too (``run_demo``): the same app on the embedded default.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from card_station.card.session import DEVELOPMENT_TRANSPORT_KEY
from card_station.cli.login import data_key
from card_station.cli.station import issuer, open_keys
from card_station.cli.sync import URL_ENV
from card_station.services.clock import system_clock
from card_station.sms import SmsConfig, SmsConfigError, build_gateway, load_sms_config
from card_station.sms.config import DEVELOPMENT_CONFIG
from card_station.store import StoreError, open_store
from card_station.store.location import DB_ENV, data_dir, default_db_path

LANGUAGES = ("en", "hi")
POLYCLINIC_ENV = "CARD_STATION_POLYCLINIC"


def add_language(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", choices=LANGUAGES, default="en", help="the language at start (switch later)"
    )


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("gui", help="start the desktop app (clerk, counter, technician screens)")
    parser.add_argument("--db", type=Path, help=f"the station database (default: ${DB_ENV} or the data dir)")
    parser.add_argument(
        "--keys", type=Path, help="key store directory (default: $CARD_STATION_KEYS or the data dir)"
    )
    parser.add_argument("--central", metavar="URL", help=f"the central service (default: ${URL_ENV})")
    parser.add_argument(
        "--sms", type=Path, metavar="TOML", help="SMS gateway settings (docs/sms.md); default: print SMS here"
    )
    parser.add_argument(
        "--polyclinic",
        default=os.environ.get(POLYCLINIC_ENV),
        help=f"the polyclinic whose token queue the counter numbers (default: ${POLYCLINIC_ENV})",
    )
    add_language(parser)
    parser.set_defaults(run=run)


def _sms_config(path: Path | None) -> SmsConfig:
    """The gateway and the DLT-registered OTP template of ``--sms``; without it the development console
    gateway and template (docs/sms.md)."""
    if path is None:
        print("card-station gui: no --sms settings: OTP SMS are printed on this terminal", file=sys.stderr)
        return DEVELOPMENT_CONFIG
    return load_sms_config(path)


def run(args: argparse.Namespace) -> int:
    from gui.app import build_station, run_app  # noqa: PLC0415 - Qt only when the GUI starts
    from gui.i18n import Language  # noqa: PLC0415 - Qt only when the GUI starts

    try:
        sms = _sms_config(args.sms)
        store = open_store(args.db or default_db_path())
    except (SmsConfigError, StoreError, OSError) as exc:
        print(f"card-station gui: {exc}", file=sys.stderr)
        return 2
    try:
        station = build_station(
            store=store,
            keys=open_keys(args),
            issuer=issuer(),
            clock=system_clock,
            sms=build_gateway(sms),
            sms_template=sms.template,
            transport_key=DEVELOPMENT_TRANSPORT_KEY,
            central_url=args.central or os.environ.get(URL_ENV),
            data_dir=data_dir(),
            data_key=data_key(),
            polyclinic=args.polyclinic,
        )
        return run_app(station, language=Language(args.lang))
    finally:
        store.close()


def run_demo(args: argparse.Namespace) -> int:
    """``card-station demo --gui``: the demo station (gui.demo) in the desktop app."""
    from gui.app import run_app  # noqa: PLC0415 - Qt only when the GUI starts
    from gui.demo import DEMO_PASSWORD, OPERATORS, demo_environment  # noqa: PLC0415
    from gui.i18n import Language  # noqa: PLC0415 - Qt only when the GUI starts

    with demo_environment() as demo:
        print(f"demo station in {demo.folder}; private pcscd at {demo.stack.socket_path}")
        for index, name in enumerate(demo.reader_names):
            print(f"  reader {index}: {name}")
        print(f"operators (password {DEMO_PASSWORD!r}): " + ", ".join(OPERATORS))
        return run_app(demo.station, language=Language.ENGLISH)
