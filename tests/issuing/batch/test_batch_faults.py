"""Runs that meet trouble on the real PC/SC stack: cards pulled mid-write, cards that must be refused, a
reader that goes away, a face that could not be printed. Every one ends with every application issued once
or reported, none issued twice, none lost (issue 8 "Tests")."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from batch_helpers import NOW, StationKit, genuine_numbers, rendered_faces, run_batch
from issuing_samples import blank_cards, write_applications

from apdu.emulator import CardSize, EmulatedCard
from apdu.emulator.stack import EmulatorStack
from apdu.transport import NoReader, Transport
from apdu.transport.decorator import TransportDecorator
from apdu.transport.loopback import LoopbackTransport
from card_station.applications import load_application
from card_station.card.personalise import Personalised
from card_station.issuing.batch.emulated import EmulatedHopper
from card_station.issuing.batch.faces import FacePrinter, FacePrintError
from card_station.issuing.batch.feed import Outcome
from card_station.issuing.batch.ledger import Item, Ledger
from card_station.issuing.batch.readers import PcscReaders, Readers
from card_station.issuing.batch.run import Rate, Summary
from card_station.issuing.batch.worker import Event, EventKind
from card_station.store import Store
from card_station.store.models.issuing import FailureKind, ItemState

TEAR_AFTER_WRITES = 12
"""EEPROM page writes into a personalisation before the armed card loses power: well inside the write."""


RunOnce = Callable[..., Summary]
"""``run(hopper, *, faces=None, pcsc=None, report=None)``: one session of the test's run."""


@pytest.fixture
def run(readers: EmulatorStack, store: Store, kit: StationKit, tmp_path: Path) -> RunOnce:
    """One session of the run over the applications in ``tmp_path/apps`` on every reader of the stack, the
    faces rendered into ``tmp_path/f`` unless the test brings its own printer."""

    def run_once(
        hopper: EmulatedHopper,
        *,
        faces: FacePrinter | None = None,
        pcsc: Readers | None = None,
        report: Callable[[Event, Rate], None] | None = None,
    ) -> Summary:
        return run_batch(
            store,
            kit,
            readers,
            hopper,
            tmp_path / "apps",
            faces=faces or rendered_faces(kit, tmp_path / "f"),
            readers=pcsc,
            report=report,
        )

    return run_once


def _accounted(summary_items: tuple[Item, ...], issued_cards: list[EmulatedCard], root: bytes) -> None:
    """Every application issued once or reported; no card number on two genuine cards."""
    genuine = genuine_numbers(issued_cards, root)
    issued = {item.card_number for item in summary_items if item.state is ItemState.ISSUED}
    assert genuine == {number: 1 for number in issued}
    for item in summary_items:
        assert item.state in (ItemState.ISSUED, ItemState.FAILED, ItemState.INTERRUPTED)
        if item.state is not ItemState.ISSUED:
            assert item.failure


def test_cards_pulled_mid_write_are_finished_on_their_own_chip_or_reported(
    readers: EmulatorStack, kit: StationKit, tmp_path: Path, run: RunOnce
) -> None:
    write_applications(tmp_path / "apps", 20)
    returned, kept = blank_cards(2)
    returned.tear_after_writes(TEAR_AFTER_WRITES)
    kept.tear_after_writes(TEAR_AFTER_WRITES)
    hopper = EmulatedHopper(readers, [returned, *blank_cards(3), kept, *blank_cards(25)])
    index = {name: i for i, name in enumerate(readers.reader_names)}

    def operator(event: Event, rate: Rate) -> None:
        if event.kind is EventKind.INTERRUPTED and readers.card(index[event.reader]) is returned:
            hopper.put_back(returned)

    summary = run(hopper, report=operator)

    by_serial = {item.serial: item for item in summary.items}
    finished = by_serial[returned.serial.hex().upper()]
    assert finished.state is ItemState.ISSUED
    waiting = by_serial[kept.serial.hex().upper()]
    assert waiting.state is ItemState.INTERRUPTED
    assert "mid-write" in (waiting.failure or "")
    assert [item.state for item in summary.items].count(ItemState.ISSUED) == 19
    assert not summary.complete
    _accounted(summary.items, [*hopper.fed], kit.keys.root_certificate())


def _personalised_elsewhere(kit: StationKit, folder: Path) -> EmulatedCard:
    card = EmulatedCard(CardSize.K64)
    transport = LoopbackTransport(card)
    transport.connect()
    other = write_applications(folder, 1, first=900)[0]
    kit.personaliser().personalise(transport, load_application(other))
    return card


def test_a_card_not_blank_of_the_wrong_size_or_with_an_unknown_key_is_refused_unwritten(
    readers: EmulatorStack, kit: StationKit, tmp_path: Path, run: RunOnce
) -> None:
    write_applications(tmp_path / "apps", 20)
    not_blank = _personalised_elsewhere(kit, tmp_path / "other")
    small = EmulatedCard(CardSize.K32)
    foreign = EmulatedCard(CardSize.K64, transport_key=bytes(range(16)))
    odd = [not_blank, small, foreign]
    before = [card.snapshot() for card in odd]
    hopper = EmulatedHopper(readers, [*blank_cards(2), *odd, *blank_cards(22)])

    summary = run(hopper)

    assert summary.complete
    assert [item.state for item in summary.items] == [ItemState.ISSUED] * 20
    assert [card.snapshot() for card in odd] == before
    assert {id(card) for card in hopper.trays[Outcome.REFUSED]} == {id(card) for card in odd}
    reasons = {serial: reason for _, serial, reason in summary.refusals}
    assert "not a blank card" in reasons[not_blank.serial.hex().upper()]
    assert "KB32 card" in reasons[small.serial.hex().upper()]
    assert "no authentication was tried" in reasons[foreign.serial.hex().upper()]
    _accounted(
        summary.items, [card for card in hopper.fed if card is not not_blank], kit.keys.root_certificate()
    )


