"""Store fixtures: the station (a fresh copy of the session's template database, tests/station_fixtures.py)
with a fixed clock that tests move by hand and the data key, and a sample application."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

import pytest
from station_fixtures import FixedClock, StationDb, data_key

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
from card_station.store import Store
from card_station.store.models.operators import Operator
from card_station.store.pii import DataKey


@dataclass(frozen=True)
class Station:
    store: Store
    clock: FixedClock
    data_key: DataKey
    ops: dict[str, Operator]


@pytest.fixture
def station(station_db: StationDb) -> Station:
    return Station(station_db.store, FixedClock(), data_key(), station_db.ops)


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
