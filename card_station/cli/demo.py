"""``card-station demo``: the main job end to end on the embedded default, with no hardware.

The embedded default is a private pcscd with virtual readers and emulated cards, a local SQLite database
and the console SMS gateway. On a temporary store and key store (DEVELOPMENT keys), with a controlled
clock starting today at 10:00 IST: a clerk enters the sample application of fixtures/applications/ and a
verifier checks it (maker-checker); its two cards (master and one add-on, seed 002 §3) are personalised
on emulated 64 KB cards in two virtual readers, driven through pyscard as real readers are; the OTP goes
out through the console gateway (the SMS is printed); the OTP is entered at 11:00 IST and every card is
handed over; the counter refuses the card at 12:30 IST as not yet active and issues a token at 13:05 IST
(seed 000 §5(c)). One short line per step; everything is deleted at the end.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import secrets
import sys
import tempfile
from datetime import datetime, time, timedelta
from pathlib import Path

from apdu.emulator import CardSize, EmulatedCard
from apdu.emulator.stack import EmulatorStack
from apdu.transport.pcsc import PcscTransport, wait_for_card
from card_station.applications import ApplicationFile, sample
from card_station.card.compose import Issuer
from card_station.card.session import DEVELOPMENT_TRANSPORT_KEY
from card_station.cli import gui
from card_station.domain.handover import IST
from card_station.domain.parameters import load_rule_parameters
from card_station.domain.reference.reference_data import default_fixtures_dir, load_reference_data
from card_station.handover import OtpSecret
from card_station.keys import FileKeyStore
from card_station.services import applications, operators
from card_station.services.counter import CounterService, store_hotlist
from card_station.services.handover import HandoverService
from card_station.services.personalisation import PersonalisationService
from card_station.services.status import portal_status
from card_station.services.tokens import Care, TokenService
from card_station.sms import ConsoleGateway
from card_station.sms.config import DEVELOPMENT_CONFIG
from card_station.store import Store, open_store
from card_station.store.models.operators import Operator
from card_station.store.pii import DataKey
from card_station.store.roles import Role

SAMPLE = "family-six-dependants"
DEMO_MOBILE = "9876541234"
POLYCLINIC = "Delhi Cantt"
STATION_ID = "DEMO-STATION"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "demo", help="run the main job end to end: private pcscd, emulated cards, SQLite, console SMS"
    )
    parser.add_argument("--gui", action="store_true", help="start the desktop app on the demo station")
    parser.set_defaults(run=run)


class DemoClock:
    """The demo's controlled clock: today in IST, moved step by step."""

    def __init__(self, start: datetime) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def at(self, hour: int, minute: int = 0) -> datetime:
        self.current = self.current.replace(hour=hour, minute=minute)
        return self.current


class _Tee(io.StringIO):
    """The console SMS both shown and kept, so that the demo can play the beneficiary."""

    def write(self, text: str) -> int:
        sys.stdout.write("  " + text)
        return super().write(text)


def _step(text: str) -> None:
    print(text, flush=True)


def run(args: argparse.Namespace) -> int:
    if args.gui:
        return gui.run_demo(args)
    cards = [EmulatedCard(CardSize.K64), EmulatedCard(CardSize.K64)]
    with tempfile.TemporaryDirectory(prefix="card-station-demo-") as folder, EmulatorStack(2, cards) as stack:
        # libpcsclite reads this once, at this process's first PC/SC call, which comes later.
        os.environ.update(stack.environ())
        return _main_job(Path(folder), stack)


