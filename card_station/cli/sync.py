"""``card-station sync`` (one sync round with the central service) and ``card-station fma-reconcile``
(the monthly FMA reconciliation of seed 003 §14(a)(iv), §14(b)(iv)).

Where the centre and the credential come from: ``--central`` or ``CARD_STATION_CENTRAL_URL``, and
``--credential-file`` or ``CARD_STATION_CREDENTIAL_FILE`` (default: ``central-credential`` in the data
directory), a file holding the credential printed by ``card-station central station add``, readable only by
the station's account. Exit codes: 0 done, 2 refused or misconfigured (not retried), 3 the centre stayed
unavailable after the retries (run again later; nothing was lost).
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from datetime import date
from pathlib import Path

from card_station.central.credentials import Credential, CredentialError
from card_station.store.database import open_store
from card_station.store.errors import StoreError
from card_station.store.location import data_dir
from card_station.sync.client import DEFAULT_TIMEOUT_S, CentralClient
from card_station.sync.engine import DEFAULT_BATCH, Syncer
from card_station.sync.errors import CentralUnavailable, SyncError
from card_station.sync.reconcile import FmaRecord, ReconciliationError, reconcile
from card_station.sync.station import StoreStation

URL_ENV = "CARD_STATION_CENTRAL_URL"
CREDENTIAL_ENV = "CARD_STATION_CREDENTIAL_FILE"


class _Misconfigured(Exception):
    pass


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--central", metavar="URL", help=f"the central service (default: ${URL_ENV})")
    parser.add_argument(
        "--credential-file", metavar="PATH", type=Path, help=f"credential file (default: ${CREDENTIAL_ENV})"
    )
    parser.add_argument("--db", metavar="PATH", help="the station database (default: $CARD_STATION_DB)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S, help="seconds per request")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("sync", help="send the outbox to the central service and pull its updates, once")
    _common(parser)
    parser.add_argument("--batch", type=int, default=DEFAULT_BATCH, help=f"events a batch ({DEFAULT_BATCH})")
    parser.set_defaults(run=run)
    recon = sub.add_parser("fma-reconcile", help="compare the station's FMA list with the centre's (monthly)")
    _common(recon)
    recon.add_argument("--out", metavar="CSV", type=Path, required=True, help="CSV of differences to write")
    recon.set_defaults(run=run_reconcile)


def _client(args: argparse.Namespace) -> CentralClient:
    url = args.central or os.environ.get(URL_ENV)
    if not url:
        raise _Misconfigured(f"no central service: give --central URL or set {URL_ENV}")
    path = args.credential_file or Path(os.environ.get(CREDENTIAL_ENV) or data_dir() / "central-credential")
    try:
        credential = Credential.parse(path.read_text(encoding="ascii"))
    except OSError as exc:
        raise _Misconfigured(
            f"cannot read the station credential at {path} ({exc.strerror}); give --credential-file or set "
            f"{CREDENTIAL_ENV}"
        ) from None
    except (CredentialError, UnicodeDecodeError) as exc:
        raise _Misconfigured(f"{path}: {exc}") from None
    return CentralClient(url, credential, timeout_s=args.timeout)


def _fail(command: str, exc: BaseException) -> int:
    print(f"card-station {command}: {exc}", file=sys.stderr)
    return 3 if isinstance(exc, CentralUnavailable) else 2


def run(args: argparse.Namespace) -> int:
    try:
        store = open_store(args.db)
    except StoreError as exc:
        return _fail("sync", exc)
    try:
        with _client(args) as client:
            syncer = Syncer(StoreStation(store), client, sleep=threading.Event().wait, batch_size=args.batch)
            report = syncer.run_once()
    except (_Misconfigured, SyncError, ValueError) as exc:
        return _fail("sync", exc)
    finally:
        store.close()
    print(
        f"sent {report.sent} events in {report.batches} batches; applied {report.received} items from the "
        f"centre; cursor {report.cursor}"
    )
    return 0


def run_reconcile(args: argparse.Namespace) -> int:
    try:
        store = open_store(args.db)
    except StoreError as exc:
        return _fail("fma-reconcile", exc)
    try:
        station = StoreStation(store).fma_records()
        with _client(args) as client:
            centre = [FmaRecord.from_data(key, data, "centre") for key, data in client.fma_list()]
        report = reconcile(station, centre, date.today())
        args.out.write_text(report.csv(), encoding="utf-8", newline="")
    except (_Misconfigured, SyncError, ReconciliationError, OSError) as exc:
        return _fail("fma-reconcile", exc)
    finally:
        store.close()
    print(report.summary())
    print(f"differences written to {args.out}")
    return 0 if report.agreed else 1
