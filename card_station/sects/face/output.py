"""A SECTS health card out of the station: its faces (one per person, ``faces_for``) through the issuing
run's renderer with the SECTS layout, to a PDF or to an installed card printer (issue 9 "The health
card": "Printed card faces from the issuing run's renderer with the SECTS layout and a signed QR code").

Why one module for the command line and the desktop app: state-level printing and self-printing (seed 001
annexure 2, bullets 6 and 7(b)) must give the same card whoever prints it, so both go through here. The
issue date printed and signed in the QR code is the IST day of ``now``: the scheme's cards are dated as
India reads its calendar.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

from card_station.domain.handover import IST
from card_station.issuing.face import print_faces, render_pdf
from card_station.issuing.face.printable import PrintableFace
from card_station.keys import KeyStore
from card_station.sects.face.faces import faces_for
from card_station.sects.face.layout import SECTS_LAYOUT
from card_station.sects.records import HealthCard


def card_faces(
    card: HealthCard, keys: KeyStore, now: datetime, serial: bytes | None = None
) -> tuple[PrintableFace, ...]:
    """The faces of every person on ``card``, issued on the IST day of ``now`` (aware), QR codes signed by
    the station key of ``keys``; ``serial`` is the chip's when the card has one."""
    if now.tzinfo is None:
        raise ValueError("pass an aware datetime: the card is dated on the day in IST")
    return faces_for(card, keys, now.astimezone(IST).date(), serial)


def render_card_pdf(
    card: HealthCard, keys: KeyStore, now: datetime, path: Path, serial: bytes | None = None
) -> Path:
    """The card's faces to the PDF ``path`` (front, back per person), replaced only when complete."""
    return render_pdf(card_faces(card, keys, now, serial), path, layout=SECTS_LAYOUT)


def print_card(
    card: HealthCard, keys: KeyStore, now: datetime, printer: str | QPrinter, serial: bytes | None = None
) -> tuple[PrintableFace, ...]:
    """The card's faces to ``printer`` (a CUPS queue name or a QPrinter); returns the faces sent."""
    faces = card_faces(card, keys, now, serial)
    print_faces(faces, printer, layout=SECTS_LAYOUT)
    return faces
