"""What the issuing run's tests (tests/issuing/batch) and the issuing screen's tests (tests/gui/issuing)
share: application files for a run, blank emulated cards, the applications entered and verified through
the real services (maker-checker, seed 002 §4), and reading a finished card back as a counter does (EF.SOD
verified against the scheme root).
"""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from apdu.emulator import CardSize, EmulatedCard
from apdu.iso7816 import Iso7816
from apdu.transport.loopback import LoopbackTransport
from card_station.applications import FIXTURES_DIR, load_application
from card_station.card.reader import read_card
from card_station.card.reading import verify_reading
from card_station.services import applications
from card_station.store.models.operators import Operator
from card_station.store.pii import DataKey

SAMPLES_64K = ("war-widow", "family-six-dependants")
SAMPLES_32K = ("disabled-child", "remarried-widow", "widow-pensioner-parents-in-law")


def write_applications(folder: Path, count: int, *, k32: int = 0, first: int = 0) -> list[Path]:
    """``count`` application files in ``folder``, each its own card and service number (numbered from
    ``first``); the first ``k32`` ask for a 32 KB card, the rest for 64 KB. Photos are copied next to them
    (the files name them relatively). One card each: add-on cards are issued at the clerk's screen, not in
    a run."""
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


def enter_applications(
    session: Session,
    clerk: Operator,
    verifier: Operator,
    files: list[Path],
    *,
    verify: int,
    data_key: DataKey,
    now: datetime,
) -> list[str]:
    """Enter and submit each file's application as ``clerk``; ``verifier`` verifies the first ``verify``
    (maker-checker, seed 002 §4). The applications' keys, in the files' order."""
    keys = []
    for i, path in enumerate(files):
        row = applications.enter_application(
            session,
            clerk,
            load_application(path).application,
            mobile=None,
            aadhaar=None,
            data_key=data_key,
            now=now,
        )
        applications.submit_application(session, clerk, row.key, now=now)
        if i < verify:
            applications.verify_application(session, verifier, row.key, now=now)
        keys.append(row.key)
    return keys


def card_number_if_genuine(card: EmulatedCard, root: bytes, at: datetime) -> str | None:
    """The card number on ``card`` if it reads back as a genuine ECHS card at ``at`` (as a counter checks
    it), else None."""
    transport = LoopbackTransport(card)
    transport.connect()
    checked = verify_reading(read_card(Iso7816(transport), photos=True), root, at)
    if not checked.genuine or checked.content is None:
        return None
    return checked.content.member.card_number
