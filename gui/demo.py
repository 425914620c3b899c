"""The embedded default for the desktop app (``card-station demo --gui``): a private pcscd with emulated
readers, a demo database with operators and sample applications, development keys and the console SMS
gateway, so that every screen can be tried with no hardware and no central service.

Readers (docs/gui.md "Demo"): 0 holds a blank 64 KB card and 1 a blank 32 KB card (for the clerk and the
technician's round trip); 2 holds an issued, handed-over, active card and 3 an issued card not yet handed
over (for the counter: a green and a red banner). Everything lives in one folder, a temporary one unless
the caller gives a folder to keep.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TextIO

from apdu.emulator import CardSize, EmulatedCard
from apdu.emulator.stack import EmulatorStack
from apdu.transport.loopback import LoopbackTransport
from apdu.transport.pcsc import wait_for_card
from card_station.applications import sample
from card_station.card.compose import Issuer
from card_station.card.session import DEVELOPMENT_TRANSPORT_KEY
from card_station.domain.parameters import load_rule_parameters
from card_station.domain.reference.reference_data import default_fixtures_dir, load_reference_data
from card_station.keys import FileKeyStore
from card_station.services import applications, operators
from card_station.services.clock import Clock, system_clock
from card_station.services.endorsement import EndorsementService
from card_station.services.personalisation import PersonalisationService
from card_station.sms import ConsoleGateway
from card_station.store import Store, open_store
from card_station.store.pii import DataKey
from card_station.store.roles import Role
from gui.app import build_station
from gui.shell.context import Station

DEMO_PASSWORD = "demo-password"  # noqa: S105 - the demo's documented password, printed on start
DEMO_STATION_ID = "DEMO-STN-01"
DEMO_KEY_PASSPHRASE = "card-station-demo"  # noqa: S105 - development key store of the demo only
OPERATORS = {
    "admin": ("Demo Administrator", Role.ADMIN),
    "clerk": ("Demo Clerk", Role.CLERK),
    "verifier": ("Demo Verifier", Role.VERIFIER),
    "counter": ("Demo Counter Operator", Role.COUNTER),
    "technician": ("Demo Technician", Role.TECHNICIAN),
}
SAMPLES = (
    "family-six-dependants",
    "war-widow",
    "disabled-child",
    "remarried-widow",
    "widow-pensioner-parents-in-law",
)
ISSUED_SAMPLE = "family-six-dependants"
NOT_HANDED_OVER_SAMPLE = "war-widow"
READER_BLANK_64K = 0
READER_BLANK_32K = 1
READER_ACTIVE = 2
READER_NOT_HANDED_OVER = 3
DEMO_MOBILE = "9876500000"
DEMO_POLYCLINIC = "Delhi Cantt"
"""The demo counter's token queue: the issued sample card's parent polyclinic."""


@dataclass(frozen=True)
class DemoEnvironment:
    """The running demo: its emulator stack (insert and remove cards with it) and the station."""

    stack: EmulatorStack
    station: Station
    folder: Path

    @property
    def reader_names(self) -> list[str]:
        return self.stack.reader_names


def _populate(store: Store, data_key: DataKey, now: datetime) -> None:
    """The demo operators (one per role, one password) and the sample applications as drafts."""
    with store.transaction() as session:
        admin = operators.bootstrap_admin(session, "admin", OPERATORS["admin"][0], DEMO_PASSWORD, now=now)
        made = {"admin": admin}
        for username, (display_name, role) in OPERATORS.items():
            if username != "admin":
                made[username] = operators.create_operator(
                    session,
                    admin,
                    username,
                    display_name=display_name,
                    role=role,
                    password=DEMO_PASSWORD,
                    now=now,
                )
        for index, name in enumerate(SAMPLES):
            applications.enter_application(
                session,
                made["clerk"],
                sample(name).application,
                mobile=f"{DEMO_MOBILE[:-1]}{index}",
                aadhaar=None,
                data_key=data_key,
                now=now,
            )


def issued_card(
    keys: FileKeyStore, issuer: Issuer, sample_name: str, personalised_at: datetime, *, handed_over: bool
) -> EmulatedCard:
    """An emulated 64 KB card personalised with a sample (in process, over loopback) and, if asked, handed
    over at ``personalised_at`` (active from 13:00 IST that day or the next: seed 000 §5(c))."""
    card = EmulatedCard(CardSize.K64)
    transport = LoopbackTransport(card, name="demo issuing")
    transport.connect()
    try:
        clock: Clock = lambda: personalised_at  # noqa: E731 - a fixed clock for the demo's issue
        PersonalisationService(keys, issuer, DEVELOPMENT_TRANSPORT_KEY, clock).personalise(
            transport, sample(sample_name)
        )
        if handed_over:
            EndorsementService(keys, issuer.station_id, issuer.rules, clock).hand_over(
                transport, personalised_at
            )
    finally:
        transport.disconnect()
    return card


@contextmanager
def demo_environment(
    folder: Path | None = None, *, clock: Clock = system_clock, sms_sink: TextIO | None = None
) -> Iterator[DemoEnvironment]:
    """Start the demo; SMS go to ``sms_sink`` (default: this terminal). On exit stop pcscd and, for a
    temporary folder, delete everything.

    The private pcscd's socket goes into this process's environment (``PCSCLITE_CSOCK_NAME``) before the
    first PC/SC call: libpcsclite reads it once per process (shared/notes/pcsc-test-stack.md). A process
    that already talked to another pcscd cannot switch: run the demo in a fresh process.
    """
    own = folder is None
    root = Path(tempfile.mkdtemp(prefix="cs-demo-")) if folder is None else Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    now = clock()
    issuer = Issuer(DEMO_STATION_ID, load_rule_parameters(), load_reference_data(default_fixtures_dir()))
    keys = FileKeyStore.open_or_create_development(
        root / "keys", DEMO_KEY_PASSPHRASE, now - timedelta(days=3)
    )
    data_key = DataKey.load_or_create(root / "station-data.key")
    fresh = not (root / "station.db").exists()
    store = open_store(root / "station.db")
    if fresh:
        _populate(store, data_key, now)
    cards = [
        EmulatedCard(CardSize.K64),
        EmulatedCard(CardSize.K32),
        issued_card(keys, issuer, ISSUED_SAMPLE, now - timedelta(days=2), handed_over=True),
        issued_card(keys, issuer, NOT_HANDED_OVER_SAMPLE, now - timedelta(days=1), handed_over=False),
    ]
    stack = EmulatorStack(4, cards, state_dir=root / "cards", workdir=root / "pcsc")
    os.environ.update(stack.environ())
    stack.start()
    try:
        for index in range(len(cards)):
            wait_for_card(stack.reader_names[index], timeout=30)
        station = build_station(
            store=store,
            keys=keys,
            issuer=issuer,
            clock=clock,
            sms=ConsoleGateway(sms_sink),
            transport_key=DEVELOPMENT_TRANSPORT_KEY,
            central_url=None,
            data_dir=root,
            data_key=data_key,
            polyclinic=DEMO_POLYCLINIC,
        )
        yield DemoEnvironment(stack, station, root)
    finally:
        stack.stop()
        store.close()
        if own:
            shutil.rmtree(root, ignore_errors=True)
