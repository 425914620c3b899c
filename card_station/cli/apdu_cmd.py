"""``card-station apdu``: send raw command APDUs to a card and print each answer with its ISO meaning.

For technicians and bug reports: the answer is shown as the card gave it, with the status word decoded
(``6A82 file or application not found``), and a non-success status word does not stop the sequence, so
a scripted session shows every step."""

from __future__ import annotations

import argparse

from apdu.command import CommandApdu, MalformedApdu
from apdu.response import ResponseApdu
from apdu.transport.pcsc import PcscTransport, list_readers
from card_station.cli.reader_choice import resolve_reader


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("apdu", help="send APDUs (hex) and print the responses")
    parser.add_argument("--reader", "-r", default="0", help="reader index, name, or part of a name")
    parser.add_argument(
        "apdus", nargs="+", type=parse_hex, metavar="HEX", help="command APDU in hex, e.g. 00A4000C023F00"
    )
    parser.set_defaults(run=run)


def parse_hex(text: str) -> bytes:
    cleaned = text.replace(" ", "").replace(":", "")
    try:
        raw = bytes.fromhex(cleaned)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not hex") from None
    try:
        CommandApdu.parse(raw)
    except MalformedApdu as exc:
        raise argparse.ArgumentTypeError(f"{text}: {exc}") from None
    return raw


def run(args: argparse.Namespace) -> int:
    commands: list[bytes] = args.apdus
    reader = resolve_reader(args.reader, [info.name for info in list_readers()])
    worst = 0
    with PcscTransport(reader) as transport:
        for command in commands:
            response = ResponseApdu.parse(transport.transmit(command))
            print(f"> {command.hex(' ').upper()}")
            data = f"{response.data.hex(' ').upper()} " if response.data else ""
            print(f"< {data}{response.sw:04X} ({response.meaning})")
            if response.sw != 0x9000 and response.sw1 != 0x61:
                worst = 1
    return worst
