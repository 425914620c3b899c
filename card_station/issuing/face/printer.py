"""Card faces to a printer through Qt's print system (CUPS on Linux): an installed printer by name, or any
QPrinter the caller set up (a PDF-file printer in the tests, the batch run's own printer).

Why a module of its own: QPrinter lives in QtPrintSupport, which the PDF path does not need; drawing stays
in ``render``. The printer gets the card page of ``render.cr80_page_layout`` (custom CR80 size, landscape,
zero margins, full page: the layout keeps its own safe margin) and long-edge duplex, so a duplex card
printer puts page 2 (the back) on the other side of the same card; a simplex printer prints the back on
the next card, which the test page and the clerk's first card show at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from card_station.issuing.face.layout import FaceLayout, Geometry
from card_station.issuing.face.printable import PrintableFace
from card_station.issuing.face.qt_app import ensure_gui_application, face_fonts
from card_station.issuing.face.render import FaceOutputError, cr80_page_layout, paint_faces, paint_test_page


class UnknownPrinter(FaceOutputError):
    """The named printer is not installed."""


def installed_printers() -> list[str]:
    """The names of the printers Qt's print system (CUPS) knows."""
    ensure_gui_application()
    return list(QPrinterInfo.availablePrinterNames())


def configure_card_printer(printer: QPrinter, layout: FaceLayout) -> QPrinter:
    """Set ``printer`` up for the layout's card stock: card page size, orientation, no margins, full page,
    long-edge duplex. Raises FaceOutputError when the printer refuses the card page size."""
    if not printer.setPageLayout(cr80_page_layout(layout)):
        raise FaceOutputError(
            f"the printer {printer.printerName() or printer.outputFileName()!r} does not accept a "
            f"{layout.width_mm:.2f} × {layout.height_mm:.2f} mm card page: choose the card printer"
        )
    printer.setFullPage(True)  # after setPageLayout, which resets it
    printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)
    return printer


def open_printer(name: str, layout: FaceLayout) -> QPrinter:
    """A QPrinter for the installed printer ``name``, set up for the layout's card stock."""
    names = installed_printers()
    if name not in names:
        listing = ", ".join(names) if names else "none: add the card printer in CUPS (lpadmin) first"
        raise UnknownPrinter(f"no printer named {name!r} is installed; installed printers: {listing}")
    printer = QPrinter(QPrinterInfo.printerInfo(name), QPrinter.PrinterMode.HighResolution)
    return configure_card_printer(printer, layout)


def print_to(printer: QPrinter, faces: Sequence[PrintableFace], layout: FaceLayout) -> None:
    """Print the front and back of each face on ``printer`` (configured here for the card stock)."""
    ensure_gui_application()
    configure_card_printer(printer, layout)
    if faces:
        printer.setDocName(
            faces[0].title if len(faces) == 1 else f"{faces[0].title} and {len(faces) - 1} more"
        )
    paint_faces(printer, faces, layout, printer.resolution())


def print_test_page_to(printer: QPrinter, layout: FaceLayout) -> None:
    """The alignment test page on ``printer``."""
    fonts = face_fonts()
    configure_card_printer(printer, layout)
    printer.setDocName(f"{layout.name} card alignment test page")
    painter = QPainter()
    if not painter.begin(printer):
        raise FaceOutputError(
            f"Qt could not start a print job on {printer.printerName()!r}: is it enabled in CUPS (lpstat -p)?"
        )
    try:
        paint_test_page(painter, layout, fonts, Geometry(printer.resolution()))
    finally:
        painter.end()
