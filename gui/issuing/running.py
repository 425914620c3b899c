"""Starting a session of an issuing run from the screen, and running it off the GUI thread.

The run is the batch package's own (``BatchRun``: one thread per reader over the ledger in the store,
docs/issuing.md); this module only opens its ledger the way ``card-station batch`` does and calls
``BatchRun.run`` on one more thread, so that the GUI thread never blocks while the readers work.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path

from card_station.issuing.batch.ledger import Ledger
from card_station.issuing.batch.run import BatchRun
from card_station.issuing.batch.sources import BatchListError, plan_applications, plan_verified
from card_station.store import Store
from card_station.store.models.operators import Operator
from card_station.store.roles import Permission, require
from gui.issuing.signals import RunSignals


class Source(Enum):
    VERIFIED = "the store's verified applications, with their files from a folder"
    FOLDER = "a folder of application files"
    RESUME = "a run already in the store"


@dataclass(frozen=True)
class RunRequest:
    """What the operator asked for: which run, from where; ``retry`` queues its failed applications again
    (only ever on the operator's request: a failed authentication is never retried by the run itself)."""

    source: Source
    name: str
    folder: Path | None = None
    retry: bool = False


def signed_in_operator(store: Store, operator_id: int) -> Operator:
    """The logged-in operator's row, checked for the right to personalise cards (store/roles.py)."""
    with store.read() as session:
        operator = session.get_one(Operator, operator_id)
    require(operator, Permission.PERSONALISE_CARD)
    return operator


def open_ledger(store: Store, operator: Operator, request: RunRequest, now: datetime) -> tuple[Ledger, int]:
    """The run's ledger, created or resumed as ``card-station batch`` does, and how many failed
    applications were queued again. Raises ``BatchListError`` / ``RunError`` with what to change."""
    if not request.name.strip():
        raise BatchListError("give the run a name: it is how the run is resumed")
    if request.source is not Source.RESUME and request.folder is None:
        raise BatchListError("choose the folder of the application files first")
    match request.source:
        case Source.VERIFIED:
            assert request.folder is not None
            planned = plan_verified(store, request.folder)
        case Source.FOLDER:
            assert request.folder is not None
            planned = plan_applications(request.folder)
        case Source.RESUME:
            planned = None
    ledger = Ledger.open(store, request.name.strip(), planned, now, operator)
    queued = ledger.retry(now) if request.retry else 0
    return ledger, queued


class RunningBatch:
    """One session of a run: ``BatchRun.run`` on its own thread; what it ends with goes to ``signals``."""

    def __init__(self, batch: BatchRun, readers: tuple[str, ...], signals: RunSignals) -> None:
        self.batch = batch
        self.signals = signals
        self._readers = readers
        self._thread = threading.Thread(target=self._body, name="issuing run", daemon=True)

    def __repr__(self) -> str:
        return f"RunningBatch({self.batch!r}, readers={self._readers})"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """The workers stop after the cards in hand (a stop never cuts a write short)."""
        self.batch.stop()

    def _body(self) -> None:
        try:
            summary = self.batch.run(self._readers)
        except Exception as exc:  # every failure is shown to the operator; the run's state is in the store
            self.signals.crashed.emit(exc)
            return
        self.signals.ended.emit(summary)
