"""Painting card faces with QPainter onto any paged device (a QPdfWriter here, a QPrinter in ``printer``),
from a layout given as data (``layout``), so one renderer draws every scheme's card (issue 8 "Card face").
Imports PySide6.QtGui only, so the command line renders without the GUI package.

Why the page is CR80 in landscape with no margins: card printers take ID-1 stock (ISO/IEC 7810) and their
drivers expect a custom 85.60 × 53.98 mm page, landscape, full bleed; the printer's own unprintable edge
is kept clear by the layout's safe margin instead. Each card is two pages, front then back, which a duplex
card printer prints on the two sides of one card.

Why every face is planned before the first page is painted: text that does not fit raises
``TextDoesNotFit`` before anything is written, so a run never leaves half a PDF or half a print job.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import segno
from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
)

from card_station.issuing.face.fit import FaceError, Placed, fit_text, make_font
from card_station.issuing.face.layout import (
    Box,
    Element,
    FaceLayout,
    FieldText,
    Fill,
    FixedText,
    Frame,
    Geometry,
    PhotoSlot,
    QrSlot,
)
from card_station.issuing.face.printable import PrintableFace
from card_station.issuing.face.qt_app import FaceFonts, face_fonts

PDF_DPI = 600
QR_ERROR_LEVEL = "m"
"""ISO/IEC 18004 level M (15 % recovery): survives the wear of a card carried in a wallet."""
QR_QUIET_MODULES = 4
BLACK = "#000000"


class FaceOutputError(OSError):
    """A face could not be written where asked (PDF path, printer)."""


def cr80_page_layout(layout: FaceLayout) -> QPageLayout:
    """The card stock as a page: the layout's card size, landscape when wider than tall, zero margins."""
    short, long = sorted((layout.width_mm, layout.height_mm))
    size = QPageSize(QSizeF(short, long), QPageSize.Unit.Millimeter, f"{layout.name} card")
    orientation = (
        QPageLayout.Orientation.Landscape
        if layout.width_mm > layout.height_mm
        else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


@dataclass(frozen=True)
class Step:
    """One element of a side as it will be drawn: the element and, for text, where its text was placed."""

    element: Element
    texts: tuple[Placed, ...] = ()


@dataclass(frozen=True)
class FacePlan:
    face: PrintableFace
    front: tuple[Step, ...]
    back: tuple[Step, ...]


def _below(box: Box, top_mm: float) -> Box:
    return Box(box.x, box.y + top_mm, box.w, box.h - top_mm)


def _field_step(element: FieldText, face: PrintableFace, fonts: FaceFonts, g: Geometry) -> Step | None:
    value = face.fields.get(element.field)
    if value is None or not value.strip():
        if element.optional:
            return None
        raise FaceError(f"{face.title}: the {element.field} is empty; the card face must show it")
    texts: list[Placed] = []
    if element.label is not None:
        style = element.label_style or element.style
        texts.append(
            fit_text(
                fonts,
                f"{element.field} label",
                element.label.text(),
                box=g.rect(Box(element.box.x, element.box.y, element.box.w, element.label_mm)),
                largest=g.size(style.largest_mm),
                smallest=g.size(style.smallest_mm),
                bold=style.bold,
                centred=style.centred,
            )
        )
    style = element.style
    texts.append(
        fit_text(
            fonts,
            element.field.replace("_", " "),
            value,
            box=g.rect(_below(element.box, element.label_mm)),
            largest=g.size(style.largest_mm),
            smallest=g.size(style.smallest_mm),
            bold=style.bold,
            centred=style.centred,
        )
    )
    return Step(element, tuple(texts))


def _plan_side(
    elements: Sequence[Element], face: PrintableFace, fonts: FaceFonts, g: Geometry
) -> tuple[Step, ...]:
    steps: list[Step] = []
    for element in elements:
        if isinstance(element, FieldText):
            step = _field_step(element, face, fonts, g)
            if step is not None:
                steps.append(step)
        elif isinstance(element, FixedText):
            placed = fit_text(
                fonts,
                element.name,
                element.text,
                box=g.rect(element.box),
                largest=g.size(element.style.largest_mm),
                smallest=g.size(element.style.smallest_mm),
                bold=element.style.bold,
                centred=element.style.centred,
            )
            steps.append(Step(element, (placed,)))
        elif isinstance(element, Frame) and element.when_field is not None:
            if face.fields.get(element.when_field):
                steps.append(Step(element))
        else:
            steps.append(Step(element))
    return tuple(steps)


def plan_face(face: PrintableFace, layout: FaceLayout, fonts: FaceFonts, g: Geometry) -> FacePlan:
    """Where everything of ``face`` goes on ``layout``; raises FaceError / TextDoesNotFit naming the field."""
    return FacePlan(face, _plan_side(layout.front, face, fonts, g), _plan_side(layout.back, face, fonts, g))


def _qr_path(payload: bytes, box: QRectF) -> QPainterPath:
    """The QR code (ISO/IEC 18004, byte mode) as one vector path of its dark modules, centred in ``box``
    with its quiet zone: crisp at any printer resolution, one run per row of adjacent dark modules."""
    matrix = segno.make(payload, error=QR_ERROR_LEVEL, mode="byte", micro=False, boost_error=False).matrix
    count = len(matrix) + 2 * QR_QUIET_MODULES
    module = min(box.width(), box.height()) / count
    left = box.x() + (box.width() - count * module) / 2 + QR_QUIET_MODULES * module
    top = box.y() + (box.height() - count * module) / 2 + QR_QUIET_MODULES * module
    path = QPainterPath()
    for row, cells in enumerate(matrix):
        col = 0
        while col < len(cells):
            if not cells[col]:
                col += 1
                continue
            start = col
            while col < len(cells) and cells[col]:
                col += 1
            path.addRect(QRectF(left + start * module, top + row * module, (col - start) * module, module))
    return path


def _draw_photo(painter: QPainter, photo: bytes | None, box: QRectF, g: Geometry) -> None:
    image = QImage.fromData(photo) if photo else QImage()
    if image.isNull():
        painter.setPen(QPen(QColor("#808080"), g.px(0.2)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(box)
        return
    scale = min(box.width() / image.width(), box.height() / image.height())
    w, h = image.width() * scale, image.height() * scale
    target = QRectF(box.x() + (box.width() - w) / 2, box.y() + (box.height() - h) / 2, w, h)
    painter.drawImage(target, image)


def _draw_step(painter: QPainter, step: Step, face: PrintableFace, g: Geometry) -> None:
    element = step.element
    if isinstance(element, Fill):
        painter.fillRect(g.rect(element.box), QColor(element.colour))
    elif isinstance(element, Frame):
        painter.setPen(QPen(QColor(element.colour), g.px(element.line_mm)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(g.rect(element.box))
    elif isinstance(element, PhotoSlot):
        _draw_photo(painter, face.photo, g.rect(element.box), g)
    elif isinstance(element, QrSlot):
        box = g.rect(element.box)
        painter.fillRect(box, QColor("#FFFFFF"))
        painter.fillPath(_qr_path(face.qr, box), QBrush(QColor(BLACK)))
    else:
        value_colour = element.style.colour
        label_colour = (
            element.label_style.colour
            if isinstance(element, FieldText) and element.label_style is not None
            else value_colour
        )
        for index, placed in enumerate(step.texts):
            is_label = isinstance(element, FieldText) and element.label is not None and index == 0
            painter.setFont(placed.font())
            painter.setPen(QColor(label_colour if is_label else value_colour))
            painter.drawText(placed.box, placed.flags, placed.text)


def _paint_side(painter: QPainter, steps: Sequence[Step], face: PrintableFace, g: Geometry) -> None:
    for step in steps:
        _draw_step(painter, step, face, g)


def paint_faces(
    device: QPagedPaintDevice, faces: Sequence[PrintableFace], layout: FaceLayout, dpi: int
) -> None:
    """Front and back of every face, one page each, on ``device`` (already set to the card page layout).
    Every face is planned first: a face that cannot be printed stops the job before its first page."""
    if not faces:
        raise FaceError("no card faces to render: give at least one")
    fonts = face_fonts()
    g = Geometry(dpi)
    plans = [plan_face(face, layout, fonts, g) for face in faces]
    painter = QPainter()
    if not painter.begin(device):
        raise FaceOutputError("Qt could not start painting on the output (is the file or printer writable?)")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for index, plan in enumerate(plans):
            if index:
                device.newPage()
            _paint_side(painter, plan.front, plan.face, g)
            device.newPage()
            _paint_side(painter, plan.back, plan.face, g)
    finally:
        painter.end()


def paint_test_page(painter: QPainter, layout: FaceLayout, fonts: FaceFonts, g: Geometry) -> None:
    """Alignment page: the card edge, the safe area, a centre cross and 5 mm ticks. Printed on a card, the
    outer frame should sit on the card's edge and the ticks read true against a ruler."""
    width, height, margin = layout.width_mm, layout.height_mm, layout.safe_margin_mm
    painter.setPen(QPen(QColor(BLACK), g.px(0.15)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(g.rect(Box(0.1, 0.1, width - 0.2, height - 0.2)))
    painter.drawRect(g.rect(Box(margin, margin, width - 2 * margin, height - 2 * margin)))
    cx, cy = width / 2, height / 2
    painter.drawLine(QPointF(g.px(cx - 5), g.px(cy)), QPointF(g.px(cx + 5), g.px(cy)))
    painter.drawLine(QPointF(g.px(cx), g.px(cy - 5)), QPointF(g.px(cx), g.px(cy + 5)))
    for mm in range(5, int(width), 5):
        painter.drawLine(QPointF(g.px(mm), 0), QPointF(g.px(mm), g.px(2.0 if mm % 10 == 0 else 1.2)))
    for mm in range(5, int(height), 5):
        painter.drawLine(QPointF(0, g.px(mm)), QPointF(g.px(2.0 if mm % 10 == 0 else 1.2), g.px(mm)))
    text = (
        f"{layout.name} card {width:.2f} × {height:.2f} mm alignment / संरेखण: "
        f"outer frame on the card edge, inner frame {margin:g} mm in"
    )
    placed = fit_text(
        fonts,
        "test page text",
        text,
        box=g.rect(Box(margin + 1, cy + 6, width - 2 * margin - 2, height / 2 - 6 - margin - 1)),
        largest=g.size(2.2),
        smallest=g.size(1.3),
        centred=True,
    )
    painter.setFont(make_font(placed.families, placed.pixel_size))
    painter.drawText(placed.box, placed.flags, placed.text)


def _pdf_writer(path: Path, layout: FaceLayout, title: str) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(cr80_page_layout(layout))
    writer.setTitle(title)
    writer.setCreator("Card Station")
    return writer


def _write_pdf(path: Path, layout: FaceLayout, title: str, paint: Callable[[QPdfWriter], None]) -> Path:
    """Paint into ``path``.part and move it over ``path`` only when complete: a failed run never leaves a
    truncated PDF, nor destroys the one that was there."""
    if not path.parent.is_dir():
        raise FaceOutputError(f"cannot write the PDF {path}: the folder {path.parent} does not exist")
    partial = path.with_name(path.name + ".part")
    writer = _pdf_writer(partial, layout, title)
    painted = False
    try:
        paint(writer)
        painted = True
    finally:
        del writer
        if not painted:
            partial.unlink(missing_ok=True)
    if not partial.is_file() or partial.stat().st_size == 0:
        partial.unlink(missing_ok=True)
        raise FaceOutputError(f"the PDF {path} was not written: check the folder is writable")
    os.replace(partial, path)
    return path


def render_pdf(faces: Sequence[PrintableFace], path: Path, layout: FaceLayout) -> Path:
    """Write ``faces`` to a PDF of card-sized landscape pages (front, back, front, back, ...)."""
    if not faces:
        raise FaceError("no card faces to render: give at least one")
    face_fonts()
    return _write_pdf(
        path, layout, faces[0].title, lambda writer: paint_faces(writer, faces, layout, PDF_DPI)
    )


def render_test_page_pdf(path: Path, layout: FaceLayout) -> Path:
    """The alignment test page as a one-page card-sized PDF."""
    fonts = face_fonts()

    def paint(writer: QPdfWriter) -> None:
        painter = QPainter()
        if not painter.begin(writer):
            raise FaceOutputError(f"Qt could not write the PDF {path}: check the folder is writable")
        try:
            paint_test_page(painter, layout, fonts, Geometry(PDF_DPI))
        finally:
            painter.end()

    return _write_pdf(path, layout, f"{layout.name} card alignment test page", paint)
