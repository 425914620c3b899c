"""What arrives from the central service: the hotlist of blocked cards, the FMA list, district notices,
and the sync cursor (issue 5; docs/sync.md).

Why one row per item with the centre's change sequence: the centre sends the current version of an item
after a cursor; a station keeps the latest and deletes an item the centre withdraws (a tombstone), so its
copy converges to the centre's whatever order the pages arrive in. These tables come with migration 0002.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from card_station.store.models.base import Base
from card_station.store.types import UtcDateTime


class HotlistEntry(Base):
    __tablename__ = "hotlist"

    card_serial: Mapped[str] = mapped_column(String(128), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    seq: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)


class FmaEntry(Base):
    __tablename__ = "fma_list"

    member_key: Mapped[str] = mapped_column(String(128), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    seq: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)


class DistrictNotice(Base):
    __tablename__ = "district_notices"

    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    seq: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SyncCursor(Base):
    __tablename__ = "sync_cursors"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
