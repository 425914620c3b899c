"""Shared builders for the domain rule tests: the real rule parameters and factories for records."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from card_station.domain.parameters import RuleParameters, load_rule_parameters
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

EVALUATED_ON = date(2024, 6, 15)

_MEMBER = Member(
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

_DEFAULTS: dict[Relation, dict[str, Any]] = {
    Relation.SPOUSE: {
        "gender": Gender.FEMALE,
        "date_of_birth": date(1970, 5, 1),
        "marital_status": MaritalStatus.MARRIED,
        "date_of_marriage": date(1990, 2, 1),
    },
    Relation.SON: {"gender": Gender.MALE, "date_of_birth": date(2003, 8, 20)},
    Relation.DAUGHTER: {"gender": Gender.FEMALE, "date_of_birth": date(1995, 1, 5)},
    Relation.FATHER: {"gender": Gender.MALE, "date_of_birth": date(1940, 1, 1)},
    Relation.MOTHER: {"gender": Gender.FEMALE, "date_of_birth": date(1944, 1, 1)},
    Relation.FATHER_IN_LAW: {"gender": Gender.MALE, "date_of_birth": date(1942, 1, 1)},
    Relation.MOTHER_IN_LAW: {"gender": Gender.FEMALE, "date_of_birth": date(1946, 1, 1)},
    Relation.GRANDPARENT: {"gender": Gender.MALE, "date_of_birth": date(1920, 1, 1)},
    Relation.GRANDCHILD: {"gender": Gender.MALE, "date_of_birth": date(2018, 1, 1)},
}


@pytest.fixture
def on() -> date:
    """The evaluation date of the tests: rules never read the clock, the date is always passed in."""
    return EVALUATED_ON


@pytest.fixture(scope="session")
def params() -> RuleParameters:
    return load_rule_parameters().parameters_on(EVALUATED_ON)


@pytest.fixture
def make_member() -> Callable[..., Member]:
    """A service pensioner (post-2003, contribution deducted at source) with any field overridden."""

    def build(**changes: Any) -> Member:
        return replace(_MEMBER, **changes)

    return build


@pytest.fixture
def make_widow(make_member: Callable[..., Member]) -> Callable[..., Member]:
    """A widow drawing family pension; the deceased soldier retired on 31 Mar 2015."""

    def build(**changes: Any) -> Member:
        fields: dict[str, Any] = {
            "name": "Sita Devi",
            "gender": Gender.FEMALE,
            "date_of_birth": date(1968, 7, 7),
            "pension_kind": PensionKind.FAMILY_WIDOW,
        }
        return make_member(**(fields | changes))

    return build


@pytest.fixture
def make_dependant() -> Callable[..., Dependant]:
    """A dependant of the given relation with plausible facts for `_MEMBER`, any field overridden."""

    def build(relation: Relation, **changes: Any) -> Dependant:
        fields: dict[str, Any] = (
            {"name": f"Test {relation.value}", "recorded_in_service_records": True}
            | _DEFAULTS[relation]
            | changes
        )
        return Dependant(relation=relation, **fields)

    return build


@pytest.fixture
def make_application(make_member: Callable[..., Member]) -> Callable[..., Application]:
    def build(**changes: Any) -> Application:
        fields: dict[str, Any] = {
            "member": make_member(),
            "applied_on": EVALUATED_ON,
            "card_size": CardSize.KB64,
            "submitted_at_regional_centre": "Delhi",
        }
        return Application(**(fields | changes))

    return build
