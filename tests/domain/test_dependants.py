"""Dependant eligibility, seed 002 §1(d)(i)-(ix): for each sub-paragraph a case it admits and one it refuses,
with the booklet's sentence quoted."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from card_station.domain.citations import Rule
from card_station.domain.dependants import EndingEvent, evaluate_dependant, evaluate_dependants
from card_station.domain.errors import IncompleteInput
from card_station.domain.membership import evaluate_member
from card_station.domain.parameters import RuleParameters
from card_station.domain.records import (
    Application,
    Dependant,
    Disability,
    DisabilityKind,
    Gender,
    MaritalStatus,
    Member,
    Relation,
)

MakeMember = Callable[..., Member]
MakeDependant = Callable[..., Dependant]


# (i) "Wife/Husband (Name should be recorded in service records of the pensioner)."


def test_1d_i_spouse_recorded_in_service_records_is_admitted(
    make_member: MakeMember, make_dependant: MakeDependant, on: date, params: RuleParameters
) -> None:
    decision = evaluate_dependant(make_member(), make_dependant(Relation.SPOUSE), on, params)
    assert decision.eligible
    assert decision.rule is Rule.SPOUSE
    assert decision.ends_on is None


def test_1d_i_spouse_not_in_service_records_is_refused(
    make_member: MakeMember, make_dependant: MakeDependant, on: date, params: RuleParameters
) -> None:
    spouse = make_dependant(Relation.SPOUSE, recorded_in_service_records=False)
    decision = evaluate_dependant(make_member(), spouse, on, params)
    assert not decision.eligible
    assert decision.rule is Rule.SPOUSE
    assert "not recorded in the pensioner's service records" in decision.reason


# (ii) "Unemployed Sons below 25 years of age. Married sons, even though below 25 years of age, are NOT
# permitted to be included as 'dependents'."


def test_1d_ii_unemployed_unmarried_son_below_25_is_admitted_until_his_25th_birthday(
    make_member: MakeMember, make_dependant: MakeDependant, on: date, params: RuleParameters
) -> None:
    son = make_dependant(Relation.SON, date_of_birth=date(2003, 8, 20))
    decision = evaluate_dependant(make_member(), son, on, params)
    assert decision.eligible
    assert decision.rule is Rule.SON
    assert decision.ends_on == date(2028, 8, 20)
    assert decision.ending_events == (EndingEvent.EMPLOYMENT, EndingEvent.MARRIAGE)


def test_1d_ii_son_is_eligible_the_day_before_25_and_refused_on_his_birthday(
    make_member: MakeMember, make_dependant: MakeDependant, params: RuleParameters
) -> None:
    son = make_dependant(Relation.SON, date_of_birth=date(2003, 8, 20))
    assert evaluate_dependant(make_member(), son, date(2028, 8, 19), params).eligible
    decision = evaluate_dependant(make_member(), son, date(2028, 8, 20), params)
    assert not decision.eligible
    assert decision.rule is Rule.SON
    assert "reached the age of 25 on 2028-08-20" in decision.reason


def test_1d_ii_a_son_born_on_29_february_turns_25_on_1_march(
    make_member: MakeMember, make_dependant: MakeDependant, on: date, params: RuleParameters
) -> None:
    son = make_dependant(Relation.SON, date_of_birth=date(2004, 2, 29), part_ii_order_no=None)
    assert evaluate_dependant(make_member(), son, on, params).ends_on == date(2029, 3, 1)


def test_1d_ii_married_son_below_25_is_refused(
    make_member: MakeMember, make_dependant: MakeDependant, on: date, params: RuleParameters
) -> None:
    son = make_dependant(
        Relation.SON, marital_status=MaritalStatus.MARRIED, date_of_marriage=date(2024, 1, 2)
    )
    decision = evaluate_dependant(make_member(), son, on, params)
    assert not decision.eligible
    assert decision.rule is Rule.SON
    assert "married son is NOT permitted" in decision.reason


def test_1d_ii_employed_son_is_refused(
    make_member: MakeMember, make_dependant: MakeDependant, on: date, params: RuleParameters
) -> None:
    decision = evaluate_dependant(make_member(), make_dependant(Relation.SON, employed=True), on, params)
    assert not decision.eligible
    assert decision.rule is Rule.SON


# (iii) "Unemployed/Unmarried /Divorced/widow dependant daughters, irrespective of age."


@pytest.mark.parametrize("status", [MaritalStatus.UNMARRIED, MaritalStatus.DIVORCED, MaritalStatus.WIDOWED])
def test_1d_iii_unemployed_unmarried_divorced_or_widowed_daughter_of_any_age_is_admitted(
    make_member: MakeMember, make_dependant: MakeDependant, status: MaritalStatus, params: RuleParameters
) -> None:
    married_on = None if status is MaritalStatus.UNMARRIED else date(2018, 1, 1)
    daughter = make_dependant(Relation.DAUGHTER, marital_status=status, date_of_marriage=married_on)
    decision = evaluate_dependant(make_member(), daughter, date(2060, 1, 1), params)  # aged 65
    assert decision.eligible
    assert decision.rule is Rule.DAUGHTER
    assert decision.ends_on is None
    assert decision.ending_events == (EndingEvent.EMPLOYMENT, EndingEvent.MARRIAGE)


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        (
            {"marital_status": MaritalStatus.MARRIED, "date_of_marriage": date(2020, 1, 1)},
            "a married daughter",
        ),
        ({"employed": True}, "an employed daughter"),
    ],
)
def test_1d_iii_married_or_employed_daughter_is_refused(
    make_member: MakeMember,
    make_dependant: MakeDependant,
    changes: dict[str, object],
    reason: str,
    *,
    on: date,
    params: RuleParameters,
) -> None:
    decision = evaluate_dependant(make_member(), make_dependant(Relation.DAUGHTER, **changes), on, params)
    assert not decision.eligible
    assert decision.rule is Rule.DAUGHTER
    assert decision.reason == reason


# (iv) "Physically/Mentally handicapped children for life. (Certificate ... duly signed by a Service
# specialist is required ...). In addition proof of dependency to be attached. Onset of disability after
# the age of 25 years is not eligible for membership."


def _disabled(onset: date, certificate: str | None = "SS/2010/77", proof: bool = True) -> Disability:
    return Disability(DisabilityKind.PHYSICAL, onset, certificate, proof)


def test_1d_iv_certified_disabled_son_with_onset_before_25_is_admitted_for_life(
    make_member: MakeMember, make_dependant: MakeDependant, params: RuleParameters
) -> None:
    son = make_dependant(Relation.SON, date_of_birth=date(1990, 1, 1), disability=_disabled(date(2000, 6, 1)))
    decision = evaluate_dependant(make_member(), son, date(2024, 6, 15), params)  # aged 34
    assert decision.eligible
    assert decision.rule is Rule.DISABLED_CHILD
    assert decision.ends_on is None


def test_1d_iv_disabled_married_daughter_is_admitted_for_life(
    make_member: MakeMember, make_dependant: MakeDependant, on: date, params: RuleParameters
) -> None:
    daughter = make_dependant(
        Relation.DAUGHTER,
        marital_status=MaritalStatus.MARRIED,
        date_of_marriage=date(2020, 1, 1),
        disability=_disabled(date(1999, 1, 1), certificate="SS/1"),
    )
    decision = evaluate_dependant(make_member(), daughter, on, params)
    assert decision.eligible
    assert decision.rule is Rule.DISABLED_CHILD


@pytest.mark.parametrize(
    ("disability", "reason"),
    [
        (_disabled(date(2015, 1, 1)), "onset of disability on 2015-01-01, at or after the age of 25"),
        (_disabled(date(2000, 6, 1), certificate=None), "no certificate of disability signed by a Service"),
        (_disabled(date(2000, 6, 1), proof=False), "no proof of dependency"),
    ],
)
def test_1d_iv_son_over_25_without_certificate_proof_or_early_onset_is_refused(
    make_member: MakeMember,
    make_dependant: MakeDependant,
    disability: Disability,
    reason: str,
    *,
    params: RuleParameters,
) -> None:
    son = make_dependant(Relation.SON, date_of_birth=date(1990, 1, 1), disability=disability)
    decision = evaluate_dependant(make_member(), son, date(2024, 6, 15), params)
    assert not decision.eligible
    assert decision.rule is Rule.DISABLED_CHILD
    assert reason in decision.reason


def test_1d_iv_onset_on_the_25th_birthday_is_refused_and_the_day_before_admitted(
    make_member: MakeMember, make_dependant: MakeDependant, on: date, params: RuleParameters
) -> None:
    born = date(1990, 1, 1)
    late = make_dependant(Relation.SON, date_of_birth=born, disability=_disabled(date(2015, 1, 1)))
    early = make_dependant(Relation.SON, date_of_birth=born, disability=_disabled(date(2014, 12, 31)))
    assert not evaluate_dependant(make_member(), late, on, params).eligible
    assert evaluate_dependant(make_member(), early, on, params).eligible


def test_1d_iv_uncertified_disabled_son_below_25_is_still_admitted_under_ii(
    make_member: MakeMember, make_dependant: MakeDependant, on: date, params: RuleParameters
) -> None:
    son = make_dependant(Relation.SON, disability=_disabled(date(2010, 1, 1), certificate=None))
    decision = evaluate_dependant(make_member(), son, on, params)
    assert decision.eligible
    assert decision.rule is Rule.SON


# (v) "'Wholly dependent' parents. Parents whose monthly income from all sources exceeds Rs 1500/-pm are NOT
# eligible ... Father/Mother who are retired employees of Central Govt./State Govt./ PSU ... cannot be termed
# dependent."


@pytest.mark.parametrize("relation", [Relation.FATHER, Relation.MOTHER])
def test_1d_v_parent_with_income_of_1500_is_admitted(
    make_member: MakeMember,
    make_dependant: MakeDependant,
    relation: Relation,
    on: date,
    params: RuleParameters,
) -> None:
    decision = evaluate_dependant(make_member(), make_dependant(relation, monthly_income_rs=1500), on, params)
    assert decision.eligible
    assert decision.rule is Rule.PARENT
    assert decision.ending_events == (EndingEvent.INCOME_ABOVE_LIMIT, EndingEvent.GOVT_OR_PSU_PENSION)


def test_1d_v_parent_with_income_above_1500_is_refused(
    make_member: MakeMember, make_dependant: MakeDependant, on: date, params: RuleParameters
) -> None:
    decision = evaluate_dependant(
        make_member(), make_dependant(Relation.FATHER, monthly_income_rs=1501), on, params
    )
    assert not decision.eligible
    assert decision.rule is Rule.PARENT
    assert "Rs 1501 exceeds Rs 1500" in decision.reason


def test_1d_v_parent_drawing_a_government_or_psu_pension_is_refused_whatever_the_stated_income(
    make_member: MakeMember, make_dependant: MakeDependant, on: date, params: RuleParameters
) -> None:
    mother = make_dependant(Relation.MOTHER, monthly_income_rs=0, govt_or_psu_pension=True)
    decision = evaluate_dependant(make_member(), mother, on, params)
    assert not decision.eligible
    assert decision.rule is Rule.PARENT
    assert "cannot be termed dependent" in decision.reason


def test_1d_v_the_income_limit_comes_from_the_parameters(
    make_member: MakeMember, make_dependant: MakeDependant, on: date, params: RuleParameters
) -> None:
    raised = replace(params, parent_income_limit_rs=3500)
    assert evaluate_dependant(
        make_member(), make_dependant(Relation.FATHER, monthly_income_rs=3000), on, raised
    ).eligible


# (vi) "In case of a widow pensioner, the parents of the deceased soldier are permitted to be included as
# dependents, provided their monthly income from all sources does not exceed Rs 1500/-"


@pytest.mark.parametrize("relation", [Relation.FATHER_IN_LAW, Relation.MOTHER_IN_LAW])
def test_1d_vi_widow_pensioners_parents_in_law_within_the_income_limit_are_admitted(
    make_widow: MakeMember,
    make_dependant: MakeDependant,
    relation: Relation,
    on: date,
    params: RuleParameters,
) -> None:
    decision = evaluate_dependant(make_widow(), make_dependant(relation, monthly_income_rs=1200), on, params)
    assert decision.eligible
    assert decision.rule is Rule.PARENT_IN_LAW


def test_1d_vi_widow_pensioners_parent_in_law_above_the_income_limit_is_refused(
    make_widow: MakeMember, make_dependant: MakeDependant, on: date, params: RuleParameters
) -> None:
    father_in_law = make_dependant(Relation.FATHER_IN_LAW, monthly_income_rs=2000)
    decision = evaluate_dependant(make_widow(), father_in_law, on, params)
    assert not decision.eligible
    assert decision.rule is Rule.PARENT_IN_LAW


def test_1d_vi_parents_in_law_of_a_service_pensioner_are_refused(
    make_member: MakeMember, make_dependant: MakeDependant, on: date, params: RuleParameters
) -> None:
    decision = evaluate_dependant(make_member(), make_dependant(Relation.MOTHER_IN_LAW), on, params)
    assert not decision.eligible
    assert decision.rule is Rule.PARENT_IN_LAW
    assert "only a widow pensioner" in decision.reason


# (vii) "In case a widow remarries and is in receipt of pension she and her children are entitled to become
# ECHS members. However, present husband and children from present husband are NOT permitted"


def test_1d_vii_remarried_widow_and_her_children_are_admitted(
    make_widow: MakeMember, make_dependant: MakeDependant, on: date, params: RuleParameters
) -> None:
    widow = make_widow(remarried=True)
    assert evaluate_member(widow, on).eligible
    son = make_dependant(Relation.SON, date_of_birth=date(2005, 1, 1))
    assert evaluate_dependant(widow, son, on, params).eligible


def test_1d_vii_remarried_widows_present_husband_and_his_children_are_refused(
    make_widow: MakeMember, make_dependant: MakeDependant, on: date, params: RuleParameters
) -> None:
    widow = make_widow(remarried=True)
    husband = make_dependant(Relation.SPOUSE, gender=Gender.MALE, date_of_marriage=date(2018, 2, 1))
    child = make_dependant(Relation.DAUGHTER, date_of_birth=date(2019, 5, 5), from_present_husband=True)
    for person in (husband, child):
        decision = evaluate_dependant(widow, person, on, params)
        assert not decision.eligible
        assert decision.rule is Rule.REMARRIED_WIDOW


# (viii) "Grandparents/Grandchildren are NOT permitted to be included as 'dependents'."


@pytest.mark.parametrize("relation", [Relation.GRANDPARENT, Relation.GRANDCHILD])
def test_1d_viii_grandparents_and_grandchildren_are_refused(
    make_member: MakeMember,
    make_dependant: MakeDependant,
    relation: Relation,
    on: date,
    params: RuleParameters,
) -> None:
    decision = evaluate_dependant(
        make_member(), make_dependant(relation, part_ii_order_no="P2/1"), on, params
    )
    assert not decision.eligible
    assert decision.rule is Rule.GRANDPARENT_GRANDCHILD


def test_1d_viii_the_same_person_as_a_son_rather_than_a_grandchild_is_admitted(
    make_member: MakeMember, make_dependant: MakeDependant, on: date, params: RuleParameters
) -> None:
    son = make_dependant(Relation.SON, date_of_birth=date(2012, 1, 1))
    assert evaluate_dependant(make_member(), son, on, params).eligible


# (ix) "In case of marriage after retirement or birth of children after retirement, Ex-Servicemen pensioners
# are requested to contact their Record Office for Publication of Part II Orders for Marriage/ Birth."


def test_1d_ix_marriage_after_retirement_without_a_part_ii_order_is_refused(
    make_member: MakeMember, make_dependant: MakeDependant, on: date, params: RuleParameters
) -> None:
    spouse = make_dependant(
        Relation.SPOUSE, date_of_marriage=date(2016, 1, 1), recorded_in_service_records=False
    )
    decision = evaluate_dependant(make_member(), spouse, on, params)
    assert not decision.eligible
    assert decision.rule is Rule.PART_II_ORDER
    assert "after retirement on 2015-03-31" in decision.reason


def test_1d_ix_marriage_after_retirement_with_a_part_ii_order_is_admitted(
    make_member: MakeMember, make_dependant: MakeDependant, on: date, params: RuleParameters
) -> None:
    spouse = make_dependant(
        Relation.SPOUSE,
        date_of_marriage=date(2016, 1, 1),
        recorded_in_service_records=False,
        part_ii_order_no="RO/P2/2016/114",
    )
    assert evaluate_dependant(make_member(), spouse, on, params).eligible


def test_1d_ix_birth_after_retirement_needs_a_part_ii_order(
    make_member: MakeMember, make_dependant: MakeDependant, on: date, params: RuleParameters
) -> None:
    born_after = make_dependant(Relation.DAUGHTER, date_of_birth=date(2016, 9, 9))
    refused = evaluate_dependant(make_member(), born_after, on, params)
    assert not refused.eligible
    assert refused.rule is Rule.PART_II_ORDER
    with_order = make_dependant(Relation.DAUGHTER, date_of_birth=date(2016, 9, 9), part_ii_order_no="P2/9")
    assert evaluate_dependant(make_member(), with_order, on, params).eligible


def test_1d_ix_a_spouse_without_a_date_of_marriage_cannot_be_judged(
    make_member: MakeMember, make_dependant: MakeDependant, on: date, params: RuleParameters
) -> None:
    spouse = make_dependant(Relation.SPOUSE, date_of_marriage=None)
    with pytest.raises(IncompleteInput, match=r"spouse Test Spouse: the date of marriage"):
        evaluate_dependant(make_member(), spouse, on, params)


def test_an_application_gets_one_decision_per_person_in_order(
    make_application: Callable[..., Application],
    make_dependant: MakeDependant,
    on: date,
    params: RuleParameters,
) -> None:
    application = make_application(
        dependants=(
            make_dependant(Relation.SPOUSE, name="Gita"),
            make_dependant(Relation.GRANDCHILD, name="Anu"),
            make_dependant(Relation.SON, name="Ravi"),
        )
    )
    decisions = evaluate_dependants(application, on, params)
    assert [(d.name, d.eligible) for d in decisions] == [("Gita", True), ("Anu", False), ("Ravi", True)]
