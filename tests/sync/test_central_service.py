"""The central service over real HTTP on loopback: credentials, idempotent batches, per-member order,
feeds since a cursor, and the same on PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from card_station.central import migrate
from card_station.central.credentials import Credential
from card_station.central.models import Feed
from card_station.central.projection import FeedChange
from card_station.central.store import CentralStore
from tests.sync.conftest import STATION, Central, start_central

T0 = "2026-11-01T10:00:00+00:00"


def event(
    n: int, member: str = "m1", seq: int | None = None, kind: str = "member.changed", **payload: Any
) -> dict:
    return {
        "id": f"ev-{member}-{n}",
        "kind": kind,
        "member_key": member,
        "member_seq": n if seq is None else seq,
        "payload": payload,
        "created_at": T0,
    }


def http(central: Central, credential: Credential | None = None) -> httpx.Client:
    headers = {"Authorization": f"Bearer {(credential or central.credential).token}"}
    return httpx.Client(base_url=central.url, headers=headers, timeout=30)


@pytest.fixture
def client(central: Central) -> Iterator[httpx.Client]:
    with http(central) as c:
        yield c


@pytest.mark.parametrize(
    "authorization",
    [None, "Basic dXNlcjpwYXNz", "Bearer", "Bearer not-a-credential", f"Bearer cs1:{STATION}:{'A' * 43}"],
    ids=["none", "basic", "empty-bearer", "malformed", "wrong-secret"],
)
@pytest.mark.parametrize("path", ["/v1/ping", "/v1/events", "/v1/updates", "/v1/fma", "/no-such-path"])
def test_every_request_without_a_valid_credential_is_refused(
    central: Central, authorization: str | None, path: str
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    response = httpx.post(f"{central.url}{path}", headers=headers, json={"events": [event(1)]}, timeout=30)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["error"] == "unauthorized"
    assert "credential" in response.json()["detail"]
    assert central.store.events() == []


def test_an_unknown_station_and_a_rotated_credential_are_refused(central: Central) -> None:
    with http(central, Credential.new("stn-unknown")) as stranger:
        assert stranger.get("/v1/ping").status_code == 401
    central.store.register_station(STATION, "", rotate=True)
    with http(central) as old:
        response = old.get("/v1/ping")
    assert response.status_code == 401
    assert "wrong secret" in response.json()["detail"]


def test_a_valid_credential_names_its_station_and_never_shows_its_secret(
    client: httpx.Client, central: Central
):
    assert client.get("/v1/ping").json() == {"station": STATION}
    assert central.credential.secret not in repr(central.credential)
    assert Credential.parse(central.credential.token) == central.credential


def test_a_batch_sent_twice_is_stored_once(client: httpx.Client, central: Central) -> None:
    batch = {"events": [event(1), event(2), event(1, member="m2")]}
    first = client.post("/v1/events", json=batch).json()
    second = client.post("/v1/events", json=batch).json()
    ids = ["ev-m1-1", "ev-m1-2", "ev-m2-1"]
    assert first == {"acknowledged": ids, "stored": 3, "duplicates": 0}
    assert second == {"acknowledged": ids, "stored": 0, "duplicates": 3}
    assert [e.event_id for e in central.store.events()] == ids


def test_a_batch_overlapping_one_already_held_stores_only_the_new_events(
    client: httpx.Client, central: Central
):
    client.post("/v1/events", json={"events": [event(1), event(2)]})
    answer = client.post("/v1/events", json={"events": [event(2), event(3)]}).json()
    assert answer == {"acknowledged": ["ev-m1-3", "ev-m1-2"], "stored": 1, "duplicates": 1}
    assert [e.member_seq for e in central.store.events()] == [1, 2, 3]


def test_the_same_batch_sent_concurrently_is_stored_once(central: Central) -> None:
    batch = {"events": [event(n) for n in range(1, 201)]}
    answers: list[httpx.Response] = []
    barrier = threading.Barrier(4)

    def send() -> None:
        with http(central) as c:
            barrier.wait(timeout=30)
            answers.append(c.post("/v1/events", json=batch))

    threads = [threading.Thread(target=send) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert [a.status_code for a in answers] == [200] * 4
    assert sum(a.json()["stored"] for a in answers) == 200
    assert [e.member_seq for e in central.store.events()] == list(range(1, 201))


@pytest.mark.parametrize(
    ("events", "words"),
    [
        ([event(2)], "seq 2 is a gap; the centre expects seq 1"),
        ([event(1), event(3, seq=3)], "seq 3 is a gap; the centre expects seq 2"),
        ([event(1), {**event(9), "member_seq": 1}], "seq 1 is a place already taken"),
    ],
    ids=["first-is-not-1", "gap-inside-batch", "place-taken"],
)
def test_a_batch_breaking_member_order_is_refused_whole(
    client: httpx.Client, central: Central, events: list[dict], words: str
) -> None:
    response = client.post("/v1/events", json={"events": events})
    assert response.status_code == 409
    assert words in response.json()["detail"]
    assert "nothing of this batch was stored" in response.json()["detail"]
    assert central.store.events() == []


def test_an_event_id_reused_for_another_place_is_refused(client: httpx.Client, central: Central) -> None:
    client.post("/v1/events", json={"events": [event(1)]})
    response = client.post("/v1/events", json={"events": [{**event(1), "member_key": "m2"}]})
    assert response.status_code == 409
    assert "event IDs must be unique" in response.json()["detail"]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"not json", "not JSON"),
        (b'{"events": []}', "1 to 2000 events"),
        (b'{"events": [], "more": 1}', "and nothing else"),
        (b'{"events": [1]}', "event 0: must be a JSON object"),
        (
            b'{"events": [{"id": "x"}]}',
            "missing ['created_at', 'kind', 'member_key', 'member_seq', 'payload']",
        ),
    ],
)
def test_a_malformed_batch_gets_a_422_saying_what_is_wrong(
    client: httpx.Client, body: bytes, words: str
) -> None:
    response = client.post("/v1/events", content=body)
    assert response.status_code == 422
    assert words in response.json()["detail"]


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("member_seq", 0, "'member_seq' must be an integer from 1"),
        ("member_seq", True, "'member_seq' must be an integer from 1"),
        ("created_at", "2026-11-01T10:00:00", "with a UTC offset"),
        ("kind", "Card Blocked", "'kind' must be a dotted lower-case name"),
        ("id", "x" * 65, "'id' must be 1-64"),
        ("payload", [], "'payload' must be a JSON object"),
    ],
)
def test_a_malformed_event_is_named_with_its_field(
    client: httpx.Client, field: str, value: object, words: str
) -> None:
    response = client.post("/v1/events", json={"events": [event(1), {**event(2), field: value}]})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("event 1")
    assert words in response.json()["detail"]


def test_blocks_and_fma_events_reach_every_station_through_the_feed(client: httpx.Client, central: Central):
    central.store.register_station("stn-other", "Another station")
    batch = [
        event(1, kind="card.blocked", card_serial="SN-1", reason="lost"),
        event(2, kind="fma.granted", member_key="m1", applied_on="2026-05-10", commences_on="2026-07-01"),
        event(3, kind="fma.ceased", member_key="m1", ceases_on="2027-03-01"),
    ]
    client.post("/v1/events", json={"events": batch})
    central.store.publish([FeedChange(Feed.NOTICE, "N-7", {"district": "Lahaul and Spiti"}, None)])
    with http(central, central.store.register_station("stn-counter", "A counter")) as other:
        page = other.get("/v1/updates", params={"since": 0}).json()
    assert [(i["feed"], i["key"]) for i in page["items"]] == [
        ("hotlist", "SN-1"),
        ("fma", "m1"),
        ("notice", "N-7"),
    ]
    assert page["items"][1]["data"] == {
        "member_key": "m1",
        "applied_on": "2026-05-10",
        "commences_on": "2026-07-01",
        "ceases_on": "2027-03-01",
    }
    assert page["more"] is False
    assert client.get("/v1/updates", params={"since": page["cursor"]}).json()["items"] == []


def test_an_unblock_takes_the_card_off_the_hotlist(client: httpx.Client) -> None:
    blocked = event(1, kind="card.blocked", card_serial="SN-5", reason="lost")
    unblocked = event(2, kind="card.unblocked", card_serial="SN-5", reason="found")
    client.post("/v1/events", json={"events": [blocked]})
    assert client.get("/v1/updates").json()["items"][0]["data"] == {"card_serial": "SN-5", "reason": "lost"}
    client.post("/v1/events", json={"events": [unblocked]})
    assert client.get("/v1/updates").json()["items"] == [
        {"seq": 2, "feed": "hotlist", "key": "SN-5", "data": None}
    ]


def test_feed_pages_follow_the_cursor_and_a_withdrawal_is_sent_as_a_tombstone(
    client: httpx.Client, central: Central
):
    central.store.publish(FeedChange(Feed.HOTLIST, f"SN-{n}", {"n": n}, None) for n in range(5))
    first = client.get("/v1/updates", params={"since": 0, "limit": 3}).json()
    assert [i["key"] for i in first["items"]] == ["SN-0", "SN-1", "SN-2"] and first["more"] is True
    central.store.publish([FeedChange(Feed.HOTLIST, "SN-0", None, None, merge=False)])
    rest = client.get("/v1/updates", params={"since": first["cursor"], "limit": 3}).json()
    assert [(i["key"], i["data"]) for i in rest["items"]] == [
        ("SN-3", {"n": 3}),
        ("SN-4", {"n": 4}),
        ("SN-0", None),
    ]
    assert rest["more"] is False


@pytest.mark.parametrize("query", ["since=-1", "since=x", "limit=0", "limit=5001"])
def test_a_bad_cursor_query_is_refused_with_the_allowed_range(client: httpx.Client, query: str) -> None:
    response = client.get(f"/v1/updates?{query}")
    assert response.status_code == 400
    assert "must be an integer from" in response.json()["detail"]


def test_the_fma_list_is_the_asking_stations_own(client: httpx.Client, central: Central) -> None:
    client.post(
        "/v1/events",
        json={
            "events": [
                event(
                    1, kind="fma.granted", member_key="m1", applied_on="2026-05-10", commences_on="2026-07-01"
                )
            ]
        },
    )
    central.store.publish([FeedChange(Feed.FMA, "m9", {"applied_on": "2026-01-02"}, "stn-elsewhere")])
    items = client.get("/v1/fma").json()["items"]
    assert [i["member_key"] for i in items] == ["m1"]


def test_postgresql_store_round_trip(pg_url: str) -> None:
    store = CentralStore(pg_url.replace("postgresql+psycopg://", "postgresql://"))
    running = start_central(store)
    try:
        with http(running) as c:
            batch = {
                "events": [
                    event(1, kind="card.blocked", card_serial="SN-PG", reason="lost"),
                    event(2),
                    event(1, member="m2"),
                ]
            }
            assert c.post("/v1/events", json=batch).json()["stored"] == 3
            assert c.post("/v1/events", json=batch).json()["duplicates"] == 3
            assert c.post("/v1/events", json={"events": [event(5)]}).status_code == 409
            page = c.get("/v1/updates", params={"since": 0}).json()
        assert [(i["feed"], i["key"], i["data"]["reason"]) for i in page["items"]] == [
            ("hotlist", "SN-PG", "lost")
        ]
        held = store.events(STATION)
        assert [(e.member_key, e.member_seq) for e in held] == [("m1", 1), ("m1", 2), ("m2", 1)]
        assert held[0].payload == {"card_serial": "SN-PG", "reason": "lost"}
        assert store.engine.dialect.name == "postgresql"
    finally:
        running.service.stop()
        migrate.downgrade(store.engine, "base")
        store.close()


def test_postgresql_concurrent_duplicate_batches_are_stored_once(pg_url: str) -> None:
    store = CentralStore(pg_url)
    running = start_central(store)
    try:
        batch = {"events": [event(n, member=f"m{n % 7}", seq=n // 7 + 1) for n in range(700)]}
        answers: list[int] = []
        barrier = threading.Barrier(4)

        def send() -> None:
            with http(running) as c:
                barrier.wait(timeout=30)
                answers.append(c.post("/v1/events", json=batch).json()["stored"])

        threads = [threading.Thread(target=send) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert sum(answers) == 700 and len(answers) == 4
        held = store.events(STATION)
        assert len({e.event_id for e in held}) == len(held) == 700
    finally:
        running.service.stop()
        migrate.downgrade(store.engine, "base")
        store.close()


def test_a_block_without_a_card_serial_is_refused_and_nothing_is_stored(
    client: httpx.Client, central: Central
):
    response = client.post(
        "/v1/events", json={"events": [event(1), event(2, kind="card.blocked", reason="lost")]}
    )
    assert response.status_code == 422
    assert (
        "a 'card.blocked' event's payload needs a non-empty text 'card_serial'" in response.json()["detail"]
    )
    assert central.store.events() == []
