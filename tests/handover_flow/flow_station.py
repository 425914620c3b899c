"""Helpers of the handover flow tests. The station: a fresh copy of the session's station database
(tests/station_fixtures.py: a real SQLite store with the migrations, one operator of every role), the
development key store, the issuer, a controlled clock, the console SMS gateway writing into a buffer (the
test plays the beneficiary and reads the OTP from it), and the family-six-dependants
application entered by a clerk and verified by a verifier. Its two cards (the application asks for one
add-on card) are the two 64 KB cards of the session's private PC/SC stack (tests/conftest.py): reader 0
(T=1) and reader 2 (T=0), reached through pyscard -> pcscd -> vpcd -> the emulator.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import station_fixtures
from station_fixtures import FixedClock

from apdu.transport.pcsc import PcscTransport
from card_station.applications import ApplicationFile
from card_station.card.compose import Issuer
from card_station.card.personalise import Personalised
from card_station.card.session import DEVELOPMENT_TRANSPORT_KEY
from card_station.domain.handover import IST
from card_station.handover import OtpSecret
from card_station.keys import FileKeyStore
from card_station.services import applications
from card_station.services.counter import CounterService, store_hotlist
from card_station.services.handover import HandoverService
from card_station.services.personalisation import PersonalisationService
from card_station.services.tokens import TokenService
from card_station.sms import ConsoleGateway, OtpSmsTemplate, SmsGateway
from card_station.store import Store
from card_station.store.models.operators import Operator
from card_station.store.pii import DataKey

START = station_fixtures.START.astimezone(IST)
"""Cards personalised and the OTP sent on 23 Nov 2026 at 10:00 IST."""
MOBILE = "9876541234"
FAMILY = "family-six-dependants"
POLYCLINIC = "Delhi Cantt"
TEMPLATE = OtpSmsTemplate("1000000000000000000")
_OTP_IN_SMS = re.compile(r"OTP (\d{6})")


@dataclass
class Station:
    store: Store
    clock: FixedClock
    keys: FileKeyStore
    issuer: Issuer
    data_key: DataKey
    ops: dict[str, Operator]
    sms: io.StringIO

    def handover(self, gateway: SmsGateway | None = None, **limits: object) -> HandoverService:
        return HandoverService(
            store=self.store,
            keys=self.keys,
            gateway=gateway or ConsoleGateway(self.sms),
            template=TEMPLATE,
            clock=self.clock.now,
            secret=OtpSecret(self.data_key.otp_key),
            rules=self.issuer.rules,
            data_key=self.data_key,
            station_id=self.issuer.station_id,
            **limits,  # type: ignore[arg-type]
        )

    def counter(self) -> CounterService:
        return CounterService(self.keys.root_certificate(), self.clock.now, hotlist=store_hotlist(self.store))

    def tokens(self) -> TokenService:
        return TokenService(self.store, self.clock.now, polyclinic=POLYCLINIC)

    def last_sms_otp(self) -> str:
        """The OTP of the last console SMS: what the beneficiary reads on his phone."""
        found = _OTP_IN_SMS.findall(self.sms.getvalue())
        assert found, f"no SMS with an OTP was sent: {self.sms.getvalue()!r}"
        return found[-1]

    def enter_application(self, application: ApplicationFile, mobile: str | None = MOBILE) -> str:
        """A clerk enters and submits the application, a verifier verifies it; returns its key."""
        now = self.clock.now()
        with self.store.transaction() as session:
            row = applications.enter_application(
                session,
                self.ops["clerk"],
                application.application,
                mobile=mobile,
                aadhaar=None,
                data_key=self.data_key,
                now=now,
            )
            applications.submit_application(session, self.ops["clerk"], row.key, now=now)
            key = row.key
        with self.store.transaction() as session:
            applications.verify_application(session, self.ops["verifier"], key, now=now)
        return key

    def personalise(self, application: ApplicationFile, *cards: PcscTransport) -> tuple[Personalised, ...]:
        service = PersonalisationService(self.keys, self.issuer, DEVELOPMENT_TRANSPORT_KEY, self.clock.now)
        return tuple(service.personalise(card, application) for card in cards)


@dataclass(frozen=True)
class Family:
    """A family whose cards are personalised and recorded: its application key, service and cards."""

    key: str
    service: HandoverService
    personalised: tuple[Personalised, ...]

    @property
    def serials(self) -> tuple[str, ...]:
        return tuple(p.serial.hex().upper() for p in self.personalised)

    @property
    def card_number(self) -> str:
        return self.personalised[0].content.member.card_number


def ready_family(station: Station, application: ApplicationFile, *cards: PcscTransport) -> Family:
    """Entered, verified, personalised on ``cards`` and recorded: ready for the OTP."""
    key = station.enter_application(application)
    done = station.personalise(application, *cards)
    service = station.handover()
    service.record_personalised(station.ops["clerk"], key, done)
    return Family(key, service, done)


def handed_over_family(station: Station, application: ApplicationFile, *cards: PcscTransport) -> Family:
    """Ready, OTP sent by SMS and entered at 11:00 IST, every card written: active from 13:00 IST."""
    family = ready_family(station, application, *cards)
    assert family.service.send_otp(station.ops["clerk"], family.key).sent
    station.clock.set(START.replace(hour=11))
    run = family.service.hand_over(station.ops["clerk"], family.key, station.last_sms_otp(), cards)
    assert run.check is not None and run.check.accepted and run.problem is None
    return family
