"""Every rule the domain applies, with the circular paragraph it comes from.

Why an enum: a decision carries the `Rule` that decided it, so a clerk's screen, a card record and an
audit log can all show the same paragraph, and `docs/rules.md` lists exactly these members. Paragraphs are
cited as the circulars number them (`seed 002 §1(d)(ii)`); facts that come from public sources beyond the
circulars cite the seeds' README.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class Citation:
    source: str
    paragraph: str
    summary: str

    def __str__(self) -> str:
        return f"{self.source} {self.paragraph}"


_S000 = "seed 000"
_S002 = "seed 002"
_S003 = "seed 003"
_PUBLIC = "seeds README (public sources)"


class Rule(Enum):
    """One rule of the scheme; `str(rule)` is its citation."""

    MEMBER_PENSIONER = Citation(_S002, "§1(a)", "pension, disability pension or family pension admits")
    MEMBER_NOT_DRAWING_PENSION = Citation(_S002, "§1(b)", "an ex-serviceman drawing no pension is refused")
    MEMBER_OTHER_SCHEME = Citation(_S002, "§1(c)", "a member of another government medical scheme is refused")
    SPOUSE = Citation(_S002, "§1(d)(i)", "wife or husband, recorded in the service records")
    SON = Citation(_S002, "§1(d)(ii)", "unemployed unmarried son below 25")
    DAUGHTER = Citation(_S002, "§1(d)(iii)", "unemployed unmarried, divorced or widowed daughter, any age")
    DISABLED_CHILD = Citation(
        _S002, "§1(d)(iv)", "disabled child for life: specialist certificate, onset <25"
    )
    PARENT = Citation(_S002, "§1(d)(v)", "wholly dependent parent: income <= Rs 1500, no govt/PSU pension")
    PARENT_IN_LAW = Citation(_S002, "§1(d)(vi)", "a widow pensioner's parents-in-law on the same income test")
    REMARRIED_WIDOW = Citation(
        _S002, "§1(d)(vii)", "remarried widow: not her present husband or his children"
    )
    GRANDPARENT_GRANDCHILD = Citation(
        _S002, "§1(d)(viii)", "grandparents and grandchildren are never dependants"
    )
    PART_II_ORDER = Citation(_S002, "§1(d)(ix)", "marriage or birth after retirement needs a Part II order")
    CONTRIBUTION_SLAB = Citation(
        _S002, "§2(a)", "contribution by slab of uncommuted basic + dearness pension"
    )
    WAR_WIDOW_EXEMPT = Citation(_S002, "§2(a) Note (i)", "war widows (Veer Naris) pay no contribution")
    PRE_2003_ENTRY_CLOSED = Citation(
        _S002, "§2(a) Note (ii)", "pre-2003 retirees may join only up to 31 Mar 2008"
    )
    CONTRIBUTION_AT_SOURCE = Citation(_S002, "§2(b)", "post-2003: contribution deducted at source by CDA(P)")
    CONTRIBUTION_MRO_POST_2003 = Citation(_S002, "§2(b) with §2(a)", "post-2003, not deducted: pay by MRO")
    CARD_FEES = Citation(_S002, "§3(a)", "Rs 90 master card, at most two add-on cards at Rs 90 each")
    DD_PAYEE_PRE_2003 = Citation(_S002, "§3(a)(i)", "DD to the Regional Centre where the application is made")
    DD_PAYEE_POST_2003 = Citation(
        _S002, "§3(a)(ii)", "DD to the Regional Centre of the member's Record Office"
    )
    FMA_SANCTIONED = Citation(_S003, "§2", "FMA for ECHS members sanctioned by MoD letter of 01 Nov 2018")
    FMA_NO_POLYCLINIC = Citation(_S003, "§3(a)", "no ECHS polyclinic in the district")
    FMA_NO_SERVICE_HOSPITAL = Citation(_S003, "§3(b)", "no service hospital in the district")
    FMA_NO_MI_ROOM = Citation(_S003, "§3(c)", "no MI room upgraded to treat ESM in the district")
    FMA_NOTIFIED_DISTRICT = Citation(_S003, "§4(a)", "the district is on the notified list")
    FMA_ELIGIBLE = Citation(_S003, "§4(c)", "notified district and none of the §3 facilities")
    FMA_ADDRESS_EVIDENCE = Citation(
        _S003, "§5(a)", "address from PPO, else pension/discharge book, else other"
    )
    FMA_ADDRESS_AT_PENSION = Citation(_S003, "§5(b)", "address changes after grant of pension do not count")
    FMA_VOLUNTARY = Citation(_S003, "§6(c)", "FMA does not commence unless the member applies")
    FMA_CEASES_ON_FACILITY = Citation(_S003, "§6(d)", "FMA ceases once a §3 facility is created")
    FMA_IRREVERSIBLE = Citation(_S003, "§6(e)", "the member cannot ask for FMA to be stopped")
    FMA_NO_OPD_POLYCLINIC = Citation(_S003, "§7(a)", "no OPD treatment from any ECHS polyclinic")
    FMA_NO_OPD_SERVICE_HOSPITAL = Citation(_S003, "§7(b)", "no OPD treatment from any service hospital")
    FMA_NO_OPD_MI_ROOM = Citation(_S003, "§7(c)", "no OPD treatment from any service MI room")
    FMA_NO_OPD_EMPANELLED = Citation(_S003, "§7(d)", "no OPD treatment from any empanelled hospital")
    FMA_NO_OPD_REIMBURSEMENT = Citation(_S003, "§7(e)", "no reimbursement for OPD treatment")
    FMA_NO_POLYCLINIC_MEDICINES = Citation(_S003, "§7(f)", "no medicines from any ECHS polyclinic")
    FMA_MEDICINES_WITH_IPD_ONLY = Citation(
        _S003, "§7(g)", "medicines only with inpatient treatment or discharge"
    )
    FMA_AMOUNT = Citation(_S003, "§8(a)", "FMA at Rs 1000 a month or as amended")
    FMA_COMMENCEMENT = Citation(_S003, "§8(b)", "first day of the second month after the application month")
    FMA_CESSATION = Citation(_S003, "§8(c)", "first day of the second month after a facility exists")
    FMA_IPD = Citation(_S003, "§10", "IPD treatment and IPD referral continue")
    FMA_ENDORSEMENT = Citation(_S003, "§11", "card marked 'No OPD – 01 JUL 2019'")
    FMA_CESSATION_REPORT = Citation(_S003, "§13", "the cessation report format")
    SLIP_UNTIL_HANDOVER = Citation(_S000, "§4", "the temporary slip works until electronic handover")
    ACTIVATION_TIME = Citation(_S000, "§5(c)", "OTP before 1300 hrs: active same day 1300, else next day")
    SLIP_VALIDITY = Citation(_PUBLIC, "temporary slip", "valid 6 months, extendable 3 months at a time")
    COLLECTION_WINDOW = Citation(_PUBLIC, "collection", "cards collected within 30 days of the handover OTP")

    def __str__(self) -> str:
        return str(self.value)

    @property
    def summary(self) -> str:
        return self.value.summary
