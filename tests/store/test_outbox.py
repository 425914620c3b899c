"""The outbox API part B drains, and the centre data it applies."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from card_station.store.centre import CentreFeed, apply_item, get_cursor, is_hotlisted, set_cursor
from card_station.store.ids import uuid7
from card_station.store.models import FmaEntry
from card_station.store.outbox import OutboxError, mark_sent, outbox_depth, pending_events, record_event
from tests.store.conftest import Station


def test_member_seq_counts_per_member_and_drain_keeps_insertion_order(station: Station) -> None:
    now = station.clock.now()
    with station.store.transaction() as session:
        for member in ["a", "b", "a", "c", "a", "b"]:
            record_event(session, kind="test.event", member_key=member, payload={"m": member}, now=now)
    with station.store.transaction() as session:
        events = pending_events(session, 100)
    assert [(e.member_key, e.member_seq) for e in events] == [
        ("a", 1),
        ("b", 1),
        ("a", 2),
        ("c", 1),
        ("a", 3),
        ("b", 2),
    ]
    assert [e.id for e in events] == sorted(e.id for e in events)
    assert len({e.id for e in events}) == 6
    assert all(uuid.UUID(e.id).version == 7 for e in events)


def test_mark_sent_removes_from_pending_and_seq_continues(station: Station) -> None:
    now = station.clock.now()
    with station.store.transaction() as session:
        first = record_event(session, kind="test.event", member_key="a", payload={}, now=now).id
        record_event(session, kind="test.event", member_key="a", payload={}, now=now)
    with station.store.transaction() as session:
        mark_sent(session, [first, first], now=now)
        mark_sent(session, [first], now=now + timedelta(seconds=1))
        assert outbox_depth(session) == 1
        later = record_event(session, kind="test.event", member_key="a", payload={}, now=now)
    assert later.member_seq == 3
    with station.store.transaction() as session:
        assert [e.member_seq for e in pending_events(session, 10)] == [2, 3]


def test_mark_sent_with_an_unknown_id_marks_nothing(station: Station) -> None:
    now = station.clock.now()
    with station.store.transaction() as session:
        known = record_event(session, kind="test.event", member_key="a", payload={}, now=now).id
    with pytest.raises(OutboxError, match="not in this outbox"), station.store.transaction() as session:
        mark_sent(session, [known, "no-such-event"], now=now)
    with station.store.transaction() as session:
        assert outbox_depth(session) == 1


def test_an_event_rolls_back_with_its_transaction(station: Station) -> None:
    with pytest.raises(RuntimeError), station.store.transaction() as session:
        record_event(session, kind="test.event", member_key="a", payload={}, now=station.clock.now())
        raise RuntimeError("the change failed")
    with station.store.transaction() as session:
        assert outbox_depth(session) == 0
        assert (
            record_event(session, kind="t", member_key="a", payload={}, now=station.clock.now()).member_seq
            == 1
        )


@pytest.mark.parametrize(
    ("kind", "member_key", "payload", "message"),
    [
        ("Card Blocked", "a", {}, "dotted lower-case"),
        ("card.blocked", "a/b", {}, "member_key"),
        ("card.blocked", "", {}, "member_key"),
        ("card.blocked", "a", ["x"], "JSON object"),
    ],
)
def test_malformed_events_are_refused(
    station: Station, kind: str, member_key: str, payload: object, message: str
) -> None:
    with pytest.raises(OutboxError, match=message), station.store.transaction() as session:
        record_event(session, kind=kind, member_key=member_key, payload=payload, now=station.clock.now())  # type: ignore[arg-type]


def test_pending_limit_must_be_positive(station: Station) -> None:
    with pytest.raises(OutboxError, match="at least 1"), station.store.transaction() as session:
        pending_events(session, 0)


def test_uuid7_never_goes_backwards_even_when_the_clock_does() -> None:
    base = datetime(2026, 11, 23, tzinfo=UTC)
    instants = [base, base, base + timedelta(milliseconds=5), base - timedelta(seconds=3), base]
    ids = [uuid7(moment) for moment in instants for _ in range(3000)]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)


def test_centre_items_keep_the_newest_version_and_tombstones_delete(station: Station) -> None:
    now = station.clock.now()
    with station.store.transaction() as session:
        apply_item(session, CentreFeed.HOTLIST, "S1", {"reason": "lost"}, seq=5, now=now)
        apply_item(session, CentreFeed.HOTLIST, "S1", {"reason": "older"}, seq=3, now=now)
        apply_item(session, CentreFeed.FMA, "m1", {"commences_on": "2026-12-01"}, seq=6, now=now)
        apply_item(session, CentreFeed.NOTICE, "n1", {"text": "x"}, seq=7, now=now)
        set_cursor(session, 7, now=now)
    with station.store.transaction() as session:
        assert is_hotlisted(session, "S1")
        assert get_cursor(session) == 7
        apply_item(session, CentreFeed.HOTLIST, "S1", None, seq=8, now=now)
        apply_item(session, CentreFeed.FMA, "m1", {"ceases_on": "2027-01-01"}, seq=9, now=now)
    with station.store.transaction() as session:
        assert not is_hotlisted(session, "S1")
        assert session.get(FmaEntry, "m1").data == {"ceases_on": "2027-01-01"}  # type: ignore[union-attr]
        assert get_cursor(session, "other") == 0
