"""FMA eligibility, seed 003 §2-§5, with the letter's sentences quoted."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from card_station.domain.citations import Rule
from card_station.domain.errors import ContradictoryInput, IncompleteInput
from card_station.domain.fma_eligibility import (
    AddressEvidence,
    AddressSource,
    FmaDecision,
    address_at_pension,
    fma_eligibility,
)
from card_station.domain.parameters import RuleParameters
from card_station.domain.records import Member, PensionKind
from card_station.domain.reference.districts import District

MakeMember = Callable[..., Member]

APPLIED = date(2019, 5, 10)
PENSION_FROM = date(2015, 4, 1)  # the test member's first day of pension

DISTRICTS = {
    "D-NONE": District(
        "D-NONE", "Lahaul and Spiti", "Himachal Pradesh", False, False, False, date(2018, 11, 1)
    ),
    "D-PC": District("D-PC", "Mandi", "Himachal Pradesh", True, False, False, date(2018, 11, 1)),
    "D-MH": District("D-MH", "Ambala", "Haryana", False, True, False, date(2018, 11, 1)),
    "D-MI": District("D-MI", "Kinnaur", "Himachal Pradesh", False, False, True, date(2018, 11, 1)),
    "D-UNNOTIFIED": District("D-UNNOTIFIED", "Chamba", "Himachal Pradesh", False, False, False, None),
    "D-LATE": District("D-LATE", "Kullu", "Himachal Pradesh", False, False, False, date(2020, 1, 1)),
}


def ppo(district: str | None, recorded_from: date = date(2015, 2, 1)) -> AddressEvidence:
    return AddressEvidence(AddressSource.PPO, district, recorded_from)


def decide(
    member: Member, evidence: list[AddressEvidence], params: RuleParameters, applied: date = APPLIED
) -> FmaDecision:
    return fma_eligibility(member, evidence, DISTRICTS.get, applied, params)


def test_2_fma_is_open_to_echs_members_from_the_sanction_of_01_nov_2018(
    make_member: MakeMember, params: RuleParameters
) -> None:
    """seed 003 §2: "Govt of India, Min of Def vide their letter ... dated 01 Nov 2018 has now sanctioned FMA
    to ECHS beneficiaries" """
    assert decide(make_member(), [ppo("D-NONE")], params, date(2018, 11, 1)).eligible
    refused = decide(make_member(), [ppo("D-NONE")], params, date(2018, 10, 31))
    assert not refused.eligible
    assert refused.rule is Rule.FMA_SANCTIONED


def test_3_a_district_without_any_of_the_three_facilities_is_eligible(
    make_member: MakeMember, params: RuleParameters
) -> None:
    decision = decide(make_member(), [ppo("D-NONE")], params)
    assert decision.eligible
    assert decision.rule is Rule.FMA_ELIGIBLE
    assert decision.district == DISTRICTS["D-NONE"]


@pytest.mark.parametrize(
    ("code", "rule", "words"),
    [
        # §3(a) "There is no ECHS Polyclinic in his / her district."
        ("D-PC", Rule.FMA_NO_POLYCLINIC, "Mandi has an ECHS polyclinic"),
        # §3(b) "There is no service hospital in his / her district."
        ("D-MH", Rule.FMA_NO_SERVICE_HOSPITAL, "Ambala has a service hospital"),
        # §3(c) "There is no MI Room upgraded to provide treatment to ESM in his/ her district."
        ("D-MI", Rule.FMA_NO_MI_ROOM, "Kinnaur has an MI room"),
    ],
)
def test_3_and_4c_a_notified_district_with_a_facility_is_refused(
    make_member: MakeMember, code: str, rule: Rule, words: str, params: RuleParameters
) -> None:
    """seed 003 §4(c): "Even if a district is notified, FMA will be applicable only if conditions at Para 3
    above are fulfilled." """
    decision = decide(make_member(), [ppo(code)], params)
    assert not decision.eligible
    assert decision.rule is rule
    assert words in decision.reason


@pytest.mark.parametrize("code", ["D-UNNOTIFIED", "D-NOT-ON-LIST", "D-LATE"])
def test_4a_and_4b_a_district_not_notified_on_the_application_date_is_refused(
    make_member: MakeMember, code: str, params: RuleParameters
) -> None:
    """seed 003 §4(a): "List of districts which make a person eligible is as per Appendix"; §4(b): new
    districts "will be notified by Ops & Coord Section of Central Organisation ECHS" """
    decision = decide(make_member(), [ppo(code)], params)
    assert not decision.eligible
    assert decision.rule is Rule.FMA_NOTIFIED_DISTRICT


