"""The station's side of sync on the station store (``card_station.store``): the outbox, the feeds the
centre sends back and the cursor, and the station's own FMA list for the monthly reconciliation.

Why every call opens its own transaction: marking a batch sent commits on its own right after the centre
acknowledged it, and a pulled page commits with its cursor, so a crash between any two steps leaves the
station in a state the next round continues from (card_station.sync.engine).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from card_station.central.batch import WireEvent
from card_station.store.centre import CentreFeed, apply_item, get_cursor, set_cursor
from card_station.store.clock import Clock, SystemClock
from card_station.store.database import Store
from card_station.store.models.cards import EndorsementKind, EndorsementRow
from card_station.store.models.people import MemberRow
from card_station.store.outbox import mark_sent, pending_events
from card_station.sync.client import FeedUpdate
from card_station.sync.errors import CentralRefused
from card_station.sync.reconcile import FmaRecord, ReconciliationError

_FEEDS = {feed.value: feed for feed in CentreFeed}


class StoreStation:
    """``StationSide`` over an open station store."""

    def __init__(self, store: Store, clock: Clock | None = None) -> None:
        self.store = store
        self.clock = clock or SystemClock()

    def pending(self, limit: int) -> list[WireEvent]:
        with self.store.transaction() as session:
            return [
                WireEvent(e.id, e.kind, e.member_key, e.member_seq, dict(e.payload), e.created_at)
                for e in pending_events(session, limit)
            ]

    def mark_sent(self, event_ids: Sequence[str]) -> None:
        with self.store.transaction() as session:
            mark_sent(session, event_ids, now=self.clock.now())

    def cursor(self) -> int:
        with self.store.transaction() as session:
            return get_cursor(session)

    def apply(self, items: Sequence[FeedUpdate], cursor: int) -> None:
        unknown = sorted({item.feed for item in items} - _FEEDS.keys())
        if unknown:
            raise CentralRefused(
                f"the centre sent items of feeds this station does not know: {unknown}; nothing was applied. "
                "Update the station software"
            )
        now = self.clock.now()
        with self.store.transaction() as session:
            for item in items:
                apply_item(session, _FEEDS[item.feed], item.key, item.data, seq=item.seq, now=now)
            set_cursor(session, cursor, now=now)

    def fma_records(self) -> list[FmaRecord]:
        """The station's own FMA grants: its "FMA: no OPD" endorsements, the latest per member, with the
        application date from the endorsement's details (``applied_on``)."""
        query = (
            select(MemberRow.key, EndorsementRow)
            .join(MemberRow, MemberRow.id == EndorsementRow.member_id)
            .where(EndorsementRow.kind == EndorsementKind.FMA_NO_OPD)
            .order_by(EndorsementRow.recorded_at)
        )
        latest: dict[str, EndorsementRow] = {}
        with self.store.transaction() as session:
            for member_key, row in session.execute(query).all():
                latest[member_key] = row
        records = []
        for member_key, row in latest.items():
            applied_on = row.details.get("applied_on")
            if not isinstance(applied_on, str):
                raise ReconciliationError(
                    f"station FMA endorsement of member {member_key!r} has no 'applied_on' date in its "
                    "details; the endorsement service must record the date of application (seed 003 §8(b))"
                )
            data = {
                "applied_on": applied_on,
                "commences_on": row.effective_from.isoformat(),
                "ceases_on": None if row.ceases_on is None else row.ceases_on.isoformat(),
            }
            records.append(FmaRecord.from_data(member_key, data, "station"))
        return records
