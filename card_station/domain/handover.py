"""Handover timing: card activation after the OTP, the temporary slip, the collection window (seed 000).

Why India Standard Time from an aware datetime: the letter's "1300hrs" is Indian time, while a station
machine may run in UTC. A naive datetime cannot be placed on the IST clock and is refused. Activation is
the same day at 13:00 IST if the OTP was entered before 13:00, else the next day at 13:00 (seed 000 §5(c)).
The online temporary slip stays functional until the cards are electronically handed over (§4) and
"will stop functioning" once the OTP is entered (§5(c)), within its own validity of 6 months, extendable
3 months at a time (public-source defaults in the rule parameters).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from card_station.domain.citations import Rule
from card_station.domain.dates import add_months
from card_station.domain.errors import DomainError
from card_station.domain.parameters import RuleParameters

IST = ZoneInfo("Asia/Kolkata")


@dataclass(frozen=True)
class SlipStatus:
    """Whether the temporary slip works at an instant; `expires_on` is its first day out of validity."""

    valid: bool
    rule: Rule
    reason: str
    expires_on: date


def _in_ist(moment: datetime, what: str) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise DomainError(
            f"{what} {moment.isoformat()} has no time zone; pass an aware datetime (e.g. in Asia/Kolkata)"
        )
    return moment.astimezone(IST)


def activation_time(otp_entered_at: datetime, params: RuleParameters) -> datetime:
    """When cards become active after the handover OTP is entered (seed 000 §5(c)), in IST."""
    entered = _in_ist(otp_entered_at, "OTP entry time")
    same_day = datetime.combine(entered.date(), params.activation_time_ist, tzinfo=IST)
    if entered < same_day:
        return same_day
    return datetime.combine(entered.date() + timedelta(days=1), params.activation_time_ist, tzinfo=IST)


def collection_closes_at(otp_sent_at: datetime, params: RuleParameters) -> datetime:
    """The end of the window in which the cards must be collected with the OTP (rule parameter, 30 days)."""
    sent = _in_ist(otp_sent_at, "OTP sending time")
    return sent + timedelta(days=params.collection_window_days)


def collection_open(otp_sent_at: datetime, at: datetime, params: RuleParameters) -> bool:
    """Whether the cards may still be collected at `at`: before the window closes."""
    return _in_ist(at, "collection time") < collection_closes_at(otp_sent_at, params)


def slip_expires_on(issued_on: date, extensions: int, params: RuleParameters) -> date:
    """The first day the slip is no longer valid: 6 months after issue plus 3 months per extension."""
    if extensions < 0:
        raise DomainError(f"{extensions} extensions is not a count; enter 0 or more")
    return add_months(issued_on, params.slip_validity_months + extensions * params.slip_extension_months)


def temporary_slip_status(
    issued_on: date, extensions: int, handed_over_at: datetime | None, at: datetime, params: RuleParameters
) -> SlipStatus:
    """Whether the online temporary slip works at `at`.

    `handed_over_at` is when the OTP was entered (electronic handover), None while it has not been.
    """
    now = _in_ist(at, "slip check time")
    expires_on = slip_expires_on(issued_on, extensions, params)
    if handed_over_at is not None and now >= _in_ist(handed_over_at, "handover time"):
        return SlipStatus(
            False, Rule.SLIP_UNTIL_HANDOVER, "cards were electronically handed over", expires_on
        )
    if now.date() >= expires_on:
        return SlipStatus(
            False, Rule.SLIP_VALIDITY, f"the slip expired on {expires_on}; extend it", expires_on
        )
    return SlipStatus(True, Rule.SLIP_UNTIL_HANDOVER, "cards not yet electronically handed over", expires_on)
