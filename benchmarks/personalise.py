"""Personalisation, FMA endorsement and the counter's decision read, through the real PC/SC path
(pyscard -> private pcscd -> vpcd -> emulated card), for the six-dependant family on 32 KB and 64 KB.

Prints ONE JSON object, one entry per size:

- ``apdus``: APDUs of one personalisation of a blank card, the read-back and verification included;
- ``apdus_minimum``: the fixed commands (every SELECT, GET CHALLENGE, INTERNAL / EXTERNAL AUTHENTICATE,
  CREATE FILE and ACTIVATE FILE sent, the two key records, the one-APDU reads of EF.ATR/INFO and EF.GDO)
  plus, for every file written and read back, ceil(bytes / largest chunk the card takes), a record
  counting as one command (EF.STATUS is written twice: open, then closed); target: ``apdus`` within 5%;
- ``bytes_written``: file content bytes the personalisation writes (key records not counted);
  ``personalise_ms``: its median wall time;
- ``endorse_bytes_written``: bytes an FMA "No OPD" endorsement writes (target < 5% of ``bytes_written``);
- ``read_decision_bytes``: response bytes the counter reads before its decision (target < 4096), and
  ``read_decision_ms``, the median wall time of read + verify + decide.

Run: ``.venv/bin/python benchmarks/personalise.py`` (root, or unprivileged user namespaces).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import statistics
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from apdu.commands.limits import CardLimits
from apdu.emulator import CardSize, EmulatedCard
from apdu.emulator.stack import EmulatorStack, socket_path_for
from apdu.iso7816 import Iso7816
from apdu.transport.counting import CountingTransport
from apdu.transport.pcsc import PcscTransport, wait_for_card
from apdu.transport.tracing import Trace, TracingTransport
from card_station.applications import sample
from card_station.card.compose import Issuer
from card_station.card.files.decl import FileData
from card_station.card.personalise import Personalised
from card_station.card.profile import CardProfile
from card_station.card.session import DEVELOPMENT_TRANSPORT_KEY
from card_station.domain.parameters import load_rule_parameters
from card_station.domain.reference.reference_data import default_fixtures_dir, load_reference_data
from card_station.keys import FileKeyStore
from card_station.services.counter import CounterService
from card_station.services.endorsement import EndorsementService
from card_station.services.personalisation import PersonalisationService

FAMILY = "family-six-dependants"
RUNS = 5
READS = 20
NOW = datetime(2026, 1, 10, 6, 0, tzinfo=UTC)
COUNTER_TIME = datetime(2026, 4, 1, 6, 0, tzinfo=UTC)
DATA_INS = {"B0", "B1", "B2", "D6", "D7", "DC", "E2"}
KEY_RECORDS_AND_ONE_APDU_READS = 4
ODD_INS_OVERHEAD = 4  # DO 54 (offset) and the DO 53 header around the data, ISO/IEC 7816-4 §11.3.3


def _units(data: FileData) -> tuple[bytes, ...]:
    return data if isinstance(data, tuple) else (data,)


def apdus_minimum(trace: Trace, files: dict[str, FileData], limits: CardLimits) -> int:
    fixed = sum(1 for e in trace.exchanges if e.command[2:4] not in DATA_INS) + KEY_RECORDS_AND_ONE_APDU_READS
    write_chunk, read_chunk = limits.max_command - ODD_INS_OVERHEAD, limits.max_response - ODD_INS_OVERHEAD
    writes = sum(math.ceil(len(u) / write_chunk) for d in files.values() for u in _units(d) if u) + 1
    reads = sum(math.ceil(len(u) / read_chunk) for d in files.values() for u in _units(d) if u)
    return fixed + writes + reads


def _personalise(
    stack: EmulatorStack, index: int, keys: FileKeyStore, issuer: Issuer, profile: CardProfile
) -> tuple[Personalised, Trace, float]:
    card = stack.card(index)
    assert card is not None
    blank = card.snapshot()
    service = PersonalisationService(keys, issuer, DEVELOPMENT_TRANSPORT_KEY, lambda: NOW)
    times: list[float] = []
    for _ in range(RUNS):
        card.restore(blank)
        with PcscTransport(stack.reader_names[index]) as pcsc:
            pcsc.reset()
            trace = Trace()
            started = time.perf_counter()
            done = service.personalise(TracingTransport(pcsc, trace), sample(FAMILY), profile)
            times.append((time.perf_counter() - started) * 1000)
    return done, trace, statistics.median(times)


def _measure(
    stack: EmulatorStack, index: int, keys: FileKeyStore, issuer: Issuer, profile: CardProfile
) -> dict[str, object]:
    done, trace, personalise_ms = _personalise(stack, index, keys, issuer, profile)
    reader = stack.reader_names[index]
    with PcscTransport(reader) as pcsc:
        limits = Iso7816(pcsc).limits
        updates = EndorsementService(keys, issuer.station_id, issuer.rules, lambda: NOW)
        updates.hand_over(pcsc, NOW)
        endorsed = updates.endorse_fma(pcsc, date(2026, 3, 1))
        counter = CounterService(keys.root_certificate(), lambda: COUNTER_TIME)
        counting = CountingTransport(pcsc)
        verdict = counter.read(counting).decision.verdict.value
        read_bytes = counting.received
        times = []
        for _ in range(READS):
            started = time.perf_counter()
            counter.read(pcsc)
            times.append((time.perf_counter() - started) * 1000)
    apdus = len(trace.exchanges)
    minimum = apdus_minimum(trace, done.files, limits)
    return {
        "apdus": apdus,
        "apdus_minimum": minimum,
        "apdus_over_minimum": round(apdus / minimum - 1, 4),
        "bytes_written": done.bytes_written,
        "personalise_ms": round(personalise_ms, 1),
        "endorse_bytes_written": endorsed.bytes_written,
        "endorse_share": round(endorsed.bytes_written / done.bytes_written, 4),
        "read_decision_bytes": read_bytes,
        "read_decision_ms": round(statistics.median(times), 1),
        "decision": verdict,
    }


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="cs-bench-personalise-"))
    keys_dir = Path(tempfile.mkdtemp(prefix="cs-bench-keys-"))
    os.environ["PCSCLITE_CSOCK_NAME"] = str(socket_path_for(workdir))
    cards = [EmulatedCard(CardSize.K32), EmulatedCard(CardSize.K64)]
    issuer = Issuer("BENCH-STN", load_rule_parameters(), load_reference_data(default_fixtures_dir()))
    try:
        keys = FileKeyStore.create_development(keys_dir / "store", "benchmark-passphrase", NOW)
        with EmulatorStack(2, cards, workdir=workdir) as stack:
            for name in stack.reader_names:
                wait_for_card(name, timeout=30)
            result = {
                "32K": _measure(stack, 0, keys, issuer, CardProfile.K32),
                "64K": _measure(stack, 1, keys, issuer, CardProfile.K64),
            }
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        shutil.rmtree(keys_dir, ignore_errors=True)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
