"""DDO/TO verification (seed 001 annexure 2, bullet 6): the DDO/TO verifies its employees' signed forms
online, after which the card can be printed at state level and the user ID goes to the employee by SMS.

The list holds only the forms the service says this DDO/TO may verify (released, under its own code, not
entered by itself); the service refuses anything else itself (maker-checker: never the person who entered
the form).
"""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from card_station.sects.records import Beneficiary
from card_station.sects.services.beneficiaries import pending_for_officer, verify_beneficiary
from gui.i18n import mark, tr
from gui.sects.common import SectsScreen, button, call, headed
from gui.shell.context import AppContext

TITLE = mark("DDO/TO Verification")


class DdoVerificationScreen(SectsScreen):
    """The forms waiting for this DDO/TO, and "Verify" for the one selected."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, TITLE)
        self.pending: list[Beneficiary] = []
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("pending")
        headed(self.table, [mark("Registration"), mark("Name"), mark("Beneficiary"), mark("Family")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.verify = button("Verify", "verify")
        self.lay_out(self.table, self.verify)
        self.verify.clicked.connect(self.on_verify)
        self.refresh()

    def activated(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        found = call(
            self.ctx, lambda session, operator, desk: pending_for_officer(session, operator, desk=desk)
        )
        self.pending = found or []
        self.table.setRowCount(0)
        for row, beneficiary in enumerate(self.pending):
            self.table.insertRow(row)
            values = (
                str(beneficiary.registration),
                beneficiary.holder.name,
                beneficiary.kind.value,
                str(len(beneficiary.members)),
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        if self.pending:
            self.table.selectRow(0)
        self.verify.setEnabled(bool(self.pending))

    def on_verify(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.pending):
            self.ctx.feedback.error(tr("Select a form first"))
            return
        registration = self.pending[row].registration
        verified = call(
            self.ctx,
            lambda session, operator, desk: verify_beneficiary(
                session, operator, registration, desk=desk, now=self.ctx.clock()
            ),
        )
        if verified is not None:
            self.status.setText(
                tr("Verified; user ID {user_id} sent by SMS").format(user_id=verified.user_id)
            )
        self.refresh()
