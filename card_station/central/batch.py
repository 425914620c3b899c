"""The wire form of an event batch, checked strictly before anything touches the database.

Why strict: a batch is the only thing a station can write at the centre, so every field is checked for
type, length and form, and the error names the event (by position and ID) and the field, so that the
station's operator or developer knows exactly what to fix (docs/sync.md, "Batch format").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

MAX_BATCH_EVENTS = 2000
MAX_BATCH_BYTES = 16 * 1024 * 1024
_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_KIND = re.compile(r"[a-z][a-z0-9_.]{0,63}")
_FIELDS = frozenset({"id", "kind", "member_key", "member_seq", "payload", "created_at"})


class BatchError(ValueError):
    """The batch is malformed; nothing of it was stored."""


@dataclass(frozen=True)
class WireEvent:
    """One outbox event as a station sends it (docs/sync.md)."""

    id: str
    kind: str
    member_key: str
    member_seq: int
    payload: dict[str, Any]
    created_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "member_key": self.member_key,
            "member_seq": self.member_seq,
            "payload": self.payload,
            "created_at": self.created_at.isoformat(),
        }


def _text(where: str, name: str, value: object, pattern: re.Pattern[str], form: str) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise BatchError(f"{where}: '{name}' must be {form}, got {value!r}")
    return value


def _event(position: int, raw: object) -> WireEvent:
    where = f"event {position}"
    if not isinstance(raw, dict):
        raise BatchError(f"{where}: must be a JSON object, got {type(raw).__name__}")
    missing = _FIELDS - raw.keys()
    extra = raw.keys() - _FIELDS
    if missing or extra:
        raise BatchError(
            f"{where}: fields must be exactly {sorted(_FIELDS)}; "
            f"missing {sorted(missing)}, unexpected {sorted(extra)}"
        )
    event_id = _text(where, "id", raw["id"], _ID, "1-64 of A-Z a-z 0-9 _ -")
    where = f"event {position} ({event_id})"
    kind = _text(where, "kind", raw["kind"], _KIND, "a dotted lower-case name such as 'card.blocked'")
    member_key = _text(where, "member_key", raw["member_key"], _ID, "1-64 of A-Z a-z 0-9 _ -")
    seq = raw["member_seq"]
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 1:
        raise BatchError(f"{where}: 'member_seq' must be an integer from 1, got {seq!r}")
    payload = raw["payload"]
    if not isinstance(payload, dict):
        raise BatchError(f"{where}: 'payload' must be a JSON object, got {type(payload).__name__}")
    created = raw["created_at"]
    try:
        created_at = datetime.fromisoformat(created) if isinstance(created, str) else None
    except ValueError:
        created_at = None
    if created_at is None or created_at.tzinfo is None:
        raise BatchError(f"{where}: 'created_at' must be an ISO 8601 time with a UTC offset, got {created!r}")
    return WireEvent(event_id, kind, member_key, seq, payload, created_at)


def parse_batch(body: bytes) -> tuple[WireEvent, ...]:
    """``{"events": [...]}`` -> events in the order sent, which must be each member's order."""
    if len(body) > MAX_BATCH_BYTES:
        raise BatchError(f"the batch is {len(body)} bytes; send at most {MAX_BATCH_BYTES} per request")
    try:
        document = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BatchError(f"the body is not JSON: {exc}") from exc
    if (
        not isinstance(document, dict)
        or set(document) != {"events"}
        or not isinstance(document["events"], list)
    ):
        raise BatchError('the body must be a JSON object {"events": [...]} and nothing else')
    raw_events = document["events"]
    if not 1 <= len(raw_events) <= MAX_BATCH_EVENTS:
        raise BatchError(f"a batch holds 1 to {MAX_BATCH_EVENTS} events, this one {len(raw_events)}")
    return tuple(_event(position, raw) for position, raw in enumerate(raw_events))
