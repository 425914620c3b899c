"""Smart card fees and the demand draft's payee (seed 002 §3(a)).

Why the payee takes a lookup: which Regional Centre a Record Office is affiliated to is reference data
(seed 002 page 7, `card_station.domain.reference`); the rule only decides which centre is asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from card_station.domain.citations import Rule
from card_station.domain.errors import DomainError, RequestRefused
from card_station.domain.parameters import RuleParameters
from card_station.domain.records import Application, Route


@dataclass(frozen=True)
class CardFees:
    master_rs: int
    add_on_cards: int
    add_on_each_rs: int

    @property
    def total_rs(self) -> int:
        return self.master_rs + self.add_on_cards * self.add_on_each_rs


@dataclass(frozen=True)
class DemandDraftPayee:
    """Who the demand draft for the cards is drawn in favour of, and where it is payable."""

    regional_centre: str
    in_favour_of: str
    payable_at: str
    rule: Rule


def card_fees(add_on_cards: int, params: RuleParameters) -> CardFees:
    """seed 002 §3(a): "Rs 90/-" for the Master Smart Card and "a maximum of two add on cards" at Rs 90 each.

    More add-on cards than the limit is refused outright (`RequestRefused`), not silently capped.
    """
    if add_on_cards < 0:
        raise DomainError(f"{add_on_cards} add-on cards is not a count; enter 0 or more")
    if add_on_cards > params.max_add_on_cards:
        raise RequestRefused(
            str(Rule.CARD_FEES),
            f"{add_on_cards} add-on cards asked for; at most {params.max_add_on_cards} are permitted",
        )
    return CardFees(params.master_card_fee_rs, add_on_cards, params.add_on_card_fee_rs)


def demand_draft_payee(
    application: Application, regional_centre_of_record_office: Callable[[str], str | None]
) -> DemandDraftPayee:
    """The Regional Centre the card fee is paid to.

    Pre-01 Apr 2003 pensioners: the Regional Centre "in whose jurisdication the application is being
    submitted" (seed 002 §3(a)(i)). Post-01 Apr 2003: the Regional Centre "with which the Record Office of
    the pensioner is affiliated", payable at its city (§3(a)(ii)).
    """
    if application.route is Route.PRE_2003:
        centre = application.submitted_at_regional_centre
        return DemandDraftPayee(
            centre, f"Regional Centre ECHS {centre} Non Public Fund Account", centre, Rule.DD_PAYEE_PRE_2003
        )
    record_office = application.member.record_office
    centre_or_none = regional_centre_of_record_office(record_office)
    if centre_or_none is None:
        raise DomainError(
            f"Record Office {record_office!r} of member {application.member.service_number} is not "
            "affiliated to any Regional Centre in the reference data; check its spelling or the table"
        )
    return DemandDraftPayee(
        centre_or_none, f"ECHS Regional Centre {centre_or_none}", centre_or_none, Rule.DD_PAYEE_POST_2003
    )
