"""What the batch tests share besides tests/issuing_samples.py (application files, blank cards, reading a
card back): the station's collaborators, one session of a run, and counting the genuine cards."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from issuing_samples import card_number_if_genuine

from apdu.emulator import EmulatedCard
from apdu.emulator.stack import EmulatorStack
from card_station.card.compose import Issuer
from card_station.card.session import DEVELOPMENT_TRANSPORT_KEY
from card_station.domain.parameters import load_rule_parameters
from card_station.domain.reference.reference_data import default_fixtures_dir, load_reference_data
from card_station.issuing.batch.emulated import EmulatedHopper
from card_station.issuing.batch.faces import FacePrinter
from card_station.issuing.batch.ledger import Ledger
from card_station.issuing.batch.readers import PcscReaders, Readers
from card_station.issuing.batch.rendered_faces import RenderedFaces
from card_station.issuing.batch.run import BatchRun, Rate, Summary
from card_station.issuing.batch.sources import plan_applications
from card_station.issuing.batch.worker import Event
from card_station.keys import FileKeyStore
from card_station.services.personalisation import PersonalisationService
from card_station.store import Store

NOW = datetime(2026, 1, 10, 6, 0, tzinfo=UTC)


@dataclass(frozen=True)
class StationKit:
    keys: FileKeyStore
    issuer: Issuer

    def personaliser(self) -> PersonalisationService:
        return PersonalisationService(self.keys, self.issuer, DEVELOPMENT_TRANSPORT_KEY, lambda: NOW)


def station_kit(folder: Path) -> StationKit:
    keys = FileKeyStore.create_development(folder / "keys", "batch-test-passphrase", NOW)
    issuer = Issuer("BATCH-TEST", load_rule_parameters(), load_reference_data(default_fixtures_dir()))
    return StationKit(keys, issuer)


def run_batch(
    store: Store,
    kit: StationKit,
    stack: EmulatorStack,
    hopper: EmulatedHopper,
    folder: Path,
    *,
    faces: FacePrinter,
    readers: Readers | None = None,
    report: Callable[[Event, Rate], None] | None = None,
    name: str = "run",
) -> Summary:
    """One session of the run ``name`` over the applications in ``folder`` on every reader of ``stack``."""
    ledger = Ledger.open(store, name, plan_applications(folder), NOW)
    run = BatchRun(
        ledger,
        personaliser=kit.personaliser(),
        faces=faces,
        feed=hopper,
        readers=readers or PcscReaders(),
        clock=lambda: NOW,
        report=report,
    )
    return run.run(stack.reader_names)


def rendered_faces(kit: StationKit, folder: Path) -> RenderedFaces:
    return RenderedFaces(kit.keys, kit.issuer.reference, folder)


def genuine_numbers(cards: Iterable[EmulatedCard], root: bytes) -> Counter[str]:
    """How many genuine cards carry each card number, over every distinct card in ``cards``."""
    distinct = {id(card): card for card in cards}.values()
    found = Counter(card_number_if_genuine(card, root, NOW) for card in distinct)
    found.pop(None, None)
    return Counter({number: count for number, count in found.items() if number is not None})
