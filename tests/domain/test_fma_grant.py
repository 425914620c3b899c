"""FMA commencement, cessation, irreversibility, care allowed and the card endorsement (seed 003 §6-§11)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from card_station.domain.citations import Rule
from card_station.domain.dates import add_months
from card_station.domain.errors import ContradictoryInput, RequestRefused
from card_station.domain.fma_eligibility import FmaDecision
from card_station.domain.fma_grant import (
    CareService,
    CessationGround,
    FmaGrant,
    care_allowed,
    cease_fma,
    fma_cessation,
    fma_commencement,
    grant_fma,
    no_opd_endorsement,
)
from card_station.domain.parameters import RuleParameters, load_rule_parameters

ELIGIBLE = FmaDecision(True, Rule.FMA_ELIGIBLE, "notified, no facility")
REFUSED = FmaDecision(False, Rule.FMA_NO_POLYCLINIC, "Mandi has an ECHS polyclinic")
PARAMS = load_rule_parameters().parameters_on(date(2024, 1, 1))
GRANT = FmaGrant(applied_on=date(2019, 5, 10), commences_on=date(2019, 7, 1), monthly_rs=1000)


# §8(b) "FMA will commence from 01st Jul for all applications submitted during 1st May to 31st May."
@pytest.mark.parametrize(
    ("applied", "commences"),
    [
        (date(2019, 5, 1), date(2019, 7, 1)),
        (date(2019, 5, 31), date(2019, 7, 1)),
        (date(2019, 11, 30), date(2020, 1, 1)),
        (date(2019, 12, 1), date(2020, 2, 1)),
    ],
)
def test_8b_commencement_is_the_first_day_of_the_second_month_after_the_application_month(
    applied: date, commences: date, params: RuleParameters
) -> None:
    assert fma_commencement(applied, params) == commences


def test_8b_an_application_in_april_does_not_commence_on_01_jul(params: RuleParameters) -> None:
    assert fma_commencement(date(2019, 4, 30), params) == date(2019, 6, 1)


@settings(deadline=None)  # no timing thresholds on shared machines
@given(st.dates(min_value=date(2018, 11, 1), max_value=date(2100, 12, 31)))
def test_8b_property_commencement_is_a_first_of_month_one_to_two_months_after_the_application(
    applied: date,
) -> None:
    commences = fma_commencement(applied, PARAMS)
    assert commences.day == 1
    assert add_months(applied, 1) < commences <= add_months(applied, 2)
    assert (commences.year * 12 + commences.month) - (applied.year * 12 + applied.month) == 2


@settings(deadline=None)  # no timing thresholds on shared machines
@given(st.dates(min_value=date(2018, 11, 1), max_value=date(2100, 12, 31)))
def test_8c_property_cessation_is_a_first_of_month_one_to_two_months_after_the_facility(opened: date) -> None:
    ceases = fma_cessation(opened, PARAMS)
    assert ceases.day == 1
    assert add_months(opened, 1) < ceases <= add_months(opened, 2)


def test_8a_and_6c_fma_is_granted_on_the_members_application_at_rs_1000(params: RuleParameters) -> None:
    """seed 003 §6(c): "Unless an ESM applies, FMA will not commence automatically even if eligibility
    conditions are fulfilled." §8(a): "eligible for grant of FMA @ Rs 1000/- per month" """
    grant = grant_fma(ELIGIBLE, date(2019, 5, 10), params)
    assert grant == GRANT


def test_6c_an_ineligible_member_cannot_be_granted_fma(params: RuleParameters) -> None:
    with pytest.raises(RequestRefused, match=r"seed 003 §3\(a\).*Mandi has an ECHS polyclinic"):
        grant_fma(REFUSED, date(2019, 5, 10), params)


def test_8c_and_6d_fma_ceases_on_the_first_day_of_the_second_month_after_a_facility_opens(
    params: RuleParameters,
) -> None:
    """seed 003 §8(c): "The date of cessation of FMA will be the first day of the following second month when
    such conditions are fulfilled." §6(d): those who opt "will cease to draw FMA once any of the facilities as
    per Para 3 get created." """
    ceased = cease_fma(GRANT, CessationGround.POLYCLINIC_OPENED, date(2021, 3, 15), params)
    assert ceased.ceases_on == date(2021, 5, 1)
    assert ceased.in_force_on(date(2021, 4, 30))
    assert not ceased.in_force_on(date(2021, 5, 1))


def test_6e_the_member_cannot_ask_for_fma_to_be_stopped(params: RuleParameters) -> None:
    """seed 003 §6(e): "Once opted for FMA, individual ESM will not have any choice to apply for stoppage of
    FMA. Stoppage will be only based when any of the three conditions as per Para 3 are created." """
    with pytest.raises(RequestRefused, match=r"seed 003 §6\(e\)"):
        cease_fma(GRANT, CessationGround.MEMBER_REQUEST, date(2021, 3, 15), params)
    assert cease_fma(GRANT, CessationGround.MI_ROOM_UPGRADED, date(2021, 3, 15), params).ceases_on


