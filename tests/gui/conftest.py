"""The desktop app over the real parts: a station (a real SQLite store with the migrations, operators of
every role, a development key store, the real services) and a ``ReaderWorker`` on the session's private
pcscd (tests/conftest.py: pyscard -> pcscd -> vpcd -> emulated cards). Cards are personalised and handed
over through the real PC/SC stack too.

This is the one station of every GUI test (shell, counter, technician, clerk, SECTS, issuing): the
folders below add only what their screens need on top of ``gui_station`` (the clerk's loopback worker,
the SECTS console SMS reader). Its database is a copy of the shared template (tests/station_fixtures.py:
one operator of every role the tests log in as, among them a second verifier for maker-checker and the
SECTS desks).
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from gui_helpers import NOW, MovableClock
from station_fixtures import data_key

from apdu.emulator.stack import EmulatorStack
from apdu.transport import pcsc
from card_station.card.compose import Issuer
from card_station.card.session import DEVELOPMENT_TRANSPORT_KEY
from card_station.domain.parameters import load_rule_parameters
from card_station.domain.reference.reference_data import default_fixtures_dir, load_reference_data
from card_station.keys import FileKeyStore
from card_station.sms import ConsoleGateway
from card_station.store import open_store
from gui.app import CardStationApp, application, build_station
from gui.i18n import Language
from gui.shell.context import Station
from gui.worker import ReaderWorker

POLYCLINIC = "Delhi Cantt"
CARD_READERS = (0, 1, 2)
"""The session stack's readers that hold a card (reader 3 is empty): restored to blank for each test."""


@pytest.fixture(scope="session")
def gui_keys(tmp_path_factory: pytest.TempPathFactory) -> FileKeyStore:
    folder = tmp_path_factory.mktemp("gui-keys")
    return FileKeyStore.create_development(folder, "gui-test-passphrase", NOW - timedelta(days=5))


@pytest.fixture(scope="session")
def gui_issuer() -> Issuer:
    return Issuer("DL-STN-01", load_rule_parameters(), load_reference_data(default_fixtures_dir()))


@pytest.fixture
def sms_outbox() -> io.StringIO:
    """What the console SMS gateway 'sent' (one line per SMS, OTP included: a development gateway)."""
    return io.StringIO()


@pytest.fixture
def gui_station(
    template_db: Path, tmp_path: Path, gui_keys: FileKeyStore, gui_issuer: Issuer, sms_outbox: io.StringIO
) -> Iterator[Station]:
    path = tmp_path / "station.db"
    shutil.copy(template_db, path)
    store = open_store(path)
    yield build_station(
        store=store,
        keys=gui_keys,
        issuer=gui_issuer,
        clock=MovableClock(NOW),
        sms=ConsoleGateway(sms_outbox),
        transport_key=DEVELOPMENT_TRANSPORT_KEY,
        central_url=None,
        data_dir=tmp_path,
        data_key=data_key(),
        polyclinic=POLYCLINIC,
    )
    store.close()


@pytest.fixture
def gui_stack(_pcsc_session: object) -> EmulatorStack:
    """The session's emulator stack with its cards blank and inserted (no connection held: the worker
    connects exclusively)."""
    session = _pcsc_session
    stack: EmulatorStack = session.stack  # type: ignore[attr-defined]
    for index in CARD_READERS:
        card = stack.card(index)
        blank = session.blanks[index]  # type: ignore[attr-defined]
        assert card is not None and blank is not None
        if stack.bridge(index).inserted:
            stack.remove(index)
            pcsc.wait_for_removal(stack.reader_names[index], timeout=30)
        card.restore(blank)
        stack.insert(index)
    for index in CARD_READERS:
        pcsc.wait_for_card(stack.reader_names[index], timeout=30)
    return stack


@pytest.fixture
def gui_worker(qtbot: object, gui_stack: EmulatorStack) -> Iterator[ReaderWorker]:
    """The worker on the real stack, started, with its first snapshot of the readers received."""
    worker = ReaderWorker()
    worker.start()
    qtbot.waitUntil(lambda: len(worker.readers()) == len(gui_stack.reader_names), timeout=10_000)  # type: ignore[attr-defined]
    yield worker
    worker.stop()


@pytest.fixture
def gui_shell(qtbot: object, gui_station: Station, gui_worker: ReaderWorker) -> Iterator[CardStationApp]:
    """The whole app as ``card-station gui`` starts it (every registered screen), login window shown."""
    shell = CardStationApp(gui_station, application(), worker=gui_worker)
    shell.login.show()
    shell.login.reset()
    yield shell
    if shell.main is not None:
        shell.main.close()
    shell.login.close()
    shell.translations.switch(Language.ENGLISH)
