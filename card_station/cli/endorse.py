"""``card-station endorse-fma``: mark the card in a reader "No OPD" from a date (seed 003 §11); rerun the
same command to finish an interrupted endorsement."""

from __future__ import annotations

import argparse
from datetime import date

from card_station.cli import station
from card_station.domain.parameters import load_rule_parameters
from card_station.services.clock import system_clock
from card_station.services.endorsement import EndorsementService


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD") from None


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("endorse-fma", help='endorse FMA "No OPD" on a card from a date')
    station.add_common(parser)
    parser.add_argument("--from", dest="from_date", type=iso_date, required=True, help="FMA commencement")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    def body() -> int:
        keys = station.open_keys(args)
        service = EndorsementService(keys, station.station_id(), load_rule_parameters(), system_clock)
        with station.connected(args) as transport:
            done = service.endorse_fma(transport, args.from_date)
        print(f"card {done.content.member.card_number}: {done.content.endorsements[-1].text}")
        print(f"  wrote {', '.join(done.files_written)}, EF.SOD and EF.STATUS: {done.bytes_written} bytes")
        return 0

    return station.reporting("endorse-fma", body)
