"""The printed card face (issue 8 "Card face"): a CR80 front and back per family member, rendered with Qt
to PDF or to a printer, with a QR code a counter checks offline against the scheme root.

The public API (stable; the batch run and the GUI call only these):

* ``family_faces(content, keys, reference)``: the printable faces of a personalised card's family (the
  member, then each dependant on the card), their QR codes signed with the station key of ``keys``.
* ``render_family_pdf(content, keys, reference, path)``: those faces to a PDF, front then back per card.
* ``print_family(content, keys, reference, printer)``: to an installed printer by name, or to a QPrinter.
* ``render_pdf(faces, path)`` / ``print_faces(faces, printer)``: any printable faces, any ``layout``.
* ``render_test_page_pdf(path)`` / ``print_test_page(printer)``: the alignment page.
* ``verify_face_qr(payload, root_certificate, now)``: the counter's offline check of a scanned code.

Everything takes ``layout=`` (default ``ECHS_LAYOUT``); a second scheme passes its own ``FaceLayout``
and builds ``PrintableFace`` values whose fields its layout names. Errors: ``FaceError`` (and its
``TextDoesNotFit``) for a face that cannot be made, raised before anything is written; ``FaceOutputError``
(and ``UnknownPrinter``) for an output that cannot be written; ``FaceQrError`` for a code that is not
genuine.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

from card_station.card.content import CardContent
from card_station.domain.reference.reference_data import ReferenceData
from card_station.issuing.face.content import CardFace, face_for, faces_for
from card_station.issuing.face.echs_layout import ECHS_LAYOUT
from card_station.issuing.face.fit import FaceError, TextDoesNotFit
from card_station.issuing.face.layout import FaceLayout
from card_station.issuing.face.printable import PrintableFace
from card_station.issuing.face.printer import (
    UnknownPrinter,
    installed_printers,
    open_printer,
    print_test_page_to,
    print_to,
)
from card_station.issuing.face.qr_payload import FaceClaim, FaceQrError, VerifiedFace, verify_face_qr
from card_station.issuing.face.render import FaceOutputError
from card_station.issuing.face.render import render_pdf as _render_pdf
from card_station.issuing.face.render import render_test_page_pdf as _render_test_page_pdf
from card_station.keys import KeyStore

__all__ = [
    "ECHS_LAYOUT",
    "CardFace",
    "FaceClaim",
    "FaceError",
    "FaceLayout",
    "FaceOutputError",
    "FaceQrError",
    "PrintableFace",
    "TextDoesNotFit",
    "UnknownPrinter",
    "VerifiedFace",
    "face_for",
    "faces_for",
    "family_faces",
    "installed_printers",
    "print_faces",
    "print_family",
    "print_test_page",
    "render_family_pdf",
    "render_pdf",
    "render_test_page_pdf",
    "verify_face_qr",
]


def family_faces(content: CardContent, keys: KeyStore, reference: ReferenceData) -> tuple[PrintableFace, ...]:
    """The printable ECHS faces of every person on ``content``, member first, QR codes signed by ``keys``."""
    return tuple(face.printable(keys) for face in faces_for(content, reference))


def render_pdf(faces: Sequence[PrintableFace], path: Path, *, layout: FaceLayout = ECHS_LAYOUT) -> Path:
    """``faces`` to the PDF ``path`` (front, back, front, back, ...), replaced only when complete."""
    return _render_pdf(faces, Path(path), layout)


def print_faces(
    faces: Sequence[PrintableFace], printer: str | QPrinter, *, layout: FaceLayout = ECHS_LAYOUT
) -> None:
    """``faces`` to the installed printer named ``printer`` (CUPS queue), or to a QPrinter."""
    target = open_printer(printer, layout) if isinstance(printer, str) else printer
    print_to(target, faces, layout)


def render_family_pdf(
    content: CardContent, keys: KeyStore, reference: ReferenceData, path: Path
) -> tuple[PrintableFace, ...]:
    """The family's ECHS faces to the PDF ``path``; returns the faces written."""
    faces = family_faces(content, keys, reference)
    render_pdf(faces, path)
    return faces


def print_family(
    content: CardContent, keys: KeyStore, reference: ReferenceData, printer: str | QPrinter
) -> tuple[PrintableFace, ...]:
    """The family's ECHS faces to ``printer`` (a CUPS queue name or a QPrinter); returns the faces sent."""
    faces = family_faces(content, keys, reference)
    print_faces(faces, printer)
    return faces


def render_test_page_pdf(path: Path, *, layout: FaceLayout = ECHS_LAYOUT) -> Path:
    """The alignment test page as a one-page PDF."""
    return _render_test_page_pdf(Path(path), layout)


def print_test_page(printer: str | QPrinter, *, layout: FaceLayout = ECHS_LAYOUT) -> None:
    """The alignment test page on ``printer`` (a CUPS queue name or a QPrinter)."""
    target = open_printer(printer, layout) if isinstance(printer, str) else printer
    print_test_page_to(target, layout)
