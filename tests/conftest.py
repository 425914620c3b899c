"""Session-wide test setup: a private PC/SC stack (pyscard -> private pcscd -> vpcd -> emulated cards).

libpcsclite reads ``PCSCLITE_CSOCK_NAME`` once per process, at the first PC/SC call, so it is set here at
import time, before any test module can touch pyscard, to where the private pcscd's socket WILL be. The
stack itself starts lazily: only a session that uses a ``pcsc_*`` fixture pays for it (about 0.1 s, plus
about 0.4 s for pcscd to poll the cards in). The system pcscd and real readers are never touched: pcscd
runs in its own mount namespace (docs/pcsc.md).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from apdu.emulator.stack import EmulatorStack
    from apdu.transport.pcsc import PcscTransport

_PCSC_WORKDIR = Path(tempfile.mkdtemp(prefix="cs-pcsc-"))
os.environ["PCSCLITE_CSOCK_NAME"] = str(_PCSC_WORKDIR / "run" / "pcscd" / "pcscd.comm")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
atexit.register(shutil.rmtree, _PCSC_WORKDIR, ignore_errors=True)

pytest_plugins = ["station_fixtures"]
"""The station database fixtures (tests/station_fixtures.py) every store-backed folder shares."""

READER_64K = 0
READER_32K = 1
READER_T0 = 2
READER_EMPTY = 3


@dataclass(frozen=True)
class PcscSession:
    """The running stack and the blank state of each of its cards, for resetting between tests."""

    stack: EmulatorStack
    blanks: tuple[bytes | None, ...]


@pytest.fixture(scope="session")
def pcsc_stack() -> Iterator[EmulatorStack]:
    """4 vpcd readers: 64K (T=1, extended) in 0, 32K in 1, 64K T=0 in 2, 3 empty."""
    from apdu.emulator import CardSize, EmulatedCard
    from apdu.emulator.stack import EmulatorStack, Isolation, socket_path_for
    from apdu.transport import pcsc

    assert str(socket_path_for(_PCSC_WORKDIR)) == os.environ["PCSCLITE_CSOCK_NAME"]
    cards = [
        EmulatedCard(CardSize.K64, extended_length=True, t0=False),
        EmulatedCard(CardSize.K32, extended_length=True, t0=False),
        EmulatedCard(CardSize.K64, extended_length=False, t0=True),
        None,
    ]
    stack = EmulatorStack(4, cards, workdir=_PCSC_WORKDIR, isolation=Isolation.NAMESPACE)
    stack.start()
    try:
        for index in (READER_64K, READER_32K, READER_T0):
            pcsc.wait_for_card(stack.reader_names[index], timeout=30)
        yield stack
    finally:
        stack.stop()


@pytest.fixture(scope="session")
def _pcsc_session(pcsc_stack: EmulatorStack) -> PcscSession:
    blanks = tuple(None if card is None else card.snapshot() for card in map(pcsc_stack.card, range(4)))
    return PcscSession(pcsc_stack, blanks)


def _fresh_transport(session: PcscSession, index: int) -> Iterator[PcscTransport]:
    """Reader ``index`` with its card back in, restored to blank, and a connected transport to it."""
    from apdu.transport import pcsc

    stack = session.stack
    card = stack.card(index)
    blank = session.blanks[index]
    assert card is not None and blank is not None
    card.restore(blank)
    if not stack.bridge(index).inserted:
        pcsc.wait_for_removal(stack.reader_names[index], timeout=30)
        stack.insert(index)
    pcsc.wait_for_card(stack.reader_names[index], timeout=30)
    transport = pcsc.PcscTransport(stack.reader_names[index])
    transport.connect()
    transport.reset()
    try:
        yield transport
    finally:
        transport.disconnect()


@pytest.fixture
def pcsc_transport(_pcsc_session: PcscSession) -> Iterator[PcscTransport]:
    """A connected PcscTransport to a blank 64K card (T=1, extended length) in reader 0."""
    yield from _fresh_transport(_pcsc_session, READER_64K)


@pytest.fixture
def pcsc_transport_32k(_pcsc_session: PcscSession) -> Iterator[PcscTransport]:
    """A connected PcscTransport to a blank 32K card in reader 1."""
    yield from _fresh_transport(_pcsc_session, READER_32K)


@pytest.fixture
def pcsc_transport_t0(_pcsc_session: PcscSession) -> Iterator[PcscTransport]:
    """A connected PcscTransport to a blank 64K T=0 card (short APDUs only) in reader 2."""
    yield from _fresh_transport(_pcsc_session, READER_T0)
