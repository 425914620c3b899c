"""Employee/pensioner registration (seed 001 annexure 2): the Registration Form with the DDO/TO code and
every family member's Aadhaar number and photo, the OTP to the registered mobile, and the filled form to
print and sign for the DDO/TO.

Annexure 2, bullet 3: "फॉर्म भरते समय डी0डी0ओ0/टी0ओ0 कोड एवं राज्य कर्मचारी तथा उनके आश्रित परिवार के सदस्यों का आधार
कार्ड नम्बर एवं फोटो की आवश्यकता होगी"; bullet 4: the OTP unlocks printing the filled form; bullet 5: the
signed form goes to the DDO/TO. The first person listed is the employee or pensioner (relation "self").
Aadhaar numbers are checked as typed (12 digits, Verhoeff) and shown masked once added.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
)
from sqlalchemy.orm import Session

from card_station.domain.records import Gender
from card_station.sects.aadhaar import mask_aadhaar
from card_station.sects.codes import BeneficiaryKind, OfficerCode
from card_station.sects.errors import SectsError
from card_station.sects.records import Beneficiary, BeneficiaryForm, FamilyMember, Relation
from card_station.sects.services.beneficiaries import (
    beneficiary_form,
    register_beneficiary,
    release_beneficiary_form,
)
from card_station.sects.services.desk import SectsDesk
from card_station.sects.services.otps import OtpSent
from card_station.store.models import Operator
from gui.i18n import mark, tr
from gui.sects.common import (
    FormPdf,
    FormRelease,
    SectsScreen,
    button,
    call,
    headed,
    labelled,
    line,
    texted,
    widget_with,
)
from gui.sects.forms import beneficiary_html
from gui.shell.context import AppContext

TITLE = mark("Employee/Pensioner Registration")
BENEFICIARY_FORM = FormPdf(
    release_beneficiary_form,
    beneficiary_form,
    beneficiary_html,
    "sects-registration-{key}.pdf",
    "SECTS registration {key}",
)
GENDERS = {
    Gender.MALE: mark("Male"),
    Gender.FEMALE: mark("Female"),
    Gender.OTHER: mark("Other"),
}


def _combo(name: str, items: dict[object, str]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for value, text in items.items():
        combo.addItem(tr(text), value)
    return combo


class EmployeeRegistrationScreen(SectsScreen):
    """The form, then the family one person at a time, then Submit, OTP and the printable form."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, TITLE)
        self.members: list[FamilyMember] = []
        self.registration: int | None = None
        self.saved: Path | None = None
        form = QFormLayout()
        self.kind = _combo("kind", {kind: kind.value for kind in BeneficiaryKind})
        labelled(form, "Beneficiary", self.kind)
        self.officer_code = line(form, "DDO/TO code", "officer_code", "DDO-6601-00023")
        self.designation = line(form, "Designation", "designation")
        self.department = line(form, "Department", "department")
        self.district = line(form, "District", "district")
        self.mobile = line(form, "Registered mobile", "mobile")
        person = self._person_form()
        self.add_member = button("Add family member", "add_member")
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("family")
        headed(self.table, [mark("Name"), mark("Relation"), mark("DOB"), mark("Aadhaar")])
        self.submit = button("Submit", "submit")
        self.form_release = FormRelease(ctx, self.status, mark("Print the form (PDF)"), BENEFICIARY_FORM)
        self.otp, self.release, self.save_pdf = (
            self.form_release.otp,
            self.form_release.release,
            self.form_release.save_pdf,
        )
        self.lay_out(
            widget_with(form),
            widget_with(person),
            self.add_member,
            self.table,
            self.submit,
            self.form_release,
        )
        self.add_member.clicked.connect(self.on_add_member)
        self.submit.clicked.connect(self.on_submit)
        self.release.clicked.connect(self.on_release)
        self.save_pdf.clicked.connect(self.on_save_pdf)
        self._enable()

    def _person_form(self) -> QFormLayout:
        """The fields of one family member, added to the list by "Add family member"."""
        person = QFormLayout()
        self.member_name = line(person, "Name", "member_name")
        self.relation = _combo("relation", {relation: relation.value for relation in Relation})
        labelled(person, "Relation", self.relation)
        self.birth = QDateEdit()
        self.birth.setObjectName("birth")
        self.birth.setDisplayFormat("dd-MM-yyyy")
        self.birth.setCalendarPopup(True)
        labelled(person, "Date of birth", self.birth)
        self.gender = _combo("gender", dict(GENDERS))
        labelled(person, "Gender", self.gender)
        self.aadhaar = line(person, "Aadhaar number", "aadhaar")
        self.aadhaar.setEchoMode(QLineEdit.EchoMode.Password)
        self.photo_path = QLineEdit()
        self.photo_path.setObjectName("photo_path")
        browse = texted(QPushButton(), "Choose photo")
        browse.clicked.connect(self.on_browse)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_path)
        photo_row.addWidget(browse)
        labelled(person, "Photo", photo_row)
        return person

    def _enable(self, *, released: bool = False) -> None:
        entering = self.registration is None
        self.add_member.setEnabled(entering)
        self.submit.setEnabled(entering and bool(self.members))
        self.release.setEnabled(not entering and not released)
        self.save_pdf.setEnabled(released)

    def on_browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Photo"), "", "Photos (*.jpg *.jpeg *.png)")
        if path:
            self.photo_path.setText(path)

    def _photo(self) -> bytes:
        text = self.photo_path.text().strip()
        if not text:
            return b""
        try:
            return Path(text).read_bytes()
        except OSError as exc:
            raise SectsError(
                f"the photo {text} cannot be read ({exc.strerror}); choose the file again"
            ) from None

    def on_add_member(self) -> None:
        """Check the person now (Aadhaar, photo), list him masked, and clear the fields for the next."""
        birth = self.birth.date()
        try:
            member = FamilyMember(
                name=self.member_name.text(),
                relation=self.relation.currentData(),
                date_of_birth=date(birth.year(), birth.month(), birth.day()),
                gender=self.gender.currentData(),
                aadhaar=self.aadhaar.text(),
                photo=self._photo(),
            )
        except SectsError as refusal:
            self.ctx.feedback.error(refusal)
            return
        self.members.append(member)
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = (
            member.name,
            member.relation.value,
            f"{member.date_of_birth:%d-%m-%Y}",
            member.aadhaar_masked,
        )
        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(value))
        for edit in (self.member_name, self.aadhaar, self.photo_path):
            edit.clear()
        self.birth.setDate(QDate(2000, 1, 1))
        self.relation.setCurrentIndex(min(self.relation.currentIndex() + 1, self.relation.count() - 1))
        self.status.setText(
            tr("{name} added ({aadhaar})").format(name=member.name, aadhaar=mask_aadhaar(member.aadhaar))
        )
        self._enable()

    def on_submit(self) -> None:
        def submit(session: Session, operator: Operator, desk: SectsDesk) -> tuple[Beneficiary, OtpSent]:
            form = BeneficiaryForm(
                kind=self.kind.currentData(),
                officer_code=OfficerCode.parse(self.officer_code.text()),
                designation=self.designation.text(),
                department=self.department.text(),
                district=self.district.text(),
                members=tuple(self.members),
                mobile=self.mobile.text(),
            )
            return register_beneficiary(session, operator, form, desk=desk, now=self.ctx.clock())

        result = call(self.ctx, submit)
        if result is not None:
            beneficiary, sent = result
            self.registration = beneficiary.registration
            self.status.setText(sent.message)
            self._enable()

    def on_release(self) -> None:
        if self.registration is not None:
            accepted = self.form_release.released(self.registration)
            if accepted is not None:
                self._enable(released=accepted)

    def on_save_pdf(self) -> None:
        if self.registration is not None:
            self.saved = self.form_release.saved(self.registration)
