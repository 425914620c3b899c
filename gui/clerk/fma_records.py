"""The station's record of FMA (Fixed Medical Allowance) grants, kept as the store's "FMA: no OPD"
endorsement rows (seed 003 §9, §12: "all Stn HQs will maintain details of all persons granted FMA"), and
the rows of the §13 cessation report.

Why this module is in the GUI package: the store has the table (``EndorsementRow``) but no service that
records an FMA application yet (docs/gui-clerk.md "Gaps"). Every date here is the domain's
(``domain.fma_grant``: commencement §8(b), cessation §8(c)); this module only keeps them, with an outbox
event for the centre (§12, §14 monthly reconciliation) and an audit entry for every card written, in the
caller's transaction, checking the operator's permission first as every service does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from card_station import audit
from card_station.audit import AuditAction
from card_station.domain.fma_grant import CessationGround, FmaGrant, cease_fma, fma_commencement
from card_station.domain.fma_report import CessationReportEntry
from card_station.domain.parameters import RuleParameterTable
from card_station.services.operators import current_operator
from card_station.store.mapping import dependant_from_row, member_from_row
from card_station.store.models.cards import CardRow, CardStatus, EndorsementKind, EndorsementRow
from card_station.store.models.operators import Operator
from card_station.store.models.people import ApplicationRow, MemberRow
from card_station.store.outbox import record_event
from card_station.store.roles import Permission, require


class FmaRecordError(ValueError):
    """The FMA request cannot apply to this member or card; nothing was changed."""


@dataclass(frozen=True)
class FmaLine:
    """One FMA grant as the screen lists it."""

    grant_id: int
    member_key: str
    service_number: str
    name: str
    applied_on: date
    commences_on: date
    ceases_on: date | None
    endorsed: tuple[str, ...]
    ceased_on_cards: tuple[str, ...]
    cards: tuple[str, ...]


def _grant(row: EndorsementRow) -> FmaGrant:
    return FmaGrant(
        date.fromisoformat(row.details["applied_on"]),
        row.effective_from,
        int(row.details["monthly_rs"]),
        row.ceases_on,
    )


def _cards(session: Session, member_id: int) -> list[CardRow]:
    live = (CardStatus.PERSONALISED, CardStatus.HANDED_OVER, CardStatus.ACTIVE)
    return list(
        session.scalars(
            select(CardRow)
            .where(CardRow.member_id == member_id, CardRow.status.in_(live))
            .order_by(CardRow.id)
        )
    )


def _line(session: Session, row: EndorsementRow) -> FmaLine:
    member = session.get(MemberRow, row.member_id)
    assert member is not None
    return FmaLine(
        grant_id=row.id,
        member_key=member.key,
        service_number=member.service_number,
        name=member.name,
        applied_on=date.fromisoformat(row.details["applied_on"]),
        commences_on=row.effective_from,
        ceases_on=row.ceases_on,
        endorsed=tuple(row.details.get("endorsed", ())),
        ceased_on_cards=tuple(row.details.get("ceased_on_cards", ())),
        cards=tuple(card.serial for card in _cards(session, row.member_id)),
    )


def fma_lines(session: Session, operator: Operator) -> list[FmaLine]:
    require(current_operator(session, operator), Permission.VIEW_MEMBER)
    rows = session.scalars(
        select(EndorsementRow)
        .where(EndorsementRow.kind == EndorsementKind.FMA_NO_OPD)
        .order_by(EndorsementRow.id)
    )
    return [_line(session, row) for row in rows]


def record_fma_application(
    session: Session,
    operator: Operator,
    application_key: str,
    *,
    received_on: date,
    rules: RuleParameterTable,
    now: datetime,
) -> FmaLine:
    """Record the member's FMA application received on ``received_on``; FMA commences on the first day of
    the second month after that month (seed 003 §8(b)). One open grant per member (§6(d): irreversible)."""
    actor = current_operator(session, operator)
    require(actor, Permission.ENTER_APPLICATION)
    application = session.scalar(select(ApplicationRow).where(ApplicationRow.key == application_key))
    if application is None:
        raise FmaRecordError(f"no application has the key {application_key!r}: press F5 and pick it again")
    if received_on > now.date():
        raise FmaRecordError(
            f"the receipt date {received_on} is in the future: type the date it was received"
        )
    params = rules.parameters_on(received_on)
    open_grant = session.scalar(
        select(EndorsementRow).where(
            EndorsementRow.member_id == application.member_id,
            EndorsementRow.kind == EndorsementKind.FMA_NO_OPD,
            EndorsementRow.ceases_on.is_(None),
        )
    )
    if open_grant is not None:
        raise FmaRecordError(
            f"{application.member.name} already has FMA from {open_grant.effective_from}: once opted it "
            "cannot be opted again or stopped (seed 003 §6(d), (e))"
        )
    commences_on = fma_commencement(received_on, params)
    row = EndorsementRow(
        member_id=application.member_id,
        card_id=None,
        kind=EndorsementKind.FMA_NO_OPD,
        effective_from=commences_on,
        ceases_on=None,
        details={"applied_on": received_on.isoformat(), "monthly_rs": params.fma_monthly_rs, "endorsed": []},
        operator_id=actor.id,
        recorded_at=now,
    )
    session.add(row)
    session.flush()
    record_event(
        session,
        kind="fma.recorded",
        member_key=application.member.key,
        payload={"applied_on": received_on.isoformat(), "commences_on": commences_on.isoformat()},
        now=now,
    )
    return _line(session, row)


def _grant_row(session: Session, grant_id: int) -> EndorsementRow:
    row = session.get(EndorsementRow, grant_id)
    if row is None or row.kind is not EndorsementKind.FMA_NO_OPD:
        raise FmaRecordError(f"no FMA grant has the id {grant_id}: press F5")
    return row


def card_of_grant(session: Session, grant_id: int, serial: str) -> None:
    """Refuse a card that is not a live card of the grant's member (before anything is written)."""
    row = _grant_row(session, grant_id)
    serials = [card.serial for card in _cards(session, row.member_id)]
    if serial not in serials:
        raise FmaRecordError(
            f"card {serial} is not a card of this member; "
            f"the member's cards are {', '.join(serials) or 'none'}"
        )


