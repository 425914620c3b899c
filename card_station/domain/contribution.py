"""The ECHS contribution a member pays on joining (seed 002 §2).

Why a record with a mode: the clerk needs to know not only how much but how it is paid. Pre-01 Apr 2003
pensioners deposit the slab amount by MRO (§2(a)); post-2003 retirees have it deducted at source by
CDA(Pension) and pay by MRO only when it was not deducted (§2(b)); war widows are exempt (§2(a) Note (i)).
The closing of entry for pre-2003 retirees after 31 Mar 2008 (§2(a) Note (ii)) is reported as a flag,
not a refusal: whether a late entry is admitted under a later order is the station's decision.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from card_station.domain.citations import Rule
from card_station.domain.consistency import check_member
from card_station.domain.errors import DomainError
from card_station.domain.parameters import ContributionSlab, RuleParameters
from card_station.domain.records import Member, Route


class ContributionMode(Enum):
    EXEMPT = "exempt"
    DEDUCTED_AT_SOURCE = "deducted at source by CDA(Pension)"
    MRO = "deposit by MRO"


@dataclass(frozen=True)
class Contribution:
    """`amount_rs` is what the member deposits by MRO now: 0 when exempt or already deducted at source."""

    mode: ContributionMode
    amount_rs: int
    rule: Rule
    pre_2003_entry_closed: bool


def contribution_slab(pension_rs: int, params: RuleParameters) -> ContributionSlab:
    """The slab of seed 002 §2(a) for a monthly uncommuted basic pension + dearness pension in rupees."""
    if pension_rs < 0:
        raise DomainError(
            f"pension Rs {pension_rs} cannot be negative; enter basic + dearness pension per month"
        )
    # The loader guarantees the last slab has no upper bound, so one slab always matches.
    return next(s for s in params.contribution_slabs if s.up_to_rs is None or pension_rs <= s.up_to_rs)


def contribution(member: Member, applied_on: date, params: RuleParameters) -> Contribution:
    """The member's contribution for an application made on `applied_on`."""
    check_member(member, applied_on)
    closed = member.route is Route.PRE_2003 and applied_on > params.pre_2003_entry_closes_after
    if member.war_widow:
        return Contribution(ContributionMode.EXEMPT, 0, Rule.WAR_WIDOW_EXEMPT, closed)
    if member.route is Route.POST_2003 and member.contribution_deducted_at_source:
        return Contribution(ContributionMode.DEDUCTED_AT_SOURCE, 0, Rule.CONTRIBUTION_AT_SOURCE, closed)
    amount = contribution_slab(member.basic_plus_dearness_pension_rs, params).contribution_rs
    rule = Rule.CONTRIBUTION_SLAB if member.route is Route.PRE_2003 else Rule.CONTRIBUTION_MRO_POST_2003
    return Contribution(ContributionMode.MRO, amount, rule, closed)
