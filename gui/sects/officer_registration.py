"""DDO/TO registration (seed 001 annexure 1): the DDO/TO Registration Form, "Add Office", the OTP sent to
the registered mobile, and printing/downloading the filled form once the OTP is given.

Annexure 1, bullets 3-6: fill the form and submit; fill "Add Office" and submit; an OTP comes to the
registered mobile, with which the filled form can be printed or downloaded. Last bullet: a CUG mobile
number is entered, a personal one only when there is no CUG number (``OfficerForm.create`` chooses).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFormLayout
from sqlalchemy.orm import Session

from card_station.sects.records import OfficeForm, Officer, OfficerForm
from card_station.sects.services.desk import SectsDesk
from card_station.sects.services.officers import (
    add_office,
    officer_form,
    register_officer,
    release_officer_form,
)
from card_station.sects.services.otps import OtpSent
from card_station.store.models import Operator
from gui.i18n import mark, tr
from gui.sects.common import (
    FormPdf,
    FormRelease,
    SectsScreen,
    button,
    call,
    line,
    widget_with,
)
from gui.sects.forms import officer_html
from gui.shell.context import AppContext

TITLE = mark("DDO/TO Registration")
OFFICER_FORM = FormPdf(
    release_officer_form, officer_form, officer_html, "sects-ddo-form-{key}.pdf", "SECTS DDO/TO form {key}"
)


class OfficerRegistrationScreen(SectsScreen):
    """Form, office, OTP, printable form: one registration at a time, top to bottom."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, TITLE)
        self.code: str | None = None
        self.saved: Path | None = None
        form = QFormLayout()
        self.officer_code = line(form, "DDO/TO code", "code", "DDO-6601-00023")
        self.name = line(form, "Name", "name")
        self.designation = line(form, "Designation", "designation")
        self.controlling = line(form, "Controlling officer", "controlling")
        self.cug = line(form, "CUG mobile", "cug", "preferred")
        self.personal = line(form, "Personal mobile", "personal", "only without a CUG number")
        self.email = line(form, "E-mail", "email")
        self.submit = button("Submit", "submit")
        office = QFormLayout()
        self.office_name = line(office, "Office", "office_name")
        self.department = line(office, "Department", "department")
        self.district = line(office, "District", "district")
        self.address = line(office, "Address", "address")
        self.add_office = button("Add Office", "add_office")
        self.form_release = FormRelease(ctx, self.status, mark("Print/download the form (PDF)"), OFFICER_FORM)
        self.otp, self.release, self.save_pdf = (
            self.form_release.otp,
            self.form_release.release,
            self.form_release.save_pdf,
        )
        layout = self.lay_out(
            widget_with(form), self.submit, widget_with(office), self.add_office, self.form_release
        )
        layout.addStretch(1)
        self.submit.clicked.connect(self.on_submit)
        self.add_office.clicked.connect(self.on_add_office)
        self.release.clicked.connect(self.on_release)
        self.save_pdf.clicked.connect(self.on_save_pdf)
        self._enable()

    def _enable(self, *, released: bool = False) -> None:
        self.submit.setEnabled(self.code is None)
        self.add_office.setEnabled(self.code is not None)
        self.release.setEnabled(self.code is not None and not released)
        self.save_pdf.setEnabled(released)

    def on_submit(self) -> None:
        def submit(session: Session, operator: Operator, desk: SectsDesk) -> Officer:
            form = OfficerForm.create(
                code=self.officer_code.text(),
                name=self.name.text(),
                designation=self.designation.text(),
                controlling_officer=self.controlling.text(),
                cug_mobile=self.cug.text() or None,
                personal_mobile=self.personal.text() or None,
                email=self.email.text() or None,
            )
            return register_officer(session, operator, form, desk=desk, now=self.ctx.clock())

        officer = call(self.ctx, submit)
        if officer is not None:
            self.code = str(officer.code)
            self.status.setText(tr("Form of {code} submitted; add the office").format(code=self.code))
            self._enable()

    def on_add_office(self) -> None:
        code = self.code
        if code is None:
            return

        def add(session: Session, operator: Operator, desk: SectsDesk) -> tuple[Officer, OtpSent | None]:
            office = OfficeForm(
                self.office_name.text(), self.department.text(), self.district.text(), self.address.text()
            )
            return add_office(session, operator, code, office, desk=desk, now=self.ctx.clock())

        result = call(self.ctx, add)
        if result is not None:
            _officer, sent = result
            self.status.setText(sent.message if sent is not None else tr("Office added"))

    def on_release(self) -> None:
        if self.code is not None:
            accepted = self.form_release.released(self.code)
            if accepted is not None:
                self._enable(released=accepted)

    def on_save_pdf(self) -> None:
        if self.code is not None:
            self.saved = self.form_release.saved(self.code)
