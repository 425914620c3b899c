"""``card-station readers``: every PC/SC reader, whether a card is in it, and the card's ATR."""

from __future__ import annotations

import argparse

from apdu.transport.pcsc import list_readers


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("readers", help="list PC/SC readers, card presence and ATR")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    readers = list_readers()
    if not readers:
        print("no readers: plug in a reader, or start `card-station emulator` and export its line")
        return 1
    for index, reader in enumerate(readers):
        card = f"card present, ATR {reader.atr.hex(' ').upper()}" if reader.card_present else "no card"
        print(f"{index}: {reader.name}: {card}")
    return 0
