"""Fitting text into a box on the card: shrink, then wrap, never cut off (issue 8 "Card face").

Why measure instead of eliding: a name printed as "Lt Col Rajendra Singh Shek…" is a different name on
an identity card. Text is tried at the largest size first on one line, then wrapped at word boundaries,
shrinking step by step down to the smallest legible size; if it still does not fit, ``TextDoesNotFit``
names the field, so the clerk can abbreviate as the service records do. Sizes are in device pixels, and
every measurement uses QFontMetricsF for the exact font that is later drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from card_station.issuing.face.qt_app import FaceFonts

SHRINK_STEP = 0.94
"""Each step is 6 % smaller: fine enough that a name is not shrunk much more than it must be."""
ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
ALIGN_CENTRE = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
WRAP = int(Qt.TextFlag.TextWordWrap)


class FaceError(ValueError):
    """A card face that cannot be made: names the card, person or field at fault."""


class TextDoesNotFit(FaceError):
    """Text that cannot be printed legibly in its box even at the smallest size, wrapped."""

    def __init__(self, field: str, text: str) -> None:
        self.field = field
        self.text = text
        super().__init__(
            f"the {field} {text!r} ({len(text)} characters) does not fit on the card even at the smallest "
            "legible size, wrapped: shorten it (abbreviate as the service records do) and print again"
        )


@dataclass(frozen=True)
class Placed:
    """One piece of text placed on a face: the box it stays inside, the font and flags chosen."""

    field: str
    text: str
    box: QRectF
    families: tuple[str, ...]
    pixel_size: int
    flags: int
    bold: bool = False

    @property
    def wrapped(self) -> bool:
        return bool(self.flags & WRAP)

    def font(self) -> QFont:
        return make_font(self.families, self.pixel_size, bold=self.bold)


def make_font(families: tuple[str, ...], pixel_size: int, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(list(families))
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    return font


def needed(placed: Placed) -> QRectF:
    """The rectangle ``placed`` text really occupies when drawn with its font and flags."""
    return QFontMetricsF(placed.font()).boundingRect(placed.box, placed.flags, placed.text)


def fits(placed: Placed) -> bool:
    used, box = needed(placed), placed.box
    return used.width() <= box.width() + 0.5 and used.height() <= box.height() + 0.5


def fit_text(
    fonts: FaceFonts,
    field: str,
    text: str,
    *,
    box: QRectF,
    largest: int,
    smallest: int,
    bold: bool = False,
    centred: bool = False,
) -> Placed:
    """``text`` placed in ``box`` at the largest pixel size (largest..smallest) that fits, one line
    preferred over wrapped; raises TextDoesNotFit when even the smallest wrapped size overflows."""
    if largest < smallest or smallest < 1:
        raise ValueError(f"font sizes for {field}: largest {largest} must be >= smallest {smallest} >= 1")
    align = ALIGN_CENTRE if centred else ALIGN_LEFT
    families = fonts.for_text(text)
    size = float(largest)
    while True:
        pixels = max(smallest, round(size))
        for flags in (align, align | WRAP):
            candidate = Placed(field, text, box, families, pixels, flags, bold)
            if fits(candidate):
                return candidate
        if pixels == smallest:
            raise TextDoesNotFit(field, text)
        size *= SHRINK_STEP
