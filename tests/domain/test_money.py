"""Contribution (seed 002 §2) and card fees with the demand draft payee (seed 002 §3)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from card_station.domain.citations import Rule
from card_station.domain.contribution import ContributionMode, contribution, contribution_slab
from card_station.domain.errors import DomainError, RequestRefused
from card_station.domain.fees import card_fees, demand_draft_payee
from card_station.domain.parameters import RuleParameters
from card_station.domain.records import Application, Member, PensionKind, Route

MakeMember = Callable[..., Member]

PRE_2003 = {"date_of_retirement": date(2001, 6, 30), "pension_from": date(2001, 7, 1)}


# seed 002 §2(a): "Upto Rs. 3000/- Rs. 1800/- / Between Rs. 3001 to 6000/- Rs. 4800/- / Between Rs. 6001
# to 10000/- Rs. 8400/- / Between Rs. 10001 to 15000/- Rs. 12000/- / Above Rs. 15001/- Rs. 18000/-"
@pytest.mark.parametrize(
    ("pension", "amount"),
    [
        (0, 1800),
        (3000, 1800),
        (3001, 4800),
        (6000, 4800),
        (6001, 8400),
        (10000, 8400),
        (10001, 12000),
        (15000, 12000),
        (15001, 18000),
        (250000, 18000),
    ],
)
def test_2a_the_slab_table_at_every_boundary(pension: int, amount: int, params: RuleParameters) -> None:
    assert contribution_slab(pension, params).contribution_rs == amount


def test_2a_a_negative_pension_is_refused_with_a_clear_error(params: RuleParameters) -> None:
    with pytest.raises(DomainError, match=r"pension Rs -1 cannot be negative"):
        contribution_slab(-1, params)


def test_2a_pre_2003_pensioner_deposits_the_slab_amount_by_mro(
    make_member: MakeMember, params: RuleParameters
) -> None:
    """seed 002 §2(a): "required to deposit ECHS Contribution amount in Govt Treasury/Nationalised Banks
    through MRO" at the rate of the slab."""
    member = make_member(
        basic_plus_dearness_pension_rs=7500, contribution_deducted_at_source=False, **PRE_2003
    )
    assert member.route is Route.PRE_2003
    result = contribution(member, date(2005, 1, 1), params)
    assert (result.mode, result.amount_rs, result.rule) == (
        ContributionMode.MRO,
        8400,
        Rule.CONTRIBUTION_SLAB,
    )
    assert not result.pre_2003_entry_closed


def test_2a_note_i_war_widows_are_exempt_and_other_widows_pay(
    make_widow: MakeMember, params: RuleParameters
) -> None:
    """seed 002 §2(a) Note (i): "War Widows (Veer Naris) have have been exempted from paying ECHS
    contribution amount." """
    war_widow = make_widow(war_widow=True, basic_plus_dearness_pension_rs=9000, **PRE_2003)
    exempt = contribution(war_widow, date(2005, 1, 1), params)
    assert (exempt.mode, exempt.amount_rs, exempt.rule) == (ContributionMode.EXEMPT, 0, Rule.WAR_WIDOW_EXEMPT)
    widow = replace(war_widow, war_widow=False)
    assert contribution(widow, date(2005, 1, 1), params).amount_rs == 8400


def test_2a_note_ii_pre_2003_entry_after_31_mar_2008_is_flagged(
    make_member: MakeMember, params: RuleParameters
) -> None:
    """seed 002 §2(a) Note (ii): "... the option to become ECHS members only upto 31 Mar 2008. Thereafter,
    entry to the Scheme for pre 01 Apr 2003 retirees will be closed." """
    member = make_member(contribution_deducted_at_source=False, **PRE_2003)
    assert not contribution(member, date(2008, 3, 31), params).pre_2003_entry_closed
    assert contribution(member, date(2008, 4, 1), params).pre_2003_entry_closed


def test_2a_note_ii_the_closing_date_does_not_apply_to_post_2003_retirees(
    make_member: MakeMember, params: RuleParameters
) -> None:
    assert not contribution(make_member(), date(2024, 1, 1), params).pre_2003_entry_closed


def test_2b_post_2003_contribution_deducted_at_source_leaves_nothing_to_pay(
    make_member: MakeMember, params: RuleParameters
) -> None:
    """seed 002 §2(b): "Their ECHS contribution amount is deducted at source by CDA(Pension) Allahabad and
    reflected in the PPO." """
    result = contribution(make_member(contribution_deducted_at_source=True), date(2024, 1, 1), params)
    assert (result.mode, result.amount_rs, result.rule) == (
        ContributionMode.DEDUCTED_AT_SOURCE,
        0,
        Rule.CONTRIBUTION_AT_SOURCE,
    )


