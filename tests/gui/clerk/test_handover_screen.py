"""Hand a family's cards over with the SMS OTP captured from the console gateway, see the activation time
(seed 000 §5(c)) and the handover receipt (PDF checked with pdftotext); a wrong OTP five times locks it;
the fallback OTP request is refused to a clerk and granted to the polyclinic operator."""

from __future__ import annotations

import io
import re
import subprocess
from collections.abc import Callable

from clerk_helpers import READER, shown, type_card_particulars, verified_application
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from card_station.store.lifecycle import ApplicationState
from gui.clerk.handover_screen import HandoverScreen
from gui.clerk.personalise import PersonaliseScreen
from gui.shell.context import AppContext

JOB_TIMEOUT_MS = 60_000
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _personalised(qtbot: QtBot, context_for: Callable[[str], AppContext]) -> tuple[HandoverScreen, str]:
    clerk = context_for("clerk")
    key = verified_application(clerk, context_for("verifier"))
    personalise = PersonaliseScreen(clerk)
    shown(qtbot, personalise)
    type_card_particulars(qtbot, personalise, READER)
    qtbot.keyClick(personalise, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: personalise.job is None, timeout=JOB_TIMEOUT_MS)
    assert personalise.outcome.ok, personalise.outcome.text()
    personalise.close()
    screen = HandoverScreen(clerk)
    shown(qtbot, screen)
    screen.reader.setCurrentText(READER)
    screen.select_key(key)
    return screen, key


def _sent_otp(outbox: io.StringIO) -> str:
    found = re.findall(r"OTP (\d{6})", outbox.getvalue())
    assert found, outbox.getvalue()
    return found[-1]


def _type_otp(qtbot: QtBot, screen: HandoverScreen, otp: str) -> None:
    qtbot.keyClick(screen, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert screen.otp.hasFocus()
    qtbot.keyClicks(screen.otp, otp)


def test_hand_over_with_the_sms_otp_and_print_the_receipt(
    qtbot: QtBot, context_for: Callable[[str], AppContext], sms_outbox: io.StringIO
) -> None:
    screen, key = _personalised(qtbot, context_for)
    assert "2026-11-23 13:00 IST" in screen.activation.text()  # 10:00 IST now: the same day (§5(c))
    qtbot.keyClick(screen, Qt.Key.Key_S, CTRL_SHIFT)
    assert screen.outcome.ok, screen.outcome.text()
    assert "SMS OTP sent" in screen.outcome.text()
    assert "XXXXXX9876" in sms_outbox.getvalue()
    _type_otp(qtbot, screen, _sent_otp(sms_outbox))
    qtbot.keyClick(screen.otp, Qt.Key.Key_Return)
    assert screen.last_check is not None and screen.last_check.accepted
    qtbot.waitUntil(lambda: screen.job is None, timeout=JOB_TIMEOUT_MS)
    assert screen.outcome.ok, screen.outcome.text()
    assert "All cards handed over; active from 2026-11-23 13:00 IST" in screen.outcome.text()
    assert [line.state for line in screen._lines if line.key == key] == [ApplicationState.HANDED_OVER]

    qtbot.keyClick(screen, Qt.Key.Key_P, CTRL_SHIFT)
    assert screen.outcome.ok, screen.outcome.text()
    assert screen.print_dialog is not None and screen.print_dialog.isVisible()
    qtbot.keyClick(screen.print_dialog, Qt.Key.Key_Escape)
    assert not screen.print_dialog.isVisible()
    assert screen.last_pdf is not None
    text = subprocess.run(
        ["pdftotext", "-layout", str(screen.last_pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "Handover receipt: ECHS smart cards" in text
    assert "Mohan Lal" in text and "JC-765432B" in text
    assert "Cards active from: 2026-11-23 13:00 IST" in text
    assert "DL0076543210" in text


def test_a_wrong_otp_five_times_locks_it_and_a_clerk_cannot_request_one(
    qtbot: QtBot, context_for: Callable[[str], AppContext], sms_outbox: io.StringIO
) -> None:
    screen, _ = _personalised(qtbot, context_for)
    qtbot.keyClick(screen, Qt.Key.Key_S, CTRL_SHIFT)
    right = _sent_otp(sms_outbox)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    for left in (4, 3, 2, 1):
        _type_otp(qtbot, screen, wrong)
        qtbot.keyClick(screen, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert screen.outcome.ok is False
        assert screen.attempts.text() == str(left)
        assert f"wrong OTP: {left} attempt" in screen.outcome.text()
    _type_otp(qtbot, screen, wrong)
    qtbot.keyClick(screen, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert screen.attempts.text() == "0"
    assert "locked after 5 wrong attempts" in screen.outcome.text()
    _type_otp(qtbot, screen, right)
    qtbot.keyClick(screen, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert screen.outcome.ok is False and "locked" in screen.outcome.text()
    assert screen.job is None

    qtbot.keyClick(screen, Qt.Key.Key_F, CTRL_SHIFT)
    assert screen.outcome.ok is False and "may not request the handover OTP" in screen.outcome.text()
    assert screen.fallback_otp.text() == ""


def test_the_fallback_otp_is_shown_once_to_the_polyclinic_operator(
    qtbot: QtBot, context_for: Callable[[str], AppContext], sms_outbox: io.StringIO
) -> None:
    screen, key = _personalised(qtbot, context_for)
    qtbot.keyClick(screen, Qt.Key.Key_S, CTRL_SHIFT)
    counter_ctx = context_for("counter")
    counter = HandoverScreen(counter_ctx)
    shown(qtbot, counter)
    counter.select_key(key)
    qtbot.keyClick(counter, Qt.Key.Key_F, CTRL_SHIFT)
    assert counter.outcome.ok, counter.outcome.text()
    otp = counter.fallback_otp.text()
    assert re.fullmatch(r"\d{6}", otp)
    assert otp not in sms_outbox.getvalue()
