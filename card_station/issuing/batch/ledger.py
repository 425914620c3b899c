"""The run's state in the store: claim, record, reconcile (issue 8 "The run's state is in the store").

Exactly once, by construction:

* ``claim`` picks the next pending application for a blank chip and records the chip's serial with it in
  ONE write transaction (BEGIN IMMEDIATE serialises the readers' claims), before anything is written to
  the card. Two readers can never claim one application, and an application can never be on two chips.
* A chip whose serial the run already knows is never given another application: ``claim`` returns its
  own application back (to finish a write that was interrupted), or refuses it (issued, failed).
* ``recover`` runs when a run starts: an application left "writing" by a process that died is marked
  "interrupted"; its chip finishes it the next time it is in a reader (the card shows how far it got:
  card_station/card/personalise.py resumes a torn personalisation and accepts a finished one).
* A failed application waits for ``retry`` (an operator's request); a failed authentication is never
  retried by the run itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from card_station import audit
from card_station.audit import AuditAction
from card_station.domain.records import CardSize
from card_station.issuing.batch.sources import Planned
from card_station.services.applications import record_card_personalised
from card_station.store.database import Store
from card_station.store.models.issuing import (
    FailureKind,
    IssuingItemRow,
    IssuingRefusalRow,
    IssuingRunRow,
    ItemState,
)
from card_station.store.models.operators import Operator

MAX_INTERRUPTIONS = 3
"""After this many interruptions of one application the card is reported failed instead of resumed again
(a card that keeps losing contact needs a person to look at it)."""


NOT_BLANK = "not a blank card: it already holds data and is not one of this run's cards; use a blank card"


class RunError(ValueError):
    """A run that cannot be started or changed as asked."""


@dataclass(frozen=True)
class Item:
    """An application of the run, as a worker needs it."""

    id: int
    position: int
    source: str
    card_number: str
    card_size: CardSize
    state: ItemState
    reader: str | None
    serial: str | None
    failure: str | None
    failure_kind: FailureKind | None
    face: str | None


def _item(row: IssuingItemRow) -> Item:
    return Item(
        row.id,
        row.position,
        row.source,
        row.card_number,
        row.card_size,
        row.state,
        row.reader,
        row.serial,
        row.failure,
        row.failure_kind,
        row.face,
    )


class ClaimKind(Enum):
    NEW = "a blank card for the next application"
    RESUME = "a card whose write was interrupted"
    DONE = "a card this run already issued"
    FAILED = "a card that failed in this run"
    NO_WORK = "no application waits for a card"
    NOT_BLANK = "a card that is not blank and not one of this run's"
    WRONG_SIZE = "no waiting application is for this card size"


@dataclass(frozen=True)
class Claim:
    """What the run does with a card: its application (NEW, RESUME, DONE, FAILED), and for a refused card
    (NOT_BLANK, WRONG_SIZE) the reason recorded."""

    kind: ClaimKind
    item: Item | None = None
    reason: str | None = None


@dataclass(frozen=True)
class Progress:
    """Counts for the progress display."""

    done: int
    failed: int
    interrupted: int
    writing: int
    pending: int
    refused: int

    @property
    def remaining(self) -> int:
        return self.pending + self.writing + self.interrupted

    @property
    def total(self) -> int:
        return self.done + self.failed + self.remaining


class Ledger:
    """One run's rows in the store."""

    def __init__(self, store: Store, run_id: int, name: str, operator: Operator | None = None) -> None:
        self._store = store
        self.run_id = run_id
        self.name = name
        self._operator = operator

    def __repr__(self) -> str:
        return f"Ledger(run={self.name!r})"

    @classmethod
    def open(
        cls,
        store: Store,
        name: str,
        planned: Sequence[Planned] | None,
        now: datetime,
        operator: Operator | None = None,
    ) -> Ledger:
        """The run ``name``, created from ``planned`` if it does not exist; an existing run is resumed
        (``planned`` must then list the same applications, or be None). ``operator`` is named in the audit
        entry of every card the run writes (None: the station itself); a run of the store's verified
        applications needs one, who records each card as personalised (store/roles.py PERSONALISE_CARD)."""
        if operator is None and planned and any(entry.application_key for entry in planned):
            raise RunError("a run of verified applications records each card in the store: name the operator")
        with store.transaction() as session:
            run = session.scalar(select(IssuingRunRow).where(IssuingRunRow.name == name))
            if run is None:
                if not planned:
                    raise RunError(
                        f"there is no issuing run named {name!r}: give the applications to start it"
                    )
                run = IssuingRunRow(name=name, created_at=now, finished_at=None)
                session.add(run)
                session.flush()
                _add_items(session, run.id, planned, now)
            elif planned is not None:
                _check_same(session, run, planned)
            return cls(store, run.id, name, operator)

    def recover(self, now: datetime) -> int:
        """Mark what a dead process left "writing" as interrupted; returns how many."""
        with self._store.transaction() as session:
            rows = session.scalars(self._items(ItemState.WRITING)).all()
            for row in rows:
                _set(
                    row, ItemState.INTERRUPTED, now, failure="the station stopped while this card was written"
                )
            return len(rows)

    def claim(self, reader: str, serial: str, blank: bool, size: CardSize, now: datetime) -> Claim:
        """What to do with the chip ``serial`` (blank or not, of ``size``) just found in ``reader``."""
        with self._store.transaction() as session:
            known = session.scalars(
                select(IssuingItemRow)
                .where(IssuingItemRow.run_id == self.run_id, IssuingItemRow.serial == serial)
                .order_by(IssuingItemRow.id.desc())
            ).first()
            if known is not None:
                if known.state is ItemState.ISSUED:
                    return Claim(ClaimKind.DONE, _item(known))
                if known.state is ItemState.FAILED:
                    return Claim(ClaimKind.FAILED, _item(known))
                known.reader = reader
                _set(known, ItemState.WRITING, now, failure=known.failure)
                return Claim(ClaimKind.RESUME, _item(known))
            if not blank:
                self._refuse(session, reader, serial, NOT_BLANK, now)
                return Claim(ClaimKind.NOT_BLANK, reason=NOT_BLANK)
            pending = session.scalars(self._items(ItemState.PENDING).order_by(IssuingItemRow.position)).all()
            if not pending:
                return Claim(ClaimKind.NO_WORK)
            fitting = [row for row in pending if row.card_size is size]
            if not fitting:
                wanted = sorted({row.card_size.name for row in pending})
                reason = (
                    f"a {size.name} card, and the applications waiting want {' or '.join(wanted)}: "
                    "insert a card of that size"
                )
                self._refuse(session, reader, serial, reason, now)
                return Claim(ClaimKind.WRONG_SIZE, reason=reason)
            row = fitting[0]
            row.reader, row.serial, row.attempts = reader, serial, row.attempts + 1
            _set(row, ItemState.WRITING, now)
            return Claim(ClaimKind.NEW, _item(row))

    def issued(self, item: Item, face: str, layout_version: int, now: datetime) -> None:
        """The card is personalised, verified and its face printed. For a verified application of the
        store, the card is recorded against it in the same transaction (its state becomes "card
        personalised", with the audit entry and the outbox event of services/applications.py)."""
        self._finish(item, ItemState.ISSUED, now, face=face, layout_version=layout_version)

    def failed(self, item: Item, kind: FailureKind, reason: str, now: datetime) -> None:
        self._finish(item, ItemState.FAILED, now, failure=reason, kind=kind)

    def interrupted(self, item: Item, reason: str, now: datetime) -> ItemState:
        """The card left mid-write: interrupted, or failed after MAX_INTERRUPTIONS; returns which. An
        application already finished (the card left after its record was written) keeps its state."""
        with self._store.transaction() as session:
            row = session.get_one(IssuingItemRow, item.id)
            if row.state is not ItemState.WRITING or row.serial != item.serial:
                return row.state
            row.interruptions += 1
            if row.interruptions >= MAX_INTERRUPTIONS:
                reason = f"interrupted {row.interruptions} times, last: {reason}; check the card and reader"
                _set(row, ItemState.FAILED, now, failure=reason, kind=FailureKind.CARD)
            else:
                _set(row, ItemState.INTERRUPTED, now, failure=reason)
            return row.state

    def refused(self, reader: str, serial: str | None, reason: str, now: datetime) -> None:
        """A card refused without being written (docs/issuing.md "Refused cards")."""
        with self._store.transaction() as session:
            self._refuse(session, reader, serial, reason, now)

    def released(self, item: Item, reader: str, reason: str, now: datetime) -> None:
        """A card claimed for ``item`` turned out unusable before anything was written to it: the card is
        refused and the application goes back to the queue for another card."""
        with self._store.transaction() as session:
            row = session.get_one(IssuingItemRow, item.id)
            self._refuse(session, reader, row.serial, reason, now)
            row.serial, row.reader = None, None
            _set(row, ItemState.PENDING, now)

    def has_work(self) -> bool:
        """Whether an application still waits for a card: pending, or interrupted and waiting for its chip."""
        progress = self.progress()
        return progress.pending + progress.interrupted > 0

    def _refuse(self, session: Session, reader: str, serial: str | None, reason: str, now: datetime) -> None:
        session.add(
            IssuingRefusalRow(run_id=self.run_id, reader=reader, serial=serial, reason=reason, at=now)
        )

    def retry(self, now: datetime) -> int:
        """An operator's request: failed applications go back in the queue; returns how many.

        One that failed only at printing or recording keeps its chip (it is genuine and issued): it waits,
        interrupted, for that chip to be back in a reader, and is printed and recorded then. Any other goes
        back to pending with its chip forgotten (that chip was never made genuine; personalise verifies
        before it reports success).
        """
        with self._store.transaction() as session:
            rows = session.scalars(self._items(ItemState.FAILED)).all()
            for row in rows:
                row.interruptions = 0
                if row.failure_kind in (FailureKind.PRINT, FailureKind.RECORD):
                    _set(row, ItemState.INTERRUPTED, now, failure="issued chip: to be finished again")
                else:
                    row.serial, row.reader = None, None
                    _set(row, ItemState.PENDING, now)
            return len(rows)

    def progress(self) -> Progress:
        with self._store.read() as session:
            counts = dict(
                session.execute(
                    select(IssuingItemRow.state, func.count())
                    .where(IssuingItemRow.run_id == self.run_id)
                    .group_by(IssuingItemRow.state)
                ).all()
            )
            refused = session.scalar(
                select(func.count())
                .select_from(IssuingRefusalRow)
                .where(IssuingRefusalRow.run_id == self.run_id)
            )
        return Progress(
            done=counts.get(ItemState.ISSUED, 0),
            failed=counts.get(ItemState.FAILED, 0),
            interrupted=counts.get(ItemState.INTERRUPTED, 0),
            writing=counts.get(ItemState.WRITING, 0),
            pending=counts.get(ItemState.PENDING, 0),
            refused=refused or 0,
        )

    def items(self) -> list[Item]:
        with self._store.read() as session:
            rows = session.scalars(
                select(IssuingItemRow)
                .where(IssuingItemRow.run_id == self.run_id)
                .order_by(IssuingItemRow.position)
            ).all()
            return [_item(row) for row in rows]

    def refusals(self) -> list[tuple[str, str | None, str]]:
        with self._store.read() as session:
            rows = session.scalars(
                select(IssuingRefusalRow)
                .where(IssuingRefusalRow.run_id == self.run_id)
                .order_by(IssuingRefusalRow.id)
            ).all()
            return [(row.reader, row.serial, row.reason) for row in rows]

    def mark_finished(self, now: datetime) -> None:
        with self._store.transaction() as session:
            session.get_one(IssuingRunRow, self.run_id).finished_at = now

    def _items(self, state: ItemState) -> Select[tuple[IssuingItemRow]]:
        return select(IssuingItemRow).where(
            IssuingItemRow.run_id == self.run_id, IssuingItemRow.state == state
        )

    def _finish(
        self,
        item: Item,
        state: ItemState,
        now: datetime,
        *,
        face: str | None = None,
        failure: str | None = None,
        kind: FailureKind | None = None,
        layout_version: int | None = None,
    ) -> None:
        with self._store.transaction() as session:
            row = session.get_one(IssuingItemRow, item.id)
            if row.state is not ItemState.WRITING or row.serial != item.serial:
                raise RunError(
                    f"application {row.card_number} is {row.state.value} with chip {row.serial}, not being "
                    f"written to chip {item.serial}: two readers must not share a run's application"
                )
            row.face = face or row.face
            _set(row, state, now, failure=failure, kind=kind)
            if row.application_key is not None and state is ItemState.ISSUED and self._operator is not None:
                assert row.serial is not None and layout_version is not None
                (card,) = record_card_personalised(
                    session,
                    self._operator,
                    row.application_key,
                    serials=[row.serial],
                    layout_version=layout_version,
                    now=now,
                )
                card.card_number = row.card_number
                return
            audit.record(
                session,
                self._operator,
                AuditAction.CARD_WRITE,
                row.serial or "",
                {
                    "what": "personalise",
                    "run": self.name,
                    "card_number": row.card_number,
                    "outcome": state.value if kind is None else f"{state.value} ({kind.value})",
                },
                now=now,
            )