def test_4b_a_district_is_eligible_from_its_notification(
    make_member: MakeMember, params: RuleParameters
) -> None:
    assert decide(make_member(), [ppo("D-LATE")], params, date(2020, 1, 1)).eligible


def test_5a_i_the_ppo_address_wins_over_the_books_and_other_documents(make_member: MakeMember) -> None:
    """seed 003 §5(a)(i): "Permanent address as recorded in PPO." """
    evidence = [
        AddressEvidence(AddressSource.DISCHARGE_BOOK, "D-PC", date(2015, 3, 1)),
        AddressEvidence(AddressSource.OTHER_SERVICE_DOCUMENT, "D-MH", date(2015, 3, 1)),
        ppo("D-NONE"),
    ]
    assert address_at_pension(make_member(), evidence).district_code == "D-NONE"


def test_5a_ii_a_ppo_without_an_address_gives_way_to_the_pension_or_discharge_book(
    make_member: MakeMember,
) -> None:
    """seed 003 §5(a)(ii): "In case of PPOs not having permanent address, address as recorded in Pension
    Book / Discharge Book." """
    evidence = [
        ppo(None),
        AddressEvidence(AddressSource.OTHER_SERVICE_DOCUMENT, "D-MH", date(2015, 3, 1)),
        AddressEvidence(AddressSource.PENSION_BOOK, "D-NONE", date(2015, 3, 1)),
    ]
    assert address_at_pension(make_member(), evidence).source is AddressSource.PENSION_BOOK


def test_5a_iii_another_service_document_is_used_only_when_nothing_better_exists(
    make_member: MakeMember,
) -> None:
    """seed 003 §5(a)(iii): "Any other service document which gives permanent address at the time of grant of
    pension / family pension." """
    other = AddressEvidence(AddressSource.OTHER_SERVICE_DOCUMENT, "D-NONE", date(2015, 1, 1))
    assert address_at_pension(make_member(), [ppo(None), other]) == other
    with pytest.raises(IncompleteInput, match=r"a document giving the permanent address on 2015-04-01"):
        address_at_pension(make_member(), [ppo(None)])


def test_5b_an_address_changed_after_the_grant_of_pension_does_not_count(
    make_member: MakeMember, params: RuleParameters
) -> None:
    """seed 003 §5(b): "While provisions exist for change of permanent address, the same will not be
    applicable for grant of FMA if changed after grant of pension / family pension." """
    moved_after_pension = ppo("D-NONE", recorded_from=date(2017, 6, 1))
    at_pension = ppo("D-PC", recorded_from=date(2015, 2, 1))
    decision = decide(make_member(), [moved_after_pension, at_pension], params)
    assert not decision.eligible
    assert decision.evidence == at_pension
    assert decision.rule is Rule.FMA_NO_POLYCLINIC


def test_5b_a_change_while_in_service_counts_the_latest_before_pension(make_member: MakeMember) -> None:
    """seed 003 §5(b): "There is no restriction in change of permanent address while in service but the
    permanent address on the first day of eligibility for pension / family pension will be the address" """
    enrolment = ppo("D-PC", recorded_from=date(1985, 1, 1))
    last_in_service = ppo("D-NONE", recorded_from=PENSION_FROM)
    assert address_at_pension(make_member(), [enrolment, last_in_service]) == last_in_service


def test_5_disagreeing_documents_of_equal_standing_are_a_contradiction(make_member: MakeMember) -> None:
    evidence = [
        AddressEvidence(AddressSource.PENSION_BOOK, "D-NONE", date(2015, 3, 1)),
        AddressEvidence(AddressSource.DISCHARGE_BOOK, "D-PC", date(2015, 3, 1)),
    ]
    with pytest.raises(ContradictoryInput, match=r"pension book, discharge book give different districts"):
        address_at_pension(make_member(), evidence)


def test_5_a_member_without_a_first_day_of_pension_cannot_be_judged(make_member: MakeMember) -> None:
    with pytest.raises(IncompleteInput, match="the first day of pension"):
        address_at_pension(make_member(pension_from=None), [ppo("D-NONE")])


def test_a_person_drawing_no_pension_is_refused_fma(make_member: MakeMember, params: RuleParameters) -> None:
    member = make_member(
        pension_kind=PensionKind.NOT_DRAWING, pension_from=None, basic_plus_dearness_pension_rs=0
    )
    decision = decide(member, [ppo("D-NONE")], params)
    assert not decision.eligible
    assert decision.rule is Rule.MEMBER_NOT_DRAWING_PENSION
