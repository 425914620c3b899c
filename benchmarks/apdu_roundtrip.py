"""APDU round trips through the real PC/SC path: pyscard -> private pcscd -> vpcd -> emulated 64K card.

Prints ONE JSON object:

- ``raw_pyscard_*_us``: a bare ``smartcard.scard.SCardTransmit`` loop; ``transport_*_us``: the same
  through ``PcscTransport.transmit``. Same card, same stack, same APDU (READ BINARY of 200 bytes), 2000
  times each after a warm-up, in alternating blocks of 10 so that machine noise falls on both alike.
  Both connections are shared so that they can alternate; pcscd handles the two identically.
  ``overhead_ratio`` = transport median / raw median (target <= 1.10).
- the APDU count and time to write and read back 60 000 bytes of a transparent EF with short APDUs and
  with extended APDUs (offsets above 32767 use the odd INS B1/D7 with offset DO 54, ISO/IEC 7816-4
  §11.3.3, done by ``apdu.iso7816``).

Run: ``.venv/bin/python benchmarks/apdu_roundtrip.py`` (root, or unprivileged user namespaces).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from smartcard import scard

from apdu.emulator import DEV_TRANSPORT_KEY, CardSize, EmulatedCard
from apdu.emulator.stack import EmulatorStack, socket_path_for
from apdu.fcp import ALWAYS, Fcp, FileKind, Operation
from apdu.iso7816 import Iso7816
from apdu.transport import Transport
from apdu.transport.counting import CountingTransport
from apdu.transport.pcsc import PcscTransport, wait_for_card

READ_200 = bytes.fromhex("00B00000C8")
ROUNDS = 2000
BLOCK = 10
WARM_UP = 200
BIG_EF = 0x5F10
BIG_SIZE = 60_000
TRANSPORT_KEY_REF = 1


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _us(seconds: float) -> float:
    return round(seconds * 1e6, 1)


def _timed_block(send: Callable[[], object], count: int, into: list[float]) -> None:
    clock = time.perf_counter
    for _ in range(count):
        start = clock()
        send()
        into.append(clock() - start)


def _roundtrip(reader: str) -> dict[str, float]:
    code, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    assert code == scard.SCARD_S_SUCCESS, scard.SCardGetErrorMessage(code)
    code, handle, protocol = scard.SCardConnect(
        context, reader, scard.SCARD_SHARE_SHARED, scard.SCARD_PROTOCOL_T1
    )
    assert code == scard.SCARD_S_SUCCESS, scard.SCardGetErrorMessage(code)
    apdu = list(READ_200)
    transport = PcscTransport(reader, shared=True)
    transport.connect()
    Iso7816(transport).select_path([BIG_EF])
    raw: list[float] = []
    wrapped: list[float] = []
    try:
        _timed_block(lambda: scard.SCardTransmit(handle, protocol, apdu), WARM_UP, [])
        _timed_block(lambda: transport.transmit(READ_200), WARM_UP, [])
        for _ in range(ROUNDS // BLOCK):
            _timed_block(lambda: scard.SCardTransmit(handle, protocol, apdu), BLOCK, raw)
            _timed_block(lambda: transport.transmit(READ_200), BLOCK, wrapped)
        code, response = scard.SCardTransmit(handle, protocol, apdu)
        assert code == scard.SCARD_S_SUCCESS and len(response) == 202 and response[-2:] == [0x90, 0x00]
        assert len(transport.transmit(READ_200)) == 202
    finally:
        transport.disconnect()
        scard.SCardDisconnect(handle, scard.SCARD_LEAVE_CARD)
        scard.SCardReleaseContext(context)
    raw_median, wrapped_median = statistics.median(raw), statistics.median(wrapped)
    return {
        "raw_pyscard_median_us": _us(raw_median),
        "raw_pyscard_p95_us": _us(_percentile(raw, 0.95)),
        "transport_median_us": _us(wrapped_median),
        "transport_p95_us": _us(_percentile(wrapped, 0.95)),
        "overhead_ratio": round(wrapped_median / raw_median, 3),
    }


def _bulk(transport: Transport, extended: bool, payload: bytes) -> dict[str, float | int]:
    counter = CountingTransport(transport)
    card = Iso7816(counter, extended=extended)
    card.select_fid(BIG_EF)
    counter.apdus = 0
    start = time.perf_counter()
    card.update_binary(payload)
    write_s, write_apdus = time.perf_counter() - start, counter.apdus
    counter.apdus = 0
    start = time.perf_counter()
    back = card.read_binary(0, len(payload))
    read_s, read_apdus = time.perf_counter() - start, counter.apdus
    if back != payload:
        raise RuntimeError("read back differs from what was written")
    kind = "extended" if extended else "short"
    return {
        f"{kind}_write_apdus": write_apdus,
        f"{kind}_write_ms": round(write_s * 1000, 1),
        f"{kind}_read_apdus": read_apdus,
        f"{kind}_read_ms": round(read_s * 1000, 1),
    }


def _prepare(reader: str) -> None:
    """The 200-byte reads and the bulk run both use one 60 000-byte transparent EF, selected."""
    with PcscTransport(reader) as transport:
        card = Iso7816(transport)
        card.select_mf()
        card.authenticate(TRANSPORT_KEY_REF, DEV_TRANSPORT_KEY)
        access = {Operation.READ: ALWAYS, Operation.UPDATE: ALWAYS, Operation.DELETE: ALWAYS}
        card.create_file(Fcp(BIG_EF, FileKind.TRANSPARENT, size=BIG_SIZE, access=access))
        card.select_fid(BIG_EF)
        card.update_binary(bytes(256))


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="cs-bench-"))
    os.environ["PCSCLITE_CSOCK_NAME"] = str(socket_path_for(workdir))
    card = EmulatedCard(CardSize.K64, extended_length=True, t0=False)
    try:
        with EmulatorStack(1, [card], workdir=workdir) as stack:
            reader = stack.reader_names[0]
            wait_for_card(reader, timeout=30)
            _prepare(reader)
            result: dict[str, object] = {"apdu": READ_200.hex(" ").upper(), "rounds": ROUNDS}
            result.update(_roundtrip(reader))
            payload = os.urandom(BIG_SIZE)
            with PcscTransport(reader) as transport:
                Iso7816(transport).select_mf()
                result["bulk_bytes"] = BIG_SIZE
                result.update(_bulk(transport, False, payload))
                result.update(_bulk(transport, True, payload[::-1]))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
