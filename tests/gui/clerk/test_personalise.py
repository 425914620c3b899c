"""Personalise a verified application's card from the screen: a progress bar by file, the read-back
verification, the cards recorded; and a card pulled mid-write (tearing injected in the emulated card, seen
by the screen as the loopback transport's CardRemoved), finished by putting the same card back."""

from __future__ import annotations

from collections.abc import Callable

from clerk_helpers import READER, shown, type_card_particulars, verified_application
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from apdu.emulator import EmulatedCard
from card_station.store.lifecycle import ApplicationState
from card_station.store.models.cards import CardRow
from card_station.store.models.people import ApplicationRow
from gui.clerk.personalise import PersonaliseScreen
from gui.clerk.progress_transport import STEPS
from gui.shell.context import AppContext

JOB_TIMEOUT_MS = 60_000


def _screen(qtbot: QtBot, context_for: Callable[[str], AppContext]) -> tuple[PersonaliseScreen, str]:
    clerk = context_for("clerk")
    key = verified_application(clerk, context_for("verifier"))
    screen = PersonaliseScreen(clerk)
    shown(qtbot, screen)
    type_card_particulars(qtbot, screen, READER)
    assert screen.application.currentData() == key
    return screen, key


def _run(qtbot: QtBot, screen: PersonaliseScreen) -> None:
    screen.outcome.clear_outcome()
    qtbot.keyClick(screen, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert screen.job is not None
    qtbot.waitUntil(lambda: screen.job is None, timeout=JOB_TIMEOUT_MS)


def test_personalise_shows_progress_by_file_and_the_verification(
    qtbot: QtBot, context_for: Callable[[str], AppContext]
) -> None:
    screen, key = _screen(qtbot, context_for)
    values: list[int] = []
    steps: list[str] = []
    screen.progress.valueChanged.connect(values.append)
    screen.step.linkActivated.connect(steps.append)
    _run(qtbot, screen)
    assert screen.outcome.ok, screen.outcome.text()
    assert "read back and verified genuine" in screen.outcome.text()
    assert "Recorded; send the handover OTP next." in screen.outcome.text()
    assert values == sorted(values) and set(range(1, STEPS + 1)) <= set(values), values
    assert screen.progress.maximum() == STEPS and screen.progress.value() == STEPS
    with screen._ctx.store.read() as session:
        row = session.scalar(select(ApplicationRow).where(ApplicationRow.key == key))
        assert row is not None and row.state is ApplicationState.CARD_PERSONALISED
        card = session.scalar(select(CardRow).where(CardRow.application_id == row.id))
        assert card is not None and card.card_number == "DL0076543210"
        assert card.serial == screen.last_result.serial.hex().upper()  # type: ignore[union-attr]


def test_a_card_pulled_mid_write_says_so_and_the_rerun_finishes_it(
    qtbot: QtBot, context_for: Callable[[str], AppContext], card: EmulatedCard
) -> None:
    screen, key = _screen(qtbot, context_for)
    card.tear_after_writes(20)
    _run(qtbot, screen)
    assert screen.outcome.ok is False
    text = screen.outcome.text()
    assert "The card was pulled or lost power" in text
    assert "Put the SAME card back and press Ctrl+P" in text
    assert "Writing EF." in text, text
    with screen._ctx.store.read() as session:
        assert session.scalars(select(CardRow)).all() == []
    _run(qtbot, screen)
    assert screen.outcome.ok, screen.outcome.text()
    assert "an interrupted personalisation was finished" in screen.outcome.text()
    with screen._ctx.store.read() as session:
        row = session.scalar(select(ApplicationRow).where(ApplicationRow.key == key))
        assert row is not None and row.state is ApplicationState.CARD_PERSONALISED


def test_cancel_stops_at_a_file_boundary_and_the_rerun_finishes(
    qtbot: QtBot, context_for: Callable[[str], AppContext]
) -> None:
    screen, _ = _screen(qtbot, context_for)
    qtbot.keyClick(screen, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    job = screen.job
    assert job is not None
    # Cancel from the worker thread as the second file starts (a direct connection), so the test does not
    # race the emulated card; the screen's Esc does the same from the GUI thread.
    job.progress.connect(lambda done, _t, _s: done >= 2 and job.cancel(), Qt.ConnectionType.DirectConnection)
    qtbot.waitUntil(lambda: screen.job is None, timeout=JOB_TIMEOUT_MS)
    assert screen.outcome.ok is False
    assert "Cancelled" in screen.outcome.text() and "press Ctrl+P to finish it" in screen.outcome.text()
    _run(qtbot, screen)
    assert screen.outcome.ok, screen.outcome.text()
    assert "an interrupted personalisation was finished" in screen.outcome.text()
