"""The ``card-station`` command. Each sub-command lives in its own module with ``register`` and ``run``;
this module only wires them together and turns the project's typed errors into one clear line and a
non-zero exit code, so an operator never sees a traceback for a known failure."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from apdu.status import ApduError
from card_station.cli import (
    apdu_cmd,
    audit,
    batch,
    block,
    central,
    counter,
    db,
    demo,
    emulator,
    endorse,
    face,
    gui,
    handover,
    operator,
    personalise,
    read,
    readers,
    sects,
    selftest,
    status,
    sync,
)

COMMANDS = (
    readers,
    apdu_cmd,
    emulator,
    demo,
    central,
    sync,
    db,
    audit,
    operator,
    personalise,
    read,
    endorse,
    block,
    batch,
    selftest,
    gui,
    face,
    handover,
    counter,
    status,
    sects,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="card-station",
        description="Smart card issuing and reading station for health-scheme membership cards.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except ApduError as exc:
        print(f"card-station {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
