"""The issuing screen (docs/issuing.md "The desktop screen") driven by the keyboard over the real PC/SC
stack: the batch package's own workers, one per reader, write emulated cards fed from a hopper; the screen
only observes them through queued signals."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import NOW
from issuing_helpers import CTRL, RUN_TIMEOUT_MS, only_readers, shown
from issuing_samples import blank_cards, card_number_if_genuine, enter_applications, write_applications
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from apdu.emulator import CardSize, EmulatedCard
from apdu.emulator.stack import EmulatorStack
from apdu.transport.loopback import LoopbackTransport
from card_station.applications import load_application
from card_station.issuing.batch.emulated import EmulatedHopper
from card_station.issuing.batch.feed import Outcome
from card_station.issuing.batch.run import Summary
from card_station.store.lifecycle import ApplicationState
from card_station.store.models.issuing import ItemState
from card_station.store.models.operators import Operator
from card_station.store.models.people import ApplicationRow
from gui.i18n import Language, Translations
from gui.issuing.screen import IssuingScreen
from gui.shell.context import AppContext, Station
from gui.shell.feedback import Tone


class Rows:
    """Every (reader, state, details) the screen's reader table showed, in order."""

    def __init__(self, screen: IssuingScreen) -> None:
        self.seen: list[tuple[str, str, str]] = []
        screen.reader_shown.connect(self.shown)

    def shown(self, reader: str, state: str, details: str) -> None:
        self.seen.append((reader, state, details))

    def states(self, reader: str) -> list[str]:
        steps = [state for name, state, _ in self.seen if name == reader]
        return [state for i, state in enumerate(steps) if i == 0 or steps[i - 1] != state]


