"""The life of an FMA grant: commencement, cessation, what care stays allowed, the card endorsement.

Why dates from the application month: FMA "will commence from 01st Jul for all applications submitted
during 1st May to 31st May" (seed 003 §8(b)), and ceases on "the first day of the following second month"
after a §3 facility exists (§8(c)). It never commences on eligibility alone (§6(c)); once opted it cannot
be stopped at the member's wish, only by a facility (§6(d), (e)). While it is in force the member and his
dependants get no OPD care or polyclinic medicines (§7), but IPD treatment, IPD referral and medicines
with inpatient treatment continue (§7(g), §10). OPD remains allowed between application and
commencement: the card marking forbids OPD "from the date of applicability" (§11).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import Enum

from card_station.domain.citations import Rule
from card_station.domain.dates import card_date_text, first_of_month_after
from card_station.domain.errors import ContradictoryInput, RequestRefused
from card_station.domain.fma_eligibility import FmaDecision
from card_station.domain.parameters import RuleParameters

_EN_DASH = "\u2013"


@dataclass(frozen=True)
class FmaGrant:
    """An FMA option in force from `commences_on` until `ceases_on` (exclusive; None while open-ended)."""

    applied_on: date
    commences_on: date
    monthly_rs: int
    ceases_on: date | None = None

    def in_force_on(self, day: date) -> bool:
        return self.commences_on <= day and (self.ceases_on is None or day < self.ceases_on)


class CessationGround(Enum):
    """Why FMA would stop: one of the §3 facilities opening (seed 003 §6(d)), or the member asking (§6(e))."""

    POLYCLINIC_OPENED = "an ECHS polyclinic opened in the district"
    SERVICE_HOSPITAL_OPENED = "a service hospital opened in the district"
    MI_ROOM_UPGRADED = "an MI room in the district was upgraded to treat ESM"
    MEMBER_REQUEST = "the member asked to stop FMA"


class CareService(Enum):
    """Care an ECHS member may seek; `_CARE_RULE` ties each to the paragraph that governs it under FMA."""

    OPD_POLYCLINIC = "OPD treatment at an ECHS polyclinic"
    OPD_SERVICE_HOSPITAL = "OPD treatment at a service hospital"
    OPD_MI_ROOM = "OPD treatment at a service MI room"
    OPD_EMPANELLED_HOSPITAL = "OPD treatment at an empanelled hospital"
    OPD_REIMBURSEMENT = "reimbursement of OPD treatment"
    POLYCLINIC_MEDICINES = "medicines from an ECHS polyclinic"
    MEDICINES_WITHOUT_IPD = "medicines outside inpatient treatment"
    MEDICINES_WITH_IPD = "medicines during inpatient treatment or at discharge"
    IPD_TREATMENT = "inpatient (IPD) treatment"
    IPD_REFERRAL = "referral for IPD treatment"


_CARE_RULE = {
    CareService.OPD_POLYCLINIC: Rule.FMA_NO_OPD_POLYCLINIC,
    CareService.OPD_SERVICE_HOSPITAL: Rule.FMA_NO_OPD_SERVICE_HOSPITAL,
    CareService.OPD_MI_ROOM: Rule.FMA_NO_OPD_MI_ROOM,
    CareService.OPD_EMPANELLED_HOSPITAL: Rule.FMA_NO_OPD_EMPANELLED,
    CareService.OPD_REIMBURSEMENT: Rule.FMA_NO_OPD_REIMBURSEMENT,
    CareService.POLYCLINIC_MEDICINES: Rule.FMA_NO_POLYCLINIC_MEDICINES,
    CareService.MEDICINES_WITHOUT_IPD: Rule.FMA_MEDICINES_WITH_IPD_ONLY,
    CareService.MEDICINES_WITH_IPD: Rule.FMA_MEDICINES_WITH_IPD_ONLY,
    CareService.IPD_TREATMENT: Rule.FMA_IPD,
    CareService.IPD_REFERRAL: Rule.FMA_IPD,
}
_ALLOWED_UNDER_FMA = frozenset(
    {CareService.MEDICINES_WITH_IPD, CareService.IPD_TREATMENT, CareService.IPD_REFERRAL}
)


@dataclass(frozen=True)
class CareDecision:
    allowed: bool
    rule: Rule
    reason: str


def fma_commencement(applied_on: date, params: RuleParameters) -> date:
    """seed 003 §8(b): the first day of the second month after the month of application (May -> 01 Jul)."""
    return first_of_month_after(applied_on, params.fma_months_after)


def fma_cessation(facility_operational_on: date, params: RuleParameters) -> date:
    """seed 003 §8(c): the first day of the second month after the month a §3 facility became operational."""
    return first_of_month_after(facility_operational_on, params.fma_months_after)


def grant_fma(decision: FmaDecision, applied_on: date, params: RuleParameters) -> FmaGrant:
    """Open FMA on the member's application (seed 003 §6(c), §8(a), (b)); refused unless eligible."""
    if not decision.eligible:
        raise RequestRefused(str(decision.rule), f"not eligible for FMA: {decision.reason}")
    return FmaGrant(applied_on, fma_commencement(applied_on, params), params.fma_monthly_rs)


def cease_fma(
    grant: FmaGrant, ground: CessationGround, condition_met_on: date, params: RuleParameters
) -> FmaGrant:
    """Close FMA because a §3 facility became operational on `condition_met_on` (seed 003 §6(d), §8(c)).

    The member's own request is refused: "Once opted for FMA, individual ESM will not have any choice to
    apply for stoppage of FMA" (§6(e)).
    """
    if ground is CessationGround.MEMBER_REQUEST:
        raise RequestRefused(
            str(Rule.FMA_IRREVERSIBLE),
            f"FMA stops only when a §3 facility is created ({Rule.FMA_CEASES_ON_FACILITY})",
        )
    if grant.ceases_on is not None:
        raise RequestRefused(str(Rule.FMA_CESSATION), f"this FMA grant already ceases on {grant.ceases_on}")
    ceases_on = fma_cessation(condition_met_on, params)
    if ceases_on < grant.commences_on:
        raise ContradictoryInput(
            f"FMA grant applied for on {grant.applied_on}",
            f"{ground.value} on {condition_met_on}, before the application month: the grant was not eligible",
        )
    return replace(grant, ceases_on=ceases_on)


def care_allowed(grant: FmaGrant, service: CareService, day: date) -> CareDecision:
    """Whether the member or a dependant may have `service` on `day` given this FMA grant."""
    if day < grant.commences_on:
        return CareDecision(True, Rule.FMA_COMMENCEMENT, f"FMA commences on {grant.commences_on}")
    if grant.ceases_on is not None and day >= grant.ceases_on:
        return CareDecision(True, Rule.FMA_CESSATION, f"FMA ceased on {grant.ceases_on}; OPD recommenced")
    rule = _CARE_RULE[service]
    if service in _ALLOWED_UNDER_FMA:
        return CareDecision(True, rule, f"{service.value} is allowed under FMA")
    return CareDecision(False, rule, f"{service.value} is not allowed under FMA since {grant.commences_on}")


def no_opd_endorsement(grant: FmaGrant) -> str:
    """The card marking of seed 003 §11, e.g. "No OPD – 01 JUL 2019" (with an en dash, as the letter has)."""
    return f"No OPD {_EN_DASH} {card_date_text(grant.commences_on)}"
