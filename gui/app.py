"""The desktop app: the station's collaborators, the login window, and the main window for the operator
who logged in (issue 7). ``card-station gui`` and ``card-station demo --gui`` start it through
``run_app``; this module is imported only by them, lazily, so ``card_station`` never needs Qt."""

from __future__ import annotations

import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from card_station.card.compose import Issuer
from card_station.handover import OtpSecret
from card_station.keys import KeyStore
from card_station.services.clock import Clock
from card_station.services.counter import CounterService, store_hotlist
from card_station.services.endorsement import EndorsementService
from card_station.services.handover import HandoverService
from card_station.services.personalisation import PersonalisationService
from card_station.services.tokens import TokenService
from card_station.sms import OtpSmsTemplate, SmsGateway
from card_station.sms.config import DEVELOPMENT_CONFIG
from card_station.store import Store
from card_station.store.pii import DataKey
from gui.i18n import Language, Translations, missing_devanagari_font
from gui.shell.catalogue import all_screens
from gui.shell.context import AppContext, OperatorInfo, Services, Station
from gui.shell.feedback import Feedback
from gui.shell.login import LoginWindow
from gui.shell.main_window import MainWindow
from gui.shell.registry import ScreenSpec, screens_for
from gui.worker import ReaderWorker

BASE_POINT_SIZE = 12


def build_station(
    *,
    store: Store,
    keys: KeyStore,
    issuer: Issuer,
    clock: Clock,
    sms: SmsGateway,
    transport_key: bytes,
    central_url: str | None,
    data_dir: Path,
    data_key: DataKey,
    sms_template: OtpSmsTemplate = DEVELOPMENT_CONFIG.template,
    polyclinic: str | None = None,
) -> Station:
    """Every service of the station, built once over its store, keys and clock (what ``card-station gui``
    and the demo share; screens use ``ctx.services`` and build none). The counter checks the store's
    hotlist; the handover service sends the OTP through ``sms`` with the DLT-registered ``sms_template``
    (``--sms`` settings, docs/sms.md) and keys the OTP HMAC from the data key (docs/handover.md); tokens
    need the polyclinic whose queue they number, so a station without one issues none and its counter
    screen says so."""
    handover = HandoverService(
        store=store,
        keys=keys,
        gateway=sms,
        template=sms_template,
        clock=clock,
        secret=OtpSecret(data_key.otp_key),
        rules=issuer.rules,
        data_key=data_key,
        station_id=issuer.station_id,
    )
    services = Services(
        counter=CounterService(keys.root_certificate(), clock, hotlist=store_hotlist(store)),
        personalisation=PersonalisationService(keys, issuer, transport_key, clock),
        endorsement=EndorsementService(keys, issuer.station_id, issuer.rules, clock),
        sms=sms,
        handover=handover,
        tokens=None if polyclinic is None else TokenService(store, clock, polyclinic=polyclinic),
    )
    return Station(store, keys, issuer, clock, services, transport_key, central_url, data_dir, data_key)


def application(argv: Sequence[str] = ()) -> QApplication:
    """The one QApplication of the process, with a font size readable at a station desk."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "card-station", *argv])
        app.setApplicationName("Card Station")
        font = app.font()
        font.setPointSize(BASE_POINT_SIZE)
        app.setFont(font)
    return app


class CardStationApp:
    """Login -> main window (screens for the role) -> log out -> login again. One reader worker for the
    whole session of the program."""

    def __init__(
        self,
        station: Station,
        app: QApplication,
        *,
        specs: tuple[ScreenSpec, ...] | None = None,
        worker: ReaderWorker | None = None,
    ) -> None:
        self.station = station
        self.app = app
        self.translations = Translations(app)
        self.specs = all_screens() if specs is None else specs
        self.worker = worker or ReaderWorker()
        self.feedback = Feedback()
        self.login = LoginWindow(station, self.translations)
        self.login.logged_in.connect(self.open_main)
        self.main: MainWindow | None = None

    def start(self) -> None:
        self.worker.start()
        self.login.show()
        self.login.reset()

    def open_main(self, operator: OperatorInfo) -> None:
        context = AppContext(self.station, operator, self.worker, self.feedback)
        self.main = MainWindow(context, screens_for(operator.role, self.specs), self.translations)
        self.main.logout_requested.connect(self.logout)
        self.main.quit_requested.connect(self.app.quit)
        self.login.hide()
        self.main.show()
        self.main.activateWindow()

    def logout(self) -> None:
        if self.main is not None:
            self.main.close()
            self.main.deleteLater()
            self.main = None
        self.login.show()
        self.login.activateWindow()
        self.login.reset()

    def switch_language(self, language: Language) -> None:
        self.translations.switch(language)

    def stop(self) -> None:
        self.worker.stop()
        if self.main is not None:
            self.main.close()
        self.login.close()


SIGNAL_POLL_MS = 250


def _quit_on_signals(app: QApplication) -> None:
    """Ctrl+C in the terminal or SIGTERM (a service manager) ends the event loop, so the ``finally``
    blocks run: readers released, the demo's private pcscd stopped. Python handles a signal only when it
    runs, hence the timer that wakes it."""
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: app.quit())
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(SIGNAL_POLL_MS)


def run_app(station: Station, *, language: Language = Language.ENGLISH) -> int:
    app = application()
    missing = missing_devanagari_font()
    if missing:
        print(f"card-station gui: {missing}", file=sys.stderr)
    shell = CardStationApp(station, app)
    shell.switch_language(language)
    _quit_on_signals(app)
    shell.start()
    try:
        return app.exec()
    finally:
        shell.stop()
