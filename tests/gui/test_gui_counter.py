"""The polyclinic counter (issue 7 "Counter") over the real PC/SC stack: a card inserted is read on the
worker thread; the banner, the people with photos, eligibility and OPD; a token from the keyboard; red
banners with the reason for a card not handed over, blocked on the card, or on the hotlist."""

from __future__ import annotations

from datetime import date

from gui_helpers import NOW, issue_card, log_in
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from apdu.emulator.stack import EmulatorStack
from apdu.transport import pcsc
from card_station.card.content import BlockReason
from card_station.card.decision import OPD_NOT_ALLOWED, CardVerdict
from card_station.services.counter import NOT_HANDED_OVER_TEXT
from card_station.store.models.cards import CounterTokenRow, TokenOutcome
from card_station.store.models.centre import HotlistEntry
from gui.app import CardStationApp
from gui.counter.screen import CounterScreen
from gui.widgets.banner import BannerTone

READER = 0


def _counter(qtbot: QtBot, shell: CardStationApp) -> CounterScreen:
    main = log_in(qtbot, shell, "counter")
    screen = main.screens["counter.read"]
    assert isinstance(screen, CounterScreen)
    return screen


def _reinsert(qtbot: QtBot, stack: EmulatorStack, screen: CounterScreen) -> None:
    """Pull the card and put it back, as at the counter; wait until its decision is on screen."""
    name = stack.reader_names[READER]
    stack.remove(READER)
    pcsc.wait_for_removal(name, timeout=30)
    qtbot.waitUntil(lambda: screen.banner.message == "Insert a card", timeout=5_000)
    assert screen.read is None
    assert screen.banner.tone is BannerTone.WAIT
    with qtbot.waitSignal(screen.shown, timeout=10_000):
        stack.insert(READER)


def test_an_active_card_is_green_and_a_token_is_issued_from_the_keyboard(
    qtbot: QtBot, gui_shell: CardStationApp, gui_stack: EmulatorStack
) -> None:
    station = gui_shell.station
    issue_card(station, gui_stack.reader_names[READER])
    screen = _counter(qtbot, gui_shell)
    _reinsert(qtbot, gui_stack, screen)
    assert screen.read is not None
    decision = screen.read.decision
    assert decision.verdict is CardVerdict.ACTIVE
    assert screen.banner.tone is BannerTone.GO
    assert screen.banner.message == "ACTIVE: GENUINE CARD"
    assert screen.persons.count() == len(decision.persons) == 7
    member = screen.persons.item(0)
    assert member.text().splitlines() == [
        "Rajesh Kumar (Member)",
        "Eligible today: primary member",
        "OPD allowed",
    ]
    assert not member.icon().isNull()
    assert screen.issue_button.isEnabled()
    screen.persons.setFocus()
    qtbot.keyClick(screen.persons, "\r")
    qtbot.waitUntil(lambda: screen.issued is not None, timeout=2_000)
    assert screen.token.text() == "Token 1 (OPD): Rajesh Kumar"
    with station.store.read() as session:
        rows = session.scalars(select(CounterTokenRow)).all()
    assert [(row.token_no, row.outcome, row.person_name, row.care) for row in rows] == [
        (1, TokenOutcome.ISSUED, "Rajesh Kumar", "OPD")
    ]
    assert rows[0].issued_on == date(2026, 11, 23)