def _folder_run(qtbot: QtBot, screen: IssuingScreen, apps: Path, faces: Path, readers: list[str]) -> None:
    qtbot.keyClick(screen, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(screen.folder_radio.isChecked, timeout=2_000)
    screen.folder_edit.setText(str(apps))
    screen.faces_edit.setText(str(faces))
    only_readers(screen, readers)


def _wait_end(
    qtbot: QtBot, screen: IssuingScreen, key: Qt.Key, modifiers: Qt.KeyboardModifier = CTRL
) -> Summary:
    with qtbot.waitSignal(screen.run_ended, timeout=RUN_TIMEOUT_MS) as ended:
        qtbot.keyClick(screen, key, modifiers)
        assert screen.running
    summary: Summary = ended.args[0]
    assert not screen.running
    return summary


def test_a_run_across_two_readers_completes_and_shows_every_card_done(
    qtbot: QtBot, clerk_context: AppContext, empty_readers: EmulatorStack, tmp_path: Path
) -> None:
    write_applications(tmp_path / "apps", 4)
    hopper = EmulatedHopper(empty_readers, blank_cards(6))
    screen = shown(qtbot, IssuingScreen(clerk_context, feed=hopper))
    rows = Rows(screen)
    two = list(empty_readers.reader_names[:2])
    _folder_run(qtbot, screen, tmp_path / "apps", tmp_path / "faces", two)
    assert screen.chosen_readers() == tuple(two)

    summary = _wait_end(qtbot, screen, Qt.Key.Key_R)

    assert summary.complete
    assert [item.state for item in summary.items] == [ItemState.ISSUED] * 4
    assert {item.reader for item in summary.items} == set(two)
    assert screen.items_table.states() == {item.card_number: "Done" for item in summary.items}
    assert "Done 4 · Failed 0 · Remaining 0 · Refused 0" in screen.totals_label.text()
    for reader in two:
        states = rows.states(reader)
        assert states[:5] == ["Waiting for a blank card", "Writing", "Verifying", "Printing face", "Done"]
        assert states[-1] == "Finished"
    for item in summary.items:
        assert item.face == str(tmp_path / "faces" / f"{item.card_number}.pdf")
        assert Path(item.face).read_bytes().startswith(b"%PDF")
    root = clerk_context.keys.root_certificate()
    issued = hopper.trays[Outcome.ISSUED]
    assert sorted(card_number_if_genuine(card, root, NOW) or "" for card in issued) == sorted(
        item.card_number for item in summary.items
    )
    assert empty_readers.reader_names[2] not in {reader for reader, _, _ in rows.seen}
    assert screen.runs_combo.findText("apps") == -1


def test_a_card_that_is_not_blank_shows_refused_with_the_reason_and_nothing_is_written(
    qtbot: QtBot, clerk_context: AppContext, empty_readers: EmulatorStack, tmp_path: Path
) -> None:
    write_applications(tmp_path / "apps", 2)
    other = write_applications(tmp_path / "other", 1, first=900)[0]
    not_blank = EmulatedCard(CardSize.K64)
    transport = LoopbackTransport(not_blank)
    transport.connect()
    clerk_context.services.personalisation.personalise(transport, load_application(other))
    before = not_blank.snapshot()
    hopper = EmulatedHopper(empty_readers, [not_blank, *blank_cards(2)])
    screen = shown(qtbot, IssuingScreen(clerk_context, feed=hopper))
    rows = Rows(screen)
    reader = empty_readers.reader_names[0]
    _folder_run(qtbot, screen, tmp_path / "apps", tmp_path / "faces", [reader])

    summary = _wait_end(qtbot, screen, Qt.Key.Key_R)

    assert summary.complete
    assert not_blank.snapshot() == before
    assert hopper.trays[Outcome.REFUSED] == [not_blank]
    refused = [details for name, state, details in rows.seen if state == "Refused"]
    assert refused and refused[0].startswith("card refused: not a blank card")
    assert rows.states(reader)[:2] == ["Waiting for a blank card", "Refused"]
    listed = [screen.refused_list.item(i).text() for i in range(screen.refused_list.count())]
    assert listed == [f"{reader}, chip {not_blank.serial.hex().upper()}: {summary.refusals[0][2]}"]
    assert "not a blank card" in listed[0]
    assert "Refused 1" in screen.totals_label.text()


def test_stop_ends_after_the_card_in_hand_and_resume_finishes_the_run_each_card_once(
    qtbot: QtBot, clerk_context: AppContext, empty_readers: EmulatorStack, tmp_path: Path
) -> None:
    write_applications(tmp_path / "apps", 5)
    hopper = EmulatedHopper(empty_readers, blank_cards(8))
    screen = shown(qtbot, IssuingScreen(clerk_context, feed=hopper))
    rows = Rows(screen)
    reader = empty_readers.reader_names[0]
    _folder_run(qtbot, screen, tmp_path / "apps", tmp_path / "faces", [reader])

    with qtbot.waitSignal(screen.run_ended, timeout=RUN_TIMEOUT_MS) as ended:
        qtbot.keyClick(screen, Qt.Key.Key_R, CTRL)
        qtbot.waitUntil(lambda: "Done" in rows.states(reader), timeout=RUN_TIMEOUT_MS)
        qtbot.keyClick(screen, Qt.Key.Key_T, CTRL)
        assert not screen.stop_button.isEnabled()
    stopped: Summary = ended.args[0]

    assert not stopped.complete
    done = [item for item in stopped.items if item.state is ItemState.ISSUED]
    assert 1 <= len(done) < 5
    assert [item.state for item in stopped.items if item not in done] == [ItemState.PENDING] * (5 - len(done))
    assert f"Remaining {5 - len(done)}" in screen.totals_label.text()
    assert screen.runs_combo.currentText() == "apps"
    assert screen.resume_button.isEnabled()

    resumed = _wait_end(qtbot, screen, Qt.Key.Key_U)

    assert resumed.complete
    assert [item.state for item in resumed.items] == [ItemState.ISSUED] * 5
    assert resumed.rate.issued_now == 5 - len(done)
    issued = hopper.trays[Outcome.ISSUED]
    assert len(issued) == 5 and len({id(card) for card in issued}) == 5
    root = clerk_context.keys.root_certificate()
    assert sorted(card_number_if_genuine(card, root, NOW) or "" for card in issued) == sorted(
        item.card_number for item in resumed.items
    )
    assert screen.runs_combo.findText("apps") == -1


def test_a_failed_card_waits_for_retry_failed_and_is_finished_on_its_own_chip(
    qtbot: QtBot, clerk_context: AppContext, empty_readers: EmulatorStack, tmp_path: Path
) -> None:
    write_applications(tmp_path / "apps", 1)
    not_a_folder = tmp_path / "faces-file"
    not_a_folder.write_text("a file where the faces folder should be", encoding="utf-8")
    hopper = EmulatedHopper(empty_readers, blank_cards(1))
    screen = shown(qtbot, IssuingScreen(clerk_context, feed=hopper))
    reader = empty_readers.reader_names[0]
    _folder_run(qtbot, screen, tmp_path / "apps", not_a_folder, [reader])

    failed = _wait_end(qtbot, screen, Qt.Key.Key_R)

    (item,) = failed.items
    assert item.state is ItemState.FAILED and "card face could not be printed" in (item.failure or "")
    assert len(hopper.fed) == 1
    assert screen.items_table.states() == {item.card_number: "Failed"}
    assert "Failed 1" in screen.totals_label.text()
    assert screen.runs_combo.currentText() == "apps" and screen.retry_button.isEnabled()

    (card,) = hopper.trays[Outcome.FAILED]
    hopper.put_back(card)
    screen.faces_edit.setText(str(tmp_path / "faces"))
    retried = _wait_end(qtbot, screen, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.ShiftModifier)

    (again,) = retried.items
    assert again.state is ItemState.ISSUED and again.serial == item.serial
    assert hopper.fed == [card, card]
    assert card_number_if_genuine(card, clerk_context.keys.root_certificate(), NOW) == item.card_number
    assert Path(again.face or "").read_bytes().startswith(b"%PDF")


def test_the_screen_speaks_hindi_after_a_language_switch(
    qtbot: QtBot, clerk_context: AppContext, empty_readers: EmulatorStack
) -> None:
    screen = shown(qtbot, IssuingScreen(clerk_context))
    translations = Translations(QApplication.instance())
    translations.switch(Language.HINDI)
    try:
        assert screen.start_button.text() == "रन शुरू करें (&S) (Ctrl+R)"
        assert screen.totals_label.text() == "कोई रन शुरू नहीं हुआ"
    finally:
        translations.switch(Language.ENGLISH)
    assert screen.start_button.text() == "&Start run (Ctrl+R)"


def _verified(station: Station, files: list[Path], verify: int) -> list[str]:
    with station.store.transaction() as session:
        staff = {
            name: session.scalars(select(Operator).where(Operator.username == name)).one()
            for name in ("clerk", "verifier")
        }
        return enter_applications(
            session,
            staff["clerk"],
            staff["verifier"],
            files,
            verify=verify,
            data_key=station.data_key,
            now=NOW,
        )


def test_the_verified_applications_are_issued_and_recorded_against_their_applications(
    qtbot: QtBot, clerk_context: AppContext, empty_readers: EmulatorStack, tmp_path: Path
) -> None:
    files = write_applications(tmp_path / "apps", 3, first=500)
    keys = _verified(clerk_context.station, files, verify=2)
    hopper = EmulatedHopper(empty_readers, blank_cards(3))
    screen = shown(qtbot, IssuingScreen(clerk_context, feed=hopper))
    assert screen.verified_radio.isChecked()
    screen.folder_edit.setText(str(tmp_path / "apps"))
    screen.name_edit.setText("verified-today")
    only_readers(screen, list(empty_readers.reader_names[:2]))

    summary = _wait_end(qtbot, screen, Qt.Key.Key_R)

    assert summary.complete
    assert [item.state for item in summary.items] == [ItemState.ISSUED] * 2
    assert len(hopper.fed) == 2
    assert Path(clerk_context.station.data_dir, "faces", "verified-today").is_dir()
    with clerk_context.store.read() as session:
        states = {
            key: session.scalars(select(ApplicationRow.state).where(ApplicationRow.key == key)).one()
            for key in keys
        }
    assert states == {
        keys[0]: ApplicationState.CARD_PERSONALISED,
        keys[1]: ApplicationState.CARD_PERSONALISED,
        keys[2]: ApplicationState.SUBMITTED,
    }


def test_what_stops_a_run_from_starting_is_said_and_nothing_is_written(
    qtbot: QtBot, clerk_context: AppContext, empty_readers: EmulatorStack, tmp_path: Path
) -> None:
    hopper = EmulatedHopper(empty_readers, blank_cards(1))
    screen = shown(qtbot, IssuingScreen(clerk_context, feed=hopper))
    said: list[tuple[Tone, str]] = []
    clerk_context.feedback.message.connect(lambda tone, text: said.append((tone, text)))

    qtbot.keyClick(screen, Qt.Key.Key_R, CTRL)
    assert said[-1] == (Tone.ERROR, "choose the folder of the application files first")

    write_applications(tmp_path / "apps", 1)
    screen.folder_edit.setText(str(tmp_path / "apps"))
    qtbot.keyClick(screen, Qt.Key.Key_R, CTRL)
    assert said[-1] == (Tone.ERROR, "no application is verified and waiting for its card: verify some first")

    qtbot.keyClick(screen, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(screen.folder_radio.isChecked, timeout=2_000)
    only_readers(screen, [])
    qtbot.keyClick(screen, Qt.Key.Key_R, CTRL)
    assert said[-1] == (Tone.ERROR, "Choose at least one reader for the run")

    only_readers(screen, [empty_readers.reader_names[0]])
    screen.printer_radio.setChecked(True)
    qtbot.keyClick(screen, Qt.Key.Key_R, CTRL)
    assert said[-1] == (Tone.ERROR, "Choose a printer first (Ctrl+P), or send the faces to PDF files")

    qtbot.keyClick(screen, Qt.Key.Key_P, CTRL)
    dialog = screen.findChild(QPrintDialog, "faces-print-dialog")
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    assert screen.printer_label.text() == "no printer chosen"

    assert not screen.running and hopper.fed == []
    assert screen.runs_combo.count() == 0
