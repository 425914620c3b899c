"""Who may opt for the Fixed Medical Allowance (seed 003 §2-§5).

Why the address is chosen by a rule of its own: ex-servicemen move (§5(a)), and only the permanent address
on the first day of pension or family pension counts (§5(b)). It is read from the PPO, else the pension
or discharge book, else another service document (§5(a)(i)-(iii)); an address recorded after the first day
of pension is a later change and is disregarded. The district must then be notified (§4(a), (b)) and have
none of the three facilities of §3; notification alone is not enough (§4(c)).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from card_station.domain.citations import Rule
from card_station.domain.consistency import member_label
from card_station.domain.errors import ContradictoryInput, IncompleteInput
from card_station.domain.parameters import RuleParameters
from card_station.domain.records import Member, PensionKind
from card_station.domain.reference.districts import District


class AddressSource(Enum):
    """A document giving the permanent address, with its precedence under seed 003 §5(a) (1 is first)."""

    PPO = "PPO"
    PENSION_BOOK = "pension book"
    DISCHARGE_BOOK = "discharge book"
    OTHER_SERVICE_DOCUMENT = "other service document"

    @property
    def precedence(self) -> int:
        return _PRECEDENCE[self]


_PRECEDENCE = {
    AddressSource.PPO: 1,
    AddressSource.PENSION_BOOK: 2,
    AddressSource.DISCHARGE_BOOK: 2,
    AddressSource.OTHER_SERVICE_DOCUMENT: 3,
}


@dataclass(frozen=True)
class AddressEvidence:
    """What one document says: the district of the permanent address (None: the document gives none) and
    the date from which it records that address."""

    source: AddressSource
    district_code: str | None
    recorded_from: date


@dataclass(frozen=True)
class FmaDecision:
    eligible: bool
    rule: Rule
    reason: str
    evidence: AddressEvidence | None = None
    district: District | None = None


def address_at_pension(member: Member, evidence: Sequence[AddressEvidence]) -> AddressEvidence:
    """The evidence that decides the district (seed 003 §5(a), (b)).

    Documents without an address, and addresses recorded after the first day of pension, are set aside;
    of the rest the highest-precedence source wins, and within it the latest address recorded on or before
    that day (changes while in service are free, §5(b)). Two documents of equal precedence and date that
    disagree are a contradiction for the Station HQ to resolve (§5(c): it verifies the address).
    """
    who = member_label(member)
    if member.pension_from is None:
        raise IncompleteInput(
            who, f"the first day of pension or family pension ({Rule.FMA_ADDRESS_AT_PENSION})"
        )
    usable = [e for e in evidence if e.district_code is not None and e.recorded_from <= member.pension_from]
    if not usable:
        raise IncompleteInput(
            who,
            f"a document giving the permanent address on {member.pension_from} ({Rule.FMA_ADDRESS_EVIDENCE})",
        )
    best = min(e.source.precedence for e in usable)
    latest = max(e.recorded_from for e in usable if e.source.precedence == best)
    chosen = [e for e in usable if e.source.precedence == best and e.recorded_from == latest]
    districts = sorted({e.district_code for e in chosen if e.district_code is not None})
    if len(districts) > 1:
        sources = ", ".join(e.source.value for e in chosen)
        raise ContradictoryInput(who, f"{sources} give different districts {districts} for the same date")
    return chosen[0]


def fma_eligibility(
    member: Member,
    evidence: Sequence[AddressEvidence],
    district_of: Callable[[str], District | None],
    applied_on: date,
    params: RuleParameters,
) -> FmaDecision:
    """Whether the member may opt for FMA with an application made on `applied_on`."""
    if applied_on < params.fma_sanctioned_from:
        return FmaDecision(
            False,
            Rule.FMA_SANCTIONED,
            f"FMA for ECHS members is sanctioned from {params.fma_sanctioned_from}",
        )
    if member.pension_kind is PensionKind.NOT_DRAWING:
        return FmaDecision(
            False, Rule.MEMBER_NOT_DRAWING_PENSION, "FMA is for pensioners and family pensioners"
        )
    chosen = address_at_pension(member, evidence)
    code = chosen.district_code
    district = district_of(code) if code is not None else None
    if district is None:
        return FmaDecision(False, Rule.FMA_NOTIFIED_DISTRICT, f"district {code} is not on the list", chosen)
    if district.notified_on is None or district.notified_on > applied_on:
        return FmaDecision(
            False,
            Rule.FMA_NOTIFIED_DISTRICT,
            f"{district.name} is not notified on {applied_on}",
            chosen,
            district,
        )
    facilities = (
        (district.has_polyclinic, Rule.FMA_NO_POLYCLINIC, "an ECHS polyclinic"),
        (district.has_service_hospital, Rule.FMA_NO_SERVICE_HOSPITAL, "a service hospital"),
        (district.has_upgraded_mi_room, Rule.FMA_NO_MI_ROOM, "an MI room upgraded to treat ESM"),
    )
    for present, rule, facility in facilities:
        if present:
            return FmaDecision(False, rule, f"{district.name} has {facility}", chosen, district)
    return FmaDecision(
        True,
        Rule.FMA_ELIGIBLE,
        f"{district.name} ({district.state}) is notified and has none of the §3 facilities",
        chosen,
        district,
    )
