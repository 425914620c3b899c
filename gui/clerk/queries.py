"""Read-only look-ups the clerk's lists need: applications and cards found by service number, name, card
number or chip serial.

Why here and not in ``services/applications.py``: the service's ``search_members`` finds members by name
only, and the list needs each application's state and cards too. These queries change nothing, check the
VIEW_MEMBER permission as every service does (``store.roles.require``), and show only masked PII.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from card_station.domain.records import CardSize
from card_station.services.operators import current_operator
from card_station.store.lifecycle import ApplicationState
from card_station.store.models.cards import CardRow, CardStatus
from card_station.store.models.operators import Operator
from card_station.store.models.people import ApplicationRow, MemberRow
from card_station.store.names import fold_name
from card_station.store.roles import Permission, require


@dataclass(frozen=True)
class CardLine:
    serial: str
    status: CardStatus


@dataclass(frozen=True)
class ApplicationLine:
    """One row of the applications list."""

    key: str
    service_number: str
    name: str
    rank: str
    state: ApplicationState
    applied_on: date
    card_size: CardSize
    entered_by: int
    cards: tuple[CardLine, ...]
    mobile: str | None


def find_applications(
    session: Session, operator: Operator, text: str = "", *, limit: int = 200
) -> list[ApplicationLine]:
    """Applications whose service number, card number or chip serial starts with ``text`` (case-insensitive)
    or whose member's folded name starts with it; all of them, newest first, when ``text`` is blank."""
    require(current_operator(session, operator), Permission.VIEW_MEMBER)
    query = select(ApplicationRow).join(MemberRow, ApplicationRow.member_id == MemberRow.id)
    wanted = text.strip()
    if wanted:
        folded = fold_name(wanted)
        by_card = select(CardRow.application_id).where(
            or_(CardRow.serial.istartswith(wanted), CardRow.card_number.istartswith(wanted))
        )
        query = query.where(
            or_(
                MemberRow.service_number.istartswith(wanted),
                MemberRow.name_norm.startswith(folded),
                ApplicationRow.id.in_(by_card),
            )
        )
    rows = session.scalars(query.order_by(ApplicationRow.id.desc()).limit(limit)).all()
    return [_line(session, row) for row in rows]


def application_line(session: Session, operator: Operator, key: str) -> ApplicationLine | None:
    require(current_operator(session, operator), Permission.VIEW_MEMBER)
    row = session.scalar(select(ApplicationRow).where(ApplicationRow.key == key))
    return None if row is None else _line(session, row)


def _line(session: Session, row: ApplicationRow) -> ApplicationLine:
    cards = session.scalars(select(CardRow).where(CardRow.application_id == row.id).order_by(CardRow.id))
    member = row.member
    return ApplicationLine(
        key=row.key,
        service_number=member.service_number,
        name=member.name,
        rank=member.rank,
        state=row.state,
        applied_on=row.applied_on,
        card_size=row.card_size,
        entered_by=row.entered_by,
        cards=tuple(CardLine(card.serial, card.status) for card in cards),
        mobile=None if member.mobile_last4 is None else "XXXXXX" + member.mobile_last4,
    )


@dataclass(frozen=True)
class IssuedCard:
    """One card of the cards list (lost cards and duplicates)."""

    serial: str
    card_number: str | None
    status: CardStatus
    application_key: str
    application_state: ApplicationState
    service_number: str
    name: str


def find_cards(session: Session, operator: Operator, text: str = "", *, limit: int = 200) -> list[IssuedCard]:
    """Cards whose chip serial or card number starts with ``text``, or whose member's service number or
    folded name does; all of them, newest first, when ``text`` is blank."""
    require(current_operator(session, operator), Permission.VIEW_MEMBER)
    query = (
        select(CardRow, ApplicationRow, MemberRow)
        .join(ApplicationRow, CardRow.application_id == ApplicationRow.id)
        .join(MemberRow, CardRow.member_id == MemberRow.id)
    )
    wanted = text.strip()
    if wanted:
        query = query.where(
            or_(
                CardRow.serial.istartswith(wanted),
                CardRow.card_number.istartswith(wanted),
                MemberRow.service_number.istartswith(wanted),
                MemberRow.name_norm.startswith(fold_name(wanted)),
            )
        )
    rows = session.execute(query.order_by(CardRow.id.desc()).limit(limit)).all()
    return [
        IssuedCard(
            card.serial,
            card.card_number,
            card.status,
            application.key,
            application.state,
            member.service_number,
            member.name,
        )
        for card, application, member in rows
    ]
