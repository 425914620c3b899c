"""Checks that the facts of an application can all be true together.

Why before any rule: a decision drawn from contradictory facts (a "son" born before the member, a married
son listed as unmarried, a birth date in the future) would be written to a card and trusted at every
counter. Such input raises `ContradictoryInput` naming the person and the contradiction, so the clerk
corrects the form; it never becomes an eligible or refused decision.

A married son listed as unmarried is detectable because `Dependant` keeps both the marital status and
the date of marriage: "unmarried" with a marriage date is a contradiction.
"""

from __future__ import annotations

from datetime import date

from card_station.domain.errors import ContradictoryInput
from card_station.domain.records import Dependant, Gender, MaritalStatus, Member, PensionKind, Relation

_MALE_RELATIONS = frozenset({Relation.SON, Relation.FATHER, Relation.FATHER_IN_LAW})
_FEMALE_RELATIONS = frozenset({Relation.DAUGHTER, Relation.MOTHER, Relation.MOTHER_IN_LAW})
_OLDER_THAN_MEMBER = frozenset({Relation.FATHER, Relation.MOTHER, Relation.GRANDPARENT})
_YOUNGER_THAN_MEMBER = frozenset({Relation.SON, Relation.DAUGHTER, Relation.GRANDCHILD})


def member_label(member: Member) -> str:
    return f"member {member.service_number} {member.name}"


def dependant_label(dependant: Dependant) -> str:
    return f"{dependant.relation.value.lower()} {dependant.name}"


def check_member(member: Member, on: date) -> None:
    """Raise `ContradictoryInput` if the member's own facts contradict each other or the date `on`."""
    who = member_label(member)
    if member.date_of_birth > on:
        raise ContradictoryInput(
            who, f"date of birth {member.date_of_birth} is after the evaluation date {on}"
        )
    if member.basic_plus_dearness_pension_rs < 0:
        raise ContradictoryInput(
            who, f"pension Rs {member.basic_plus_dearness_pension_rs} cannot be negative"
        )
    drawing = member.pension_kind is not PensionKind.NOT_DRAWING
    if not drawing and member.pension_from is not None:
        raise ContradictoryInput(
            who, f"listed as not drawing pension but pension is from {member.pension_from}"
        )
    if not drawing and member.basic_plus_dearness_pension_rs > 0:
        raise ContradictoryInput(who, "listed as not drawing pension but a pension amount is given")
    if member.pension_from is not None and member.pension_from < member.date_of_birth:
        raise ContradictoryInput(who, f"pension from {member.pension_from} is before the date of birth")
    ex_serviceman = member.pension_kind in (PensionKind.SERVICE, PensionKind.DISABILITY)
    if ex_serviceman and member.date_of_retirement < member.date_of_birth:
        raise ContradictoryInput(
            who, f"retirement on {member.date_of_retirement} is before the date of birth"
        )
    if member.war_widow and not member.is_widow_pensioner:
        raise ContradictoryInput(who, f"listed as a war widow but draws {member.pension_kind.value}")
    if member.remarried and not member.is_widow_pensioner:
        raise ContradictoryInput(who, f"listed as a remarried widow but draws {member.pension_kind.value}")


def check_dependant(member: Member, dependant: Dependant, on: date) -> None:
    """Raise `ContradictoryInput` if a dependant's facts contradict each other, the member's, or `on`."""
    who = dependant_label(dependant)
    born = dependant.date_of_birth
    if born > on:
        raise ContradictoryInput(who, f"date of birth {born} is after the evaluation date {on}")
    if dependant.relation in _YOUNGER_THAN_MEMBER and born <= member.date_of_birth:
        raise ContradictoryInput(
            who, f"born {born}, not after the member's own date of birth {member.date_of_birth}"
        )
    if dependant.relation in _OLDER_THAN_MEMBER and born >= member.date_of_birth:
        raise ContradictoryInput(
            who, f"born {born}, not before the member's own date of birth {member.date_of_birth}"
        )
    if dependant.relation in _MALE_RELATIONS and dependant.gender is Gender.FEMALE:
        raise ContradictoryInput(who, "a female person listed under a male relation")
    if dependant.relation in _FEMALE_RELATIONS and dependant.gender is Gender.MALE:
        raise ContradictoryInput(who, "a male person listed under a female relation")
    if dependant.monthly_income_rs < 0:
        raise ContradictoryInput(who, f"income Rs {dependant.monthly_income_rs} a month cannot be negative")
    _check_marriage(member, dependant, on)
    _check_disability(dependant, on)
    if dependant.from_present_husband and not dependant.relation.is_child:
        raise ContradictoryInput(who, "only a child can be marked as a child of the present husband")
    if dependant.from_present_husband and not member.remarried:
        raise ContradictoryInput(
            who, "marked as a child of a present husband, but the member is not a remarried widow"
        )


def _check_marriage(member: Member, dependant: Dependant, on: date) -> None:
    who = dependant_label(dependant)
    married_on = dependant.date_of_marriage
    if married_on is not None and dependant.marital_status is MaritalStatus.UNMARRIED:
        raise ContradictoryInput(who, f"listed as unmarried but has a date of marriage {married_on}")
    if married_on is not None and married_on < dependant.date_of_birth:
        raise ContradictoryInput(who, f"date of marriage {married_on} is before the date of birth")
    if married_on is not None and married_on > on:
        raise ContradictoryInput(who, f"date of marriage {married_on} is after the evaluation date {on}")
    if dependant.relation is Relation.SPOUSE and dependant.marital_status is not MaritalStatus.MARRIED:
        raise ContradictoryInput(who, f"listed as the spouse but as {dependant.marital_status.value}")
    if dependant.relation is Relation.SPOUSE and member.is_widow_pensioner and not member.remarried:
        raise ContradictoryInput(who, "a spouse is listed by a widow pensioner who has not remarried")


def _check_disability(dependant: Dependant, on: date) -> None:
    disability = dependant.disability
    if disability is None:
        return
    who = dependant_label(dependant)
    if disability.onset_on < dependant.date_of_birth:
        raise ContradictoryInput(
            who, f"onset of disability {disability.onset_on} is before the date of birth"
        )
    if disability.onset_on > on:
        raise ContradictoryInput(
            who, f"onset of disability {disability.onset_on} is after the evaluation date {on}"
        )
