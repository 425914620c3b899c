"""Typing an application into the form as a clerk would (keystrokes, not setters)."""

from __future__ import annotations

import warnings
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from card_station.domain.records import Application, CardSize, Gender, Member, PensionKind, Service
from card_station.services import applications
from card_station.store.models.operators import Operator
from gui.clerk.application_form import ApplicationForm, Column
from gui.clerk.personalise import PersonaliseScreen
from gui.shell.context import AppContext

READER = "Emulated 64K reader"
"""The loopback reader the clerk screens' card jobs reach (tests/gui/clerk/conftest.py)."""

MEMBER = {
    "service_number": "JC-123456A",
    "rank": "Sub",
    "name": "Ram Singh",
    "born": "1965-03-10",
    "retired": "2015-03-31",
    "pension_from": "2015-04-01",
    "ppo": "S/012345/2015",
    "pension_rs": "20000",
    "record_office": "Rajputana Rifles",
    "mobile": "9876541234",
    "applied_on": "2026-11-20",
    "submitted_at": "Delhi",
}


def shown(qtbot: QtBot, widget: QWidget) -> None:
    """Show ``widget`` as the active window: Qt delivers a shortcut only to the active window, and the
    offscreen platform activates a window only when told (``activateWindow`` is not honoured there)."""
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(widget)
    assert widget.isActiveWindow()


def type_member(qtbot: QtBot, form: ApplicationForm, **changes: str) -> None:
    for field, text in {**MEMBER, **changes}.items():
        edit = getattr(form, field)
        edit.clear()
        qtbot.keyClicks(edit, text)


def type_dependant(qtbot: QtBot, form: ApplicationForm, cells: tuple[str, ...]) -> int:
    """Add a row with Ctrl+D and type each cell into the table's own cell editor; Return commits it."""
    qtbot.keyClick(form, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    row = form.dependants.rowCount() - 1
    for column, text in enumerate(cells):
        form.dependants.setCurrentCell(row, column)
        form.dependants.editItem(form.dependants.item(row, column))
        editor = form.dependants.findChildren(QLineEdit)[-1]
        editor.selectAll()
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    return row


def decision(form: ApplicationForm, row: int) -> tuple[str, str]:
    return (
        form.dependants.item(row, Column.DECISION).text(),
        form.dependants.item(row, Column.RULE).text(),
    )


def verified_application(ctx_clerk: AppContext, ctx_verifier: AppContext) -> str:
    """An application entered and submitted by the clerk and verified by the verifier, through the services
    (the form itself is driven in test_applications.py); returns its key."""
    application = Application(
        member=Member(
            service=Service.ARMY,
            service_number="JC-765432B",
            rank="Sub",
            name="Mohan Lal",
            date_of_birth=date(1962, 1, 5),
            gender=Gender.MALE,
            date_of_retirement=date(2012, 1, 31),
            pension_kind=PensionKind.SERVICE,
            pension_from=date(2012, 2, 1),
            ppo_number="S/076543/2012",
            basic_plus_dearness_pension_rs=21000,
            record_office="Rajputana Rifles",
            war_widow=False,
            contribution_deducted_at_source=False,
        ),
        applied_on=date(2026, 11, 2),
        card_size=CardSize.KB64,
        submitted_at_regional_centre="Delhi",
        add_on_cards=0,
        dependants=(),
    )
    now = ctx_clerk.clock()
    with ctx_clerk.store.transaction() as session:
        clerk = session.get(Operator, ctx_clerk.operator.id)
        assert clerk is not None
        key = applications.enter_application(
            session,
            clerk,
            application,
            mobile="9876549876",
            aadhaar=None,
            data_key=ctx_clerk.station.data_key,
            now=now,
        ).key
        applications.submit_application(session, clerk, key, now=now)
    with ctx_verifier.store.transaction() as session:
        verifier = session.get(Operator, ctx_verifier.operator.id)
        assert verifier is not None
        applications.verify_application(session, verifier, key, now=now)
    return key


def type_card_particulars(qtbot: QtBot, screen: PersonaliseScreen, reader: str) -> None:
    qtbot.keyClicks(screen.card_number, "DL0076543210")
    qtbot.keyClicks(screen.polyclinic, "Delhi Cantt")
    screen.reader.setCurrentText(reader)
