"""What the issuing screen's tests share: application files for a run, emulated blank cards, showing the
screen as the active window (shortcuts reach only the active window), and reading a card back as a
counter does."""

from __future__ import annotations

import json
import shutil
import warnings
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from apdu.emulator import CardSize, EmulatedCard
from apdu.iso7816 import Iso7816
from apdu.transport.loopback import LoopbackTransport
from card_station.applications import FIXTURES_DIR
from card_station.card.reader import read_card
from card_station.card.reading import verify_reading
from gui.issuing.screen import IssuingScreen

SAMPLES = ("war-widow", "family-six-dependants")
CTRL = Qt.KeyboardModifier.ControlModifier
RUN_TIMEOUT_MS = 180_000


def write_applications(folder: Path, count: int, *, first: int = 0) -> list[Path]:
    """``count`` application files for 64 KB cards, each its own card and service number, with the sample
    photos beside them (the files name them relatively). One card each: add-on cards are issued at the
    clerk's personalisation screen, not in a run."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(FIXTURES_DIR / "photos", folder / "photos", dirs_exist_ok=True)
    paths = []
    for i in range(first, first + count):
        raw = json.loads((FIXTURES_DIR / f"{SAMPLES[i % len(SAMPLES)]}.json").read_text(encoding="utf-8"))
        number = raw["card"]["card_number"]
        raw["card"]["card_number"] = f"{number[:-4]}{i:04d}"
        raw.pop("add_on_cards", None)
        service_number = raw["member"]["service_number"]
        raw["member"]["service_number"] = f"{service_number[:-4]}{i:03d}{service_number[-1]}"
        path = folder / f"app-{i:03d}.json"
        path.write_text(json.dumps(raw), encoding="utf-8")
        paths.append(path)
    return paths


def blank_cards(count: int) -> list[EmulatedCard]:
    return [EmulatedCard(CardSize.K64, extended_length=True, t0=False) for _ in range(count)]


def shown(qtbot: QtBot, screen: IssuingScreen) -> IssuingScreen:
    """Show ``screen`` as the active window (the offscreen platform activates a window only when told)."""
    qtbot.addWidget(screen)
    screen.resize(1200, 900)
    screen.show()
    qtbot.waitExposed(screen)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(screen)
    assert screen.isActiveWindow()
    return screen


def only_readers(screen: IssuingScreen, names: list[str]) -> None:
    """Tick ``names`` in the screen's reader list and untick the others, as the operator would."""
    for row in range(screen.readers_list.count()):
        item = screen.readers_list.item(row)
        item.setCheckState(Qt.CheckState.Checked if item.text() in names else Qt.CheckState.Unchecked)


def genuine_number(card: EmulatedCard, root: bytes, at: datetime) -> str | None:
    """The card number on ``card`` if it reads back as a genuine ECHS card, as a counter checks it."""
    transport = LoopbackTransport(card)
    transport.connect()
    checked = verify_reading(read_card(Iso7816(transport), photos=True), root, at)
    if not checked.genuine or checked.content is None:
        return None
    return checked.content.member.card_number
