"""What a screen is given (docs/gui.md "AppContext"): collaborators passed in, never reached for."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from card_station.card.compose import Issuer
from card_station.keys import KeyStore
from card_station.services.clock import Clock
from card_station.services.counter import CounterRead, CounterService
from card_station.services.endorsement import EndorsementService
from card_station.services.handover import HandoverService
from card_station.services.personalisation import PersonalisationService
from card_station.sms import SmsGateway
from card_station.store import Store
from card_station.store.pii import DataKey
from card_station.store.roles import OperatorRef, Role

if TYPE_CHECKING:
    from gui.shell.feedback import Feedback
    from gui.worker import ReaderWorker


@dataclass(frozen=True)
class OperatorInfo:
    """The logged-in operator as a plain record (the ORM row stays in its session). It is what services
    take as ``store.roles.OperatorRef``: they reload the row by ``id`` and check its role themselves."""

    id: int
    username: str
    display_name: str
    role: Role
    active: bool = True


class TokenIssuer(Protocol):
    """``card_station.services.tokens.TokenService`` as the counter screen uses it (docs/handover.md)."""

    def allowed_care(self, read: CounterRead, person_id: str) -> tuple[Any, ...]: ...

    def issue(self, operator: OperatorRef, read: CounterRead, *, person_id: str, care: Any) -> Any: ...


@dataclass(frozen=True)
class Services:
    counter: CounterService
    personalisation: PersonalisationService
    endorsement: EndorsementService
    sms: SmsGateway
    handover: HandoverService
    """Over the configured SMS gateway and OTP template (``card-station gui --sms``, docs/sms.md)."""
    tokens: TokenIssuer | None = None
    """None where no counter runs (a clerk-only station, the clerk's tests): the counter screen says so."""


@dataclass(frozen=True)
class Station:
    """Everything that exists before anyone logs in."""

    store: Store
    keys: KeyStore
    issuer: Issuer
    clock: Clock
    services: Services
    transport_key: bytes
    central_url: str | None
    data_dir: Path
    data_key: DataKey
    """Encrypts PII at rest and keys the OTP HMAC (docs/store.md "PII encryption")."""

    def __repr__(self) -> str:
        return f"Station(station={self.issuer.station_id!r}, db={self.store.path})"


@dataclass(frozen=True)
class AppContext:
    station: Station
    operator: OperatorInfo
    reader: ReaderWorker
    feedback: Feedback

    def __repr__(self) -> str:
        return f"AppContext(operator={self.operator.username!r})"

    @property
    def store(self) -> Store:
        return self.station.store

    @property
    def keys(self) -> KeyStore:
        return self.station.keys

    @property
    def issuer(self) -> Issuer:
        return self.station.issuer

    @property
    def clock(self) -> Clock:
        return self.station.clock

    @property
    def services(self) -> Services:
        return self.station.services

    @property
    def transport_key(self) -> bytes:
        return self.station.transport_key
