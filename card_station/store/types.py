"""Column types the station's schema shares.

Why a UTC text type: SQLite has no time-zone-aware timestamp, and SQLAlchemy's ``DateTime(timezone=True)``
silently drops the offset there; an instant read back naive could not be placed on the IST clock that the
handover rule needs (seed 000 §5(c)). Instants are stored as ISO 8601 UTC text (which also sorts in time
order) and a naive datetime is refused on the way in.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class NaiveDatetimeError(ValueError):
    """A naive datetime was given where the store needs an instant."""


def utc_text(value: datetime) -> str:
    """The stored form of an instant: ISO 8601 UTC with microseconds (2026-11-23T10:00:00.000000+00:00)."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise NaiveDatetimeError(
            f"{value.isoformat()} has no time zone; the store keeps instants, pass an aware datetime"
        )
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


class UtcDateTime(TypeDecorator[datetime]):
    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        return None if value is None else utc_text(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)
