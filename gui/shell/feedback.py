"""Errors, information and busy state for every screen (docs/gui.md "Errors and busy state").

Why a message bar and not modal dialogs: a counter operator must never be stuck behind a dialog while
the next beneficiary waits, and a bar is closed with Esc like everything else.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum

from PySide6.QtCore import QObject, Signal

from gui.worker import CardJob


class Tone(Enum):
    ERROR = "error"
    INFO = "info"


class Feedback(QObject):
    """Screens call these; the main window shows them."""

    message = Signal(object, str)
    busy_changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._busy: list[str] = []

    @property
    def busy_labels(self) -> tuple[str, ...]:
        return tuple(self._busy)

    def error(self, problem: BaseException | str) -> None:
        self.message.emit(Tone.ERROR, str(problem) or type(problem).__name__)

    def info(self, text: str) -> None:
        self.message.emit(Tone.INFO, text)

    def _push(self, label: str) -> None:
        self._busy.append(label)
        self.busy_changed.emit(label)

    def _pop(self, label: str) -> None:
        self._busy.remove(label)
        self.busy_changed.emit(self._busy[-1] if self._busy else "")

    @contextmanager
    def busy(self, label: str) -> Iterator[None]:
        self._push(label)
        try:
            yield
        finally:
            self._pop(label)

    def track(self, job: CardJob) -> CardJob:
        """Show ``job``'s label as busy until it ends; its failure goes to ``error``."""
        self._push(job.label)
        job.ended.connect(lambda: self._pop(job.label))
        job.failed.connect(self.error)
        return job
