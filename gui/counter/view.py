"""What the counter shows for a decision, as plain text in the current language (no Qt widgets here, so
the wording is tested apart from the layout). The decision itself is the card layer's
(``card.decision.decide``): the screen only words it."""

from __future__ import annotations

from card_station.card.decision import OPD_NOT_ALLOWED, CardVerdict, CounterDecision, PersonDecision
from gui.i18n import mark, tr

_VERDICT_TEXT = {
    CardVerdict.ACTIVE: mark("ACTIVE: GENUINE CARD"),
    CardVerdict.BLANK: mark("BLANK CARD"),
    CardVerdict.INCOMPLETE: mark("INCOMPLETE CARD"),
    CardVerdict.NOT_ECHS: mark("NOT AN ECHS CARD"),
    CardVerdict.TERMINATED: mark("TERMINATED CARD"),
    CardVerdict.NOT_GENUINE: mark("NOT GENUINE"),
    CardVerdict.BLOCKED: mark("CARD BLOCKED"),
    CardVerdict.NOT_HANDED_OVER: mark("NOT YET HANDED OVER"),
    CardVerdict.NOT_YET_ACTIVE: mark("NOT YET ACTIVE"),
}


def banner_text(decision: CounterDecision) -> str:
    """The verdict, and for a refused card the first reason (the rest go in the details)."""
    head = tr(_VERDICT_TEXT[decision.verdict])
    if decision.token_allowed or not decision.reasons:
        return head
    return f"{head}\n{decision.reasons[0]}"


def person_line(person: PersonDecision) -> str:
    eligibility = tr("Eligible today") if person.eligible else tr("NOT eligible today")
    if person.opd_allowed:
        opd = tr("OPD allowed")
    elif person.eligible:
        opd = person.opd_text.replace(OPD_NOT_ALLOWED, tr(OPD_NOT_ALLOWED))
    else:
        opd = tr(OPD_NOT_ALLOWED)
    return f"{person.name} ({tr(person.relation)})\n{eligibility}: {person.reason}\n{opd}"


def token_allowed_for(decision: CounterDecision, person: PersonDecision) -> bool:
    return decision.token_allowed and person.eligible