def _set(
    row: IssuingItemRow,
    state: ItemState,
    now: datetime,
    *,
    failure: str | None = None,
    kind: FailureKind | None = None,
) -> None:
    row.state, row.failure, row.failure_kind, row.updated_at = state, failure, kind, now


def _add_items(session: Session, run_id: int, planned: Sequence[Planned], now: datetime) -> None:
    issued_elsewhere = set(
        session.scalars(
            select(IssuingItemRow.card_number).where(
                IssuingItemRow.card_number.in_([p.card_number for p in planned]),
                IssuingItemRow.state == ItemState.ISSUED,
            )
        )
    )
    if issued_elsewhere:
        raise RunError(
            f"card numbers {', '.join(sorted(issued_elsewhere))} were already issued in another run: "
            "take them out of this batch (a duplicate card is ordered as a new application)"
        )
    for position, entry in enumerate(planned, 1):
        session.add(
            IssuingItemRow(
                run_id=run_id,
                position=position,
                source=str(entry.source),
                card_number=entry.card_number,
                card_size=entry.card_size,
                application_key=entry.application_key,
                state=ItemState.PENDING,
                reader=None,
                serial=None,
                attempts=0,
                interruptions=0,
                failure_kind=None,
                failure=None,
                face=None,
                updated_at=now,
            )
        )


def _check_same(session: Session, run: IssuingRunRow, planned: Sequence[Planned]) -> None:
    stored = session.scalars(
        select(IssuingItemRow.card_number)
        .where(IssuingItemRow.run_id == run.id)
        .order_by(IssuingItemRow.position)
    ).all()
    if list(stored) != [p.card_number for p in planned]:
        raise RunError(
            f"the issuing run {run.name!r} already exists with other applications: resume it without "
            "--applications, or give the new batch another --run name"
        )
