"""``card-station batch``: issue a run of applications across readers (issue 8 "Batches across readers";
docs/issuing.md).

    card-station batch --applications FILE|DIR [--run NAME] [--readers all|0,2|NAME,...]
    card-station batch --verified --from DIR --operator NAME   # the store's verified applications
    card-station batch --run NAME                  # resume a stopped or interrupted run
    card-station batch --run NAME --retry          # put the failed applications back in the queue

The run's state is in the station database, so stopping the command (Ctrl-C, SIGTERM), pulling a card or
losing power loses nothing: the same command resumes with the next card. The operator is the card feed:
the progress display says which reader wants a card and when to take one out; it also shows cards done,
failed, remaining and the rate.
"""

from __future__ import annotations

import argparse
import getpass
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import FrameType

import platformdirs

from apdu.transport import NoReader
from card_station.card.session import DEVELOPMENT_TRANSPORT_KEY
from card_station.cli import station
from card_station.cli.reader_choice import resolve_reader
from card_station.domain.reference.reference_data import default_fixtures_dir, load_reference_data
from card_station.issuing.batch.feed import OperatorFeed
from card_station.issuing.batch.ledger import Ledger, RunError
from card_station.issuing.batch.readers import PcscReaders
from card_station.issuing.batch.rendered_faces import RenderedFaces
from card_station.issuing.batch.run import BatchRun, Rate, Summary
from card_station.issuing.batch.sources import BatchListError, Planned, plan_applications, plan_verified
from card_station.issuing.batch.worker import Event
from card_station.services.clock import system_clock
from card_station.services.operators import login
from card_station.services.personalisation import PersonalisationService
from card_station.store import Store, StoreError, open_store
from card_station.store.location import DB_ENV
from card_station.store.models.issuing import ItemState
from card_station.store.models.operators import Operator

PASSWORD_ENV = "CARD_STATION_OPERATOR_PASSWORD"  # noqa: S105 - the variable's name, not a secret


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("batch", help="issue a run of applications across several readers")
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--applications", type=Path, help="a folder of application files, or a batch list file (JSON)"
    )
    source.add_argument(
        "--verified",
        action="store_true",
        help="the store's verified applications (their files from --from); needs --operator",
    )
    parser.add_argument(
        "--from", dest="files", type=Path, help="the folder of the verified applications' files"
    )
    parser.add_argument(
        "--operator", help=f"the operator issuing the cards (password: ${PASSWORD_ENV} or asked for)"
    )
    parser.add_argument(
        "--run", dest="run_name", help="the run's name (default: the applications' file or folder name)"
    )
    parser.add_argument(
        "--readers", default="all", help='"all" (default), or reader indices / names, comma-separated'
    )
    parser.add_argument("--retry", action="store_true", help="queue the run's failed applications again")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--faces", type=Path, help="folder for the card face PDFs (default: data dir)")
    output.add_argument("--printer", help="print the card faces on this installed printer instead")
    parser.add_argument("--db", type=Path, help=f"station database (default: ${DB_ENV} or the data dir)")
    parser.add_argument(
        "--keys", type=Path, help=f"key store directory (default: ${station.KEYS_ENV} or the data dir)"
    )
    parser.set_defaults(run=run)


_OUTPUT = threading.Lock()


def _say(text: str) -> None:
    """One whole line at a time: the workers' threads all write to the progress display."""
    with _OUTPUT:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()


def _show(event: Event, rate: Rate) -> None:
    _say(f"{event.text}  [{rate.line()}]")


def _readers(spec: str, present: list[str]) -> list[str]:
    if spec == "all":
        if not present:
            raise NoReader(
                "no PC/SC reader is connected: plug the readers in, or start `card-station emulator`"
            )
        return present
    chosen = [resolve_reader(part.strip(), present) for part in spec.split(",") if part.strip()]
    if len(set(chosen)) != len(chosen):
        raise NoReader(f"--readers {spec!r} names one reader twice: give each reader once")
    return chosen


def _run_name(args: argparse.Namespace, now: datetime) -> str:
    if args.run_name:
        return str(args.run_name)
    if args.verified:
        return f"verified-{now:%Y%m%d-%H%M%S}"
    if args.applications is None:
        raise BatchListError(
            "give --applications FILE|DIR or --verified to start a run, or --run NAME to resume one"
        )
    return Path(args.applications).resolve().stem


