"""``card-station demo``: the embedded default, end to end, with no hardware.

Starts a private pcscd with two virtual readers, inserts an emulated blank 64 KB card into the first,
and drives it through pyscard exactly as a station drives a real reader: the reader list, the ATR, then a
SELECT / CREATE FILE / UPDATE BINARY / READ BINARY round trip. Every APDU is shown from the trace, with
its status word's ISO meaning and the authentication cryptogram redacted, as in a field trace.
"""

from __future__ import annotations

import argparse
import os

from apdu.atr import parse_atr
from apdu.emulator import DEV_TRANSPORT_KEY, CardSize, EmulatedCard
from apdu.emulator.stack import EmulatorStack
from apdu.fcp import ALWAYS, Fcp, FileKind, Operation, key
from apdu.iso7816 import Iso7816
from apdu.transport.pcsc import PcscTransport, list_readers, wait_for_card
from apdu.transport.tracing import Trace, TracingTransport

DEMO_FID = 0x1F01
DEMO_TEXT = b"Card Station demo: written through pyscard -> pcscd -> vpcd -> emulated card"
TRANSPORT_KEY_REF = 1


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("demo", help="run the embedded default: private pcscd, virtual readers, a card")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with EmulatorStack(2, [EmulatedCard(CardSize.K64)]) as stack:
        # libpcsclite reads this once, at this process's first PC/SC call, which comes next.
        os.environ.update(stack.environ())
        print(f"private pcscd: {stack.socket_path}")
        reader = stack.reader_names[0]
        wait_for_card(reader, timeout=10)
        print("readers:")
        for info in list_readers():
            print(f"  {info.name}: {'card present' if info.card_present else 'no card'}")
        trace = Trace()
        with PcscTransport(reader) as pcsc:
            atr = parse_atr(pcsc.atr)
            print(f"ATR: {pcsc.atr.hex(' ').upper()}")
            print(
                f"  protocols {', '.join(f'T={p}' for p in sorted(atr.protocols))}; "
                f"extended length {'yes' if atr.extended_length else 'no'}"
            )
            card = Iso7816(TracingTransport(pcsc, trace), extended=False)
            card.select_mf()
            card.authenticate(TRANSPORT_KEY_REF, DEV_TRANSPORT_KEY)
            card.create_file(
                Fcp(
                    fid=DEMO_FID,
                    kind=FileKind.TRANSPARENT,
                    size=len(DEMO_TEXT),
                    access={Operation.READ: ALWAYS, Operation.UPDATE: key(TRANSPORT_KEY_REF)},
                )
            )
            card.select_fid(DEMO_FID)
            card.update_binary(DEMO_TEXT)
            read_back = card.read_binary()
        print("APDUs (transport key cryptogram redacted):")
        for entry in trace.exchanges:
            print(f"  > {entry.command}")
            print(f"  < {entry.response} ({entry.meaning})")
        ok = read_back == DEMO_TEXT
        print(
            f"read back {len(read_back)} bytes: {'identical' if ok else 'DIFFERENT'}: {read_back.decode()!r}"
        )
        return 0 if ok else 1
