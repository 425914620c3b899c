"""The state cell (राज्य स्तरीय प्रकोष्ठ): it verifies DDO/TO forms online, after which the user ID and
password go to the DDO/TO's mobile by SMS (seed 001 annexure 1, bullet 11), and prints verified employees'
health cards at state level (annexure 2, bullet 6: "राज्य स्तर पर कार्ड प्रिंट किया जा सकेगा").
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFormLayout,
    QTableWidget,
    QTableWidgetItem,
)
from sqlalchemy.orm import Session

from card_station.sects.records import Officer, OfficerStatus
from card_station.sects.services.cards import print_card_at_state
from card_station.sects.services.desk import SectsDesk
from card_station.sects.services.officers import list_officers, verify_officer
from card_station.store.models import Operator
from gui.i18n import mark, tr
from gui.sects.common import (
    SectsScreen,
    button,
    call,
    headed,
    line,
    print_faces,
    widget_with,
)
from gui.shell.context import AppContext

TITLE = mark("State cell: verification and card printing")


class StateCellScreen(SectsScreen):
    """DDO/TO forms released for verification, "Verify", and state-level printing by user ID."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, TITLE)
        self.waiting: list[Officer] = []
        self.printed: Path | None = None
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("officers")
        headed(self.table, [mark("Code"), mark("Name"), mark("Status")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.verify = button("Verify", "verify")
        form = QFormLayout()
        self.user_id = line(form, "User ID", "user_id", "UPE00000001")
        self.print_card = button("Print the health card (PDF)", "print_card")
        self.lay_out(self.table, self.verify, widget_with(form), self.print_card)
        self.verify.clicked.connect(self.on_verify)
        self.print_card.clicked.connect(self.on_print)
        self.refresh()

    def activated(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        found = (
            call(self.ctx, lambda session, operator, desk: list_officers(session, operator, desk=desk)) or []
        )
        self.waiting = [officer for officer in found if officer.status is OfficerStatus.FORM_RELEASED]
        self.table.setRowCount(0)
        for row, officer in enumerate(self.waiting):
            self.table.insertRow(row)
            for column, value in enumerate((str(officer.code), officer.name, officer.status.value)):
                self.table.setItem(row, column, QTableWidgetItem(value))
        if self.waiting:
            self.table.selectRow(0)
        self.verify.setEnabled(bool(self.waiting))

    def on_verify(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.waiting):
            self.ctx.feedback.error(tr("Select a DDO/TO first"))
            return
        code = str(self.waiting[row].code)
        officer = call(
            self.ctx,
            lambda session, operator, desk: verify_officer(
                session, operator, code, desk=desk, now=self.ctx.clock()
            ),
        )
        if officer is not None:
            self.status.setText(tr("{code} verified; user ID and password sent by SMS").format(code=code))
        self.refresh()

    def on_print(self) -> None:
        user = self.user_id.text().strip()

        def record_and_print(session: Session, operator: Operator, desk: SectsDesk) -> tuple[str, Path]:
            """The print is recorded only once the faces are written (rolled back if they are not)."""
            card = print_card_at_state(session, operator, user, desk=desk, now=self.ctx.clock())
            return card.user_id, print_faces(self.ctx, card, f"sects-card-{card.user_id}.pdf")

        printed = call(self.ctx, record_and_print)
        if printed is not None:
            user_id, self.printed = printed
            self.status.setText(
                tr("Card of {user_id} ready to print: {path}").format(user_id=user_id, path=self.printed)
            )