def _plan(args: argparse.Namespace, store: Store) -> list[Planned] | None:
    if args.applications is not None:
        return plan_applications(args.applications)
    if args.verified:
        if args.files is None:
            raise BatchListError("--verified needs --from DIR: the folder holding the applications' files")
        return plan_verified(store, args.files)
    return None


def _login(store: Store, username: str | None, now: datetime) -> Operator | None:
    """The operator named by ``--operator``, signed in with the station's own login (audited, locked
    after repeated failures); None without ``--operator``."""
    if username is None:
        return None
    password = os.environ.get(PASSWORD_ENV) or getpass.getpass(f"password for {username}: ")
    with store.transaction() as session:
        result = login(session, username, password, now=now)
    if result.operator is None:
        refusal = result.refusal.value if result.refusal is not None else "refused"
        raise RunError(f"operator {username!r} could not sign in: {refusal}")
    return result.operator


@contextmanager
def _stopping_on_signals(run: BatchRun) -> Iterator[None]:
    """Ctrl-C and SIGTERM ask the workers to stop after the card in hand; a second Ctrl-C is not needed
    and not offered: a write cut short is what the run is built to avoid."""

    def handler(signum: int, frame: FrameType | None) -> None:
        _say(
            f"stopping after the cards in hand ({signal.Signals(signum).name}); "
            "the same command resumes the run where it stopped"
        )
        run.stop()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def _report(summary: Summary) -> int:
    _say(summary.rate.line())
    for item in summary.items:
        if item.state is ItemState.FAILED:
            _say(f"FAILED {item.card_number} ({item.source}): {item.failure}")
        elif item.state is ItemState.INTERRUPTED:
            _say(
                f"INTERRUPTED {item.card_number}: {item.failure}; put the card with chip {item.serial} in a "
                "reader and run the same command again to finish it"
            )
    for reader, serial, reason in summary.refusals:
        _say(f"refused in {reader}{f' (chip {serial})' if serial else ''}: {reason}")
    for reader in summary.readers_gone:
        _say(f"reader gone: {reader}")
    if summary.complete and summary.rate.progress.failed == 0:
        _say("run complete: every application issued")
        return 0
    if summary.rate.progress.failed:
        _say("failed applications are tried again only on request: --retry")
    return 1


def run(args: argparse.Namespace) -> int:
    def body() -> int:
        clock = system_clock
        name = _run_name(args, clock())
        store = open_store(args.db)
        try:
            planned = _plan(args, store)
            operator = _login(store, args.operator, clock())
            ledger = Ledger.open(store, name, planned, clock(), operator)
            if args.retry:
                _say(f"{ledger.retry(clock())} failed application(s) queued again")
            keys = station.open_keys(args)
            issuer = station.issuer()
            faces_dir = args.faces or platformdirs.user_data_path("card-station") / "faces" / name
            faces = RenderedFaces(keys, load_reference_data(default_fixtures_dir()), faces_dir, args.printer)
            personaliser = PersonalisationService(keys, issuer, DEVELOPMENT_TRANSPORT_KEY, clock)
            readers = PcscReaders()
            chosen = _readers(args.readers, readers.names())
            batch = BatchRun(
                ledger,
                personaliser=personaliser,
                faces=faces,
                feed=OperatorFeed(_say),
                readers=readers,
                clock=clock,
                report=_show,
            )
            recovered = ledger.recover(clock())
            if recovered:
                _say(
                    f"{recovered} card(s) were being written when the station stopped: each is finished "
                    "when its own card is in a reader"
                )
            _say(
                f"run {name!r} on {len(chosen)} reader(s): "
                f"{ledger.progress().remaining} application(s) to issue"
            )
            with _stopping_on_signals(batch):
                summary = batch.run(chosen)
            return _report(summary)
        finally:
            store.close()

    try:
        return station.reporting("batch", body)
    except (BatchListError, RunError, StoreError) as exc:
        print(f"card-station batch: {exc}", file=sys.stderr)
        return 2