def test_8c_a_grant_ceases_once(params: RuleParameters) -> None:
    ceased = cease_fma(GRANT, CessationGround.SERVICE_HOSPITAL_OPENED, date(2021, 3, 15), params)
    with pytest.raises(RequestRefused, match="already ceases on 2021-05-01"):
        cease_fma(ceased, CessationGround.POLYCLINIC_OPENED, date(2022, 1, 1), params)


def test_8c_a_facility_that_predates_the_application_month_is_a_contradiction(params: RuleParameters) -> None:
    with pytest.raises(ContradictoryInput, match="before the application month"):
        cease_fma(GRANT, CessationGround.POLYCLINIC_OPENED, date(2019, 4, 1), params)


def test_8c_a_facility_opening_in_the_application_month_ceases_fma_before_any_is_paid(
    params: RuleParameters,
) -> None:
    ceased = cease_fma(GRANT, CessationGround.POLYCLINIC_OPENED, date(2019, 5, 20), params)
    assert ceased.ceases_on == ceased.commences_on
    assert not ceased.in_force_on(date(2019, 7, 1))


# §7 "Persons opting for FMA will not be eligible for OPD care through ECHS for themselves and their
# dependants": (a) polyclinic OPD, (b) service hospital OPD, (c) MI room OPD, (d) empanelled hospital OPD,
# (e) OPD reimbursement, (f) polyclinic medicines, (g) medicines except with inpatient treatment.
REFUSED_UNDER_FMA = [
    (CareService.OPD_POLYCLINIC, Rule.FMA_NO_OPD_POLYCLINIC),
    (CareService.OPD_SERVICE_HOSPITAL, Rule.FMA_NO_OPD_SERVICE_HOSPITAL),
    (CareService.OPD_MI_ROOM, Rule.FMA_NO_OPD_MI_ROOM),
    (CareService.OPD_EMPANELLED_HOSPITAL, Rule.FMA_NO_OPD_EMPANELLED),
    (CareService.OPD_REIMBURSEMENT, Rule.FMA_NO_OPD_REIMBURSEMENT),
    (CareService.POLYCLINIC_MEDICINES, Rule.FMA_NO_POLYCLINIC_MEDICINES),
    (CareService.MEDICINES_WITHOUT_IPD, Rule.FMA_MEDICINES_WITH_IPD_ONLY),
]


@pytest.mark.parametrize(("service", "rule"), REFUSED_UNDER_FMA)
def test_7_opd_care_is_refused_while_fma_is_in_force(service: CareService, rule: Rule) -> None:
    decision = care_allowed(GRANT, service, date(2019, 7, 1))
    assert not decision.allowed
    assert decision.rule is rule


@pytest.mark.parametrize(("service", "rule"), REFUSED_UNDER_FMA)
def test_7_and_11_opd_care_is_allowed_before_commencement_and_after_cessation(
    service: CareService, rule: Rule
) -> None:
    """seed 003 §11: marking forbids "Use of any OPD facility from the date of applicability for FMA" """
    before = care_allowed(GRANT, service, date(2019, 6, 30))
    assert before.allowed
    assert before.rule is Rule.FMA_COMMENCEMENT
    after = care_allowed(replace(GRANT, ceases_on=date(2021, 5, 1)), service, date(2021, 5, 1))
    assert after.allowed
    assert after.rule is Rule.FMA_CESSATION


@pytest.mark.parametrize(
    ("service", "rule"),
    [
        (CareService.IPD_TREATMENT, Rule.FMA_IPD),
        (CareService.IPD_REFERRAL, Rule.FMA_IPD),
        (CareService.MEDICINES_WITH_IPD, Rule.FMA_MEDICINES_WITH_IPD_ONLY),
    ],
)
def test_7g_and_10_ipd_treatment_referral_and_ipd_medicines_stay_allowed(
    service: CareService, rule: Rule
) -> None:
    """seed 003 §10: "ESM along with his / her dependants will continue to be eligible for IPD treatment";
    §7(g): "No medicines except those given during inpatient treatment or at the time of discharge" """
    decision = care_allowed(GRANT, service, date(2020, 1, 1))
    assert decision.allowed
    assert decision.rule is rule


def test_11_the_card_endorsement_text_has_the_letters_en_dash_and_date_format() -> None:
    """seed 003 §11: marking will be made — "No OPD – 01 JUL 2019" """
    assert no_opd_endorsement(GRANT) == "No OPD \u2013 01 JUL 2019"
    assert no_opd_endorsement(replace(GRANT, commences_on=date(2020, 2, 1))) == "No OPD \u2013 01 FEB 2020"
