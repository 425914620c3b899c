"""One reader's worker (issue 8 "each reader gets its own worker"): ask for a card, find out what it is,
claim an application for it in the store, personalise it, verify it by reading it back, print its face,
record the outcome, hand the card back; until no application waits or the run is stopped.

What each failure does (docs/issuing.md "When something goes wrong"):

* a card that is not blank, of the wrong size or an unknown chip is refused before anything is written;
* a card pulled, or power lost, mid-write leaves its application "interrupted", tied to that chip: the
  same chip finishes it when it is back in any reader (personalisation resumes a torn card);
* a failed authentication, a read-back that differs, or any other card error marks the application
  failed with the reason: it is retried only when the operator asks (``Ledger.retry``), never here;
* a reader that goes away ends its worker; the other readers carry on.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Protocol

from apdu.fcp import LifeCycle
from apdu.iso7816 import Iso7816
from apdu.status import ApduError
from apdu.transport import CardRemoved, NoCard, NoPcscService, NoReader, Transport
from card_station.applications import ApplicationFile, ApplicationFileError, load_application
from card_station.card.chips import chip_from_atr
from card_station.card.compose import NotIssuable
from card_station.card.errors import CardLayoutError
from card_station.card.operation_errors import CardOperationError, WrongCard
from card_station.card.personalise import Personalised
from card_station.card.profile import CardProfile
from card_station.card.session import read_serial
from card_station.domain.errors import DomainError
from card_station.domain.records import CardSize
from card_station.issuing.batch.faces import FacePrinter, FacePrintError
from card_station.issuing.batch.feed import CardFeed, Outcome
from card_station.issuing.batch.ledger import Claim, ClaimKind, Item, Ledger
from card_station.issuing.batch.phases import VerifyingSignal
from card_station.issuing.batch.readers import Readers
from card_station.services.applications import ApplicationError
from card_station.services.clock import Clock
from card_station.store.lifecycle import IllegalTransition
from card_station.store.models.issuing import FailureKind, ItemState
from card_station.store.roles import PermissionDenied

_log = logging.getLogger(__name__)

WAIT_SLICE_S = 0.5
"""How long one wait for a card (or its removal) blocks before the worker looks at the stop flag again."""

_SIZES = {CardProfile.K32: CardSize.KB32, CardProfile.K64: CardSize.KB64}
_GONE = (CardRemoved, NoCard)
_READER_GONE = (NoReader, NoPcscService)
_BEFORE_WRITING = (ApplicationFileError, CardLayoutError, DomainError, NotIssuable)
"""Faults of the application, found before the first write: the card stays blank."""
_NOT_RECORDED = (ApplicationError, IllegalTransition, PermissionDenied)
"""The store refuses to record a card against its verified application."""


class Personaliser(Protocol):
    """card_station.services.personalisation.PersonalisationService is one."""

    def personalise(self, transport: Transport, application: ApplicationFile) -> Personalised: ...


class EventKind(Enum):
    WAITING = "waiting for a card"
    ISSUED = "issued"
    FAILED = "failed"
    INTERRUPTED = "interrupted"
    REFUSED = "refused"
    READER_GONE = "reader gone"
    FINISHED = "worker finished"
    WRITING = "writing"
    VERIFYING = "verifying"
    PRINTING = "printing the face"


PHASES = frozenset({EventKind.WRITING, EventKind.VERIFYING, EventKind.PRINTING})
"""The steps of a card in hand, reported only to ``Station.phase`` (a live display), not to ``report``."""


@dataclass(frozen=True)
class Event:
    """What a worker reports to the progress display (``text`` is for the operator)."""

    reader: str
    kind: EventKind
    text: str
    card_number: str | None = None


@dataclass(frozen=True)
class Station:
    """A worker's collaborators, shared by every reader of a run."""

    ledger: Ledger
    personaliser: Personaliser
    faces: FacePrinter
    feed: CardFeed
    readers: Readers
    clock: Clock
    report: Callable[[Event], None]
    load: Callable[[Path], ApplicationFile] = load_application
    phase: Callable[[Event], None] | None = None
    """Told each step of the card in hand (``PHASES``): the desktop screen's live table per reader."""


