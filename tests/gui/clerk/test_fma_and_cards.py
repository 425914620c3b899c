"""FMA (seed 003): record the application with its receipt date, see the commencement (§8(b)), endorse the
card "No OPD – 01 JAN 2027" (§11) and read it back; the cessation and the §13 report as CSV and PDF. Lost
cards: report lost (blocked, hotlisted), order the duplicate. The receipt of documents (seed 002) PDF."""

from __future__ import annotations

import subprocess
import unicodedata
from collections.abc import Callable
from datetime import date

from clerk_helpers import READER, shown, type_card_particulars, verified_application
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from apdu.emulator import EmulatedCard
from apdu.iso7816 import Iso7816
from apdu.transport.loopback import LoopbackTransport
from card_station.card.reader import read_card
from card_station.card.reading import verify_reading
from card_station.domain.fma_report import CESSATION_REPORT_COLUMNS
from card_station.store.lifecycle import ApplicationState
from card_station.store.models.audit import AuditRow
from card_station.store.models.cards import CardStatus
from card_station.store.models.outbox import OutboxEvent
from gui.clerk.applications import ApplicationsScreen
from gui.clerk.cards_screen import CardsScreen
from gui.clerk.fma_screen import FmaScreen
from gui.clerk.personalise import PersonaliseScreen
from gui.shell.context import AppContext

JOB_TIMEOUT_MS = 60_000
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _personalised(qtbot: QtBot, context_for: Callable[[str], AppContext]) -> tuple[AppContext, str]:
    clerk = context_for("clerk")
    key = verified_application(clerk, context_for("verifier"))
    screen = PersonaliseScreen(clerk)
    shown(qtbot, screen)
    type_card_particulars(qtbot, screen, READER)
    qtbot.keyClick(screen, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: screen.job is None, timeout=JOB_TIMEOUT_MS)
    assert screen.outcome.ok, screen.outcome.text()
    screen.close()
    return clerk, key


def _pdf_text(path: object) -> str:
    """The PDF's text as pdftotext (poppler-utils) reads it, ligatures (ﬃ) unfolded, whitespace collapsed."""
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(unicodedata.normalize("NFKC", out).split())


