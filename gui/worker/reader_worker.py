"""``ReaderWorker``: the one object screens use for readers and cards (docs/gui.md "Card and reader
events", "Running a card job"). It owns two threads: the watcher (events) and the job thread (I/O)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from apdu.transport import Transport
from apdu.transport.pcsc import PcscTransport
from gui.worker.jobs import CardJob, JobRunner, JobWork, TaskWork, queued
from gui.worker.state import ReaderState
from gui.worker.watcher import ReaderWatcher


class ReaderWorker(QObject):
    """Reader and card events as signals, and a queue of card jobs on a worker thread."""

    readers_changed = Signal(object)
    card_inserted = Signal(str, bytes)
    card_removed = Signal(str)
    service_changed = Signal(bool, str)
    selection_changed = Signal(object)
    chosen_changed = Signal(object)
    """The operator picked a reader (status bar, Alt+R); ``selection_changed`` also fires on card events."""

    def __init__(self, connect: Callable[[str], Transport] = PcscTransport) -> None:
        super().__init__()
        self._connect = connect
        self._readers: tuple[ReaderState, ...] = ()
        self._chosen: str | None = None
        self._reachable = False
        self._watcher = ReaderWatcher()
        self._watcher.snapshot.connect(self._on_snapshot)
        self._watcher.service.connect(self._on_service)
        self._job_thread = QThread()
        self._job_thread.setObjectName("card-station card jobs")
        self._runner = JobRunner()
        self._runner.moveToThread(self._job_thread)
        self._jobs: set[CardJob] = set()

    def start(self) -> None:
        self._job_thread.start()
        self._watcher.start()

    def stop(self) -> None:
        """Stop watching and end the job thread after the job in progress (call before quitting)."""
        for job in tuple(self._jobs):
            job.cancel()
        self._watcher.stop()
        self._job_thread.quit()
        self._job_thread.wait()

    @property
    def reachable(self) -> bool:
        return self._reachable

    def readers(self) -> tuple[ReaderState, ...]:
        return self._readers

    @property
    def selected(self) -> str | None:
        """The reader the operator chose, else the first reader holding a card, else None."""
        names = [state.name for state in self._readers]
        if self._chosen in names:
            return self._chosen
        return next((state.name for state in self._readers if state.card_present), None)

    def select(self, name: str | None) -> None:
        self._chosen = name
        self.chosen_changed.emit(name)
        self.selection_changed.emit(self.selected)

    def state_of(self, name: str | None) -> ReaderState | None:
        return next((state for state in self._readers if state.name == name), None)

    def run_job(self, reader: str, work: JobWork, *, label: str) -> CardJob:
        """Queue ``work`` on ``reader``; connect to the returned job's signals (see docs/gui.md)."""
        return self._queue(CardJob(reader, work, label))

    def run_task(self, work: TaskWork, *, label: str) -> CardJob:
        """Queue ``work(control)`` on the worker thread without a connection made for it (it opens its own,
        as the self-test does for each reader), so that it never races a card job."""
        return self._queue(CardJob(None, work, label))

    def _queue(self, job: CardJob) -> CardJob:
        """Hand the job to the worker thread on the next turn of the GUI event loop, not now.

        Why deferred: callers connect to the job's signals after ``run_job`` returns; a short job (a card
        already in the reader, a quick read) could otherwise start, finish and emit ``ended`` before those
        connections exist, and a signal with no connection is lost: the screen would wait for ever.
        """
        self._jobs.add(job)
        job.ended.connect(lambda: self._jobs.discard(job))
        QTimer.singleShot(0, self, lambda: self._runner.submit.emit(queued(job, self._connect)))
        return job

    @Slot(bool, str)
    def _on_service(self, reachable: bool, message: str) -> None:
        self._reachable = reachable
        self.service_changed.emit(reachable, message)

    @Slot(object)
    def _on_snapshot(self, readers: tuple[ReaderState, ...]) -> None:
        before = {state.name: state for state in self._readers}
        self._readers = readers
        self.readers_changed.emit(readers)
        for state in readers:
            old = before.get(state.name)
            was_present = old is not None and old.card_present
            if state.card_present and (not was_present or old is None or old.atr != state.atr):
                self.card_inserted.emit(state.name, state.atr)
            elif was_present and not state.card_present:
                self.card_removed.emit(state.name)
        names = {state.name for state in readers}
        for name, old in before.items():
            if name not in names and old.card_present:
                self.card_removed.emit(name)
        self.selection_changed.emit(self.selected)
