"""The counter: from a card inserted to the decision on screen, through the real PC/SC path (pyscard ->
private pcscd -> vpcd -> emulated 64 KB card holding the six-dependant family of fixtures/applications/,
handed over and active), with the hotlist looked up in a real SQLite store.

Prints ONE JSON object:

- ``insert_to_decision_ms`` {median, p95}: the card is put into the reader (the emulator connects to
  vpcd), pcscd notices it (it polls every 400 ms), the counter connects, reads, verifies EF.SOD against
  the scheme root, checks the hotlist and decides; ``INSERTIONS`` insertions;
- ``read_to_decision_ms`` {median, p95}: the same without the insertion (card already connected);
- ``bytes_read``: response data bytes the decision reads (status words not counted); ``apdus``;
- ``decision``: the verdict (must be "active").

Run: ``.venv/bin/python benchmarks/counter.py`` (root, or unprivileged user namespaces).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from apdu.emulator import CardSize, EmulatedCard
from apdu.emulator.stack import EmulatorStack, socket_path_for
from apdu.transport.counting import CountingTransport
from apdu.transport.pcsc import PcscTransport, wait_for_card, wait_for_removal
from card_station.applications import sample
from card_station.card.compose import Issuer
from card_station.card.session import DEVELOPMENT_TRANSPORT_KEY
from card_station.domain.parameters import load_rule_parameters
from card_station.domain.reference.reference_data import default_fixtures_dir, load_reference_data
from card_station.keys import FileKeyStore
from card_station.services.counter import CounterService, store_hotlist
from card_station.services.endorsement import EndorsementService
from card_station.services.personalisation import PersonalisationService
from card_station.store import open_store

FAMILY = "family-six-dependants"
NOW = datetime(2026, 1, 10, 6, 0, tzinfo=UTC)
COUNTER_TIME = datetime(2026, 4, 1, 6, 0, tzinfo=UTC)
INSERTIONS = 20
READS = 50


def _stats(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return {"median": round(statistics.median(ordered), 1), "p95": round(p95, 1)}


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="cs-bench-counter-"))
    data = Path(tempfile.mkdtemp(prefix="cs-bench-counter-data-"))
    os.environ["PCSCLITE_CSOCK_NAME"] = str(socket_path_for(workdir))
    issuer = Issuer("BENCH-STN", load_rule_parameters(), load_reference_data(default_fixtures_dir()))
    try:
        keys = FileKeyStore.create_development(data / "keys", "benchmark-passphrase", NOW - timedelta(days=1))
        store = open_store(data / "station.db")
        with EmulatorStack(1, [EmulatedCard(CardSize.K64)], workdir=workdir) as stack:
            reader = stack.reader_names[0]
            wait_for_card(reader, timeout=30)
            with PcscTransport(reader) as card:
                PersonalisationService(keys, issuer, DEVELOPMENT_TRANSPORT_KEY, lambda: NOW).personalise(
                    card, sample(FAMILY)
                )
                EndorsementService(keys, issuer.station_id, issuer.rules, lambda: NOW).hand_over(card, NOW)
            hotlist = store_hotlist(store)
            counter = CounterService(keys.root_certificate(), lambda: COUNTER_TIME, hotlist=hotlist)
            inserted: list[float] = []
            for _ in range(INSERTIONS):
                stack.remove(0)
                wait_for_removal(reader, timeout=30)
                started = time.perf_counter()
                stack.insert(0)
                wait_for_card(reader, timeout=30)
                with PcscTransport(reader) as card:
                    decision = counter.read(card).decision
                inserted.append((time.perf_counter() - started) * 1000)
            with PcscTransport(reader) as card:
                counting = CountingTransport(card)
                verdict = counter.read(counting).decision.verdict.value
                reads: list[float] = []
                for _ in range(READS):
                    started = time.perf_counter()
                    counter.read(card)
                    reads.append((time.perf_counter() - started) * 1000)
        store.close()
        result = {
            "insert_to_decision_ms": _stats(inserted),
            "read_to_decision_ms": _stats(reads),
            "bytes_read": counting.received,
            "apdus": counting.apdus,
            "decision": verdict,
            "last_insertion_decision": decision.verdict.value,
            "insertions": INSERTIONS,
        }
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        shutil.rmtree(data, ignore_errors=True)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
