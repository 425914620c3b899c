"""The clerk's printed receipts: the receipt of documents (seed 002, the booklet's "Receipt of documents"
form, paras 1-2 and its notes) and the handover receipt (seed 000 §2, §5(c): cards handed over with the
OTP, active from the activation time). Each is a PDF file kept under the station's data directory and
can go to a printer through the print dialog.

Why PDF through ``QTextDocument``: ``QPdfWriter`` works offscreen and embeds the fonts (Devanagari
included, shared/notes/qt.md), so the same file is what is printed, archived and checked in tests; the
texts are read from the store, never computed here (the ward entitlement is the reference data's answer).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget
from sqlalchemy import select
from sqlalchemy.orm import Session

from card_station.card.compose import Issuer
from card_station.domain.reference.errors import ReferenceLookupError
from card_station.handover.otp import ist_text
from card_station.store.models.cards import CardRow, HandoverRow
from card_station.store.models.operators import Operator
from card_station.store.models.people import ApplicationRow
from gui.i18n import mark, tr

DOCUMENTS = (
    mark("Application form (duly completed)."),
    mark("Photographs pasted at appropriate places."),
    mark("Affidavit in original (duly attested)."),
    mark("Copy of MRO (where applicable)."),
    mark("Photocopy of PPO duly attested by bankers/treasury (where applicable)."),
    mark("Photocopy of Service/Discharge Book/proof of dependants."),
    mark("Demand draft (for Smart Cards)."),
)
"""Seed 002 "Receipt of documents" para 1(a)-(g), in the booklet's words."""

WARDS = (mark("Private"), mark("Semi-Private"), mark("General"))


class ReceiptError(ValueError):
    """The receipt cannot be made for this application yet; the message says what is missing."""


@dataclass(frozen=True)
class Receipt:
    """A titled HTML document, the file name it is saved under, and its page orientation (a wide table
    such as the §13 report is printed landscape)."""

    title: str
    file_stem: str
    body_html: str
    landscape: bool = False


def _row(session: Session, key: str) -> ApplicationRow:
    row = session.scalar(select(ApplicationRow).where(ApplicationRow.key == key))
    if row is None:
        raise ReceiptError(tr("no application has the key {key}: press F5 and pick it again").format(key=key))
    return row


def _ward(issuer: Issuer, row: ApplicationRow) -> str:
    try:
        return issuer.reference.ward_for_rank(row.member.service, row.member.rank).value.replace("_", "-")
    except ReferenceLookupError as exc:
        return str(exc)


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")


def documents_receipt(session: Session, issuer: Issuer, key: str, *, place: str, at: datetime) -> Receipt:
    """Seed 002 "Receipt of documents": from whom, the documents (a)-(g), the ward category ticked from the
    rank, the place, and the booklet's notes (the original is returned when the cards are collected)."""
    row = _row(session, key)
    member = row.member
    ward = _ward(issuer, row)
    ticks = " ".join(
        f"{'&#9745;' if ward.casefold() == name.casefold() else '&#9744;'} {tr(name)}" for name in WARDS
    )
    items = "".join(f"<li>{html.escape(tr(text))}</li>" for text in DOCUMENTS)
    cards = 1 + row.add_on_cards
    body = (
        f"<h2>{html.escape(tr('Receipt of documents'))}</h2>"
        f"<p>{html.escape(tr('Application'))}: {html.escape(row.key)}<br/>"
        f"{html.escape(tr('Date'))}: {html.escape(ist_text(at))}</p>"
        "<p>1. "
        + html.escape(
            tr(
                "Received following documents from No {number} Rank {rank} Name {name} towards application "
                "for membership of Ex-Servicemen Contributory Health Scheme (ECHS):"
            ).format(number=member.service_number, rank=member.rank, name=member.name)
        )
        + f"</p><ol type='a'>{items}</ol>"
        f"<p>2. {html.escape(tr('Category for Hospitalisation'))}: {ticks}</p>"
        f"<p>{html.escape(tr('Smart cards applied for'))}: {cards} ({row.card_size.value})</p>"
        f"<p>{html.escape(tr('Place'))}: {html.escape(place)}</p>"
        f"<p><br/><br/>{html.escape(tr('(Signature and Stamp of Officer)'))}<br/>"
        f"{html.escape(tr('(Adm Comdt/SSO/Officer Stn HQ/Record Officer)'))}</p>"
        f"<p><small>{html.escape(tr('Note'))}: 1. "
        + html.escape(
            tr("This original receipt is required to be returned at the time of collection of Smart Card(s).")
        )
        + "<br/>2. "
        + html.escape(tr("No Smart Card will be issued if this receipt in original is not produced."))
        + "</small></p>"
    )
    return Receipt(tr("Receipt of documents"), f"documents-{_safe(member.service_number)}", body)


