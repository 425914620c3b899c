"""The runs the screen offers to resume: unfinished ones, and finished ones with failed applications
(whose failures are queued again only when the operator asks)."""

from __future__ import annotations

from sqlalchemy import or_, select

from card_station.store import Store
from card_station.store.models.issuing import IssuingItemRow, IssuingRunRow, ItemState


def resumable_runs(store: Store) -> list[str]:
    """Names of the runs with work left or failures to look at, newest first."""
    with store.read() as session:
        failed = select(IssuingItemRow.run_id).where(IssuingItemRow.state == ItemState.FAILED)
        rows = session.scalars(
            select(IssuingRunRow.name)
            .where(or_(IssuingRunRow.finished_at.is_(None), IssuingRunRow.id.in_(failed)))
            .order_by(IssuingRunRow.created_at.desc(), IssuingRunRow.id.desc())
        ).all()
    return list(rows)
