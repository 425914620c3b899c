"""``card-station block``: block the card in a reader (lost, change of data); a counter then refuses it."""

from __future__ import annotations

import argparse

from card_station.card.content import BlockReason
from card_station.cli import station
from card_station.domain.parameters import load_rule_parameters
from card_station.services.clock import system_clock
from card_station.services.endorsement import EndorsementService

REASONS = {"lost": BlockReason.LOST, "change-of-data": BlockReason.CHANGE_OF_DATA}


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("block", help="block a card (lost, change of data)")
    station.add_common(parser)
    parser.add_argument("--reason", choices=sorted(REASONS), required=True)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    def body() -> int:
        keys = station.open_keys(args)
        service = EndorsementService(keys, station.station_id(), load_rule_parameters(), system_clock)
        with station.connected(args) as transport:
            done = service.block(transport, REASONS[args.reason])
        print(f"card {done.content.member.card_number}: blocked ({args.reason})")
        return 0

    return station.reporting("block", body)
