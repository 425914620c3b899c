"""The application life cycle table: every (state, action) pair, and the happy path through the services."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import select

from card_station.domain.records import Application
from card_station.services import applications as apps
from card_station.store.lifecycle import TRANSITIONS, Action, ApplicationState, IllegalTransition, next_state
from card_station.store.models import CardRow, CardStatus, CardStatusRow, OutboxEvent, TransitionRow
from card_station.store.outbox import pending_events
from tests.store.conftest import AADHAAR, MOBILE, Station


@pytest.mark.parametrize("state", list(ApplicationState))
@pytest.mark.parametrize("action", list(Action))
def test_every_pair_is_allowed_by_the_table_or_refused_naming_both(
    state: ApplicationState, action: Action
) -> None:
    if (state, action) in TRANSITIONS:
        assert next_state(state, action) is TRANSITIONS[(state, action)]
    else:
        with pytest.raises(IllegalTransition) as caught:
            next_state(state, action)
        assert action.value in str(caught.value)
        assert state.value in str(caught.value)


def test_every_state_is_reachable_from_draft() -> None:
    reached = {ApplicationState.DRAFT}
    frontier = [ApplicationState.DRAFT]
    while frontier:
        state = frontier.pop()
        for (source, _), target in TRANSITIONS.items():
            if source is state and target not in reached:
                reached.add(target)
                frontier.append(target)
    assert reached == set(ApplicationState)


def issue_to_active(station: Station, application: Application) -> str:
    """Drive one application from entry to active through the services; returns its key."""
    ops, clock = station.ops, station.clock
    with station.store.transaction() as s:
        key = apps.enter_application(
            s,
            ops["clerk"],
            application,
            mobile=MOBILE,
            aadhaar=AADHAAR,
            data_key=station.data_key,
            now=clock.now(),
        ).key
    with station.store.transaction() as s:
        apps.submit_application(s, ops["clerk"], key, now=clock.now())
    with station.store.transaction() as s:
        apps.verify_application(s, ops["verifier"], key, now=clock.now())
    serials = [f"{application.member.service_number}-{i}" for i in range(1 + application.add_on_cards)]
    with station.store.transaction() as s:
        apps.record_card_personalised(
            s, ops["clerk"], key, serials=serials, layout_version=1, now=clock.now()
        )
    with station.store.transaction() as s:
        mac = station.data_key.otp_mac("123456", application_key=key)
        apps.record_otp_sent(
            s, ops["clerk"], key, otp_mac=mac, expires_at=clock.now() + timedelta(days=7), now=clock.now()
        )
    activation = clock.now() + timedelta(hours=3)
    with station.store.transaction() as s:
        apps.record_handover(s, ops["clerk"], key, activation_at=activation, now=clock.now())
    clock.advance(timedelta(hours=3))
    with station.store.transaction() as s:
        apps.activate_application(s, ops["clerk"], key, now=clock.now())
    return key


def test_happy_path_records_history_cards_and_one_event_per_change(
    station: Station, make_application: Callable[..., Application]
) -> None:
    key = issue_to_active(station, make_application(add_on_cards=1))
    with station.store.transaction() as s:
        steps = s.scalars(select(TransitionRow.to_state).order_by(TransitionRow.id)).all()
        cards = s.scalars(select(CardRow).order_by(CardRow.id)).all()
        history = s.scalars(select(CardStatusRow.status).where(CardStatusRow.card_id == cards[0].id)).all()
        events = pending_events(s, 100)
    assert steps == [
        ApplicationState.DRAFT,
        ApplicationState.SUBMITTED,
        ApplicationState.VERIFIED,
        ApplicationState.CARD_PERSONALISED,
        ApplicationState.OTP_SENT,
        ApplicationState.HANDED_OVER,
        ApplicationState.ACTIVE,
    ]
    assert [c.status for c in cards] == [CardStatus.ACTIVE, CardStatus.ACTIVE]
    assert history == [CardStatus.PERSONALISED, CardStatus.HANDED_OVER, CardStatus.ACTIVE]
    assert [e.kind for e in events] == [
        "application.entered",
        "application.submit",
        "application.verify",
        "application.personalise",
        "card.personalised",
        "card.personalised",
        "application.send_otp",
        "application.hand_over",
        "application.activate",
    ]
    assert [e.member_seq for e in events] == list(range(1, 10))
    assert all(e.payload.get("application", key) == key for e in events)


def test_activation_waits_for_its_time(
    station: Station, make_application: Callable[..., Application]
) -> None:
    ops, clock = station.ops, station.clock
    key = issue_to_active(station, make_application())
    with station.store.transaction() as s:
        apps.block_card(s, ops["clerk"], "JC-123456A-0", reason="damaged", now=clock.now())
    with station.store.transaction() as s:
        apps.report_card_lost(s, ops["clerk"], "JC-123456A-0", now=clock.now())
        apps.order_duplicate(s, ops["clerk"], key, now=clock.now())
        apps.record_card_personalised(
            s, ops["clerk"], key, serials=["DUP-1"], layout_version=1, now=clock.now()
        )
        apps.record_otp_sent(
            s, ops["clerk"], key, otp_mac=b"\0" * 32, expires_at=clock.now(), now=clock.now()
        )
        apps.record_handover(
            s, ops["clerk"], key, activation_at=clock.now() + timedelta(hours=1), now=clock.now()
        )
    with pytest.raises(apps.ApplicationError, match="activates at"), station.store.transaction() as s:
        apps.activate_application(s, ops["clerk"], key, now=clock.now())
    with station.store.transaction() as s:
        apps.activate_application(s, ops["clerk"], key, now=clock.advance(timedelta(hours=1)))
        kinds = [e.kind for e in s.scalars(select(OutboxEvent).order_by(OutboxEvent.position))]
    assert kinds.count("card.blocked") == 2


def test_illegal_transition_through_a_service_changes_nothing(
    station: Station, make_application: Callable[..., Application]
) -> None:
    with station.store.transaction() as s:
        key = apps.enter_application(
            s,
            station.ops["clerk"],
            make_application(),
            mobile=None,
            aadhaar=None,
            data_key=station.data_key,
            now=station.clock.now(),
        ).key
    with (
        pytest.raises(IllegalTransition, match="cannot verify an application that is draft"),
        station.store.transaction() as s,
    ):
        apps.verify_application(s, station.ops["verifier"], key, now=station.clock.now())
    with station.store.transaction() as s:
        assert len(pending_events(s, 10)) == 1


def test_maker_cannot_check_even_with_both_roles_in_the_database(
    station: Station, make_application: Callable[..., Application]
) -> None:
    from sqlalchemy import text

    with station.store.transaction() as s:
        key = apps.enter_application(
            s,
            station.ops["clerk"],
            make_application(),
            mobile=None,
            aadhaar=None,
            data_key=station.data_key,
            now=station.clock.now(),
        ).key
        apps.submit_application(s, station.ops["clerk"], key, now=station.clock.now())
    with station.store.transaction() as s:
        s.execute(text("UPDATE operators SET role = 'VERIFIER' WHERE username = 'clerk'"))
    with (
        pytest.raises(apps.MakerCheckerViolation, match="entered application"),
        station.store.transaction() as s,
    ):
        apps.verify_application(s, station.ops["clerk"], key, now=station.clock.now())
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError, match="maker_checker"), station.store.transaction() as s:
        s.execute(text("UPDATE applications SET verified_by = entered_by"))


def test_change_of_data_needs_a_second_operator(
    station: Station, make_application: Callable[..., Application]
) -> None:
    from sqlalchemy import text

    key = issue_to_active(station, make_application())
    with station.store.transaction() as s:
        apps.request_change(s, station.ops["clerk"], key, now=station.clock.now())
        s.execute(text("UPDATE operators SET role = 'VERIFIER' WHERE username = 'clerk'"))
    with (
        pytest.raises(apps.MakerCheckerViolation, match="requested this change"),
        station.store.transaction() as s,
    ):
        apps.decide_change(s, station.ops["clerk"], key, approve=True, now=station.clock.now())
    with station.store.transaction() as s:
        apps.decide_change(s, station.ops["verifier"], key, approve=True, now=station.clock.now())
    with (
        pytest.raises(
            IllegalTransition, match="cannot reject the change of data an application that is active"
        ),
        station.store.transaction() as s,
    ):
        apps.decide_change(s, station.ops["verifier"], key, approve=False, now=station.clock.now())


def test_a_member_cannot_be_entered_twice(
    station: Station, make_application: Callable[..., Application]
) -> None:
    with station.store.transaction() as s:
        apps.enter_application(
            s,
            station.ops["clerk"],
            make_application(),
            mobile=None,
            aadhaar=None,
            data_key=station.data_key,
            now=station.clock.now(),
        )
    with pytest.raises(apps.ApplicationError, match="already registered"), station.store.transaction() as s:
        apps.enter_application(
            s,
            station.ops["clerk2"],
            make_application(),
            mobile=None,
            aadhaar=None,
            data_key=station.data_key,
            now=station.clock.now(),
        )
