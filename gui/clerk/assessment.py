"""What the application form shows beside what the clerk types: each dependant's decision and rule, the
contribution, the card fees, the Regional Centre and the ward entitlement.

Why a module of its own: the form owns no rules. Every figure here is the domain's answer
(``domain.dependants``, ``domain.contribution``, ``domain.fees``, reference data) on the application date
(seed 002 §1(d), §2(a), §3(a)); this module only turns each answer, or the domain's refusal, into a line
of text, so that a half-typed form shows what is missing instead of raising.
"""

from __future__ import annotations

from dataclasses import dataclass

from card_station.card.compose import Issuer
from card_station.domain.contribution import contribution
from card_station.domain.dependants import evaluate_dependant
from card_station.domain.errors import DomainError
from card_station.domain.fees import card_fees
from card_station.domain.records import Application, Member
from card_station.domain.reference.errors import ReferenceLookupError
from gui.i18n import tr


@dataclass(frozen=True)
class DependantLine:
    """One person's decision as shown: ``eligible`` is None when the facts typed so far cannot be judged."""

    eligible: bool | None
    decision: str
    rule: str


@dataclass(frozen=True)
class Assessment:
    dependants: tuple[DependantLine, ...]
    contribution: str
    fees: str
    regional_centre: str
    ward: str


def regional_centre_text(issuer: Issuer, record_office: str) -> str:
    if not record_office.strip():
        return tr("(type the Record Office)")
    try:
        return issuer.reference.regional_centre_for_record_office(record_office).name
    except ReferenceLookupError as exc:
        return str(exc)


def ward_text(issuer: Issuer, member: Member) -> str:
    try:
        return issuer.reference.ward_for_rank(member.service, member.rank).value.replace("_", "-")
    except ReferenceLookupError as exc:
        return str(exc)


def assess(application: Application, issuer: Issuer) -> Assessment:
    """The domain's answers for ``application`` judged on its application date."""
    params = issuer.rules.parameters_on(application.applied_on)
    lines: list[DependantLine] = []
    for dependant in application.dependants:
        try:
            decision = evaluate_dependant(application.member, dependant, application.applied_on, params)
        except DomainError as exc:
            lines.append(DependantLine(None, str(exc), ""))
            continue
        verdict = tr("eligible") if decision.eligible else tr("NOT eligible")
        until = f" ({tr('until')} {decision.ends_on.isoformat()})" if decision.ends_on else ""
        lines.append(
            DependantLine(decision.eligible, f"{verdict}{until}: {decision.reason}", str(decision.rule))
        )
    try:
        paid = contribution(application.member, application.applied_on, params)
        contribution_text = f"Rs {paid.amount_rs} ({paid.mode.value}; {paid.rule})"
    except DomainError as exc:
        contribution_text = str(exc)
    try:
        fees = card_fees(application.add_on_cards, params)
        fees_text = (
            f"Rs {fees.total_rs} (master Rs {fees.master_rs}"
            f" + {fees.add_on_cards} x Rs {fees.add_on_each_rs})"
        )
    except DomainError as exc:
        fees_text = str(exc)
    return Assessment(
        tuple(lines),
        contribution_text,
        fees_text,
        regional_centre_text(issuer, application.member.record_office),
        ward_text(issuer, application.member),
    )
