"""What the batch tests share: application files for a run, the station's collaborators, and checking a
finished card as a counter would (read it back and verify EF.SOD against the scheme root)."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from apdu.emulator import CardSize, EmulatedCard
from apdu.emulator.stack import EmulatorStack
from apdu.iso7816 import Iso7816
from apdu.transport.loopback import LoopbackTransport
from card_station.applications import FIXTURES_DIR
from card_station.card.compose import Issuer
from card_station.card.reader import read_card
from card_station.card.reading import verify_reading
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
SAMPLES_64K = ("war-widow", "family-six-dependants")
SAMPLES_32K = ("disabled-child", "remarried-widow", "widow-pensioner-parents-in-law")


def write_applications(folder: Path, count: int, *, k32: int = 0, first: int = 0) -> list[Path]:
    """``count`` application files in ``folder``, each its own card number (numbered from ``first``); the
    first ``k32`` ask for a 32 KB card, the rest for 64 KB. Photos are copied next to them (the files name
    them relatively). One card each: add-on cards are issued at the clerk's screen, not in a run."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(FIXTURES_DIR / "photos", folder / "photos", dirs_exist_ok=True)
    paths = []
    for i in range(first, first + count):
        samples = SAMPLES_32K if i - first < k32 else SAMPLES_64K
        raw = json.loads((FIXTURES_DIR / f"{samples[i % len(samples)]}.json").read_text(encoding="utf-8"))
        number = raw["card"]["card_number"]
        raw["card"]["card_number"] = f"{number[:-4]}{i:04d}"
        raw.pop("add_on_cards", None)
        service_number = raw["member"]["service_number"]
        raw["member"]["service_number"] = f"{service_number[:-4]}{i:03d}{service_number[-1]}"
        path = folder / f"app-{i:03d}.json"
        path.write_text(json.dumps(raw), encoding="utf-8")
        paths.append(path)
    return paths


def blank_cards(count: int, size: CardSize = CardSize.K64) -> list[EmulatedCard]:
    return [EmulatedCard(size, extended_length=True, t0=False) for _ in range(count)]


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


def card_number_if_genuine(card: EmulatedCard, root: bytes, at: datetime = NOW) -> str | None:
    """The card number on ``card`` if it reads back as a genuine ECHS card (as a counter checks it)."""
    transport = LoopbackTransport(card)
    transport.connect()
    checked = verify_reading(read_card(Iso7816(transport), photos=True), root, at)
    if not checked.genuine or checked.content is None:
        return None
    return checked.content.member.card_number


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
    found = Counter(card_number_if_genuine(card, root) for card in distinct)
    found.pop(None, None)
    return Counter({number: count for number, count in found.items() if number is not None})
