"""What can go wrong when a station syncs, split by what the client does about it.

Why two kinds: a centre that is down, slow, overloaded or cut off mid-answer will come back, so those
failures are retried with backoff (``CentralUnavailable``); a refused credential or a batch the centre
rejects will fail the same way every time, so retrying would only hammer the centre (and, for a
credential, look like guessing): those stop the sync and tell the operator (``CentralRefused``).
"""

from __future__ import annotations


class SyncError(Exception):
    """Base of every sync failure; the message says what happened and what to do."""


class CentralUnavailable(SyncError):
    """Transient: no answer, a timeout, a dropped connection or a 5xx/429. Retried with backoff."""


class CentralRefused(SyncError):
    """Permanent: the centre answered and said no (400/404/409/413/422). Not retried."""


class CredentialRefused(CentralRefused):
    """The centre refused the station's credential (401). Not retried: ask for a new credential."""


class SyncStopped(SyncError):
    """The sync was asked to stop while waiting to retry."""
