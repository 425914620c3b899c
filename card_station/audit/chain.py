"""The audit trail as a hash chain: each entry carries SHA-256 of its own content and its predecessor's
hash, so an edited, deleted or reordered entry breaks the chain at that entry (issue 5, "Roles and audit").

Why canonical JSON: the hash must be recomputable by anyone from the row alone, so the content is
serialised with sorted keys, no whitespace and UTF-8 (the RFC 8785 idea, restricted to the strings,
integers and booleans the details hold). Why a sequence number: a deleted entry in the middle leaves a gap
even if someone recomputed every later hash, and the writer takes last + 1 as the primary key, so two
writers cannot both extend the same entry. What a chain alone cannot show is the loss of the newest
entries; ``AuditReport.head`` is the value to copy elsewhere (the centre, a printed log) to anchor it.
Details never hold OTPs, passwords, PINs, keys or unmasked numbers: such keys are refused.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from card_station.audit.actions import AuditAction
from card_station.store.models.audit import AuditRow
from card_station.store.types import utc_text

GENESIS = "0" * 64
FORBIDDEN_DETAIL_KEYS = frozenset(
    {"otp", "password", "pin", "puk", "key", "secret", "data_key", "aadhaar", "mobile", "cryptogram"}
)
_DetailValue = str | int | bool | None


class AuditError(ValueError):
    """An audit entry was refused (its details hold a secret or a value that cannot be hashed canonically)."""


class Named(Protocol):
    @property
    def username(self) -> str: ...


@dataclass(frozen=True)
class AuditReport:
    """The result of a verification: ``first_bad`` is the seq of the first entry that fails, or None."""

    entries: int
    first_bad: int | None
    reason: str
    head: str

    @property
    def ok(self) -> bool:
        return self.first_bad is None


def canonical(document: dict[str, Any]) -> bytes:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _check_details(details: dict[str, Any]) -> None:
    for name, value in details.items():
        if name.lower() in FORBIDDEN_DETAIL_KEYS:
            raise AuditError(f"audit details must never hold a {name!r}; record the act, not the value")
        if not isinstance(value, _DetailValue):
            raise AuditError(
                f"audit detail {name!r} must be text, integer, boolean or None, got {type(value).__name__}"
            )


def entry_hash(
    *, seq: int, at: str, operator: str | None, action: str, subject: str, details: str, prev_hash: str
) -> str:
    content = {
        "seq": seq,
        "at": at,
        "operator": operator,
        "action": action,
        "subject": subject,
        "details": details,
        "prev_hash": prev_hash,
    }
    return hashlib.sha256(canonical(content)).hexdigest()


def record(
    session: Session,
    operator: Named | None,
    action: AuditAction,
    subject: str,
    details: dict[str, Any],
    *,
    now: datetime,
) -> AuditRow:
    """Append an entry in the caller's transaction (it commits or rolls back with the act it records).

    ``operator`` None means the station itself (e.g. a scheduled activation); ``subject`` names what was
    acted on (an application key, a card serial, a username).
    """
    _check_details(details)
    last = session.scalars(select(AuditRow).order_by(AuditRow.seq.desc()).limit(1)).first()
    seq = 1 if last is None else last.seq + 1
    prev_hash = GENESIS if last is None else last.hash
    details_text = canonical(details).decode("utf-8")
    username = None if operator is None else operator.username
    row = AuditRow(
        seq=seq,
        at=now,
        operator=username,
        action=action.value,
        subject=subject,
        details=details_text,
        prev_hash=prev_hash,
        hash=entry_hash(
            seq=seq,
            at=utc_text(now),
            operator=username,
            action=action.value,
            subject=subject,
            details=details_text,
            prev_hash=prev_hash,
        ),
    )
    session.add(row)
    session.flush()
    return row


def verify(session: Session) -> AuditReport:
    """Walk the chain from the first entry; report the first entry that was edited, removed or moved."""
    expected_prev = GENESIS
    expected_seq = 1
    count = 0
    for row in session.scalars(select(AuditRow).order_by(AuditRow.seq)).yield_per(1000):
        count += 1
        if row.seq != expected_seq:
            return AuditReport(
                count, row.seq, f"entry {row.seq} follows entry {expected_seq - 1}: entries are missing", ""
            )
        if row.prev_hash != expected_prev:
            return AuditReport(
                count, row.seq, f"entry {row.seq} does not link to entry {row.seq - 1}: moved or replaced", ""
            )
        recomputed = entry_hash(
            seq=row.seq,
            at=utc_text(row.at),
            operator=row.operator,
            action=row.action,
            subject=row.subject,
            details=row.details,
            prev_hash=row.prev_hash,
        )
        if recomputed != row.hash:
            return AuditReport(count, row.seq, f"entry {row.seq} was changed after it was written", "")
        expected_prev = row.hash
        expected_seq += 1
    return AuditReport(count, None, f"{count} entries, chain intact", expected_prev)
