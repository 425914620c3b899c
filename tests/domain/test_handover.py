"""Handover timing, seed 000 §4 and §5(c), in India Standard Time whatever the caller's zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from card_station.domain.citations import Rule
from card_station.domain.errors import DomainError
from card_station.domain.handover import (
    IST,
    activation_time,
    collection_closes_at,
    collection_open,
    slip_expires_on,
    temporary_slip_status,
)
from card_station.domain.parameters import RuleParameters, load_rule_parameters

PARAMS = load_rule_parameters().parameters_on(date(2024, 1, 1))


def ist(*fields: int) -> datetime:
    """A wall-clock time in India: ist(2024, 3, 5, 13, 0)."""
    return datetime(*fields).replace(tzinfo=IST)


# §5(c) "the card will get activated same day after 1300hrs if OTP entered before 1300hrs and after 1300 hrs
# next day if OTP is entered after 1300hrs."
def test_5c_otp_entered_before_1300_activates_the_same_day_at_1300(params: RuleParameters) -> None:
    assert activation_time(ist(2024, 3, 5, 9, 30), params) == ist(2024, 3, 5, 13, 0)
    assert activation_time(ist(2024, 3, 5, 12, 59, 59, 999999), params) == ist(2024, 3, 5, 13, 0)


def test_5c_otp_entered_at_or_after_1300_activates_the_next_day_at_1300(params: RuleParameters) -> None:
    assert activation_time(ist(2024, 3, 5, 13, 0), params) == ist(2024, 3, 6, 13, 0)
    assert activation_time(ist(2024, 12, 31, 23, 59), params) == ist(2025, 1, 1, 13, 0)


def test_5c_the_hour_is_indian_whatever_zone_the_caller_uses(params: RuleParameters) -> None:
    # 07:00 UTC is 12:30 IST: before 1300 hrs in India, though it is morning in London.
    assert activation_time(datetime(2024, 3, 5, 7, 0, tzinfo=UTC), params) == ist(2024, 3, 5, 13, 0)
    # 20:00 on 4 Mar in New York is 06:30 on 5 Mar in India.
    new_york = datetime(2024, 3, 4, 20, 0, tzinfo=ZoneInfo("America/New_York"))
    assert activation_time(new_york, params) == ist(2024, 3, 5, 13, 0)
    # 07:30 UTC is 13:00 IST exactly: next day.
    assert activation_time(datetime(2024, 3, 5, 7, 30, tzinfo=UTC), params) == ist(2024, 3, 6, 13, 0)


def test_5c_a_naive_time_is_refused(params: RuleParameters) -> None:
    with pytest.raises(DomainError, match=r"OTP entry time 2024-03-05T09:30:00 has no time zone"):
        activation_time(datetime(2024, 3, 5, 9, 30), params)


aware_instants = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.sampled_from([UTC, IST])
) | st.datetimes(
    min_value=datetime(2000, 1, 1),
    max_value=datetime(2100, 1, 1),
    timezones=st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m))),
)


@settings(deadline=None)  # no timing thresholds on shared machines
@given(aware_instants)
def test_5c_property_activation_is_1300_ist_the_same_or_next_day_strictly_after_entry(
    entered: datetime,
) -> None:
    active = activation_time(entered, PARAMS)
    entered_ist = entered.astimezone(IST)
    assert active.tzinfo is IST
    assert (active.hour, active.minute, active.second, active.microsecond) == (13, 0, 0, 0)
    assert active.date() - entered_ist.date() in (timedelta(0), timedelta(days=1))
    assert active > entered
    assert active - entered <= timedelta(days=1)


def test_4_the_slip_works_until_electronic_handover_and_stops_when_the_otp_is_entered(
    params: RuleParameters,
) -> None:
    """seed 000 §4: "the online temporary slip remains functional till the time cards are not electronically
    handed over"; §5(c): "Once the OTP is entered in the system then the online temporary slip will stop
    functioning" """
    handed_over = ist(2024, 3, 5, 10, 0)
    before = temporary_slip_status(date(2024, 1, 10), 0, handed_over, ist(2024, 3, 5, 9, 59), params)
    assert before.valid
    assert before.rule is Rule.SLIP_UNTIL_HANDOVER
    after = temporary_slip_status(date(2024, 1, 10), 0, handed_over, ist(2024, 3, 5, 10, 0), params)
    assert not after.valid
    assert after.rule is Rule.SLIP_UNTIL_HANDOVER
    not_handed = temporary_slip_status(date(2024, 1, 10), 0, None, ist(2024, 3, 5, 10, 0), params)
    assert not_handed.valid


def test_slip_validity_is_6_months_extendable_by_3(params: RuleParameters) -> None:
    assert slip_expires_on(date(2024, 1, 10), 0, params) == date(2024, 7, 10)
    assert slip_expires_on(date(2024, 1, 10), 2, params) == date(2025, 1, 10)
    assert slip_expires_on(date(2024, 8, 31), 0, params) == date(2025, 2, 28)
    last_day = temporary_slip_status(date(2024, 1, 10), 0, None, ist(2024, 7, 9, 23, 59), params)
    assert last_day.valid
    expired = temporary_slip_status(date(2024, 1, 10), 0, None, ist(2024, 7, 10, 0, 0), params)
    assert not expired.valid
    assert expired.rule is Rule.SLIP_VALIDITY
    assert temporary_slip_status(date(2024, 1, 10), 1, None, ist(2024, 7, 10, 0, 0), params).valid


def test_slip_extensions_must_be_a_count(params: RuleParameters) -> None:
    with pytest.raises(DomainError, match="-1 extensions is not a count"):
        slip_expires_on(date(2024, 1, 10), -1, params)


def test_cards_are_collected_within_30_days_of_the_otp(params: RuleParameters) -> None:
    sent = datetime(2024, 3, 5, 4, 30, tzinfo=UTC)  # 10:00 IST
    assert collection_closes_at(sent, params) == ist(2024, 4, 4, 10, 0)
    assert collection_open(sent, ist(2024, 4, 4, 9, 59), params)
    assert not collection_open(sent, ist(2024, 4, 4, 10, 0), params)
    with pytest.raises(DomainError, match=r"collection time .* has no time zone"):
        collection_open(sent, datetime(2024, 4, 4), params)
