"""Who may be a primary ECHS member (seed 002 §1(a)-(c)).

Why a decision record rather than a bool: the clerk must tell the applicant which paragraph refused them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from card_station.domain.citations import Rule
from card_station.domain.consistency import check_member
from card_station.domain.records import Member, PensionKind


@dataclass(frozen=True)
class MemberDecision:
    eligible: bool
    rule: Rule
    reason: str


def evaluate_member(member: Member, on: date) -> MemberDecision:
    """Decide the member's own eligibility on `on`; contradictory facts raise `ContradictoryInput`.

    seed 002 §1(a): "Ex-Servicemen drawing pension/ disability pension or widows/next of kin who are in
    receipt of family pension are eligible"; §1(b): not drawing any pension, NOT entitled; §1(c): members
    of any other Government Medical Scheme NOT entitled.
    """
    check_member(member, on)
    if member.pension_kind is PensionKind.NOT_DRAWING:
        return MemberDecision(False, Rule.MEMBER_NOT_DRAWING_PENSION, "an ex-serviceman drawing no pension")
    if member.other_medical_scheme is not None:
        return MemberDecision(
            False,
            Rule.MEMBER_OTHER_SCHEME,
            f"member of {member.other_medical_scheme}; two government medical schemes are not permitted",
        )
    return MemberDecision(True, Rule.MEMBER_PENSIONER, f"draws {member.pension_kind.value}")
