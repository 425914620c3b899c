"""The audit trail table: one row per audited act, chained by SHA-256 (card_station.audit).

``seq`` is given by the writer as last + 1, and is the primary key, so two writers racing for the same
place fail loudly instead of forking the chain. ``details`` is the canonical JSON text exactly as hashed.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from card_station.store.models.base import Base
from card_station.store.types import UtcDateTime


class AuditRow(Base):
    __tablename__ = "audit_entries"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    operator: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(200))
    details: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
