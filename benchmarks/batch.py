"""Issuing runs across 1, 2 and 4 readers on the real PC/SC stack (pyscard -> private pcscd -> vpcd ->
emulated cards), fed from an emulated hopper, every card personalised, verified by reading back, and its
face rendered to PDF (issue 8 "Benchmark").

Prints ONE JSON object:

- ``cards_per_minute``: {"1": .., "2": .., "4": ..}, cards issued per minute of the run's wall time;
- ``scaling_4_vs_1``: cards_per_minute["4"] / cards_per_minute["1"] (target >= 3.2);
- ``phases_ms``: per reader count, the median per card of each step a worker takes (``card_in``: from
  asking for a card to pcscd reporting it; ``personalise`` (APDUs, key derivation, ECDSA signing,
  read-back); ``face``; ``card_out``: from handing the card back to pcscd reporting the reader empty;
  ``ledger``: the store's claim and record transactions);
- ``cpu_share``: process CPU time / wall time during each run (2.0 would be both cores saturated).

Run: ``.venv/bin/python benchmarks/batch.py [cards per reader, default 12]``.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from apdu.emulator import CardSize, EmulatedCard
from apdu.emulator.stack import EmulatorStack, socket_path_for
from apdu.transport import Transport
from apdu.transport.pcsc import wait_for_removal
from card_station.applications import FIXTURES_DIR, ApplicationFile
from card_station.card.compose import Issuer
from card_station.card.personalise import Personalised
from card_station.card.session import DEVELOPMENT_TRANSPORT_KEY
from card_station.domain.parameters import load_rule_parameters
from card_station.domain.reference.reference_data import default_fixtures_dir, load_reference_data
from card_station.issuing.batch.emulated import EmulatedHopper
from card_station.issuing.batch.ledger import Ledger
from card_station.issuing.batch.readers import PcscReaders
from card_station.issuing.batch.rendered_faces import RenderedFaces
from card_station.issuing.batch.run import BatchRun
from card_station.issuing.batch.sources import plan_applications
from card_station.keys import FileKeyStore
from card_station.services.personalisation import PersonalisationService
from card_station.store import open_store

NOW = datetime(2026, 1, 10, 6, 0, tzinfo=UTC)
READER_COUNTS = (1, 2, 4)
SAMPLE = "war-widow"
_T = TypeVar("_T")


class Phases:
    """Wall time per step, per card, from every worker thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.times: dict[str, list[float]] = defaultdict(list)

    @contextmanager
    def timed(self, phase: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            with self._lock:
                self.times[phase].append((time.perf_counter() - started) * 1000)

    def call(self, phase: str, function: Callable[[], _T]) -> _T:
        with self.timed(phase):
            return function()

    def medians(self) -> dict[str, float]:
        return {phase: round(statistics.median(values), 1) for phase, values in sorted(self.times.items())}


class TimedReaders(PcscReaders):
    """The real readers; a wait that returns True closes the step opened by the feed or take before it."""

    def __init__(self, phases: Phases) -> None:
        self._phases = phases
        self.asked: dict[str, tuple[str, float]] = {}

    def _done(self, reader: str) -> None:
        phase, started = self.asked.pop(reader, ("", 0.0))
        if phase:
            with self._phases._lock:
                self._phases.times[phase].append((time.perf_counter() - started) * 1000)

    def wait_for_card(self, reader: str, timeout: float) -> bool:
        found = super().wait_for_card(reader, timeout)
        if found:
            self._done(reader)
        return found

    def wait_for_removal(self, reader: str, timeout: float) -> bool:
        gone = super().wait_for_removal(reader, timeout)
        if gone:
            self._done(reader)
        return gone

    def connect(self, reader: str) -> AbstractContextManager[Transport]:
        return super().connect(reader)


class TimedHopper(EmulatedHopper):
    def __init__(self, stack: EmulatorStack, blanks: list[EmulatedCard], readers: TimedReaders) -> None:
        super().__init__(stack, blanks)
        self._timed = readers

    def feed(self, reader: str, wanted: object) -> bool:
        self._timed.asked[reader] = ("card_in", time.perf_counter())
        return super().feed(reader, wanted)  # type: ignore[arg-type]

    def take(self, reader: str, outcome: object) -> None:
        self._timed.asked[reader] = ("card_out", time.perf_counter())
        super().take(reader, outcome)  # type: ignore[arg-type]


class TimedPersonaliser:
    def __init__(self, inner: PersonalisationService, phases: Phases) -> None:
        self._inner = inner
        self._phases = phases

    def personalise(self, transport: Transport, application: ApplicationFile) -> Personalised:
        return self._phases.call("personalise", lambda: self._inner.personalise(transport, application))


class TimedFaces:
    def __init__(self, inner: RenderedFaces, phases: Phases) -> None:
        self._inner = inner
        self._phases = phases

    def print_face(self, done: Personalised) -> str:
        return self._phases.call("face", lambda: self._inner.print_face(done))


class TimedLedger(Ledger):
    phases: Phases

    def claim(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return self.phases.call("ledger", lambda: super(TimedLedger, self).claim(*args, **kwargs))

    def issued(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return self.phases.call("ledger", lambda: super(TimedLedger, self).issued(*args, **kwargs))


def _applications(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True)
    shutil.copytree(FIXTURES_DIR / "photos", folder / "photos")
    raw = json.loads((FIXTURES_DIR / f"{SAMPLE}.json").read_text(encoding="utf-8"))
    for i in range(count):
        raw["card"]["card_number"] = f"{raw['card']['card_number'][:-4]}{i:04d}"
        (folder / f"app-{i:04d}.json").write_text(json.dumps(raw), encoding="utf-8")
    return folder


def _measure(stack: EmulatorStack, readers: int, cards: int, work: Path, keys: FileKeyStore) -> dict:
    issuer = Issuer("BENCH-STN", load_rule_parameters(), load_reference_data(default_fixtures_dir()))
    phases = Phases()
    timed_readers = TimedReaders(phases)
    hopper = TimedHopper(stack, [EmulatedCard(CardSize.K64) for _ in range(cards)], timed_readers)
    store = open_store(work / f"station-{readers}.db")
    try:
        planned = plan_applications(_applications(work / f"apps-{readers}", cards))
        opened = Ledger.open(store, f"bench-{readers}", planned, NOW)
        ledger = TimedLedger(store, opened.run_id, opened.name)
        ledger.phases = phases
        personaliser = TimedPersonaliser(
            PersonalisationService(keys, issuer, DEVELOPMENT_TRANSPORT_KEY, lambda: NOW), phases
        )
        faces = TimedFaces(RenderedFaces(keys, issuer.reference, work / f"faces-{readers}"), phases)
        run = BatchRun(
            ledger,
            personaliser=personaliser,
            faces=faces,
            feed=hopper,
            readers=timed_readers,
            clock=lambda: NOW,
        )
        cpu, wall = time.process_time(), time.perf_counter()
        summary = run.run(stack.reader_names[:readers])
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    finally:
        store.close()
    if not summary.complete or summary.rate.progress.failed:
        raise SystemExit(f"the {readers}-reader run did not issue every card: {summary.rate.line()}")
    return {
        "cards_per_minute": round(60 * cards / wall, 1),
        "phases_ms": phases.medians(),
        "cpu_share": round(cpu / wall, 2),
    }


def main() -> None:
    per_reader = int(sys.argv[1]) if len(sys.argv) > 1 else 12
    work = Path(tempfile.mkdtemp(prefix="cs-bench-batch-"))
    os.environ["PCSCLITE_CSOCK_NAME"] = str(socket_path_for(work / "pcsc"))
    try:
        keys = FileKeyStore.create_development(work / "keys", "benchmark-passphrase", NOW)
        with EmulatorStack(max(READER_COUNTS), workdir=work / "pcsc") as stack:
            for name in stack.reader_names:
                wait_for_removal(name, timeout=30)
            results = {str(n): _measure(stack, n, per_reader * n, work, keys) for n in READER_COUNTS}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    per_minute = {n: r["cards_per_minute"] for n, r in results.items()}
    print(
        json.dumps(
            {
                "cards_per_minute": per_minute,
                "scaling_4_vs_1": round(per_minute["4"] / per_minute["1"], 2),
                "phases_ms": {n: r["phases_ms"] for n, r in results.items()},
                "cpu_share": {n: r["cpu_share"] for n, r in results.items()},
                "cards_per_reader": per_reader,
                "cpus": os.cpu_count(),
            }
        )
    )


if __name__ == "__main__":
    main()
