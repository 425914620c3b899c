"""Which station events change what the centre sends back to every station.

Why here and so small: a block at one station must reach every counter's hotlist (and an unblock take the
card off it), and an FMA grant or cessation recorded at a Station HQ must reach the FMA list that Central
Organisation ECHS keeps and the monthly reconciliation compares (seed 003 §12, §14(a)(iv), §14(b)(iv)).
Each rule names the feed and what identifies the item (a payload field, or the event's member); the
payload is merged into the item, so a later event (a cessation date) adds to what an earlier one (the
grant) said. Events of other kinds are only stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from card_station.central.batch import BatchError, WireEvent
from card_station.central.models import Feed


@dataclass(frozen=True)
class Projection:
    """``key_field`` None: the item is the event's member (``member_key``); ``withdraw``: the event takes
    the item off the feed (an unblocked card leaves the hotlist)."""

    feed: Feed
    key_field: str | None
    withdraw: bool = False


PROJECTIONS: dict[str, Projection] = {
    "card.blocked": Projection(Feed.HOTLIST, "card_serial"),
    "card.unblocked": Projection(Feed.HOTLIST, "card_serial", withdraw=True),
    "fma.granted": Projection(Feed.FMA, None),
    "fma.ceased": Projection(Feed.FMA, None),
}


@dataclass(frozen=True)
class FeedChange:
    """Item ``key`` of ``feed`` gets ``data``: merged into what it held if ``merge``, else replacing it;
    ``data`` None withdraws the item (a tombstone, so stations delete their copy)."""

    feed: Feed
    key: str
    data: dict[str, Any] | None
    station_id: str | None
    merge: bool = True


def project(station_id: str, event: WireEvent) -> FeedChange | None:
    rule = PROJECTIONS.get(event.kind)
    if rule is None:
        return None
    if rule.key_field is None:
        return FeedChange(rule.feed, event.member_key, dict(event.payload), station_id)
    key = event.payload.get(rule.key_field)
    if not isinstance(key, str) or not key:
        raise BatchError(
            f"event {event.id}: a '{event.kind}' event's payload needs a non-empty text "
            f"'{rule.key_field}', which names the {rule.feed.value} item it changes"
        )
    if rule.withdraw:
        return FeedChange(rule.feed, key, None, station_id, merge=False)
    return FeedChange(rule.feed, key, dict(event.payload), station_id)