class _ReaderGone(Exception):
    """The reader left; the worker ends."""


class ReaderWorker:
    """The loop of one reader; ``run`` is the thread's target."""

    def __init__(self, reader: str, station: Station, stop: threading.Event) -> None:
        self.reader = reader
        self._station = station
        self._stop = stop

    def __repr__(self) -> str:
        return f"ReaderWorker({self.reader!r})"

    def run(self) -> None:
        s = self._station
        try:
            while not self._stop.is_set() and s.ledger.has_work():
                if not self._card_in():
                    break
                outcome, more = self._handle()
                if outcome is not Outcome.LEFT:
                    s.feed.take(self.reader, outcome)
                if not self._card_out():
                    break
                if not more:
                    break
        except _ReaderGone as gone:
            self._say(EventKind.READER_GONE, str(gone))
            return
        except Exception as exc:
            _log.exception("the worker of %s stopped", self.reader)
            self._say(EventKind.READER_GONE, f"{self.reader}: its worker stopped on an error: {exc}")
            return
        self._say(
            EventKind.FINISHED, "no more work for this reader" if not self._stop.is_set() else "stopped"
        )

    def _say(self, kind: EventKind, text: str, card_number: str | None = None) -> None:
        self._station.report(Event(self.reader, kind, text, card_number))

    def _phase(self, kind: EventKind, item: Item) -> None:
        if self._station.phase is not None:
            self._station.phase(
                Event(
                    self.reader,
                    kind,
                    f"{self.reader}: card {item.card_number} {kind.value}",
                    item.card_number,
                )
            )

    def _wait(self, wait: Callable[[str, float], bool]) -> bool:
        """Wait in slices so that a stop request is seen; False when stopped first."""
        while not self._stop.is_set():
            try:
                if wait(self.reader, WAIT_SLICE_S):
                    return True
            except _READER_GONE as exc:
                raise _ReaderGone(f"{self.reader}: the reader went away ({exc}); its worker ends") from exc
        return False

    def _card_in(self) -> bool:
        s = self._station
        try:
            present = s.readers.wait_for_card(self.reader, 0)
        except _READER_GONE as exc:
            raise _ReaderGone(f"{self.reader}: the reader went away ({exc}); its worker ends") from exc
        if present:
            return True
        wanted = [
            item.serial for item in s.ledger.items() if item.state is ItemState.INTERRUPTED and item.serial
        ]
        if not s.feed.feed(self.reader, wanted):
            return False
        self._say(EventKind.WAITING, f"{self.reader}: waiting for a card")
        return self._wait(s.readers.wait_for_card)

    def _card_out(self) -> bool:
        return self._wait(self._station.readers.wait_for_removal)

    def _handle(self) -> tuple[Outcome, bool]:
        """Deal with the card in the reader; returns its outcome and whether to ask for another card."""
        s = self._station
        claim: Claim | None = None
        try:
            with s.readers.connect(self.reader) as transport:
                claim = self._claim(transport)
                if claim is None:
                    return Outcome.REFUSED, True
                return self._act(transport, claim)
        except _GONE as exc:
            self._left(claim, f"the card left {self.reader} mid-write ({exc})")
            return Outcome.LEFT, True
        except _READER_GONE as exc:
            self._left(claim, f"{self.reader} went away mid-write ({exc})")
            raise _ReaderGone(f"{self.reader}: the reader went away ({exc}); its worker ends") from exc
        except Exception as exc:
            self._left(claim, f"the station failed while writing in {self.reader} ({type(exc).__name__})")
            raise

    def _left(self, claim: Claim | None, reason: str) -> None:
        """The card being written is no longer ours to finish now: its application waits for its chip."""
        if claim is not None and claim.item is not None and claim.kind in (ClaimKind.NEW, ClaimKind.RESUME):
            self._interrupted(claim.item, reason)

    def _claim(self, transport: Transport) -> Claim | None:
        """Recognise the card and claim work for it; None when it is refused before the claim."""
        s = self._station
        try:
            chip = chip_from_atr(transport.atr)
        except WrongCard as exc:
            s.ledger.refused(self.reader, None, str(exc), s.clock())
            self._say(EventKind.REFUSED, f"{self.reader}: card refused: {exc}")
            return None
        card_io = Iso7816(transport)
        mf = card_io.select_mf()
        try:
            serial = read_serial(card_io).hex().upper()
        except WrongCard as exc:
            s.ledger.refused(self.reader, None, str(exc), s.clock())
            self._say(EventKind.REFUSED, f"{self.reader}: card refused: {exc}")
            return None
        blank = mf is not None and mf.life_cycle is LifeCycle.CREATION
        return s.ledger.claim(self.reader, serial, blank, _SIZES[chip.profile], s.clock())

    def _act(self, transport: Transport, claim: Claim) -> tuple[Outcome, bool]:
        item = claim.item
        match claim.kind:
            case ClaimKind.NEW | ClaimKind.RESUME:
                assert item is not None
                return self._issue(transport, item, claim.kind), True
            case ClaimKind.DONE:
                assert item is not None
                self._say(
                    EventKind.REFUSED,
                    f"{self.reader}: card {item.card_number} is already issued",
                    item.card_number,
                )
                return Outcome.ISSUED, True
            case ClaimKind.FAILED:
                assert item is not None
                self._say(
                    EventKind.REFUSED,
                    f"{self.reader}: card {item.card_number} failed in this run ({item.failure}); "
                    "it is tried again only on request",
                    item.card_number,
                )
                return Outcome.FAILED, True
            case ClaimKind.NO_WORK:
                return Outcome.UNUSED, False
            case ClaimKind.NOT_BLANK | ClaimKind.WRONG_SIZE:
                self._say(EventKind.REFUSED, f"{self.reader}: card refused: {claim.reason}")
                return Outcome.REFUSED, True

    def _issue(self, transport: Transport, item: Item, kind: ClaimKind) -> Outcome:
        s = self._station
        try:
            application = s.load(Path(item.source))
            self._phase(EventKind.WRITING, item)
            if s.phase is not None:
                transport = VerifyingSignal(transport, lambda: self._phase(EventKind.VERIFYING, item))
            done = s.personaliser.personalise(transport, application)
        except _GONE + _READER_GONE:
            raise
        except WrongCard as exc:
            if kind is ClaimKind.NEW:
                s.ledger.released(item, self.reader, str(exc), s.clock())
                self._say(EventKind.REFUSED, f"{self.reader}: card refused: {exc}")
                return Outcome.REFUSED
            return self._failed(item, FailureKind.CARD, str(exc))
        except _BEFORE_WRITING as exc:
            self._failed(item, FailureKind.CARD, f"the application cannot be issued: {exc}")
            return Outcome.UNUSED if kind is ClaimKind.NEW else Outcome.FAILED
        except (ApduError, CardOperationError) as exc:
            return self._failed(item, FailureKind.CARD, f"{type(exc).__name__}: {exc}")
        self._phase(EventKind.PRINTING, item)
        try:
            where = s.faces.print_face(done)
        except FacePrintError as exc:
            return self._failed(item, FailureKind.PRINT, str(exc))
        try:
            s.ledger.issued(item, where, done.content.info.layout_version, s.clock())
        except _NOT_RECORDED as exc:
            return self._failed(item, FailureKind.RECORD, f"the card is genuine but was not recorded: {exc}")
        self._say(
            EventKind.ISSUED,
            f"{self.reader}: card {item.card_number} issued, face: {where}",
            item.card_number,
        )
        return Outcome.ISSUED

    def _failed(self, item: Item, kind: FailureKind, reason: str) -> Outcome:
        s = self._station
        s.ledger.failed(item, kind, reason, s.clock())
        self._say(
            EventKind.FAILED, f"{self.reader}: card {item.card_number} failed: {reason}", item.card_number
        )
        return Outcome.FAILED

    def _interrupted(self, item: Item, reason: str) -> None:
        s = self._station
        state = s.ledger.interrupted(item, reason, s.clock())
        if state is ItemState.ISSUED:
            return
        kind = EventKind.FAILED if state is ItemState.FAILED else EventKind.INTERRUPTED
        self._say(kind, f"{self.reader}: card {item.card_number} {state.value}: {reason}", item.card_number)
