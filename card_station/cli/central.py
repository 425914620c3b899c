"""``card-station central``: run the central service and administer the stations it trusts.

Why the credential is printed once and never again: the centre keeps only its hash (see
``card_station.central.credentials``), so a lost credential is replaced with ``station rotate``, which also
makes the old one stop working.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from platformdirs import user_data_dir

from card_station.central.credentials import CredentialError
from card_station.central.models import Feed
from card_station.central.projection import FeedChange
from card_station.central.server import serve
from card_station.central.store import CentralStore, StationExists, UnknownStation

DEFAULT_PORT = 8740


def default_db_url() -> str:
    """The embedded default: a SQLite file in the platform's data directory."""
    directory = Path(user_data_dir("card-station", appauthor=False))
    directory.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{directory / 'central.sqlite3'}"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("central", help="run the central service; register stations")
    parser.add_argument(
        "--db", metavar="URL", help="SQLAlchemy URL of the central store (default: SQLite in the data dir)"
    )
    actions = parser.add_subparsers(dest="central_action", required=True, metavar="ACTION")

    serve = actions.add_parser("serve", help="serve the sync API over HTTP")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    serve.add_argument("--ssl-certfile", help="TLS certificate (PEM); use TLS whenever not on loopback")
    serve.add_argument("--ssl-keyfile", help="TLS private key (PEM)")
    serve.set_defaults(run=_serve)

    station = actions.add_parser("station", help="register stations and issue their credentials")
    station_actions = station.add_subparsers(dest="station_action", required=True, metavar="ACTION")
    add = station_actions.add_parser("add", help="register a station and print its credential once")
    add.add_argument("station_id", help="e.g. stn-hq-lucknow")
    add.add_argument("--name", required=True, help="the station's name, for people")
    add.set_defaults(run=_add)
    rotate = station_actions.add_parser("rotate", help="issue a new credential; the old one stops working")
    rotate.add_argument("station_id")
    rotate.set_defaults(run=_rotate)
    listing = station_actions.add_parser("list", help="list registered stations")
    listing.set_defaults(run=_list)

    publish = actions.add_parser("publish", help="publish a hotlist, FMA or district notice item")
    publish.add_argument("feed", choices=[f.value for f in Feed])
    publish.add_argument("key", help="the item's key (card serial, member key, notice ID)")
    what = publish.add_mutually_exclusive_group(required=True)
    what.add_argument("--data", metavar="JSON", help="the item as a JSON object")
    what.add_argument("--withdraw", action="store_true", help="withdraw the item from every station")
    publish.set_defaults(run=_publish)


def _store(args: argparse.Namespace) -> CentralStore:
    return CentralStore(args.db or default_db_url())


def _serve(args: argparse.Namespace) -> int:
    if bool(args.ssl_certfile) != bool(args.ssl_keyfile):
        print("card-station central serve: give --ssl-certfile and --ssl-keyfile together", file=sys.stderr)
        return 2
    store = _store(args)
    scheme = "https" if args.ssl_certfile else "http"
    where = store.engine.url.render_as_string(hide_password=True)
    print(f"central service on {scheme}://{args.host}:{args.port} (store {where})")
    try:
        serve(store, args.host, args.port, ssl_certfile=args.ssl_certfile, ssl_keyfile=args.ssl_keyfile)
    finally:
        store.close()
    return 0


def _issue(args: argparse.Namespace, *, rotate: bool) -> int:
    store = _store(args)
    try:
        credential = store.register_station(args.station_id, getattr(args, "name", ""), rotate=rotate)
    except (CredentialError, StationExists, UnknownStation) as exc:
        print(f"card-station central station: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    print(credential.token)
    print(
        "This credential is shown once; the centre keeps only its hash. Give it to the station in a file "
        "readable only by the station's account (see docs/sync.md).",
        file=sys.stderr,
    )
    return 0


def _add(args: argparse.Namespace) -> int:
    return _issue(args, rotate=False)


def _rotate(args: argparse.Namespace) -> int:
    return _issue(args, rotate=True)


def _list(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        for station_id, name in store.stations():
            print(f"{station_id}\t{name}")
    finally:
        store.close()
    return 0


def _publish(args: argparse.Namespace) -> int:
    data = None
    if not args.withdraw:
        try:
            data = json.loads(args.data)
        except json.JSONDecodeError as exc:
            print(f"card-station central publish: --data is not JSON: {exc}", file=sys.stderr)
            return 2
        if not isinstance(data, dict):
            print("card-station central publish: --data must be a JSON object", file=sys.stderr)
            return 2
    store = _store(args)
    try:
        store.publish([FeedChange(Feed(args.feed), args.key, data, None, merge=False)])
    finally:
        store.close()
    print(f"{'withdrew' if data is None else 'published'} {args.feed} item {args.key!r}")
    return 0
