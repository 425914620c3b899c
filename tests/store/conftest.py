"""Shared store fixtures: a fresh station database per test, copied from a template that already holds one
operator of every role (scrypt is deliberately slow, so the operators are made once per session), a fixed
clock that tests move by hand, and a sample application."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from card_station.domain.records import (
    Application,
    CardSize,
    Dependant,
    Gender,
    MaritalStatus,
    Member,
    PensionKind,
    Relation,
    Service,
)
from card_station.services import operators
from card_station.store import Store, open_store
from card_station.store.models.operators import Operator
from card_station.store.pii import DataKey
from card_station.store.roles import Role

PASSWORD = "correct horse battery"
START = datetime(2026, 11, 23, 4, 30, tzinfo=UTC)  # 10:00 IST
USERS = {
    "admin": Role.ADMIN,
    "clerk": Role.CLERK,
    "clerk2": Role.CLERK,
    "verifier": Role.VERIFIER,
    "verifier2": Role.VERIFIER,
    "counter": Role.COUNTER,
    "technician": Role.TECHNICIAN,
}


class FixedClock:
    """A clock that stands still until a test moves it."""

    def __init__(self, start: datetime) -> None:
        self.current = start

    def now(self) -> datetime:
        return self.current

    def advance(self, delta: timedelta) -> datetime:
        self.current += delta
        return self.current


@dataclass(frozen=True)
class Station:
    store: Store
    clock: FixedClock
    data_key: DataKey
    ops: dict[str, Operator]


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "station.db"
    store = open_store(path)
    with store.transaction() as session:
        admin = operators.bootstrap_admin(session, "admin", "Admin", PASSWORD, now=START)
        for username, role in USERS.items():
            if username != "admin":
                operators.create_operator(
                    session,
                    admin,
                    username,
                    display_name=username.title(),
                    role=role,
                    password=PASSWORD,
                    now=START,
                )
    store.close()
    return path


@pytest.fixture
def station(template_db: Path, tmp_path: Path) -> Iterator[Station]:
    path = tmp_path / "station.db"
    shutil.copy(template_db, path)
    store = open_store(path)
    with store.transaction() as session:
        from sqlalchemy import select

        ops = {op.username: op for op in session.scalars(select(Operator))}
    yield Station(store, FixedClock(START), DataKey(bytes(range(32))), ops)
    store.close()


SAMPLE_MEMBER = Member(
    service=Service.ARMY,
    service_number="JC-123456A",
    rank="Sub",
    name="Ram Singh",
    date_of_birth=date(1965, 3, 10),
    gender=Gender.MALE,
    date_of_retirement=date(2015, 3, 31),
    pension_kind=PensionKind.SERVICE,
    pension_from=date(2015, 4, 1),
    ppo_number="S/012345/2015",
    basic_plus_dearness_pension_rs=20000,
    record_office="Rajputana Rifles",
    contribution_deducted_at_source=True,
)
SPOUSE = Dependant(
    name="Sita Devi",
    relation=Relation.SPOUSE,
    date_of_birth=date(1970, 5, 1),
    gender=Gender.FEMALE,
    recorded_in_service_records=True,
    marital_status=MaritalStatus.MARRIED,
    date_of_marriage=date(1990, 2, 1),
)
MOBILE = "98765 41234"
AADHAAR = "2341 2341 2346"


@pytest.fixture
def make_application() -> Callable[..., Application]:
    def make(
        service_number: str = "JC-123456A", name: str = "Ram Singh", add_on_cards: int = 0
    ) -> Application:
        return Application(
            member=replace(SAMPLE_MEMBER, service_number=service_number, name=name),
            applied_on=date(2026, 11, 20),
            card_size=CardSize.KB64,
            submitted_at_regional_centre="Delhi",
            add_on_cards=add_on_cards,
            dependants=(SPOUSE,),
        )

    return make
