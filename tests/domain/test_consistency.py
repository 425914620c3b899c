"""Inputs that contradict each other raise ContradictoryInput naming the person, never a decision."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from card_station.domain.dependants import evaluate_dependant
from card_station.domain.errors import ContradictoryInput
from card_station.domain.membership import evaluate_member
from card_station.domain.parameters import RuleParameters
from card_station.domain.records import (
    Dependant,
    Disability,
    DisabilityKind,
    Gender,
    MaritalStatus,
    Member,
    PensionKind,
    Relation,
)

MakeMember = Callable[..., Member]
MakeDependant = Callable[..., Dependant]


@pytest.mark.parametrize(
    ("relation", "changes", "words"),
    [
        (Relation.SON, {"date_of_birth": date(1960, 1, 1)}, "not after the member's own date of birth"),
        (Relation.DAUGHTER, {"date_of_birth": date(1965, 3, 10)}, "not after the member's own date of birth"),
        (Relation.GRANDCHILD, {"date_of_birth": date(1950, 1, 1)}, "not after the member's own"),
        (Relation.FATHER, {"date_of_birth": date(1970, 1, 1)}, "not before the member's own date of birth"),
        (Relation.SON, {"date_of_birth": date(2030, 1, 1)}, "after the evaluation date 2024-06-15"),
        (
            Relation.SON,
            {"marital_status": MaritalStatus.UNMARRIED, "date_of_marriage": date(2023, 5, 1)},
            "listed as unmarried but has a date of marriage 2023-05-01",
        ),
        (
            Relation.SON,
            {"marital_status": MaritalStatus.MARRIED, "date_of_marriage": date(2000, 5, 1)},
            "before the date of birth",
        ),
        (
            Relation.DAUGHTER,
            {"marital_status": MaritalStatus.DIVORCED, "date_of_marriage": date(2025, 5, 1)},
            "date of marriage 2025-05-01 is after the evaluation date",
        ),
        (Relation.SON, {"gender": Gender.FEMALE}, "a female person listed under a male relation"),
        (Relation.MOTHER, {"gender": Gender.MALE}, "a male person listed under a female relation"),
        (Relation.SPOUSE, {"marital_status": MaritalStatus.DIVORCED}, "listed as the spouse but as divorced"),
        (Relation.MOTHER, {"monthly_income_rs": -5}, "cannot be negative"),
        (Relation.FATHER, {"from_present_husband": True}, "only a child can be marked"),
        (Relation.SON, {"from_present_husband": True}, "the member is not a remarried widow"),
        (
            Relation.SON,
            {"disability": Disability(DisabilityKind.PHYSICAL, date(2001, 1, 1), "C-1", True)},
            "onset of disability 2001-01-01 is before the date of birth",
        ),
        (
            Relation.SON,
            {"disability": Disability(DisabilityKind.MENTAL, date(2025, 1, 1), "C-1", True)},
            "is after the evaluation date",
        ),
    ],
)
def test_contradictory_dependant_facts_raise_naming_the_person(
    make_member: MakeMember,
    make_dependant: MakeDependant,
    relation: Relation,
    changes: dict[str, Any],
    words: str,
    *,
    on: date,
    params: RuleParameters,
) -> None:
    dependant = make_dependant(relation, name="Vikram", **changes)
    with pytest.raises(ContradictoryInput) as caught:
        evaluate_dependant(make_member(), dependant, on, params)
    assert caught.value.person == f"{relation.value.lower()} Vikram"
    assert words in caught.value.contradiction
    assert "correct the application" in str(caught.value)


def test_a_widow_who_has_not_remarried_cannot_list_a_spouse(
    make_widow: MakeMember, make_dependant: MakeDependant, on: date, params: RuleParameters
) -> None:
    spouse = make_dependant(Relation.SPOUSE, gender=Gender.MALE)
    with pytest.raises(ContradictoryInput, match="widow pensioner who has not remarried"):
        evaluate_dependant(make_widow(), spouse, on, params)


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"date_of_birth": date(2025, 1, 1)}, "after the evaluation date"),
        ({"basic_plus_dearness_pension_rs": -1}, "cannot be negative"),
        ({"pension_kind": PensionKind.NOT_DRAWING}, "not drawing pension but pension is from"),
        ({"pension_kind": PensionKind.NOT_DRAWING, "pension_from": None}, "a pension amount is given"),
        ({"pension_from": date(1960, 1, 1)}, "before the date of birth"),
        (
            {"date_of_retirement": date(1960, 1, 1), "pension_from": None},
            "retirement on 1960-01-01 is before",
        ),
        ({"war_widow": True}, "listed as a war widow but draws service pension"),
        ({"remarried": True}, "listed as a remarried widow"),
    ],
)
def test_contradictory_member_facts_raise_naming_the_member(
    make_member: MakeMember, changes: dict[str, Any], words: str, on: date
) -> None:
    with pytest.raises(ContradictoryInput) as caught:
        evaluate_member(make_member(**changes), on)
    assert caught.value.person == "member JC-123456A Ram Singh"
    assert words in caught.value.contradiction
