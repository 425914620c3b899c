"""``card-station face``: the printed card faces of an application (front and back for the member and each
dependant on the card) to a PDF and/or an installed printer, or the printer alignment test page
(docs/issuing-face.md)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from card_station.applications import load_application
from card_station.cli import station
from card_station.issuing.face import (
    ECHS_LAYOUT,
    FaceError,
    FaceOutputError,
    family_faces,
    installed_printers,
    print_faces,
    print_test_page,
    render_pdf,
    render_test_page_pdf,
)
from card_station.issuing.face.from_application import content_from_application
from card_station.issuing.face.printer import open_printer
from card_station.services.clock import system_clock


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: write it as YYYY-MM-DD") from None


def _serial(text: str) -> bytes:
    try:
        serial = bytes.fromhex(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a chip serial: write it in hex, e.g. 8027688311000042"
        ) from None
    if not serial:
        raise argparse.ArgumentTypeError("the chip serial is empty: leave --serial out instead")
    return serial


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "face", help="print card faces (CR80 front and back) of an application to a PDF or a printer"
    )
    parser.add_argument("--application", "-a", type=Path, help="application JSON file")
    parser.add_argument("--card-number", help="card number to print (default: the application file's)")
    parser.add_argument("--serial", type=_serial, help="chip serial in hex, to bind the QR code to the chip")
    parser.add_argument(
        "--fma-from",
        type=_date,
        help='FMA commencement date: marks the faces "No OPD – <date>" (seed 003 §11)',
    )
    parser.add_argument("--pdf", type=Path, help="write the faces to this PDF file")
    parser.add_argument("--printer", help="print on this installed printer (CUPS queue name)")
    parser.add_argument("--test-page", action="store_true", help="print the alignment test page instead")
    parser.add_argument("--list-printers", action="store_true", help="list the installed printers and stop")
    parser.add_argument(
        "--keys", type=Path, help=f"key store directory (default: ${station.KEYS_ENV} or the data dir)"
    )
    parser.set_defaults(run=run)


def _check_arguments(args: argparse.Namespace) -> str | None:
    if args.pdf is None and args.printer is None:
        return "say where to: --pdf OUT.pdf and/or --printer NAME"
    if not args.test_page and args.application is None:
        return "give --application FILE.json (or --test-page for the alignment page)"
    if args.test_page and args.application is not None:
        return "--test-page prints the alignment page only: leave --application out"
    return None


def run(args: argparse.Namespace) -> int:
    if args.list_printers:
        names = installed_printers()
        print("\n".join(names) if names else "no printers are installed (add the card printer in CUPS)")
        return 0
    problem = _check_arguments(args)
    if problem is not None:
        print(f"card-station face: {problem}", file=sys.stderr)
        return 2

    def body() -> int:
        try:
            return _test_page(args) if args.test_page else _faces(args)
        except (FaceError, FaceOutputError) as exc:
            print(f"card-station face: {exc}", file=sys.stderr)
            return 2

    return station.reporting("face", body)


def _test_page(args: argparse.Namespace) -> int:
    printer = None if args.printer is None else open_printer(args.printer, ECHS_LAYOUT)
    if args.pdf is not None:
        print(f"wrote the alignment test page to {render_test_page_pdf(args.pdf)}")
    if printer is not None:
        print_test_page(printer)
        print(f"sent the alignment test page to {args.printer}")
    return 0


def _faces(args: argparse.Namespace) -> int:
    printer = None if args.printer is None else open_printer(args.printer, ECHS_LAYOUT)
    application = load_application(args.application)
    issuer = station.issuer()
    content = content_from_application(
        application,
        issuer,
        system_clock(),
        card_number=args.card_number,
        serial=args.serial or b"",
        fma_from=args.fma_from,
    )
    faces = family_faces(content, station.open_keys(args), issuer.reference)
    cards = f"{len(faces)} card{'s' if len(faces) != 1 else ''} of {content.member.card_number}"
    if args.pdf is not None:
        print(f"wrote {cards} (front and back) to {render_pdf(faces, args.pdf)}")
    if printer is not None:
        print_faces(faces, printer)
        print(f"sent {cards} to {args.printer}")
    return 0