def test_fma_no_opd_endorsement_cessation_and_report(
    qtbot: QtBot, context_for: Callable[[str], AppContext], card: EmulatedCard
) -> None:
    clerk, _ = _personalised(qtbot, context_for)
    screen = FmaScreen(clerk)
    shown(qtbot, screen)
    qtbot.keyClick(screen, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    screen.received_on.selectAll()
    qtbot.keyClicks(screen.received_on, "2026-11-05")
    assert screen.commencement.text().startswith("2027-01-01")  # §8(b): Nov -> 01 Jan
    assert "No OPD \u2013 01 JAN 2027" in screen.commencement.text()
    qtbot.keyClick(screen, Qt.Key.Key_A, CTRL_SHIFT)
    assert screen.outcome.ok, screen.outcome.text()
    screen.reader.setCurrentText(READER)
    qtbot.keyClick(screen, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: screen.job is None, timeout=JOB_TIMEOUT_MS)
    assert screen.outcome.ok, screen.outcome.text()
    assert "No OPD \u2013 01 JAN 2027" in screen.outcome.text()
    transport = LoopbackTransport(card, READER)
    transport.connect()
    checked = verify_reading(read_card(Iso7816(transport)), clerk.keys.root_certificate(), clerk.clock())
    transport.disconnect()
    assert checked.content is not None
    assert [e.text for e in checked.content.endorsements] == ["No OPD \u2013 01 JAN 2027"]
    with clerk.store.read() as session:
        writes = session.scalars(select(AuditRow).where(AuditRow.action == "card.write")).all()
        assert any("fma no opd" in str(row.details) for row in writes)

    qtbot.keyClick(screen, Qt.Key.Key_A, CTRL_SHIFT)
    assert screen.outcome.ok is False and "already has FMA" in screen.outcome.text()

    qtbot.keyClicks(screen.facility_on, "2027-03-15")
    qtbot.keyClick(screen, Qt.Key.Key_C, CTRL_SHIFT)
    assert screen.outcome.ok, screen.outcome.text()
    assert "ceases on 2027-05-01" in screen.outcome.text()  # §8(c): Mar -> 01 May
    qtbot.keyClick(screen, Qt.Key.Key_T, CTRL_SHIFT)
    assert screen.outcome.ok, screen.outcome.text()
    assert screen.report_paths is not None
    csv_path, pdf_path = screen.report_paths
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == ",".join(CESSATION_REPORT_COLUMNS)
    assert lines[1].split(",")[1:4] == ["JC-765432B", "Sub", "Mohan Lal"]
    assert lines[1].endswith("2026-11-05,2027-05-01")
    assert "Mohan Lal" in _pdf_text(pdf_path) and "2027-05-01" in _pdf_text(pdf_path)


def test_the_member_cannot_stop_fma_at_will(qtbot: QtBot, context_for: Callable[[str], AppContext]) -> None:
    clerk, _ = _personalised(qtbot, context_for)
    screen = FmaScreen(clerk)
    shown(qtbot, screen)
    qtbot.keyClick(screen, Qt.Key.Key_A, CTRL_SHIFT)
    assert screen.outcome.ok, screen.outcome.text()
    screen.ground.setCurrentIndex(screen.ground.count() - 1)
    qtbot.keyClicks(screen.facility_on, "2027-03-15")
    qtbot.keyClick(screen, Qt.Key.Key_C, CTRL_SHIFT)
    assert screen.outcome.ok is False and "§6(e)" in screen.outcome.text()


def test_block_a_lost_card_and_order_the_duplicate(
    qtbot: QtBot, context_for: Callable[[str], AppContext]
) -> None:
    clerk, key = _personalised(qtbot, context_for)
    screen = CardsScreen(clerk)
    shown(qtbot, screen)
    qtbot.keyClick(screen, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(screen.search, "DL00765")
    assert [card.card_number for card in screen._cards] == ["DL0076543210"]
    qtbot.keyClick(screen, Qt.Key.Key_D, CTRL_SHIFT)
    assert screen.outcome.ok is False and "cannot order a duplicate card" in screen.outcome.text()
    qtbot.keyClick(screen, Qt.Key.Key_L, CTRL_SHIFT)
    assert screen.outcome.ok, screen.outcome.text()
    assert screen.selected().status is CardStatus.LOST  # type: ignore[union-attr]
    with clerk.store.read() as session:
        kinds = [(e.kind, e.payload.get("reason")) for e in session.scalars(select(OutboxEvent))]
        assert ("card.blocked", "lost") in kinds
    qtbot.keyClick(screen, Qt.Key.Key_D, CTRL_SHIFT)
    assert screen.outcome.ok, screen.outcome.text()
    assert screen.selected().application_state is ApplicationState.DUPLICATE_ORDERED  # type: ignore[union-attr]
    personalise = PersonaliseScreen(clerk)
    assert personalise.application.findData(key) >= 0


def test_receipt_of_documents_pdf(qtbot: QtBot, context_for: Callable[[str], AppContext]) -> None:
    clerk = context_for("clerk")
    verified_application(clerk, context_for("verifier"))
    screen = ApplicationsScreen(clerk)
    shown(qtbot, screen)
    qtbot.keyClick(screen, Qt.Key.Key_P, CTRL_SHIFT)
    assert screen.outcome.ok, screen.outcome.text()
    assert screen.print_dialog is not None and screen.print_dialog.isVisible()
    qtbot.keyClick(screen.print_dialog, Qt.Key.Key_Escape)
    text = _pdf_text(screen.last_pdf)
    assert "Receipt of documents" in text
    assert "Received following documents from No JC-765432B Rank Sub Name Mohan Lal" in text
    assert "Affidavit in original (duly attested)." in text
    assert "☑ Semi-Private" in text
    assert "No Smart Card will be issued if this receipt in original is not produced." in text
    assert date(2026, 11, 23).isoformat() in text
