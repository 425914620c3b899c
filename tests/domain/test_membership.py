"""Member eligibility, seed 002 §1(a)-(c), from the booklet's own words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from card_station.domain.citations import Rule
from card_station.domain.membership import evaluate_member
from card_station.domain.records import Member, PensionKind

MakeMember = Callable[..., Member]


@pytest.mark.parametrize(
    "kind",
    [PensionKind.SERVICE, PensionKind.DISABILITY, PensionKind.FAMILY_WIDOW, PensionKind.FAMILY_NEXT_OF_KIN],
)
def test_1a_pensioners_and_family_pensioners_are_admitted(
    make_member: MakeMember, kind: PensionKind, on: date
) -> None:
    """seed 002 §1(a): "Ex-Servicemen drawing pension/ disability pension or widows/next of kin who are in
    receipt of family pension are eligible to apply for ECHS membership." """
    decision = evaluate_member(make_member(pension_kind=kind), on)
    assert decision.eligible
    assert decision.rule is Rule.MEMBER_PENSIONER
    assert str(decision.rule) == "seed 002 §1(a)"


def test_1b_not_drawing_pension_is_refused(make_member: MakeMember, on: date) -> None:
    """seed 002 §1(b): "Ex-servicemen who are not drawing any pension are NOT entitled for ECHS
    membership." """
    member = make_member(
        pension_kind=PensionKind.NOT_DRAWING, pension_from=None, basic_plus_dearness_pension_rs=0
    )
    decision = evaluate_member(member, on)
    assert not decision.eligible
    assert decision.rule is Rule.MEMBER_NOT_DRAWING_PENSION


def test_1c_member_of_another_government_scheme_is_refused(make_member: MakeMember, on: date) -> None:
    """seed 002 §1(c): "Ex-servicemen who are members of any other Government Medical Scheme are NOT
    entitled to become ECHS members." """
    decision = evaluate_member(make_member(other_medical_scheme="CGHS"), on)
    assert not decision.eligible
    assert decision.rule is Rule.MEMBER_OTHER_SCHEME
    assert "CGHS" in decision.reason


def test_1c_no_other_scheme_is_admitted(make_member: MakeMember, on: date) -> None:
    """seed 002 §1(c), the admitted side: without another scheme the pensioner is admitted under §1(a)."""
    assert evaluate_member(make_member(other_medical_scheme=None), on).eligible
