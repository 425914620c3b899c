"""Maker-checker on the DDO/TO verification screen (seed 001 annexure 2, bullet 6: the DDO/TO verifies
online; issue 9: "never the person who entered it"): a form the DDO/TO entered itself never appears in its
list, beside a form the desk entered that does; and forced onto the screen, "Verify" is refused by the
service, shown in the message bar, with nothing verified and no user ID sent."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot
from test_sects_screens import (
    CODE,
    Sms,
    aadhaar_with_check,
    click,
    context,
    photo_file,
    register_officer,
    type_into,
)

from card_station.sects.records import Beneficiary, BeneficiaryStatus
from card_station.sects.services.beneficiaries import find_beneficiary
from card_station.store.models import Operator
from gui.sects.common import desk_for
from gui.sects.ddo_verification import DdoVerificationScreen
from gui.sects.employee_registration import EmployeeRegistrationScreen
from gui.sects.state_cell import StateCellScreen
from gui.shell.context import AppContext, Station


def enter_form(
    qtbot: QtBot, station: Station, sms: Sms, username: str, *, name: str, aadhaar: str, folder: Path
) -> int:
    """An employee form entered and released on the registration screen by ``username``."""
    ctx, errors = context(station, username)
    entry = EmployeeRegistrationScreen(ctx)
    qtbot.addWidget(entry)
    for edit, text in (
        (entry.officer_code, CODE),
        (entry.designation, "सहायक"),
        (entry.department, "वित्त"),
        (entry.district, "लखनऊ"),
        (entry.mobile, "9839000002" if username == CODE else "9839000003"),
    ):
        type_into(qtbot, edit, text)
    type_into(qtbot, entry.member_name, name)
    entry.birth.setDate(QDate(1980, 5, 1))
    type_into(qtbot, entry.aadhaar, aadhaar)
    entry.photo_path.setText(photo_file(folder, f"p{aadhaar[-4:]}", 60))
    click(qtbot, entry, "add_member")
    click(qtbot, entry, "submit")
    type_into(qtbot, entry.otp, sms.last_code())
    click(qtbot, entry, "release")
    assert not errors.texts, errors.texts
    assert entry.registration is not None
    return entry.registration


def registration_as_seen_by(ctx: AppContext, registration: int) -> Beneficiary:
    with ctx.store.read() as session:
        operator = session.get_one(Operator, ctx.operator.id)
        return find_beneficiary(session, operator, registration, desk=desk_for(ctx))


def test_a_ddo_never_sees_its_own_entry_and_the_service_refuses_it_if_forced(
    qtbot: QtBot, station: Station, sms: Sms, tmp_path: Path
) -> None:
    register_officer(qtbot, station, sms)
    cell_ctx, _ = context(station, "statecell")
    cell = StateCellScreen(cell_ctx)
    qtbot.addWidget(cell)
    click(qtbot, cell, "verify")

    own = enter_form(
        qtbot,
        station,
        sms,
        CODE,
        name="अपना कर्मचारी",
        aadhaar=aadhaar_with_check("23456789012"),
        folder=tmp_path,
    )
    desk = enter_form(
        qtbot,
        station,
        sms,
        "coordinator",
        name="डेस्क कर्मचारी",
        aadhaar=aadhaar_with_check("34567890123"),
        folder=tmp_path,
    )

    ddo_ctx, ddo_errors = context(station, CODE)
    screen = DdoVerificationScreen(ddo_ctx)
    qtbot.addWidget(screen)
    listed = [screen.table.item(row, 0).text() for row in range(screen.table.rowCount())]
    assert listed == [str(desk)]
    assert [b.registration for b in screen.pending] == [desk]

    forced = registration_as_seen_by(ddo_ctx, own)
    screen.pending = [forced]
    screen.table.setRowCount(1)
    screen.table.setItem(0, 0, QTableWidgetItem(str(own)))
    screen.table.selectRow(0)
    screen.verify.setEnabled(True)
    sent_before = sms.stream.getvalue()
    click(qtbot, screen, "verify")
    assert ddo_errors.texts and "never verifies" in ddo_errors.texts[-1]
    assert sms.stream.getvalue() == sent_before
    after = registration_as_seen_by(ddo_ctx, own)
    assert after.status is BeneficiaryStatus.FORM_RELEASED and after.user_id is None
    assert [screen.table.item(row, 0).text() for row in range(screen.table.rowCount())] == [str(desk)]