class _Vanishing(TransportDecorator):
    """A transport whose reader goes away after ``transmits`` commands: the card is pulled from the real
    stack at that moment, and the command fails as pcscd fails it for a reader that left."""

    def __init__(self, inner: Transport, gone: VanishingReader, transmits: int) -> None:
        super().__init__(inner)
        self._gone = gone
        self._left = transmits

    def transmit(self, command: bytes) -> bytes:
        self._left -= 1
        if self._left <= 0:
            self._gone.vanish()
        return self.inner.transmit(command)


class VanishingReader(PcscReaders):
    """The real readers, except that one goes away in the middle of its ``card``-th card.

    pcscd's vpcd readers come from its reader.conf and cannot leave while it runs, so the leaving is
    played here: the real card is pulled from the stack, and every call about the reader from then on
    raises ``NoReader``, as apdu.transport.pcsc does for SCARD_E_UNKNOWN_READER / READER_UNAVAILABLE.
    """

    def __init__(self, stack: EmulatorStack, index: int, card: int) -> None:
        self._stack = stack
        self._index = index
        self._reader = stack.reader_names[index]
        self._card = card
        self._connects = 0
        self.gone = False

    def vanish(self) -> None:
        self.gone = True
        self._stack.remove(self._index)
        raise NoReader(f"reader {self._reader!r} is not available (it was unplugged)")

    def _check(self, reader: str) -> None:
        if self.gone and reader == self._reader:
            raise NoReader(f"no reader named {self._reader!r}")

    def names(self) -> list[str]:
        return [name for name in super().names() if not (self.gone and name == self._reader)]

    def wait_for_card(self, reader: str, timeout: float) -> bool:
        self._check(reader)
        return super().wait_for_card(reader, timeout)

    def wait_for_removal(self, reader: str, timeout: float) -> bool:
        self._check(reader)
        return super().wait_for_removal(reader, timeout)

    def connect(self, reader: str) -> AbstractContextManager[Transport]:
        self._check(reader)
        if reader != self._reader:
            return super().connect(reader)
        self._connects += 1
        return self._connected(reader, 30 if self._connects == self._card else None)

    @contextmanager
    def _connected(self, reader: str, transmits: int | None) -> Iterator[Transport]:
        with super().connect(reader) as transport:
            yield transport if transmits is None else _Vanishing(transport, self, transmits)


def test_a_reader_that_goes_away_mid_write_ends_its_worker_and_the_others_finish_the_run(
    readers: EmulatorStack, kit: StationKit, tmp_path: Path, run: RunOnce
) -> None:
    write_applications(tmp_path / "apps", 20)
    hopper = EmulatedHopper(readers, blank_cards(28))
    vanishing = VanishingReader(readers, 2, card=2)
    lost: list[EmulatedCard] = []

    def operator(event: Event, rate: Rate) -> None:
        if event.kind is EventKind.INTERRUPTED:
            card = readers.card(2)
            assert card is not None
            lost.append(card)
            hopper.put_back(card)

    summary = run(hopper, pcsc=vanishing, report=operator)

    assert vanishing.gone
    assert summary.readers_gone == (readers.reader_names[2],)
    assert len(lost) == 1
    assert summary.complete
    assert [item.state for item in summary.items] == [ItemState.ISSUED] * 20
    finished = next(item for item in summary.items if item.serial == lost[0].serial.hex().upper())
    assert finished.reader != readers.reader_names[2]
    _accounted(summary.items, hopper.fed, kit.keys.root_certificate())


class FailingOnce:
    """A face printer whose first card fails (the printer jammed), then prints with the real renderer."""

    def __init__(self, real: object) -> None:
        self._real = real
        self.failed: list[str] = []

    def print_face(self, done: Personalised) -> str:
        if not self.failed:
            self.failed.append(done.content.member.card_number)
            raise FacePrintError("the card face could not be printed: ribbon out")
        return self._real.print_face(done)  # type: ignore[attr-defined]


def test_a_failed_card_is_reported_and_tried_again_only_on_request(
    readers: EmulatorStack, store: Store, kit: StationKit, tmp_path: Path, run: RunOnce
) -> None:
    write_applications(tmp_path / "apps", 6)
    hopper = EmulatedHopper(readers, blank_cards(12))
    faces = FailingOnce(rendered_faces(kit, tmp_path / "f"))

    first = run(hopper, faces=faces)
    failed = [item for item in first.items if item.state is ItemState.FAILED]
    assert [item.card_number for item in failed] == faces.failed
    assert failed[0].failure_kind is FailureKind.PRINT and "ribbon out" in (failed[0].failure or "")
    (jammed,) = hopper.trays[Outcome.FAILED]

    hopper.put_back(jammed)
    fed = len(hopper.fed)
    again = run(hopper, faces=faces)
    assert [item.state for item in again.items].count(ItemState.FAILED) == 1
    assert len(hopper.fed) == fed

    assert Ledger.open(store, "run", None, NOW).retry(NOW) == 1
    retried = run(hopper, faces=faces)
    assert retried.complete
    assert [item.state for item in retried.items] == [ItemState.ISSUED] * 6
    assert (
        next(i for i in retried.items if i.card_number == faces.failed[0]).serial
        == jammed.serial.hex().upper()
    )
    _accounted(retried.items, hopper.fed, kit.keys.root_certificate())
