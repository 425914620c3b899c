"""The SECTS screens driven with pytest-qt through the whole flow of seed 001, over the real services, a
real SQLite store with the migrations and OTPs through the console SMS gateway: DDO/TO registration, Add
Office, OTP, form PDF; state-cell verification; employee registration with family Aadhaar and photos; DDO/TO
verification; state-level printing; self-print with the user ID and an OTP. Wrong OTPs and an invalid
Aadhaar number are refused on screen."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from gui_helpers import NOW
from PIL import Image
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from card_station.keys import FileKeyStore
from card_station.sects.face.qr import verify_sects_qr
from card_station.store.models import Operator
from gui.sects.ddo_verification import DdoVerificationScreen
from gui.sects.employee_registration import EmployeeRegistrationScreen
from gui.sects.officer_registration import OfficerRegistrationScreen
from gui.sects.self_print import SelfPrintScreen
from gui.sects.state_cell import StateCellScreen
from gui.shell.context import AppContext, OperatorInfo, Station
from gui.shell.feedback import Feedback
from gui.worker import ReaderWorker

CODE = "DDO-6601-00023"
SPOUSE_AADHAAR = "3456 7890 1235"


def aadhaar_with_check(first_eleven: str) -> str:
    """A valid Aadhaar number: ``first_eleven`` and its Verhoeff check digit."""
    from card_station.domain import verhoeff

    return next(first_eleven + d for d in "0123456789" if verhoeff.is_valid(first_eleven + d))


class Sms:
    """The console gateway's output (``sms_outbox``): the OTPs and messages sent, newest last."""

    def __init__(self, stream: io.StringIO) -> None:
        self.stream = stream

    def last_code(self, digits: int = 6) -> str:
        found = re.findall(rf"\b(\d{{{digits}}})\b", self.stream.getvalue().splitlines()[-1])
        assert found, self.stream.getvalue()
        return found[-1]

    def last(self) -> str:
        return self.stream.getvalue().splitlines()[-1]


@pytest.fixture
def sms(sms_outbox: io.StringIO) -> Sms:
    return Sms(sms_outbox)


@pytest.fixture
def station(gui_station: Station) -> Station:
    """The GUI tests' one station (tests/gui/conftest.py), which has the coordinator and the state cell."""
    return gui_station


class Errors:
    def __init__(self, feedback: Feedback) -> None:
        self.texts: list[str] = []
        feedback.message.connect(lambda _tone, text: self.texts.append(text))


