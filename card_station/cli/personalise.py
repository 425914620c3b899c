"""``card-station personalise``: personalise the blank card in a reader from an application file
(docs/applications.md); a torn personalisation is finished by running the same command again."""

from __future__ import annotations

import argparse
from pathlib import Path

from card_station.applications import load_application
from card_station.card.profile import CardProfile
from card_station.card.session import DEVELOPMENT_TRANSPORT_KEY
from card_station.cli import station
from card_station.services.clock import system_clock
from card_station.services.personalisation import PersonalisationService

SIZES = {"32K": CardProfile.K32, "64K": CardProfile.K64}


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("personalise", help="personalise a blank card from an application file")
    station.add_common(parser)
    parser.add_argument("--application", "-a", type=Path, required=True, help="application JSON file")
    parser.add_argument(
        "--size", choices=sorted(SIZES), help="card layout (default: as the application asks)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    def body() -> int:
        application = load_application(args.application)
        keys = station.open_keys(args)
        service = PersonalisationService(keys, station.issuer(), DEVELOPMENT_TRANSPORT_KEY, system_clock)
        with station.connected(args) as transport:
            done = service.personalise(transport, application, SIZES.get(args.size) if args.size else None)
        content = done.content
        print(f"personalised card {content.member.card_number} (chip serial {done.serial.hex().upper()})")
        print(f"  {content.info.size.label} layout, {done.bytes_written} bytes written, verified genuine")
        print(f"  {content.member.name}, {content.member.rank}, {len(content.dependants)} dependants")
        if done.resumed:
            print("  an interrupted personalisation of this card was finished")
        return 0

    return station.reporting("personalise", body)
