"""The grid both schemes' card faces are laid out on (issue 8 "Card face", issue 9 "The health card"): the
3 mm safe margin, a coloured title band, the photo on the left of the front, two columns of label-over-value
cells right of it, and the QR code on the right of the back. The ECHS face (``echs_layout``) and the SECTS
face (``card_station.sects.face.layout``) fill it with their own fields, labels and colours.

Why one grid: the two cards are printed on the same CR80 stock by the same card printers, which do not print
to the edge (Evolis, Zebra, Fargo), and the alignment test page (``render.paint_test_page``) shows one safe
area for both.
"""

from __future__ import annotations

from card_station.issuing.face.layout import (
    CR80_HEIGHT_MM,
    CR80_WIDTH_MM,
    Box,
    Element,
    FieldText,
    Fill,
    FixedText,
    Label,
    PhotoSlot,
    QrSlot,
    TextStyle,
)

MARGIN = 3.0
INNER = CR80_WIDTH_MM - 2 * MARGIN
SMALLEST = 1.3
"""About 3.7 pt: the smallest text a 300 dpi card printer still prints legibly."""
LABEL_MM = 2.5
"""Height of a label line above its value."""

LABEL_STYLE = TextStyle(1.9, SMALLEST)
VALUE_STYLE = TextStyle(2.9, SMALLEST, bold=True)
NOTE_STYLE = TextStyle(2.2, SMALLEST)

NAME = Label("नाम", "Name")
CARD_NO = Label("कार्ड संख्या", "Card No")
RELATION = Label("संबंध", "Relation")
DOB = Label("जन्म तिथि", "DOB")
VALID = Label("वैधता", "Valid till")

COLUMN_X = (25.0, 25.0 + (CR80_WIDTH_MM - MARGIN - 25.0 - 1.0) / 2 + 1.0)
"""Left edges of the two columns right of the photo, 1 mm apart."""
COLUMN_W = (CR80_WIDTH_MM - MARGIN - COLUMN_X[0] - 1.0) / 2
ROW_Y = (19.5, 25.6, 31.7, 37.8)
"""Tops of the rows of the two columns, under the name."""
VALUE_H = 3.4
"""Height of a one-line value."""


def cell(field: str, label: Label, value: Box, *, optional: bool = False) -> FieldText:
    """A label line with the field's value below it; ``value.h`` is the value's height (it may wrap in it)."""
    box = Box(value.x, value.y, value.w, LABEL_MM + value.h)
    return FieldText(field, label, box, VALUE_STYLE, LABEL_STYLE, LABEL_MM, optional)


def column_cell(field: str, label: Label, row: int, column: int, *, optional: bool = False) -> FieldText:
    """A one-line cell in ``column`` (0 or 1) of ``row`` (0 to 3) right of the photo."""
    return cell(field, label, Box(COLUMN_X[column], ROW_Y[row], COLUMN_W, VALUE_H), optional=optional)


def front_head(title: Label, colour: str, title_style: TextStyle, name_field: str) -> tuple[Element, ...]:
    """The band in the scheme's ``colour`` with the title (Hindi line over English line), the photo below
    it on the left and the holder's name across both columns (two lines for a long name)."""
    return (
        Fill(Box(0, 0, CR80_WIDTH_MM, 9.5), colour),
        FixedText("title", title.hindi, Box(MARGIN, 1.0, INNER, 3.6), title_style),
        FixedText("title", title.english, Box(MARGIN, 4.9, INNER, 3.6), title_style),
        PhotoSlot(Box(MARGIN, 11.0, 20.0, 25.0)),
        cell(name_field, NAME, Box(COLUMN_X[0], 10.3, 2 * COLUMN_W + 1.0, 6.4)),
    )


def back_qr(size: float) -> tuple[QrSlot, float]:
    """The back's QR slot, ``size`` mm square against the right margin and centred down the card, and the
    width left for text on its left."""
    x = CR80_WIDTH_MM - MARGIN - size
    return QrSlot(Box(x, (CR80_HEIGHT_MM - size) / 2, size, size)), x - MARGIN - 2.0