def context(station: Station, username: str) -> tuple[AppContext, Errors]:
    with station.store.read() as session:
        row = session.scalars(select(Operator).where(Operator.username == username)).one()
        info = OperatorInfo(row.id, row.username, row.display_name, row.role)
    feedback = Feedback()
    return AppContext(station, info, ReaderWorker(), feedback), Errors(feedback)


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Keystrokes for ASCII; Devanagari is set as an input method would commit it (QTest types only keys
    it can map, and aborts on others)."""
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insert(text)


def click(qtbot: QtBot, screen: QWidget, name: str) -> None:
    button = screen.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def photo_file(folder: Path, name: str, shade: int) -> str:
    path = folder / f"{name}.jpg"
    Image.new("RGB", (240, 320), (shade, 100, 200)).save(path, format="JPEG")
    return str(path)


def register_officer(qtbot: QtBot, station: Station, sms: Sms) -> OfficerRegistrationScreen:
    ctx, errors = context(station, "coordinator")
    screen = OfficerRegistrationScreen(ctx)
    qtbot.addWidget(screen)
    for edit, text in (
        (screen.officer_code, CODE),
        (screen.name, "श्याम सुन्दर"),
        (screen.designation, "वरिष्ठ कोषाधिकारी"),
        (screen.controlling, "निदेशक, कोषागार"),
        (screen.cug, "9415000001"),
    ):
        type_into(qtbot, edit, text)
    click(qtbot, screen, "submit")
    assert not errors.texts, errors.texts
    for edit, text in (
        (screen.office_name, "कोषागार लखनऊ"),
        (screen.department, "वित्त"),
        (screen.district, "लखनऊ"),
        (screen.address, "जवाहर भवन, लखनऊ"),
    ):
        type_into(qtbot, edit, text)
    click(qtbot, screen, "add_office")
    assert "OTP sent" in screen.status.text()
    otp = sms.last_code()
    type_into(qtbot, screen.otp, "000000" if otp != "000000" else "111111")
    click(qtbot, screen, "release")
    assert errors.texts and not screen.save_pdf.isEnabled()
    screen.otp.clear()
    type_into(qtbot, screen.otp, otp)
    click(qtbot, screen, "release")
    click(qtbot, screen, "save_pdf")
    assert screen.saved is not None and screen.saved.read_bytes().startswith(b"%PDF")
    return screen


def test_the_whole_flow_from_ddo_registration_to_a_self_printed_card(
    qtbot: QtBot, station: Station, sms: Sms, tmp_path: Path, gui_keys: FileKeyStore
) -> None:
    register_officer(qtbot, station, sms)

    cell_ctx, cell_errors = context(station, "statecell")
    cell = StateCellScreen(cell_ctx)
    qtbot.addWidget(cell)
    assert cell.table.rowCount() == 1 and cell.table.item(0, 0).text() == CODE
    click(qtbot, cell, "verify")
    assert not cell_errors.texts, cell_errors.texts
    assert "verified" in cell.status.text() and CODE in sms.last()

    entry_ctx, entry_errors = context(station, "coordinator")
    entry = EmployeeRegistrationScreen(entry_ctx)
    qtbot.addWidget(entry)
    for edit, text in (
        (entry.officer_code, CODE),
        (entry.designation, "सहायक अभियंता"),
        (entry.department, "लोक निर्माण विभाग"),
        (entry.district, "लखनऊ"),
        (entry.mobile, "9839000002"),
    ):
        type_into(qtbot, edit, text)
    people = (
        ("रमेश चन्द्र वर्मा", QDate(1972, 3, 14), aadhaar_with_check("23456789012")),
        ("सुनीता वर्मा", QDate(1976, 8, 2), "2345 6789 0120"),
    )
    type_into(qtbot, entry.member_name, people[0][0])
    entry.birth.setDate(people[0][1])
    type_into(qtbot, entry.aadhaar, people[0][2][:-1] + str((int(people[0][2][-1]) + 1) % 10))
    entry.photo_path.setText(photo_file(tmp_path, "holder", 30))
    click(qtbot, entry, "add_member")
    assert entry_errors.texts and "check digit" in entry_errors.texts[-1]
    assert entry.table.rowCount() == 0
    entry.aadhaar.clear()
    type_into(qtbot, entry.aadhaar, people[0][2])
    click(qtbot, entry, "add_member")
    assert entry.table.rowCount() == 1
    assert entry.table.item(0, 3).text() == f"XXXX XXXX {people[0][2][-4:]}"
    type_into(qtbot, entry.member_name, people[1][0])
    entry.birth.setDate(people[1][1])
    type_into(qtbot, entry.aadhaar, aadhaar_with_check("34567890123"))
    entry.photo_path.setText(photo_file(tmp_path, "spouse", 90))
    click(qtbot, entry, "add_member")
    assert entry.table.rowCount() == 2
    click(qtbot, entry, "submit")
    assert "OTP sent" in entry.status.text(), entry_errors.texts
    type_into(qtbot, entry.otp, sms.last_code())
    click(qtbot, entry, "release")
    click(qtbot, entry, "save_pdf")
    assert entry.saved is not None and entry.saved.is_file()

    ddo_ctx, ddo_errors = context(station, CODE)
    ddo = DdoVerificationScreen(ddo_ctx)
    qtbot.addWidget(ddo)
    assert ddo.table.rowCount() == 1 and ddo.table.item(0, 1).text() == people[0][0]
    click(qtbot, ddo, "verify")
    assert not ddo_errors.texts, ddo_errors.texts
    user_id = re.search(r"UP[EP]\d{8}", ddo.status.text())
    assert user_id is not None and user_id.group(0) in sms.last()
    assert ddo.table.rowCount() == 0

    type_into(qtbot, cell.user_id, user_id.group(0))
    click(qtbot, cell, "print_card")
    assert cell.printed is not None and cell.printed.read_bytes().startswith(b"%PDF")

    kiosk_ctx, kiosk_errors = context(station, "coordinator")
    kiosk = SelfPrintScreen(kiosk_ctx)
    qtbot.addWidget(kiosk)
    type_into(qtbot, kiosk.user_id, user_id.group(0))
    click(qtbot, kiosk, "send_otp")
    otp = sms.last_code()
    type_into(qtbot, kiosk.otp, "999999" if otp != "999999" else "888888")
    click(qtbot, kiosk, "log_in")
    assert kiosk_errors.texts and not kiosk.print_card.isEnabled()
    kiosk.otp.clear()
    type_into(qtbot, kiosk.otp, otp)
    click(qtbot, kiosk, "log_in")
    click(qtbot, kiosk, "print_card")
    assert kiosk.printed is not None
    if shutil.which("pdftoppm") and shutil.which("zbarimg"):
        png = tmp_path / "back"
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "300",
                "-f",
                "2",
                "-l",
                "2",
                "-png",
                "-singlefile",
                str(kiosk.printed),
                str(png),
            ],
            check=True,
        )
        scanned = subprocess.run(
            ["zbarimg", "--quiet", "--raw", "-Sbinary", f"{png}.png"], check=True, capture_output=True
        ).stdout
        claim = verify_sects_qr(scanned, gui_keys.root_certificate(), NOW).claim
        assert claim.name == people[0][0] and claim.aadhaar_last_four == people[0][2][-4:]


def test_the_state_cell_sees_no_form_before_its_otp_released_it(
    qtbot: QtBot, station: Station, sms: Sms
) -> None:
    ctx, _errors = context(station, "coordinator")
    screen = OfficerRegistrationScreen(ctx)
    qtbot.addWidget(screen)
    for edit, text in ((screen.officer_code, CODE), (screen.name, "A"), (screen.designation, "B")):
        type_into(qtbot, edit, text)
    type_into(qtbot, screen.controlling, "C")
    type_into(qtbot, screen.cug, "9415000001")
    click(qtbot, screen, "submit")
    cell_ctx, _ = context(station, "statecell")
    cell = StateCellScreen(cell_ctx)
    qtbot.addWidget(cell)
    assert cell.table.rowCount() == 0 and not cell.verify.isEnabled()
