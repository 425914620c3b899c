"""Batch fixtures: the session's four vpcd readers fed from an emulated hopper, a fresh station database,
and the station's keys. The session's own cards are put back in their readers afterwards, so the other
PC/SC tests find the stack as they expect it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from batch_helpers import StationKit, station_kit

from apdu.emulator.stack import EmulatorStack
from apdu.transport import pcsc
from card_station.store import Store, open_store


@pytest.fixture
def readers(pcsc_stack: EmulatorStack) -> Iterator[EmulatorStack]:
    """All four readers of the session stack, emptied for the run; its cards go back afterwards."""
    originals = [(i, pcsc_stack.card(i), pcsc_stack.bridge(i).inserted) for i in range(4)]
    for index, _, _ in originals:
        pcsc_stack.remove(index)
    for name in pcsc_stack.reader_names:
        pcsc.wait_for_removal(name, timeout=30)
    try:
        yield pcsc_stack
    finally:
        for index, _, _ in originals:
            pcsc_stack.remove(index)
        for name in pcsc_stack.reader_names:
            pcsc.wait_for_removal(name, timeout=30)
        for index, card, inserted in originals:
            if card is not None and inserted:
                pcsc_stack.insert(index, card)
                pcsc.wait_for_card(pcsc_stack.reader_names[index], timeout=30)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "station.db")
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(scope="session")
def kit(tmp_path_factory: pytest.TempPathFactory) -> StationKit:
    return station_kit(tmp_path_factory.mktemp("batch-keys"))
