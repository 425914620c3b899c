"""What the card commands share: the station's key store (the embedded DEVELOPMENT default), the issuer,
the reader, and turning the card operations' errors into one clear line.

The key store lives in the station's data directory (platformdirs ``user_data_path("card-station")``
/ ``keys``), or where ``--keys`` or ``CARD_STATION_KEYS`` says. On first use a DEVELOPMENT store is
created there (docs/keys.md "File store"), under the passphrase of ``CARD_STATION_KEY_PASSPHRASE`` or,
failing that, a fixed development passphrase. Cards made with it are development cards: every command
says so on stderr, and they must never be issued.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs

from apdu.status import ApduError
from apdu.transport.pcsc import PcscTransport, list_readers
from card_station.applications import ApplicationFileError
from card_station.card.compose import Issuer, NotIssuable
from card_station.card.errors import CardLayoutError
from card_station.card.operation_errors import CardOperationError
from card_station.cli.reader_choice import resolve_reader
from card_station.domain.errors import DomainError
from card_station.domain.parameters import load_rule_parameters
from card_station.domain.reference.reference_data import default_fixtures_dir, load_reference_data
from card_station.keys import FileKeyStore
from card_station.keys.errors import KeysError
from card_station.services.clock import system_clock

KEYS_ENV = "CARD_STATION_KEYS"
PASSPHRASE_ENV = "CARD_STATION_KEY_PASSPHRASE"  # noqa: S105 - the variable's name, not a secret
STATION_ENV = "CARD_STATION_ID"
DEVELOPMENT_PASSPHRASE = "card-station-development"  # noqa: S105 - development store only, documented
DEVELOPMENT_STATION_ID = "DEV-STATION"
KNOWN_ERRORS = (
    ApduError,
    ApplicationFileError,
    CardLayoutError,
    CardOperationError,
    DomainError,
    KeysError,
    NotIssuable,
)


def add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reader", "-r", default="0", help="reader index, name, or part of a name")
    parser.add_argument(
        "--keys", type=Path, help=f"key store directory (default: ${KEYS_ENV} or the data dir)"
    )


def keys_directory(args: argparse.Namespace) -> Path:
    if args.keys is not None:
        return Path(args.keys)
    if os.environ.get(KEYS_ENV):
        return Path(os.environ[KEYS_ENV])
    return platformdirs.user_data_path("card-station") / "keys"


def open_keys(args: argparse.Namespace) -> FileKeyStore:
    """The station's key store, created as a DEVELOPMENT store on first use."""
    passphrase = os.environ.get(PASSPHRASE_ENV) or DEVELOPMENT_PASSPHRASE
    store = FileKeyStore.open_or_create_development(keys_directory(args), passphrase, system_clock())
    if store.is_development:
        print(
            f"card-station: DEVELOPMENT keys ({store.directory}): cards made or checked with them are "
            "development cards, NOT FOR ISSUE",
            file=sys.stderr,
        )
    return store


def station_id() -> str:
    return os.environ.get(STATION_ENV) or DEVELOPMENT_STATION_ID


def issuer() -> Issuer:
    return Issuer(station_id(), load_rule_parameters(), load_reference_data(default_fixtures_dir()))


@contextmanager
def connected(args: argparse.Namespace) -> Iterator[PcscTransport]:
    reader = resolve_reader(args.reader, [info.name for info in list_readers()])
    with PcscTransport(reader) as transport:
        yield transport


def reporting(command: str, body: Callable[[], int]) -> int:
    """Run ``body``; a known failure is one line on stderr and exit code 2, never a traceback."""
    try:
        return body()
    except KNOWN_ERRORS as exc:
        print(f"card-station {command}: {exc}", file=sys.stderr)
        return 2
