"""Self-print (seed 001 annexure 2, bullet 7(b)): the employee or pensioner logs in with the user ID sent by
SMS and an OTP sent to the registered mobile, and prints his own health card.

The steps act on the employee's own login, not on the operator's: the screen can stand at a registration
desk or a kiosk; the service checks the OTP (hashed at rest, limited attempts, expiry) and the login.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFormLayout
from sqlalchemy.orm import Session

from card_station.sects.services.actors import EmployeeLogin
from card_station.sects.services.cards import log_in_with_otp, request_login_otp, self_print_card
from card_station.sects.services.desk import SectsDesk
from gui.i18n import mark, tr
from gui.sects.common import (
    SectsScreen,
    button,
    call_as_employee,
    line,
    print_faces,
    widget_with,
)
from gui.shell.context import AppContext

TITLE = mark("Print your own health card")


class SelfPrintScreen(SectsScreen):
    """User ID, "OTP", the OTP, log in, print."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, TITLE)
        self.login: EmployeeLogin | None = None
        self.printed: Path | None = None
        form = QFormLayout()
        self.user_id = line(form, "User ID", "user_id", "UPE00000001")
        self.send_otp = button("OTP", "send_otp")
        otp = QFormLayout()
        self.otp = line(otp, "OTP", "otp")
        self.log_in = button("Log in", "log_in")
        self.print_card = button("Print my health card (PDF)", "print_card")
        self.lay_out(widget_with(form), self.send_otp, widget_with(otp), self.log_in, self.print_card)
        self.send_otp.clicked.connect(self.on_send_otp)
        self.log_in.clicked.connect(self.on_log_in)
        self.print_card.clicked.connect(self.on_print)
        self.print_card.setEnabled(False)

    def on_send_otp(self) -> None:
        user = self.user_id.text()
        sent = call_as_employee(
            self.ctx, lambda session, desk: request_login_otp(session, user, desk=desk, now=self.ctx.clock())
        )
        if sent is not None:
            self.status.setText(sent.message)

    def on_log_in(self) -> None:
        user, otp = self.user_id.text(), self.otp.text().strip()
        result = call_as_employee(
            self.ctx,
            lambda session, desk: log_in_with_otp(session, user, otp, desk=desk, now=self.ctx.clock()),
        )
        if result is None:
            return
        self.login = result.login
        self.status.setText(result.check.message)
        if result.login is None:
            self.ctx.feedback.error(result.check.message)
        self.print_card.setEnabled(result.login is not None)

    def on_print(self) -> None:
        login = self.login
        if login is None:
            return

        def record_and_print(session: Session, desk: SectsDesk) -> Path:
            """The print is recorded only once the faces are written (rolled back if they are not)."""
            card = self_print_card(session, login, desk=desk, now=self.ctx.clock())
            return print_faces(self.ctx, card, f"sects-card-{card.user_id}-self.pdf")

        printed = call_as_employee(self.ctx, record_and_print)
        if printed is not None:
            self.printed = printed
            self.status.setText(tr("Your card is ready to print: {path}").format(path=printed))
