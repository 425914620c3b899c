"""What the desktop app's tests share: the fixed time, the operators, logging in by keystrokes, and cards
issued through the real PC/SC stack."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from station_fixtures import PASSWORD, START

from apdu.transport.pcsc import PcscTransport
from card_station.applications import sample
from card_station.card.content import BlockReason
from card_station.card.session import DEVELOPMENT_TRANSPORT_KEY
from card_station.services.endorsement import EndorsementService
from card_station.services.personalisation import PersonalisationService
from card_station.store.roles import Role
from gui.app import CardStationApp
from gui.shell.context import Station
from gui.shell.main_window import MainWindow

NOW = START
"""10:00 IST on a Monday, when the template's operators were made (tests/station_fixtures.py)."""
USERS = {
    "admin": Role.ADMIN,
    "clerk": Role.CLERK,
    "verifier": Role.VERIFIER,
    "counter": Role.COUNTER,
    "technician": Role.TECHNICIAN,
}
FAMILY = "family-six-dependants"


class MovableClock:
    """Stands still until a test moves it."""

    def __init__(self, now: datetime) -> None:
        self.current = now

    def __call__(self) -> datetime:
        return self.current


def log_in(qtbot: QtBot, shell: CardStationApp, username: str, password: str = PASSWORD) -> MainWindow:
    """Type the username, Enter, the password, Enter: as an operator does, without the mouse."""
    login = shell.login
    qtbot.keyClicks(login.username, username)
    qtbot.keyClick(login.username, Qt.Key.Key_Return)
    assert login.password.hasFocus() or login.focusWidget() is login.password
    qtbot.keyClicks(login.password, password)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.main is not None, timeout=5_000)
    main = shell.main
    assert main is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main, timeout=5_000)
    return main


def issue_card(
    station: Station,
    reader: str,
    *,
    name: str = FAMILY,
    handed_over: bool = True,
    blocked: BlockReason | None = None,
    fma_from: date | None = None,
) -> None:
    """Personalise the blank card in ``reader`` (two days ago), hand it over then (active from 13:00 IST
    that day: seed 000 §5(c)), and optionally block it or endorse FMA, all through pyscard and pcscd."""
    then = NOW - timedelta(days=2)

    def clock() -> datetime:
        return then

    personalisation = PersonalisationService(station.keys, station.issuer, DEVELOPMENT_TRANSPORT_KEY, clock)
    updates = EndorsementService(station.keys, station.issuer.station_id, station.issuer.rules, clock)
    with PcscTransport(reader) as transport:
        personalisation.personalise(transport, sample(name))
        if handed_over:
            updates.hand_over(transport, then)
        if fma_from is not None:
            updates.endorse_fma(transport, fma_from)
        if blocked is not None:
            updates.block(transport, blocked)