def test_keyboard_picks_a_dependant_and_numbers_run_on(
    qtbot: QtBot, gui_shell: CardStationApp, gui_stack: EmulatorStack
) -> None:
    issue_card(gui_shell.station, gui_stack.reader_names[READER])
    screen = _counter(qtbot, gui_shell)
    _reinsert(qtbot, gui_stack, screen)
    screen.persons.setFocus()
    qtbot.keyClick(screen.persons, "\r")
    qtbot.keyClick(screen.persons, Qt.Key.Key_Down)
    assert screen.persons.currentRow() == 1
    qtbot.keyClick(screen.persons, "\r")
    assert screen.token.text() == "Token 2 (OPD): Sunita Devi"
    qtbot.keyClick(screen, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert screen.token.text() == "Token 3 (IPD referral): Sunita Devi"


def test_an_fma_member_gets_an_ipd_referral_and_opd_not_allowed(
    qtbot: QtBot, gui_shell: CardStationApp, gui_stack: EmulatorStack
) -> None:
    issue_card(gui_shell.station, gui_stack.reader_names[READER], fma_from=date(2026, 10, 1))
    screen = _counter(qtbot, gui_shell)
    _reinsert(qtbot, gui_stack, screen)
    assert screen.banner.tone is BannerTone.GO
    lines = screen.persons.item(0).text().splitlines()
    assert lines[1].startswith("Eligible today")
    assert lines[2].startswith(OPD_NOT_ALLOWED)
    screen.persons.setFocus()
    qtbot.keyClick(screen.persons, "\r")
    assert screen.token.text() == "Token 1 (IPD referral): Rajesh Kumar"


def test_a_card_not_handed_over_is_red_with_the_reason_and_gets_no_token(
    qtbot: QtBot, gui_shell: CardStationApp, gui_stack: EmulatorStack
) -> None:
    issue_card(gui_shell.station, gui_stack.reader_names[READER], handed_over=False)
    screen = _counter(qtbot, gui_shell)
    _reinsert(qtbot, gui_stack, screen)
    assert screen.banner.tone is BannerTone.STOP
    assert screen.banner.message == f"NOT YET HANDED OVER\n{NOT_HANDED_OVER_TEXT}"
    assert not screen.issue_button.isEnabled()
    screen.persons.setFocus()
    qtbot.keyClick(screen.persons, "\r")
    assert screen.issued is None
    assert screen.token.text() == ""


def test_a_card_blocked_on_the_card_is_red_with_the_reason(
    qtbot: QtBot, gui_shell: CardStationApp, gui_stack: EmulatorStack
) -> None:
    issue_card(gui_shell.station, gui_stack.reader_names[READER], blocked=BlockReason.LOST)
    screen = _counter(qtbot, gui_shell)
    _reinsert(qtbot, gui_stack, screen)
    assert screen.read is not None
    assert screen.read.decision.verdict is CardVerdict.BLOCKED
    assert screen.banner.tone is BannerTone.STOP
    head, reason = screen.banner.message.split("\n", 1)
    assert head == "CARD BLOCKED"
    assert reason == screen.read.decision.reasons[0]
    assert "lost" in reason.lower()
    assert not screen.issue_button.isEnabled()


def test_a_card_on_the_hotlist_is_red_with_the_reason(
    qtbot: QtBot, gui_shell: CardStationApp, gui_stack: EmulatorStack
) -> None:
    station = gui_shell.station
    issue_card(station, gui_stack.reader_names[READER])
    card = gui_stack.card(READER)
    assert card is not None
    with station.store.transaction() as session:
        session.add(
            HotlistEntry(
                card_serial=card.serial.hex().upper(),
                data={"reason": "reported lost"},
                seq=1,
                received_at=NOW,
            )
        )
    screen = _counter(qtbot, gui_shell)
    _reinsert(qtbot, gui_stack, screen)
    assert screen.banner.tone is BannerTone.STOP
    assert screen.banner.message == "CARD BLOCKED\nthe card is on the hotlist: reported lost"


def test_a_blank_card_is_red_and_pulling_the_card_clears_the_screen(
    qtbot: QtBot, gui_shell: CardStationApp, gui_stack: EmulatorStack
) -> None:
    screen = _counter(qtbot, gui_shell)
    _reinsert(qtbot, gui_stack, screen)
    assert screen.banner.tone is BannerTone.STOP
    assert screen.banner.message.startswith("BLANK CARD")
    assert screen.persons.count() == 0
    gui_stack.remove(READER)
    qtbot.waitUntil(lambda: screen.banner.message == "Insert a card", timeout=5_000)
    gui_stack.insert(READER)
