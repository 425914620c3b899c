"""The station store at scale: service-number lookup, name prefix search, outbox drain, bytes per member.

Prints ONE JSON object with ``members``, ``lookup_service_no_p95_ms`` and ``name_search_p95_ms`` (through
the real services ``find_member`` / ``search_members``, one read session as a screen holds it, 2000
queries each), ``outbox_drain_events_per_s`` (``--events`` outbox events drained by part B's sync to a
real central service on loopback, ``card_station.sync.measure``), and ``db_bytes_per_member`` (database
file size after a WAL checkpoint, divided by members).

Members are bulk-generated: synthetic names from common Indian given names and surnames (so prefixes
collide as real ones do), mobile numbers encrypted with a station data key exactly as the service does,
inserted with executemany in one transaction per 50 000 rows. Targets at 1 000 000 members (issue 5):
lookup p95 < 5 ms, name search p95 < 50 ms, drain > 2000 events/s.

Run: ``.venv/bin/python benchmarks/store.py --members 100000``
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from card_station.domain.records import Service
from card_station.services import applications as apps
from card_station.services import operators
from card_station.store import Store, open_store
from card_station.store.ids import uuid7
from card_station.store.names import fold_name
from card_station.store.outbox import record_event
from card_station.store.pii import DataKey
from card_station.store.roles import Role
from card_station.sync.measure import loopback_drain_rate

GIVEN = [
    "Ram",
    "Shyam",
    "Mohan",
    "Suresh",
    "Ramesh",
    "Rajesh",
    "Mahesh",
    "Dinesh",
    "Vijay",
    "Ajay",
    "Sanjay",
    "Anil",
    "Sunil",
    "Rakesh",
    "Mukesh",
    "Arun",
    "Varun",
    "Harish",
    "Girish",
    "Satish",
    "Manoj",
    "Pankaj",
    "Deepak",
    "Ashok",
    "Vinod",
    "Pramod",
    "Naresh",
    "Yogesh",
    "Rajendra",
    "Surendra",
    "Mahendra",
    "Narendra",
    "Devendra",
    "Jitendra",
    "Gurpreet",
    "Harpreet",
    "Manpreet",
    "Balwinder",
    "Jaswinder",
    "Kuldeep",
    "Sandeep",
    "Pradeep",
    "Rajiv",
    "Sanjeev",
    "Naveen",
    "Praveen",
    "Ravi",
    "Kiran",
    "Gopal",
    "Krishna",
    "Venkat",
    "Srinivas",
    "Subramanian",
    "Murugan",
    "Selvam",
]
SURNAMES = [
    "Singh",
    "Sharma",
    "Verma",
    "Yadav",
    "Kumar",
    "Gupta",
    "Mishra",
    "Pandey",
    "Tiwari",
    "Dubey",
    "Chauhan",
    "Rathore",
    "Thakur",
    "Negi",
    "Rawat",
    "Bisht",
    "Nair",
    "Menon",
    "Pillai",
    "Reddy",
    "Rao",
    "Naidu",
    "Iyer",
    "Iyengar",
    "Patil",
    "Jadhav",
    "Pawar",
    "Shinde",
    "Gill",
    "Sandhu",
    "Dhillon",
    "Sidhu",
    "Das",
    "Ghosh",
    "Bose",
    "Roy",
    "Mukherjee",
    "Banerjee",
    "Khan",
    "Ali",
    "Ahmed",
    "Fernandes",
    "DSouza",
    "Pereira",
    "Thapa",
    "Gurung",
    "Rai",
]
RANKS = ("Sep", "Nk", "Hav", "Nb Sub", "Sub", "Sub Maj", "Lt", "Capt", "Maj", "Lt Col", "Col")
CHUNK = 50_000
QUERIES = 2000
START = datetime(2026, 11, 23, 4, 30, tzinfo=UTC)
PASSWORD = "benchmark password"
_MEMBER_INSERT = (
    "INSERT INTO members (key, service, service_number, rank, name, name_norm, date_of_birth, gender, "
    "date_of_retirement, pension_kind, pension_from, ppo_number, basic_plus_dearness_pension_rs, "
    "record_office, war_widow, remarried, other_medical_scheme, contribution_deducted_at_source, "
    "mobile_enc, mobile_last4, aadhaar_enc, aadhaar_last4, created_at) VALUES "
    "(?, ?, ?, ?, ?, ?, ?, 'MALE', ?, 'SERVICE', ?, ?, ?, 'Records', 0, 0, NULL, 1, ?, ?, NULL, NULL, ?)"
)
_SERVICES = [s.name for s in Service]


def service_number(index: int) -> tuple[str, str]:
    return _SERVICES[index % 3], f"SN{index:08d}"


def _rows(start: int, stop: int, rng: random.Random, key: DataKey, stamp: str) -> list[tuple[object, ...]]:
    rows = []
    for index in range(start, stop):
        name = f"{rng.choice(GIVEN)} {rng.choice(GIVEN)[0]} {rng.choice(SURNAMES)}"
        member_key = uuid7(START)
        mobile = f"9{rng.randrange(10**9):09d}"
        service, number = service_number(index)
        rows.append(
            (
                member_key,
                service,
                number,
                rng.choice(RANKS),
                name,
                fold_name(name),
                f"19{rng.randint(45, 75)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                "2010-01-31",
                "2010-02-01",
                f"PPO/{index}",
                rng.randint(9000, 90000),
                key.encrypt(mobile, field="mobile", owner=member_key),
                mobile[-4:],
                stamp,
            )
        )
    return rows


def generate(store: Store, members: int, key: DataKey) -> None:
    rng = random.Random(1)
    stamp = START.strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")
    raw = store.engine.raw_connection()
    try:
        cursor = raw.cursor()
        for start in range(0, members, CHUNK):
            cursor.execute("BEGIN IMMEDIATE")
            cursor.executemany(_MEMBER_INSERT, _rows(start, min(start + CHUNK, members), rng, key, stamp))
            cursor.execute("COMMIT")
        cursor.execute("ANALYZE")
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.close()
    finally:
        raw.close()


def p95_ms(samples: list[float]) -> float:
    return round(statistics.quantiles(samples, n=20)[18] * 1000, 3)


def measure_queries(store: Store, members: int) -> tuple[float, float]:
    rng = random.Random(2)
    with store.transaction() as s:
        viewer = operators.login(s, "viewer", PASSWORD, now=START).operator
    assert viewer is not None
    lookups: list[float] = []
    searches: list[float] = []
    with store.read() as session:
        for _ in range(QUERIES):
            service, number = service_number(rng.randrange(members))
            began = time.perf_counter()
            found = apps.find_member(session, viewer, Service[service], number)
            lookups.append(time.perf_counter() - began)
            assert found is not None
        for _ in range(QUERIES):
            prefix = rng.choice(GIVEN)[: rng.randint(2, 5)]
            began = time.perf_counter()
            apps.search_members(session, viewer, prefix, limit=20)
            searches.append(time.perf_counter() - began)
    return p95_ms(lookups), p95_ms(searches)


def measure_drain(store: Store, events: int) -> float:
    with store.transaction() as s:
        for number in range(events):
            record_event(
                s,
                kind="card.personalised",
                member_key=f"bench-{number % 5000}",
                payload={"card_serial": f"B{number:08d}", "size": "KB64", "layout_version": 1},
                now=START + timedelta(microseconds=number),
            )
    return round(loopback_drain_rate(store), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000, help="members to generate (up to 1 000 000)")
    parser.add_argument("--events", type=int, default=20_000, help="outbox events to drain")
    parser.add_argument(
        "--dir", type=Path, default=None, help="where to put the database (default: a temp dir)"
    )
    args = parser.parse_args()
    if not 1 <= args.members <= 1_000_000:
        parser.error("--members must be 1 to 1 000 000")
    with tempfile.TemporaryDirectory(prefix="cs-store-bench-", dir=args.dir) as directory:
        path = Path(directory) / "station.db"
        store = open_store(path)
        key = DataKey(bytes(range(32)))
        with store.transaction() as s:
            admin = operators.bootstrap_admin(s, "admin", "Admin", PASSWORD, now=START)
            operators.create_operator(
                s, admin, "viewer", display_name="Viewer", role=Role.VERIFIER, password=PASSWORD, now=START
            )
        began = time.perf_counter()
        generate(store, args.members, key)
        generated_s = time.perf_counter() - began
        size = path.stat().st_size
        lookup, search = measure_queries(store, args.members)
        drain = measure_drain(store, args.events)
        store.close()
    print(
        json.dumps(
            {
                "members": args.members,
                "lookup_service_no_p95_ms": lookup,
                "name_search_p95_ms": search,
                "outbox_drain_events_per_s": drain,
                "db_bytes_per_member": round(size / args.members, 1),
                "generate_s": round(generated_s, 1),
                "drained_events": args.events,
            }
        )
    )


if __name__ == "__main__":
    main()
