"""Applying what the central service sends back: hotlist, FMA list and district notices, and the cursor.

Why keep only the newest version of an item: the centre sends the current state of each changed item after
a cursor (docs/sync.md); ``seq`` is the centre's change sequence, so an older version arriving late never
overwrites a newer one, and ``data`` None (a tombstone) deletes the station's copy. The caller applies a
page and its cursor in one transaction, so a crash re-pulls the page rather than skipping it.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from card_station.store.models.centre import DistrictNotice, FmaEntry, HotlistEntry, SyncCursor

__all__ = [
    "CentreFeed",
    "apply_fma",
    "apply_hotlist",
    "apply_item",
    "apply_notice",
    "get_cursor",
    "is_hotlisted",
    "set_cursor",
]

_FeedRow = type[HotlistEntry] | type[FmaEntry] | type[DistrictNotice]


class CentreFeed(Enum):
    """The feeds, by the names the centre uses on the wire (card_station.central.models.Feed)."""

    HOTLIST = "hotlist"
    FMA = "fma"
    NOTICE = "notice"


_TABLES: dict[CentreFeed, tuple[_FeedRow, str]] = {
    CentreFeed.HOTLIST: (HotlistEntry, "card_serial"),
    CentreFeed.FMA: (FmaEntry, "member_key"),
    CentreFeed.NOTICE: (DistrictNotice, "key"),
}


def apply_item(
    session: Session, feed: CentreFeed, key: str, data: dict[str, Any] | None, *, seq: int, now: datetime
) -> None:
    """Store version ``seq`` of ``feed`` item ``key``; ``data`` None withdraws it; older seqs are ignored."""
    if not key:
        raise ValueError(f"a {feed.value} item needs a non-empty key")
    table, key_column = _TABLES[feed]
    row = session.get(table, key)
    if row is not None and row.seq >= seq:
        return
    if data is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        session.add(table(**{key_column: key}, data=data, seq=seq, received_at=now))
    else:
        row.data = data
        row.seq = seq
        row.received_at = now
    session.flush()


def apply_hotlist(
    session: Session, card_serial: str, data: dict[str, Any] | None, *, seq: int, now: datetime
) -> None:
    apply_item(session, CentreFeed.HOTLIST, card_serial, data, seq=seq, now=now)


def apply_fma(
    session: Session, member_key: str, data: dict[str, Any] | None, *, seq: int, now: datetime
) -> None:
    apply_item(session, CentreFeed.FMA, member_key, data, seq=seq, now=now)


def apply_notice(session: Session, key: str, data: dict[str, Any] | None, *, seq: int, now: datetime) -> None:
    apply_item(session, CentreFeed.NOTICE, key, data, seq=seq, now=now)


def is_hotlisted(session: Session, card_serial: str) -> bool:
    return (
        session.scalar(select(HotlistEntry.card_serial).where(HotlistEntry.card_serial == card_serial))
        is not None
    )


def get_cursor(session: Session, name: str = "centre") -> int:
    """The last centre change sequence applied (0 before the first pull)."""
    row = session.get(SyncCursor, name)
    return 0 if row is None else row.value


def set_cursor(session: Session, value: int, *, now: datetime, name: str = "centre") -> None:
    row = session.get(SyncCursor, name)
    if row is None:
        session.add(SyncCursor(name=name, value=value, updated_at=now))
    else:
        row.value = value
        row.updated_at = now
    session.flush()
