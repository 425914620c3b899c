"""The conformance suite runs every test twice: over ``LoopbackTransport`` to an in-process
``EmulatedCard``, and over the real stack (pyscard -> private pcscd -> vpcd -> emulator, fixtures of
tests/conftest.py). Both go through the same ``Iso7816`` object, so any difference between the paths
(T=0 GET RESPONSE, extended length through pcsc-lite, vpcd framing) shows up as a failing pcsc case.

Each ``Session`` also wraps its transport in a ``TracingTransport``, so tests can count APDUs and
compare the status words of a scripted session across the two paths.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from apdu.emulator import CardSize, EmulatedCard
from apdu.iso7816 import Iso7816
from apdu.transport import Transport
from apdu.transport.loopback import LoopbackTransport
from apdu.transport.tracing import Trace, TracingTransport

PATHS = ["loopback", pytest.param("pcsc", marks=pytest.mark.pcsc)]


@dataclass
class Session:
    """One card connection: the command layer, its trace, and what the card is."""

    iso: Iso7816
    trace: Trace
    path: str
    transport: Transport

    @property
    def apdus(self) -> int:
        return len(self.trace.exchanges)

    @property
    def status_words(self) -> list[str]:
        return [entry.sw for entry in self.trace.exchanges]

    def reopen(self, *, extended: bool | None = None) -> Session:
        """A second command layer on the same connection (for example forced to short APDUs)."""
        trace = Trace()
        return Session(
            Iso7816(TracingTransport(self.transport, trace), extended=extended),
            trace,
            self.path,
            self.transport,
        )


def _session(request: pytest.FixtureRequest, pcsc_fixture: str, card: EmulatedCard) -> Iterator[Session]:
    path: str = request.param
    transport: Transport
    if path == "loopback":
        loopback = LoopbackTransport(card, name=f"loopback {card.atr.hex()}")
        loopback.connect()
        transport = loopback
    else:
        transport = request.getfixturevalue(pcsc_fixture)
    trace = Trace()
    session = Session(Iso7816(TracingTransport(transport, trace)), trace, path, transport)
    yield session
    if path == "loopback":
        transport.disconnect()


@pytest.fixture(params=PATHS)
def card(request: pytest.FixtureRequest) -> Iterator[Session]:
    """A blank 64 KB card, T=1, extended length."""
    yield from _session(request, "pcsc_transport", EmulatedCard(CardSize.K64, extended_length=True, t0=False))


@pytest.fixture(params=PATHS)
def card_32k(request: pytest.FixtureRequest) -> Iterator[Session]:
    """A blank 32 KB card, T=1, extended length."""
    yield from _session(
        request, "pcsc_transport_32k", EmulatedCard(CardSize.K32, extended_length=True, t0=False)
    )


@pytest.fixture(params=PATHS)
def card_t0(request: pytest.FixtureRequest) -> Iterator[Session]:
    """A blank 64 KB card offering T=0 only, without extended length."""
    yield from _session(
        request, "pcsc_transport_t0", EmulatedCard(CardSize.K64, extended_length=False, t0=True)
    )
