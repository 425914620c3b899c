"""Which listed persons are the member's dependants (seed 002 §1(d)(i)-(ix)).

Why one decision per person: the card carries each dependant with the basis of eligibility and the date
it ends (a son's 25th birthday, seed 002 §1(d)(ii)), and the counter blocks him that day without a new
card. The events that would end eligibility earlier (employment, marriage: affidavit paras 5-7) are
listed so the screen can remind the member of his duty to report them.

Order of the rules: contradictions first (`consistency`), then the outright exclusions (grandparents and
grandchildren, §1(d)(viii); the remarried widow's present husband and his children, §1(d)(vii)), then
the Part II Order for a marriage or birth after retirement (§1(d)(ix)), then the record in the service
records and the category's own test. A disabled child who qualifies under §1(d)(iv) is admitted for life
even where §1(d)(ii) would refuse him.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from card_station.domain.citations import Rule
from card_station.domain.consistency import check_dependant, check_member, dependant_label
from card_station.domain.dates import age_on, birthday
from card_station.domain.errors import IncompleteInput
from card_station.domain.parameters import RuleParameters
from card_station.domain.records import Application, Dependant, Disability, MaritalStatus, Member, Relation


class EndingEvent(Enum):
    """An event that ends a dependant's eligibility before any known date (affidavit paras 5-7)."""

    EMPLOYMENT = "employment"
    MARRIAGE = "marriage"
    INCOME_ABOVE_LIMIT = "monthly income above the limit"
    GOVT_OR_PSU_PENSION = "a Central / State Government or PSU pension"


@dataclass(frozen=True)
class DependantDecision:
    """The outcome for one person; `ends_on` is the first day on which an eligible person is no longer so."""

    name: str
    relation: Relation
    eligible: bool
    rule: Rule
    reason: str
    ends_on: date | None = None
    ending_events: tuple[EndingEvent, ...] = ()


_CATEGORY_RULE = {
    Relation.SPOUSE: Rule.SPOUSE,
    Relation.SON: Rule.SON,
    Relation.DAUGHTER: Rule.DAUGHTER,
    Relation.FATHER: Rule.PARENT,
    Relation.MOTHER: Rule.PARENT,
    Relation.FATHER_IN_LAW: Rule.PARENT_IN_LAW,
    Relation.MOTHER_IN_LAW: Rule.PARENT_IN_LAW,
}


def evaluate_dependants(
    application: Application, on: date, params: RuleParameters
) -> tuple[DependantDecision, ...]:
    """One decision per listed person, in the order listed, judged on `on`."""
    check_member(application.member, on)
    return tuple(evaluate_dependant(application.member, d, on, params) for d in application.dependants)


def evaluate_dependant(
    member: Member, dependant: Dependant, on: date, params: RuleParameters
) -> DependantDecision:
    """Decide one person's eligibility on `on`; contradictory facts raise `ContradictoryInput`."""
    check_dependant(member, dependant, on)
    relation = dependant.relation

    def refuse(rule: Rule, reason: str) -> DependantDecision:
        return DependantDecision(dependant.name, relation, False, rule, reason)

    if relation in (Relation.GRANDPARENT, Relation.GRANDCHILD):
        return refuse(Rule.GRANDPARENT_GRANDCHILD, "grandparents and grandchildren are NOT permitted")
    if member.remarried and relation is Relation.SPOUSE:
        return refuse(Rule.REMARRIED_WIDOW, "the present husband of a remarried widow is NOT permitted")
    if dependant.from_present_husband:
        return refuse(Rule.REMARRIED_WIDOW, "children from the present husband are NOT permitted")
    missing_order = _missing_part_ii_order(member, dependant)
    if missing_order:
        return refuse(Rule.PART_II_ORDER, missing_order)
    if not (dependant.recorded_in_service_records or dependant.part_ii_order_no):
        return refuse(_CATEGORY_RULE[relation], "the name is not recorded in the pensioner's service records")
    if relation is Relation.SPOUSE:
        return DependantDecision(
            dependant.name, relation, True, Rule.SPOUSE, "wife / husband of the pensioner"
        )
    if relation.is_child:
        return _child(dependant, on, params)
    if relation.is_parent_in_law and not member.is_widow_pensioner:
        return refuse(Rule.PARENT_IN_LAW, "only a widow pensioner may include the deceased soldier's parents")
    return _parent(dependant, _CATEGORY_RULE[relation], params)