def test_2b_post_2003_not_deducted_at_source_pays_by_mro(
    make_member: MakeMember, params: RuleParameters
) -> None:
    """seed 002 §2(b): "In cases where ECHS contribution amount has not been deducted at source by CDA(P),
    pensioners are required to deposit their contribution amount through an MRO, as per Para 2 (a) above." """
    member = make_member(contribution_deducted_at_source=False, basic_plus_dearness_pension_rs=2500)
    result = contribution(member, date(2024, 1, 1), params)
    assert (result.mode, result.amount_rs, result.rule) == (
        ContributionMode.MRO,
        1800,
        Rule.CONTRIBUTION_MRO_POST_2003,
    )


def test_the_route_turns_on_01_apr_2003(make_member: MakeMember) -> None:
    assert make_member(date_of_retirement=date(2003, 3, 31)).route is Route.PRE_2003
    assert make_member(date_of_retirement=date(2003, 4, 1)).route is Route.POST_2003


# seed 002 §3(a): "... ECHS Smart Card on payment of Rs 90/-. This Card will be called 'Master Smart Card' ...
# a pensioner is permitted to opt for a maximum of two add on cards on payment of Rs 90/- per card."
@pytest.mark.parametrize(("add_ons", "total"), [(0, 90), (1, 180), (2, 270)])
def test_3a_master_card_and_up_to_two_add_on_cards(add_ons: int, total: int, params: RuleParameters) -> None:
    fees = card_fees(add_ons, params)
    assert (fees.master_rs, fees.add_on_each_rs, fees.total_rs) == (90, 90, total)


def test_3a_a_third_add_on_card_is_refused(params: RuleParameters) -> None:
    with pytest.raises(RequestRefused, match=r"seed 002 §3\(a\).*3 add-on cards asked for; at most 2"):
        card_fees(3, params)


def test_3a_a_negative_count_of_add_on_cards_is_a_clear_error(params: RuleParameters) -> None:
    with pytest.raises(DomainError, match="-1 add-on cards is not a count"):
        card_fees(-1, params)


def _affiliation(record_office: str) -> str | None:
    return {"Rajputana Rifles": "Delhi Cantt", "Sikh Regiment": "Patna"}.get(record_office)


def test_3a_i_pre_2003_draft_is_in_favour_of_the_regional_centre_where_the_application_is_submitted(
    make_application: Callable[..., Application], make_member: MakeMember
) -> None:
    """seed 002 §3(a)(i): "In favour of concerned Regional Centre ECHS Non Public fund Accounts in whose
    jurisdication the application is being submitted." """
    application = make_application(member=make_member(**PRE_2003), submitted_at_regional_centre="Pune")
    payee = demand_draft_payee(application, _affiliation)
    assert payee.regional_centre == "Pune"  # not Delhi Cantt, the Record Office's centre
    assert payee.in_favour_of == "Regional Centre ECHS Pune Non Public Fund Account"
    assert payee.rule is Rule.DD_PAYEE_PRE_2003


def test_3a_ii_post_2003_draft_is_in_favour_of_the_record_offices_regional_centre(
    make_application: Callable[..., Application],
) -> None:
    """seed 002 §3(a)(ii): "Demand Draft in favour of ECHS Regional Centre with which the Record Office of
    the pensioner is affiliated. The demand draft should be payable at the city of location of ECHS Regional
    Centre." """
    payee = demand_draft_payee(make_application(submitted_at_regional_centre="Pune"), _affiliation)
    assert (payee.regional_centre, payee.payable_at, payee.rule) == (
        "Delhi Cantt",
        "Delhi Cantt",
        Rule.DD_PAYEE_POST_2003,
    )
    assert payee.in_favour_of == "ECHS Regional Centre Delhi Cantt"


def test_3a_ii_an_unaffiliated_record_office_is_a_clear_error(
    make_application: Callable[..., Application], make_member: MakeMember
) -> None:
    application = make_application(member=make_member(record_office="Unknown Records"))
    with pytest.raises(DomainError, match=r"Record Office 'Unknown Records' of member JC-123456A is not"):
        demand_draft_payee(application, _affiliation)


def test_family_pension_of_next_of_kin_pays_like_any_pensioner(
    make_member: MakeMember, params: RuleParameters
) -> None:
    member = make_member(pension_kind=PensionKind.FAMILY_NEXT_OF_KIN, contribution_deducted_at_source=False)
    assert contribution(member, date(2024, 1, 1), params).amount_rs == 18000
