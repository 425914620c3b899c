"""The issuing screen over the real parts: the GUI station of tests/gui/conftest.py (a real SQLite store
with the migrations, a development key store, the real services), its ReaderWorker on the session's
private pcscd, and the session's four vpcd readers emptied and fed from an emulated card hopper
(card_station/issuing/batch/emulated.py). The session's own cards go back into their readers afterwards,
so the other PC/SC tests find the stack as they expect it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from apdu.emulator.stack import EmulatorStack
from apdu.transport import pcsc
from card_station.store.models.operators import Operator
from gui.shell.context import AppContext, OperatorInfo, Station
from gui.shell.feedback import Feedback
from gui.worker import ReaderWorker


@pytest.fixture
def empty_readers(pcsc_stack: EmulatorStack) -> Iterator[EmulatorStack]:
    """All four readers of the session stack, emptied for the run; its cards go back afterwards."""
    stack = pcsc_stack
    originals = [(i, stack.card(i), stack.bridge(i).inserted) for i in range(len(stack.reader_names))]
    for index, _, _ in originals:
        stack.remove(index)
    for name in stack.reader_names:
        pcsc.wait_for_removal(name, timeout=30)
    try:
        yield stack
    finally:
        for index, _, _ in originals:
            stack.remove(index)
        for name in stack.reader_names:
            pcsc.wait_for_removal(name, timeout=30)
        for index, card, inserted in originals:
            if card is not None and inserted:
                stack.insert(index, card)
                pcsc.wait_for_card(stack.reader_names[index], timeout=30)


@pytest.fixture
def issuing_worker(qtbot: QtBot, empty_readers: EmulatorStack) -> Iterator[ReaderWorker]:
    """The app's reader worker on the emptied readers. It is stopped while the readers are quiet (every
    card out), before the session's cards go back: its watcher is woken by SCardCancel, which wakes only
    a wait already in progress, so a stop that lands while it handles a burst of events could wait for
    ever."""
    worker = ReaderWorker()
    worker.start()
    qtbot.waitUntil(lambda: len(worker.readers()) == len(empty_readers.reader_names), timeout=10_000)
    yield worker
    qtbot.waitUntil(lambda: not any(state.card_present for state in worker.readers()), timeout=30_000)
    worker.stop()


@pytest.fixture
def clerk_context(gui_station: Station, issuing_worker: ReaderWorker) -> AppContext:
    """What the shell gives a screen after the clerk logged in."""
    return context_of(gui_station, issuing_worker, "clerk")


def context_of(station: Station, worker: ReaderWorker, username: str) -> AppContext:
    with station.store.read() as session:
        row = session.scalar(select(Operator).where(Operator.username == username))
        assert row is not None
        info = OperatorInfo(row.id, row.username, row.display_name, row.role)
    return AppContext(station, info, worker, Feedback())
