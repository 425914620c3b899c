"""``card-station emulator``: a private pcscd with virtual readers holding emulated cards, in the
foreground, until interrupted. A second shell reaches it by exporting the printed
``PCSCLITE_CSOCK_NAME=...`` line (libpcsclite's way of finding a pcscd other than the system's)."""

from __future__ import annotations

import argparse
import os
import signal
import threading
from pathlib import Path

from apdu.emulator import CardSize, EmulatedCard
from apdu.emulator.stack import EmulatorStack
from apdu.transport.pcsc import wait_for_card

_SIZES = {"32K": CardSize.K32, "64K": CardSize.K64}
_OPTIONS = {"t0", "short"}
READY_TIMEOUT_S = 10.0


def card_spec(text: str) -> EmulatedCard | None:
    """``64K`` or ``32K``, optionally followed by ``,t0`` (T=0 only) and ``,short`` (no extended length);
    ``empty`` leaves the reader without a card."""
    if text.lower() == "empty":
        return None
    size, *options = [part.strip() for part in text.split(",")]
    unknown = set(map(str.lower, options)) - _OPTIONS
    if size.upper() not in _SIZES or unknown:
        raise argparse.ArgumentTypeError(
            f"{text!r}: a card is 64K or 32K, optionally with ,t0 and/or ,short (or 'empty')"
        )
    lowered = {option.lower() for option in options}
    return EmulatedCard(_SIZES[size.upper()], t0="t0" in lowered, extended_length="short" not in lowered)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("emulator", help="run a private pcscd with virtual readers and emulated cards")
    parser.add_argument("--readers", type=int, default=2, help="number of virtual readers (1-16)")
    parser.add_argument(
        "--card",
        action="append",
        type=card_spec,
        default=[],
        metavar="SIZE[,t0][,short]",
        help="a blank card for the next reader: 64K or 32K (repeat per reader; 'empty' for none)",
    )
    parser.add_argument("--state", type=Path, help="keep each reader's card in DIR across restarts")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    with EmulatorStack(args.readers, args.card, args.state) as stack:
        # The line is printed once pcscd reports every card, so whoever reads it finds them present.
        os.environ.update(stack.environ())
        for index, name in enumerate(stack.reader_names):
            if stack.card(index) is not None:
                wait_for_card(name, timeout=READY_TIMEOUT_S)
        print(f"PCSCLITE_CSOCK_NAME={stack.socket_path}", flush=True)
        for index, name in enumerate(stack.reader_names):
            card = stack.card(index)
            print(f"reader {index}: {name}: {'ATR ' + card.atr.hex(' ').upper() if card else 'empty'}")
        print(
            "running; Ctrl-C stops and saves the cards" if args.state else "running; Ctrl-C stops", flush=True
        )
        stop.wait()
    return 0
