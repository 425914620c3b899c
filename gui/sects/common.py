"""What the SECTS screens share: texts through the app's catalogue (``gui/i18n/hi.ts`` holds the
circular's Hindi; English mode shows English), the SECTS desk built from the station, running one service
call in one transaction with its refusal shown in the message bar (docs/gui.md "Errors and busy state"),
the release-by-OTP and form-PDF steps of both registration forms, and the card's faces written inside the
transaction that records the print.

Why the services decide everything: each SECTS service checks the operator's role itself
(``store.roles``), so these screens only collect input and show results.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from card_station.handover import OtpCheck
from card_station.issuing.face import FaceOutputError
from card_station.sects.errors import SectsError
from card_station.sects.face.output import render_card_pdf
from card_station.sects.records import HealthCard
from card_station.sects.services.desk import SectsDesk
from card_station.store.models import Operator
from card_station.store.roles import PermissionDenied
from gui.i18n import in_hindi, tr
from gui.shell.context import AppContext

T = TypeVar("T")
W = TypeVar("W", bound=QWidget)
K = TypeVar("K")
F = TypeVar("F")
K_contra = TypeVar("K_contra", contravariant=True)
F_co = TypeVar("F_co", covariant=True)

REFUSALS = (SectsError, PermissionDenied, ValueError)
"""What a SECTS service raises when it refuses; nothing was changed (the transaction is rolled back)."""
SOURCE = "sects_source_text"
"""The dynamic property holding a widget's English text, so ``SectsScreen.retranslate`` can redo it."""


def bilingual(english: str) -> str:
    """Hindi first, then English, whatever the screen's language: for the printed forms, which the
    scheme's circular prints in both (seed 001 annexures)."""
    hindi = in_hindi(english)
    return english if hindi == english else f"{hindi} / {english}"


def texted(widget: W, english: str) -> W:
    """``widget`` (a label or button) showing ``tr(english)``, redone on a language switch."""
    widget.setProperty(SOURCE, english)
    widget.setText(tr(english))  # type: ignore[attr-defined]
    return widget


def button(english: str, name: str) -> QPushButton:
    return _named(texted(QPushButton(), english), name)


def headed(table: QTableWidget, headers: list[str]) -> QTableWidget:
    """``table`` with its column headers in the current language, redone on a language switch."""
    table.setProperty(SOURCE, headers)
    table.setHorizontalHeaderLabels([tr(text) for text in headers])
    return table


def _named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


class SectsScreen(QWidget):
    """A SECTS screen: its title on top and its status line at the bottom; its labels, buttons and headers
    follow the app's language (docs/gui.md "Translations")."""

    def __init__(self, ctx: AppContext, title: str) -> None:
        super().__init__()
        self.ctx = ctx
        self._title = title
        self.status = status_label("status")

    def lay_out(self, *parts: QWidget) -> QVBoxLayout:
        """The screen top to bottom: its title, ``parts``, then the status line."""
        layout = QVBoxLayout(self)
        for part in (title_label(self._title), *parts, self.status):
            layout.addWidget(part)
        return layout

    def retranslate(self) -> None:
        for widget in self.findChildren(QWidget):
            source = widget.property(SOURCE)
            if isinstance(widget, QTableWidget) and isinstance(source, list):
                widget.setHorizontalHeaderLabels([tr(text) for text in source])
            elif isinstance(source, str):
                widget.setText(tr(source))  # type: ignore[attr-defined]


def desk_for(ctx: AppContext) -> SectsDesk:
    """The SECTS desk of this station: its data key (PII encryption) and its SMS gateway."""
    return SectsDesk(ctx.station.data_key, ctx.services.sms)


def _refused(ctx: AppContext, problem: Exception) -> None:
    if isinstance(problem, FaceOutputError):
        ctx.feedback.error(
            tr(
                "The card could not be written ({problem}). Nothing was recorded as printed: check the "
                "printer or the data folder (space, permissions), then print again."
            ).format(problem=problem)
        )
    else:
        ctx.feedback.error(problem)


def call(ctx: AppContext, action: Callable[[Session, Operator, SectsDesk], T]) -> T | None:
    """Run ``action`` in one transaction as the logged-in operator; a refusal, or a card face that could
    not be written, goes to the message bar and gives None (the transaction is rolled back)."""
    try:
        desk = desk_for(ctx)
        with ctx.store.transaction() as session:
            operator = session.get_one(Operator, ctx.operator.id)
            return action(session, operator, desk)
    except (*REFUSALS, FaceOutputError) as refusal:
        _refused(ctx, refusal)
        return None