def _missing_part_ii_order(member: Member, dependant: Dependant) -> str | None:
    """seed 002 §1(d)(ix): a marriage or birth after retirement is published by a Part II Order."""
    if dependant.part_ii_order_no:
        return None
    retired = member.date_of_retirement
    if dependant.relation is Relation.SPOUSE:
        if dependant.date_of_marriage is None:
            raise IncompleteInput(dependant_label(dependant), "the date of marriage (seed 002 §1(d)(ix))")
        if dependant.date_of_marriage > retired:
            return f"married on {dependant.date_of_marriage}, after retirement on {retired}: no Part II Order"
    if dependant.relation.is_child and dependant.date_of_birth > retired:
        return f"born on {dependant.date_of_birth}, after retirement on {retired}: no Part II Order"
    return None


def _child(dependant: Dependant, on: date, params: RuleParameters) -> DependantDecision:
    relation = dependant.relation
    disabled_refusal = None
    if dependant.disability is not None:
        disabled_refusal = _disabled_child_refusal(dependant.disability, dependant.date_of_birth, params)
        if disabled_refusal is None:
            return DependantDecision(
                dependant.name,
                relation,
                True,
                Rule.DISABLED_CHILD,
                "certified disabled child, onset before 25",
            )
    decision = _son(dependant, on, params) if relation is Relation.SON else _daughter(dependant)
    if not decision.eligible and disabled_refusal is not None:
        return DependantDecision(dependant.name, relation, False, Rule.DISABLED_CHILD, disabled_refusal)
    return decision


def _disabled_child_refusal(disability: Disability, born: date, params: RuleParameters) -> str | None:
    """Why seed 002 §1(d)(iv) does not admit this disabled child, or None if it does (for life)."""
    if not disability.specialist_certificate_no:
        return "no certificate of disability signed by a Service specialist"
    if not disability.proof_of_dependency:
        return "no proof of dependency"
    limit = params.disability_onset_age_limit_years
    if disability.onset_on >= birthday(born, limit):
        return f"onset of disability on {disability.onset_on}, at or after the age of {limit}"
    return None


def _son(dependant: Dependant, on: date, params: RuleParameters) -> DependantDecision:
    limit = params.son_age_limit_years
    ends_on = birthday(dependant.date_of_birth, limit)

    def refuse(reason: str) -> DependantDecision:
        return DependantDecision(dependant.name, Relation.SON, False, Rule.SON, reason)

    if dependant.marital_status is not MaritalStatus.UNMARRIED:
        return refuse(f"a {dependant.marital_status.value} son is NOT permitted, even below {limit}")
    if dependant.employed:
        return refuse("an employed son is NOT permitted")
    if on >= ends_on:
        return refuse(f"reached the age of {limit} on {ends_on} (aged {age_on(dependant.date_of_birth, on)})")
    return DependantDecision(
        dependant.name,
        Relation.SON,
        True,
        Rule.SON,
        f"unemployed unmarried son below {limit}",
        ends_on=ends_on,
        ending_events=(EndingEvent.EMPLOYMENT, EndingEvent.MARRIAGE),
    )


def _daughter(dependant: Dependant) -> DependantDecision:
    if dependant.marital_status is MaritalStatus.MARRIED:
        return DependantDecision(
            dependant.name, Relation.DAUGHTER, False, Rule.DAUGHTER, "a married daughter"
        )
    if dependant.employed:
        return DependantDecision(
            dependant.name, Relation.DAUGHTER, False, Rule.DAUGHTER, "an employed daughter"
        )
    return DependantDecision(
        dependant.name,
        Relation.DAUGHTER,
        True,
        Rule.DAUGHTER,
        f"unemployed {dependant.marital_status.value} daughter, irrespective of age",
        ending_events=(EndingEvent.EMPLOYMENT, EndingEvent.MARRIAGE),
    )


def _parent(dependant: Dependant, rule: Rule, params: RuleParameters) -> DependantDecision:
    """seed 002 §1(d)(v), and (vi) "provided their monthly income ... does not exceed Rs 1500/-".

    A parent who is a retired Central / State Government or PSU employee "would necessarily be drawing a
    pension of over Rs. 1500/- per month. Such personnel cannot be termed dependent" (§1(d)(v)): refused
    whatever income is stated. The same income test is applied to parents-in-law (§1(d)(vi)).
    """
    limit = params.parent_income_limit_rs

    def refuse(reason: str) -> DependantDecision:
        return DependantDecision(dependant.name, dependant.relation, False, rule, reason)

    if dependant.govt_or_psu_pension:
        return refuse("draws a Central / State Government or PSU pension: cannot be termed dependent")
    if dependant.monthly_income_rs > limit:
        return refuse(f"monthly income Rs {dependant.monthly_income_rs} exceeds Rs {limit}")
    return DependantDecision(
        dependant.name,
        dependant.relation,
        True,
        rule,
        f"wholly dependent: monthly income Rs {dependant.monthly_income_rs}, at most Rs {limit}",
        ending_events=(EndingEvent.INCOME_ABOVE_LIMIT, EndingEvent.GOVT_OR_PSU_PENSION),
    )
