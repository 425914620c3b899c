"""The writer process of the crash test: applies a run of changes through the services until it is killed,
printing one line after each commit so the test knows what was committed.

Run as ``python crash_writer.py DB``; it resumes after the members already in the database.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from card_station.domain.records import Application, CardSize, Gender, Member, PensionKind, Service
from card_station.services import applications as apps
from card_station.store import open_store
from card_station.store.models import MemberRow, Operator
from card_station.store.pii import DataKey

MEMBER = Member(
    service=Service.NAVY,
    service_number="0",
    rank="PO",
    name="Crash Test",
    date_of_birth=date(1960, 1, 1),
    gender=Gender.MALE,
    date_of_retirement=date(2010, 1, 31),
    pension_kind=PensionKind.SERVICE,
    pension_from=date(2010, 2, 1),
    ppo_number=None,
    basic_plus_dearness_pension_rs=30000,
    record_office="Mumbai",
)


def main(path: Path) -> None:
    store = open_store(path)
    key = DataKey(bytes(range(32)))
    with store.transaction() as s:
        ops = {op.username: op for op in s.scalars(select(Operator))}
        start = s.scalar(select(func.count()).select_from(MemberRow)) or 0
    clock = datetime(2026, 11, 23, tzinfo=UTC) + timedelta(minutes=start)
    for number in range(start, start + 100_000):
        now = clock + timedelta(minutes=number)
        application = Application(
            replace(MEMBER, service_number=f"CR-{number}"), date(2026, 11, 1), CardSize.KB32, "Mumbai"
        )
        with store.transaction() as s:
            app_key = apps.enter_application(
                s, ops["clerk"], application, mobile="9876541234", aadhaar=None, data_key=key, now=now
            ).key
        print(f"entered {app_key}", flush=True)
        with store.transaction() as s:
            apps.submit_application(s, ops["clerk"], app_key, now=now)
        print(f"submitted {app_key}", flush=True)
        with store.transaction() as s:
            apps.verify_application(s, ops["verifier"], app_key, now=now)
            apps.record_card_personalised(
                s, ops["clerk"], app_key, serials=[f"CR-{number}"], layout_version=1, now=now
            )
        print(f"personalised {app_key}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
