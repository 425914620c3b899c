"""Printing through Qt's print system. A real CUPS queue (and a card printer behind it) is out of reach
on a test machine, so the print path is driven to Qt's PDF-file printer (QPrinter, OutputFormat
PdfFormat): the same QPrinter set-up (CR80 page, landscape, no margins, full page, duplex) and the same
painting a CUPS queue gets. An unknown queue name is refused with the list of installed printers."""

from __future__ import annotations

from pathlib import Path

import pytest
from face_helpers import CR80_POINTS, NOW, decode_qr, page_png, page_size_points, page_text, pdf_info
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter

from card_station.card.compose import Issuer
from card_station.card.content import CardContent
from card_station.issuing.face import (
    ECHS_LAYOUT,
    UnknownPrinter,
    installed_printers,
    print_family,
    print_test_page,
    verify_face_qr,
)
from card_station.issuing.face.printer import configure_card_printer
from card_station.keys import FileKeyStore


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_the_card_printer_is_set_to_cr80_landscape_full_page(out: Path) -> None:
    printer = configure_card_printer(_pdf_printer(out / "x.pdf"), ECHS_LAYOUT)
    layout = printer.pageLayout()
    assert layout.orientation() is QPageLayout.Orientation.Landscape
    size = layout.fullRect(QPageLayout.Unit.Millimeter)
    assert size.width() == pytest.approx(85.60, abs=0.2)
    assert size.height() == pytest.approx(53.98, abs=0.2)
    assert layout.margins(QPageLayout.Unit.Millimeter).isNull()
    assert printer.fullPage()
    # duplex is asked for too, but Qt's PDF engine has no duplex and reports DuplexNone: only a CUPS
    # queue keeps it, and none is reachable here


def test_a_family_printed_through_qt_gives_cr80_pages_and_a_scannable_code(
    family_content: CardContent, face_keys: FileKeyStore, issuer: Issuer, out: Path
) -> None:
    path = out / "printed.pdf"
    faces = print_family(family_content, face_keys, issuer.reference, _pdf_printer(path))
    assert int(pdf_info(path)["Pages"]) == 2 * len(faces) == 14
    assert page_size_points(path) == pytest.approx(CR80_POINTS, abs=0.5)
    assert "Rajesh Kumar" in page_text(path, 1)
    scanned = decode_qr(page_png(path, 2, out))
    assert verify_face_qr(scanned, face_keys.root_certificate(), NOW).claim.person_id == "M"


def test_the_alignment_test_page_prints_on_one_cr80_page(out: Path) -> None:
    path = out / "test-page.pdf"
    print_test_page(_pdf_printer(path))
    assert pdf_info(path)["Pages"] == "1"
    assert page_size_points(path) == pytest.approx(CR80_POINTS, abs=0.5)
    assert "alignment" in page_text(path, 1)


def test_an_unknown_printer_is_refused_with_the_installed_ones(
    family_content: CardContent, face_keys: FileKeyStore, issuer: Issuer
) -> None:
    name = "no-such-card-printer"
    assert name not in installed_printers()
    with pytest.raises(UnknownPrinter, match="no printer named 'no-such-card-printer' is installed"):
        print_family(family_content, face_keys, issuer.reference, name)