def _main_job(folder: Path, stack: EmulatorStack) -> int:
    today = datetime.now(IST).date()
    clock = DemoClock(datetime.combine(today, time(10, 0), tzinfo=IST))
    _step(f"1. private pcscd {stack.socket_path}; readers: {', '.join(stack.reader_names)}")
    store = open_store(folder / "station.db")
    keys = FileKeyStore.create_development(folder / "keys", secrets.token_urlsafe(16), clock() - timedelta(1))
    data_key = DataKey(secrets.token_bytes(32))
    issuer = Issuer(STATION_ID, load_rule_parameters(), load_reference_data(default_fixtures_dir()))
    password = secrets.token_urlsafe(16)
    with store.transaction() as session:
        admin = operators.bootstrap_admin(session, "admin", "Administrator", password, now=clock())
        ops = {
            name: operators.create_operator(
                session, admin, name, display_name=name.title(), role=role, password=password, now=clock()
            )
            for name, role in (("clerk", Role.CLERK), ("verifier", Role.VERIFIER), ("counter", Role.COUNTER))
        }
    _step(f"2. station database {store.path.name} (SQLite, migrated); operators clerk, verifier, counter")

    application = sample(SAMPLE)
    key = _enter_and_verify(store, ops, data_key, clock, application)

    personaliser = PersonalisationService(keys, issuer, DEVELOPMENT_TRANSPORT_KEY, clock)
    done = []
    for reader in stack.reader_names:
        wait_for_card(reader, timeout=30)
        with PcscTransport(reader) as card:
            done.append(personaliser.personalise(card, application))
        serial = done[-1].serial.hex().upper()
        _step(f"4. personalised card {done[-1].content.member.card_number} on a 64 KB card in {reader}")
        _step(f"   chip {serial}: {done[-1].bytes_written} bytes written, verified genuine")
    sms = _Tee()
    handover = HandoverService(
        store=store,
        keys=keys,
        gateway=ConsoleGateway(sms),
        template=DEVELOPMENT_CONFIG.template,
        clock=clock,
        secret=OtpSecret(data_key.otp_key),
        rules=issuer.rules,
        data_key=data_key,
        station_id=STATION_ID,
    )
    handover.record_personalised(ops["clerk"], key, done)
    card_number = done[0].content.member.card_number

    _step("5. the clerk sends the handover OTP (console SMS gateway):")
    sent = handover.send_otp(ops["clerk"], key)
    _step(f"   status of {card_number}: {portal_status(store, card_number, clock()).headline}")
    otp = re.findall(r"OTP (\d{6})", sms.getvalue())[-1]

    clock.at(11)
    with PcscTransport(stack.reader_names[0]) as first, PcscTransport(stack.reader_names[1]) as second:
        result = handover.hand_over(ops["clerk"], key, otp, [first, second])
    if not sent.sent or result.progress is None or not result.progress.complete:
        _step(f"   the handover did not complete: {sent.status_text}; {result.problem}")
        return 1
    status = portal_status(store, card_number, clock())
    _step(
        f"6. 11:00 IST: the beneficiary gives the OTP; {len(result.cards)} cards handed over; "
        f"{status.headline}, {status.lines[0]}"
    )

    counter = CounterService(keys.root_certificate(), clock, hotlist=store_hotlist(store))
    with PcscTransport(stack.reader_names[0]) as card:
        clock.at(12, 30)
        early = counter.read(card).decision
        _step(f"7. counter at 12:30 IST: {early.verdict.value.upper()}: {'; '.join(early.reasons)}")
        clock.at(13, 5)
        read = counter.read(card)
    tokens = TokenService(store, clock, polyclinic=POLYCLINIC)
    token = tokens.issue(ops["counter"], read, person_id="M", care=Care.OPD)
    eligible = sum(p.eligible for p in read.decision.persons)
    _step(
        f"8. counter at 13:05 IST: {read.decision.verdict.value.upper()}, {eligible} of "
        f"{len(read.decision.persons)} persons eligible today; token {token.token_no} ({token.care.name}) "
        f"for {token.person_name} at {POLYCLINIC}"
    )
    store.close()
    return 0 if token.issued else 1


def _enter_and_verify(
    store: Store, ops: dict[str, Operator], data_key: DataKey, clock: DemoClock, application: ApplicationFile
) -> str:
    """The clerk enters and submits the application; the verifier, a second operator, verifies it."""
    with store.transaction() as session:
        row = applications.enter_application(
            session,
            ops["clerk"],
            application.application,
            mobile=DEMO_MOBILE,
            aadhaar=None,
            data_key=data_key,
            now=clock(),
        )
        applications.submit_application(session, ops["clerk"], row.key, now=clock())
        key = row.key
    with store.transaction() as session:
        applications.verify_application(session, ops["verifier"], key, now=clock())
    member = application.application.member
    _step(
        f"3. application of {member.name} ({member.rank}, {member.service_number}) with "
        f"{len(application.application.dependants)} dependants entered by clerk, verified by verifier"
    )
    return key