def handover_receipt(session: Session, key: str) -> Receipt:
    """Seed 000: the cards handed over against the beneficiary's OTP, when, and when they become active
    (§5(c): 13:00 IST the same day if the OTP came before 13:00, else the next day)."""
    row = _row(session, key)
    handover = session.scalars(
        select(HandoverRow)
        .where(HandoverRow.application_id == row.id)
        .order_by(HandoverRow.id.desc())
        .limit(1)
    ).first()
    if handover is None:
        raise ReceiptError(
            tr("application {key} has not been handed over: enter the beneficiary's OTP first").format(
                key=key
            )
        )
    operator = session.get(Operator, handover.operator_id)
    cards = session.scalars(
        select(CardRow).where(CardRow.application_id == row.id).order_by(CardRow.id)
    ).all()
    lines = "".join(
        f"<tr><td>{html.escape(card.card_number or '-')}</td><td>{html.escape(card.serial)}</td>"
        f"<td>{html.escape(tr(card.status.value))}</td></tr>"
        for card in cards
    )
    member = row.member
    body = (
        f"<h2>{html.escape(tr('Handover receipt: ECHS smart cards'))}</h2>"
        "<p>"
        + html.escape(
            tr("Cards handed over to No {number} Rank {rank} Name {name} against the SMS OTP.").format(
                number=member.service_number, rank=member.rank, name=member.name
            )
        )
        + "</p>"
        f"<p>{html.escape(tr('Application'))}: {html.escape(row.key)}<br/>"
        f"{html.escape(tr('Status'))}: {html.escape(tr('Cards handed over'))}<br/>"
        f"{html.escape(tr('Handed over at'))}: {html.escape(ist_text(handover.handed_over_at))}<br/>"
        f"{html.escape(tr('Cards active from'))}: {html.escape(ist_text(handover.activation_at))}<br/>"
        f"{html.escape(tr('Operator'))}: {html.escape(operator.display_name if operator else '-')}</p>"
        f"<table border='1' cellspacing='0' cellpadding='4'><tr><th>{html.escape(tr('Card number'))}</th>"
        f"<th>{html.escape(tr('Chip serial'))}</th><th>{html.escape(tr('Status'))}</th></tr>{lines}</table>"
        "<p><small>"
        + html.escape(
            tr("Until the activation time the temporary slip stays valid; the cards work from that time.")
        )
        + "</small></p>"
    )
    return Receipt(tr("Handover receipt"), f"handover-{_safe(member.service_number)}", body)


def _document(receipt: Receipt) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(f"<html><body>{receipt.body_html}</body></html>")
    return document


def write_pdf(receipt: Receipt, folder: Path) -> Path:
    """Save ``receipt`` as ``folder/<stem>.pdf`` (A4, 10 mm margins) and return the path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{receipt.file_stem}.pdf"
    writer = QPdfWriter(str(path))
    writer.setTitle(receipt.title)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape if receipt.landscape else QPageLayout.Orientation.Portrait,
            QMarginsF(10, 10, 10, 10),
        )
    )
    _document(receipt).print_(writer)
    del writer
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(tr("the PDF {path} was not written: check the folder is writable").format(path=path))
    return path


def open_print_dialog(receipt: Receipt, parent: QWidget) -> QPrintDialog:
    """The system print dialog for ``receipt``, opened window-modal (Enter prints, Esc closes); the
    document goes to the printer the clerk picks only when the dialog is accepted."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(receipt.title)
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("print-dialog")
    dialog.setWindowTitle(receipt.title)
    dialog.accepted.connect(lambda: _document(receipt).print_(printer))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog


def receipts_folder(data_dir: Path) -> Path:
    return data_dir / "receipts"