def call_as_employee(ctx: AppContext, action: Callable[[Session, SectsDesk], T]) -> T | None:
    """As ``call``, for the employee's self-print steps, which act on the employee's own login (user ID and
    OTP), not on the operator's (seed 001 annexure 2, bullet 7(b))."""
    try:
        desk = desk_for(ctx)
        with ctx.store.transaction() as session:
            return action(session, desk)
    except (*REFUSALS, FaceOutputError) as refusal:
        _refused(ctx, refusal)
        return None


def print_faces(ctx: AppContext, card: HealthCard, name: str) -> Path:
    """The health card's faces, one per person, as a CR80 PDF in the station's data folder: the same
    ``sects.face.output`` the command line prints with. Call it inside the transaction that records the
    print (as ``card-station sects print-card`` does): a ``FaceOutputError`` then leaves no print
    recorded."""
    return render_card_pdf(card, ctx.keys, ctx.clock(), ctx.station.data_dir / name)


def line(form: QFormLayout, english: str, name: str, placeholder: str = "") -> QLineEdit:
    """A labelled line edit added to ``form``; ``name`` is its objectName (tests find fields by it)."""
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    labelled(form, english, edit)
    return edit


def labelled(form: QFormLayout, english: str, field: QWidget | QLayout) -> None:
    """``field`` added to ``form`` under the label ``tr(english)``, redone on a language switch."""
    form.addRow(texted(QLabel(), english), field)


def status_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def title_label(english: str) -> QLabel:
    label = texted(QLabel(), english)
    label.setStyleSheet("font-weight: bold")
    return label


def text_pdf(path: Path, title: str, html: str) -> Path:
    """A filled form as an A4 PDF (Devanagari embedded by Qt; /work/shared/notes/qt.md)."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    writer.setTitle(title)
    writer.setCreator("Card Station")
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
    del writer
    return path


def widget_with(layout: QFormLayout) -> QWidget:
    box = QWidget()
    box.setLayout(layout)
    return box


class ReleaseForm(Protocol[K_contra]):
    """A registration's OTP release service (``release_officer_form``, ``release_beneficiary_form``)."""

    def __call__(
        self,
        session: Session,
        operator: Operator,
        key: K_contra,
        otp: str,
        /,
        *,
        desk: SectsDesk,
        now: datetime,
    ) -> OtpCheck: ...


class LoadForm(Protocol[K_contra, F_co]):
    """A registration's released-form view (``officer_form``, ``beneficiary_form``)."""

    def __call__(
        self, session: Session, operator: Operator, key: K_contra, /, *, desk: SectsDesk, now: datetime
    ) -> F_co: ...


@dataclass(frozen=True)
class FormPdf(Generic[K, F]):
    """How one registration form is released and saved: its services, its HTML, and the PDF's file name and
    title, each a ``str.format`` template of the registration's key."""

    release: ReleaseForm[K]
    load: LoadForm[K, F]
    html: Callable[[F], str]
    file_name: str
    title: str


class FormRelease(QWidget, Generic[K, F]):
    """The last steps both registration forms share (annexure 1, bullets 5-6; annexure 2, bullet 4): the
    OTP sent to the registered mobile releases the filled form, which is then saved as a PDF to print and
    sign."""

    def __init__(self, ctx: AppContext, status: QLabel, save_text: str, form_pdf: FormPdf[K, F]) -> None:
        super().__init__()
        self._ctx = ctx
        self._status = status
        self._form_pdf = form_pdf
        form = QFormLayout()
        self.otp = line(form, "OTP", "otp")
        self.release = button("Release the form with the OTP", "release")
        self.save_pdf = button(save_text, "save_pdf")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for part in (widget_with(form), self.release, self.save_pdf):
            layout.addWidget(part)

    def released(self, key: K) -> bool | None:
        """Check the typed OTP for the registration ``key``; None when the service refused outright, else
        whether it was accepted."""
        otp = self.otp.text().strip()
        check = call(
            self._ctx,
            lambda session, operator, desk: self._form_pdf.release(
                session, operator, key, otp, desk=desk, now=self._ctx.clock()
            ),
        )
        if check is None:
            return None
        self._status.setText(check.message)
        if not check.accepted:
            self._ctx.feedback.error(check.message)
        return check.accepted

    def saved(self, key: K) -> Path | None:
        """The released form of ``key`` as an A4 PDF in the station's data folder; the status says where and
        what to do with it."""
        form = call(
            self._ctx,
            lambda session, operator, desk: self._form_pdf.load(
                session, operator, key, desk=desk, now=self._ctx.clock()
            ),
        )
        if form is None:
            return None
        path = self._ctx.station.data_dir / self._form_pdf.file_name.format(key=key)
        saved = text_pdf(path, self._form_pdf.title.format(key=key), self._form_pdf.html(form))
        self._status.setText(tr("Form saved to {path}: print it, sign it and hand it in").format(path=path))
        return saved
