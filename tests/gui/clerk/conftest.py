"""The clerk's screens on the GUI tests' one station (``gui_station``, tests/gui/conftest.py) with a
ReaderWorker whose card jobs reach an emulated card through the loopback transport (tearing injection
lives there)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import select

from apdu.emulator import CardSize, EmulatedCard
from apdu.transport import Transport
from apdu.transport.loopback import LoopbackTransport
from card_station.store.models.operators import Operator
from gui.shell.context import AppContext, OperatorInfo, Station
from gui.shell.feedback import Feedback
from gui.worker import ReaderWorker


@pytest.fixture
def station(gui_station: Station) -> Station:
    return gui_station


@pytest.fixture
def card() -> EmulatedCard:
    return EmulatedCard(CardSize.K64, extended_length=True, t0=False)


@pytest.fixture
def worker(qtbot: object, card: EmulatedCard) -> Iterator[ReaderWorker]:
    """Card jobs on the worker thread, each connecting a fresh loopback transport to ``card``."""

    def connect(name: str) -> Transport:
        return LoopbackTransport(card, name)

    reader = ReaderWorker(connect=connect)
    reader.start()
    yield reader
    reader.stop()


@pytest.fixture
def context_for(station: Station, worker: ReaderWorker) -> Callable[[str], AppContext]:
    """The AppContext the shell would give after ``username`` logged in."""

    def make(username: str) -> AppContext:
        with station.store.read() as session:
            row = session.scalar(select(Operator).where(Operator.username == username))
            assert row is not None
            info = OperatorInfo(row.id, row.username, row.display_name, row.role)
        return AppContext(station, info, worker, Feedback())

    return make
