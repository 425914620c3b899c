"""Issuing a token for one person on the card just read. The rules are the token service's
(``card_station.services.tokens``, docs/handover.md): it says which care a person may get today and
records every token and refusal; this module only picks the care the operator asked for and words the
answer."""

from __future__ import annotations

from dataclasses import dataclass

from card_station.card.decision import PersonDecision
from card_station.services.counter import CounterRead
from card_station.services.tokens import Care
from gui.i18n import mark, tr
from gui.shell.context import AppContext

CARE_TEXT = {Care.OPD: mark("OPD"), Care.IPD: mark("IPD referral")}


class TokenRefused(ValueError):
    """No token: the message says why (the service recorded a refusal when it got that far)."""


@dataclass(frozen=True)
class IssuedToken:
    number: int
    care: Care
    person_name: str

    @property
    def text(self) -> str:
        return tr("Token {number} ({care}): {name}").format(
            number=self.number, care=tr(CARE_TEXT[self.care]), name=self.person_name
        )


def issue_token(
    context: AppContext, read: CounterRead, person: PersonDecision, care: Care | None = None
) -> IssuedToken:
    """A token of ``care`` (default: the first the service offers, OPD unless the person is an FMA member,
    who gets an IPD referral: seed 003 §7(g))."""
    tokens = context.services.tokens
    if tokens is None:
        raise TokenRefused(
            tr("This station issues no tokens: start it with the polyclinic it serves (--polyclinic).")
        )
    offered = tokens.allowed_care(read, person.person_id)
    if not offered:
        raise TokenRefused(tr("No token for {name}: no care is allowed today.").format(name=person.name))
    chosen = offered[0] if care is None else care
    result = tokens.issue(context.operator, read, person_id=person.person_id, care=chosen)
    if not result.issued or result.token_no is None:
        raise TokenRefused(tr("No token for {name}: {reason}").format(name=person.name, reason=result.reason))
    return IssuedToken(result.token_no, result.care, result.person_name)
