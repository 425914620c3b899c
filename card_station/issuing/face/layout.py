"""A card face layout as data: where each element goes, in millimetres, and which field of the face it shows.

Why data and not drawing code: a second scheme (the Uttar Pradesh SECTS card, seed 001) gets its own
layout, a value of these types in a module of its own, and the renderer (``render``) draws it unchanged.
Coordinates are millimetres from the top-left corner of the card as it is printed; ``Geometry`` turns them
into device pixels at the output's resolution. Colours are ``#RRGGBB`` strings so a layout needs no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF

MM_PER_INCH = 25.4
CR80_WIDTH_MM = 85.60
CR80_HEIGHT_MM = 53.98
"""ISO/IEC 7810 ID-1 (CR80), the size of every ECHS and SECTS card, in landscape."""


@dataclass(frozen=True)
class Box:
    """A rectangle on the card in millimetres: left, top, width, height."""

    x: float
    y: float
    w: float
    h: float

    def __post_init__(self) -> None:
        if self.w <= 0 or self.h <= 0:
            raise ValueError(f"a layout box needs a positive width and height, got {self}")


@dataclass(frozen=True)
class Label:
    """A bilingual label: Hindi first, then English, as Indian government cards print them."""

    hindi: str
    english: str

    def text(self) -> str:
        return f"{self.hindi} / {self.english}"


@dataclass(frozen=True)
class TextStyle:
    """How a text is set: it starts at ``largest_mm`` and shrinks (then wraps) down to ``smallest_mm``
    before it is refused (``fit``). Sizes are the font's pixel size in millimetres."""

    largest_mm: float
    smallest_mm: float
    bold: bool = False
    colour: str = "#000000"
    centred: bool = False

    def __post_init__(self) -> None:
        if not 0 < self.smallest_mm <= self.largest_mm:
            raise ValueError(f"text sizes must satisfy 0 < smallest <= largest, got {self}")


@dataclass(frozen=True)
class FixedText:
    """Text that is the same on every card (a title, a note); ``name`` is used in fit errors."""

    name: str
    text: str
    box: Box
    style: TextStyle


@dataclass(frozen=True)
class FieldText:
    """The value of the face's field ``field`` under its label. The label takes ``label_mm`` of the box's
    top; the value the rest. ``optional`` fields (a dependant's relation) are left out, label and all,
    when the face has no value; a required field without a value is an error."""

    field: str
    label: Label | None
    box: Box
    style: TextStyle
    label_style: TextStyle | None = None
    label_mm: float = 0.0
    optional: bool = False


@dataclass(frozen=True)
class Fill:
    """A filled rectangle (a header band)."""

    box: Box
    colour: str


@dataclass(frozen=True)
class Frame:
    """A rectangle outline; with ``when_field`` it is drawn only when the face has that field (the red
    frame round the FMA marking)."""

    box: Box
    colour: str
    line_mm: float
    when_field: str | None = None


@dataclass(frozen=True)
class PhotoSlot:
    """Where the person's photo goes, kept in proportion; an empty frame when there is no photo."""

    box: Box


@dataclass(frozen=True)
class QrSlot:
    """Where the signed QR code goes (square: the smaller side of ``box``), quiet zone included."""

    box: Box


Element = Fill | Frame | PhotoSlot | QrSlot | FixedText | FieldText


@dataclass(frozen=True)
class FaceLayout:
    """One scheme's card: front and back elements, drawn in order (later ones on top)."""

    name: str
    front: tuple[Element, ...]
    back: tuple[Element, ...]
    safe_margin_mm: float
    width_mm: float = CR80_WIDTH_MM
    height_mm: float = CR80_HEIGHT_MM

    def fields(self) -> frozenset[str]:
        """The face fields this layout shows (what a face for it must provide)."""
        return frozenset(e.field for e in (*self.front, *self.back) if isinstance(e, FieldText))


@dataclass(frozen=True)
class Geometry:
    """Millimetres to device pixels at ``dpi``."""

    dpi: int

    def px(self, mm: float) -> float:
        return mm * self.dpi / MM_PER_INCH

    def rect(self, box: Box) -> QRectF:
        return QRectF(self.px(box.x), self.px(box.y), self.px(box.w), self.px(box.h))

    def size(self, mm: float) -> int:
        return max(1, round(self.px(mm)))
