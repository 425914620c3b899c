"""The steps of each card in hand, told to a live display (the desktop screen's table per reader):
writing, verifying (the read-back after ACTIVATE FILE), printing the face; on the real PC/SC stack."""

from __future__ import annotations

import threading
from pathlib import Path

from batch_helpers import NOW, StationKit, rendered_faces
from issuing_samples import blank_cards, write_applications

from apdu.emulator.stack import EmulatorStack
from apdu.transport import Transport
from card_station.applications import ApplicationFile
from card_station.card.personalise import Personalised
from card_station.issuing.batch.emulated import EmulatedHopper
from card_station.issuing.batch.ledger import Ledger
from card_station.issuing.batch.readers import PcscReaders
from card_station.issuing.batch.run import BatchRun, Rate
from card_station.issuing.batch.sources import plan_applications
from card_station.issuing.batch.worker import PHASES, Event, EventKind
from card_station.store import Store


def test_each_card_is_told_writing_verifying_printing_before_it_is_issued(
    readers: EmulatorStack, store: Store, kit: StationKit, tmp_path: Path
) -> None:
    write_applications(tmp_path / "apps", 3)
    lock = threading.Lock()
    seen: list[Event] = []
    reported: list[Event] = []

    def phase(event: Event) -> None:
        with lock:
            seen.append(event)

    def report(event: Event, rate: Rate) -> None:
        with lock:
            seen.append(event)
            reported.append(event)

    run = BatchRun(
        Ledger.open(store, "phases", plan_applications(tmp_path / "apps"), NOW),
        personaliser=kit.personaliser(),
        faces=rendered_faces(kit, tmp_path / "faces"),
        feed=EmulatedHopper(readers, blank_cards(4)),
        readers=PcscReaders(),
        clock=lambda: NOW,
        report=report,
        phases=phase,
    )
    summary = run.run(readers.reader_names[:2])

    assert summary.complete
    assert not [event for event in reported if event.kind in PHASES]
    for item in summary.items:
        steps = [
            event.kind
            for event in seen
            if event.card_number == item.card_number and event.reader == item.reader
        ]
        assert steps == [EventKind.WRITING, EventKind.VERIFYING, EventKind.PRINTING, EventKind.ISSUED]


def test_without_a_phase_observer_the_card_io_is_not_wrapped(
    readers: EmulatorStack, store: Store, kit: StationKit, tmp_path: Path
) -> None:
    write_applications(tmp_path / "apps", 1)
    transports: list[type] = []
    personaliser = kit.personaliser()

    class Spy:
        def personalise(self, transport: Transport, application: ApplicationFile) -> Personalised:
            transports.append(type(transport))
            return personaliser.personalise(transport, application)

    run = BatchRun(
        Ledger.open(store, "plain", plan_applications(tmp_path / "apps"), NOW),
        personaliser=Spy(),
        faces=rendered_faces(kit, tmp_path / "faces"),
        feed=EmulatedHopper(readers, blank_cards(1)),
        readers=PcscReaders(),
        clock=lambda: NOW,
    )
    assert run.run(readers.reader_names[:1]).complete
    assert [t.__name__ for t in transports] == ["PcscTransport"]
