"""Readers and cards while the app runs (issue 7 "Everyone"): the worker thread owns the reader, reports by
signals, and notices a card pulled and readers that disappear and come back (pcscd stopped and started
again: every reader is pulled at once, then plugged in)."""

from __future__ import annotations

import pytest
from gui_helpers import issue_card, log_in
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from smartcard import scard

from apdu.emulator.stack import EmulatorStack
from apdu.transport import pcsc
from card_station.card.decision import CardVerdict
from gui.app import CardStationApp
from gui.counter.screen import CounterScreen
from gui.shell.main_window import MainWindow
from gui.worker import ReaderWorker
from gui.worker.watcher import ReaderWatcher


def test_the_status_bar_follows_the_readers_and_the_card(
    qtbot: QtBot, gui_shell: CardStationApp, gui_stack: EmulatorStack, gui_worker: ReaderWorker
) -> None:
    main = log_in(qtbot, gui_shell, "counter")
    status = main.status
    names = gui_stack.reader_names
    assert [status.readers.itemText(i) for i in range(status.readers.count())] == names
    assert status.card.text() == "Card present"
    qtbot.keyClick(main, Qt.Key.Key_F4)
    assert status.readers.view().isVisible()
    status.readers.hidePopup()
    qtbot.keyClick(status.readers, Qt.Key.Key_End)
    assert gui_worker.selected == names[3]
    assert status.card.text() == "No card"


def test_readers_pulled_and_plugged_while_running_are_noticed(
    qtbot: QtBot, gui_shell: CardStationApp, gui_stack: EmulatorStack, gui_worker: ReaderWorker
) -> None:
    issue_card(gui_shell.station, gui_stack.reader_names[0])
    main = log_in(qtbot, gui_shell, "counter")
    screen = main.screens["counter.read"]
    assert isinstance(screen, CounterScreen)
    qtbot.waitUntil(lambda: screen.read is not None, timeout=10_000)
    assert screen.read is not None and screen.read.decision.verdict is CardVerdict.ACTIVE
    try:
        _pull_and_plug(qtbot, gui_stack, gui_worker, main, screen)
    finally:
        if not gui_stack.pcscd.running:
            gui_stack.start()


def _pull_and_plug(
    qtbot: QtBot, gui_stack: EmulatorStack, gui_worker: ReaderWorker, main: MainWindow, screen: CounterScreen
) -> None:
    with qtbot.waitSignal(gui_worker.service_changed, timeout=15_000) as gone:
        gui_stack.stop()
    assert gone.args[0] is False
    qtbot.waitUntil(lambda: gui_worker.readers() == (), timeout=5_000)
    assert main.status.card.text() == "PC/SC service not reachable"
    assert main.status.readers.count() == 0
    assert screen.read is None
    assert screen.banner.message == "Insert a card"
    with qtbot.waitSignal(gui_worker.service_changed, timeout=15_000) as back:
        gui_stack.start()
    assert back.args[0] is True
    for name in gui_stack.reader_names[:3]:
        pcsc.wait_for_card(name, timeout=30)
    qtbot.waitUntil(lambda: len(gui_worker.readers()) == 4, timeout=10_000)
    qtbot.waitUntil(lambda: screen.read is not None, timeout=10_000)
    assert screen.read is not None and screen.read.decision.verdict is CardVerdict.ACTIVE
    assert main.status.readers.count() == 4
    assert main.status.card.text() == "Card present"


def test_a_stop_that_lands_between_two_pcscd_waits_is_not_lost(
    gui_stack: EmulatorStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``SCardCancel`` wakes only a wait in progress: a stop landing after the flag check and before the
    next ``SCardGetStatusChange`` was lost and that wait blocked for ever (the GUI never quit, a test's
    teardown hung). The stop is made to land exactly there, inside the reader listing that precedes a wait;
    the bounded wait must still end the thread."""
    watcher = ReaderWatcher()
    real_list = scard.SCardListReaders
    listings: list[int] = []

    def list_then_stop(context: int, groups: list[str]) -> tuple[int, list[str]]:
        listings.append(context)
        if len(listings) == 2:
            watcher.request_stop()
        return real_list(context, groups)

    monkeypatch.setattr(scard, "SCardListReaders", list_then_stop)
    watcher.start()
    ended = watcher.wait(30_000)
    if not ended:
        watcher.stop()
    assert ended, "the watcher missed a stop that came between two waits"
    assert len(listings) == 2
    assert gui_stack.reader_names