def record_card_written(
    session: Session, operator: Operator, grant_id: int, serial: str, *, what: str, now: datetime
) -> FmaLine:
    """A card now shows the "No OPD" endorsement (``what`` "endorsed") or its cessation
    ("ceased_on_cards")."""
    actor = current_operator(session, operator)
    require(actor, Permission.ENTER_APPLICATION)
    row = _grant_row(session, grant_id)
    done = list(row.details.get(what, ()))
    if serial not in done:
        row.details = {**row.details, what: [*done, serial]}
    audit.record(
        session,
        actor,
        AuditAction.CARD_WRITE,
        serial,
        {
            "what": "fma no opd" if what == "endorsed" else "fma cessation",
            "from": row.effective_from.isoformat(),
        },
        now=now,
    )
    return _line(session, row)


def record_cessation(
    session: Session,
    operator: Operator,
    grant_id: int,
    *,
    ground: CessationGround,
    facility_on: date,
    rules: RuleParameterTable,
    now: datetime,
) -> FmaLine:
    """Close the grant: a §3 facility became operational on ``facility_on`` (seed 003 §6(d), §8(c)); the
    member's own request is refused by the domain (§6(e))."""
    actor = current_operator(session, operator)
    require(actor, Permission.ENTER_APPLICATION)
    row = _grant_row(session, grant_id)
    ceased = cease_fma(_grant(row), ground, facility_on, rules.parameters_on(facility_on))
    row.ceases_on = ceased.ceases_on
    member = session.get(MemberRow, row.member_id)
    assert member is not None and ceased.ceases_on is not None
    record_event(
        session,
        kind="fma.ceased",
        member_key=member.key,
        payload={"ceases_on": ceased.ceases_on.isoformat(), "ground": ground.name},
        now=now,
    )
    return _line(session, row)


def cessation_entries(session: Session, operator: Operator) -> Sequence[CessationReportEntry]:
    """The §13 report rows: each beneficiary (the member, then his dependants) of every ceased grant, with
    the family's card."""
    require(current_operator(session, operator), Permission.VIEW_MEMBER)
    entries: list[CessationReportEntry] = []
    rows = session.scalars(
        select(EndorsementRow)
        .where(EndorsementRow.kind == EndorsementKind.FMA_NO_OPD, EndorsementRow.ceases_on.is_not(None))
        .order_by(EndorsementRow.id)
    )
    for row in rows:
        member_row = session.get(MemberRow, row.member_id)
        assert member_row is not None
        application = session.scalars(
            select(ApplicationRow)
            .where(ApplicationRow.member_id == row.member_id)
            .order_by(ApplicationRow.id.desc())
        ).first()
        cards = session.scalars(
            select(CardRow).where(CardRow.member_id == row.member_id).order_by(CardRow.id)
        ).all()
        card = cards[0] if cards else None
        card_no = "" if card is None else card.card_number or card.serial
        size = application.card_size if application is not None else card.size if card is not None else None
        if size is None:
            continue
        member = member_from_row(member_row)
        grant = _grant(row)
        entries.append(CessationReportEntry(member, member.name, None, size, card_no, grant))
        if application is not None:
            for dependant_row in application.dependants:
                dependant = dependant_from_row(dependant_row)
                entries.append(
                    CessationReportEntry(member, dependant.name, dependant.relation, size, card_no, grant)
                )
    return entries
