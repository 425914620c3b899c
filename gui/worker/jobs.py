"""Card jobs: work on one card, run on the worker thread that owns every reader connection.

Why one thread for all card I/O (docs/gui.md, shared/notes/qt.md): the GUI thread never blocks on a card,
and two screens can never hold the same reader at once; jobs queue and run one at a time, in order.
Cancel is cooperative (the job calls ``control.check()`` between steps): stopping a card write between
two APDUs at an arbitrary point is exactly the tear the anti-tearing bracket exists for, so the job
decides where it is safe to stop.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from apdu.transport import Transport


class JobCancelled(Exception):
    """The operator cancelled the card job; the job stopped at a safe point."""


class JobControl:
    """Handed to a running job: report progress, and learn whether the operator cancelled."""

    def __init__(self, job: CardJob) -> None:
        self._job = job

    @property
    def cancelled(self) -> bool:
        return self._job.cancel_requested

    def check(self) -> None:
        """Raise ``JobCancelled`` if the operator asked to cancel (call it where stopping is safe)."""
        if self.cancelled:
            raise JobCancelled(f"{self._job.label}: cancelled by the operator")

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._job.progress.emit(done, total, text)


JobWork = Callable[[Transport, JobControl], Any]
"""What a job does with the connected transport; its return value is the job's result."""
TaskWork = Callable[[JobControl], Any]
"""Work on the worker thread that opens its own connections (the self-test walks every reader)."""


class CardJob(QObject):
    """One queued card job. Lives on the GUI thread; its signals are emitted from the worker thread and
    delivered to GUI-thread slots as queued calls."""

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    started = Signal()
    ended = Signal()

    def __init__(self, reader: str | None, work: JobWork | TaskWork, label: str) -> None:
        super().__init__()
        self.reader = reader
        self.label = label
        self.work = work
        self._cancel = threading.Event()

    def __repr__(self) -> str:
        return f"CardJob({self.label!r} on {self.reader!r})"

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


@dataclass(frozen=True)
class _Queued:
    job: CardJob
    connect: Callable[[str], Transport]


class JobRunner(QObject):
    """Runs queued jobs on the thread it was moved to: connect, work, disconnect, report."""

    submit = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.submit.connect(self._run)

    @Slot(object)
    def _run(self, queued: _Queued) -> None:
        job = queued.job
        job.started.emit()
        try:
            control = JobControl(job)
            control.check()
            result = job.work(control) if job.reader is None else _on_card(queued, job.reader, control)
        except Exception as exc:
            job.failed.emit(exc)
        else:
            job.succeeded.emit(result)
        finally:
            job.ended.emit()


def _on_card(queued: _Queued, reader: str, control: JobControl) -> Any:
    transport = queued.connect(reader)
    transport.connect()
    try:
        return queued.job.work(transport, control)
    finally:
        transport.disconnect()


def queued(job: CardJob, connect: Callable[[str], Transport]) -> _Queued:
    return _Queued(job, connect)
