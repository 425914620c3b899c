"""Card I/O off the GUI thread: the reader watcher, the job thread, and ``ReaderWorker`` over both."""

from gui.worker.jobs import CardJob, JobCancelled, JobControl
from gui.worker.reader_worker import ReaderWorker
from gui.worker.state import ReaderState

__all__ = ["CardJob", "JobCancelled", "JobControl", "ReaderState", "ReaderWorker"]
