"""The application life cycle as an explicit state machine: a table of allowed transitions, as data.

Why a table: the life cycle is the scheme's procedure (seed 002 §4 application and verification by the
Record Office, seed 001 DDO verification, seed 000 handover by OTP and activation at 13:00), and a table
can be printed in docs/store.md, checked by a test for every (state, action) pair, and read by a person.
Anything not in the table is refused with an error naming the state and the action.

Only an active card is blocked (and an unblock returns it to active); a card lost before it is active,
even in the office before handover, is reported lost and replaced by a duplicate, so an unblock can never
skip the handover or the activation time. The maker-checker rule (the verifier is never the operator who
entered the application) is not a state transition but a condition on VERIFY; the service enforces it,
and the database refuses it again with a CHECK constraint.
"""

from __future__ import annotations

from enum import Enum


class ApplicationState(Enum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    VERIFIED = "verified"
    CARD_PERSONALISED = "card personalised"
    OTP_SENT = "SMS OTP sent"
    HANDED_OVER = "handed over"
    ACTIVE = "active"
    BLOCKED = "blocked"
    CHANGE_REQUESTED = "change of data requested"
    LOST = "card lost"
    DUPLICATE_ORDERED = "duplicate card ordered"


class Action(Enum):
    SUBMIT = "submit"
    RETURN = "return for correction"
    VERIFY = "verify"
    PERSONALISE = "personalise the card"
    SEND_OTP = "send the SMS OTP"
    HAND_OVER = "hand over"
    ACTIVATE = "activate"
    BLOCK = "block"
    UNBLOCK = "unblock"
    REQUEST_CHANGE = "request a change of data"
    APPROVE_CHANGE = "approve the change of data"
    REJECT_CHANGE = "reject the change of data"
    REPORT_LOST = "report the card lost"
    ORDER_DUPLICATE = "order a duplicate card"


_S = ApplicationState
_A = Action
TRANSITIONS: dict[tuple[ApplicationState, Action], ApplicationState] = {
    (_S.DRAFT, _A.SUBMIT): _S.SUBMITTED,
    (_S.SUBMITTED, _A.RETURN): _S.DRAFT,
    (_S.SUBMITTED, _A.VERIFY): _S.VERIFIED,
    (_S.VERIFIED, _A.PERSONALISE): _S.CARD_PERSONALISED,
    (_S.CARD_PERSONALISED, _A.SEND_OTP): _S.OTP_SENT,
    (_S.OTP_SENT, _A.SEND_OTP): _S.OTP_SENT,
    (_S.OTP_SENT, _A.HAND_OVER): _S.HANDED_OVER,
    (_S.HANDED_OVER, _A.ACTIVATE): _S.ACTIVE,
    (_S.ACTIVE, _A.BLOCK): _S.BLOCKED,
    (_S.BLOCKED, _A.UNBLOCK): _S.ACTIVE,
    (_S.ACTIVE, _A.REQUEST_CHANGE): _S.CHANGE_REQUESTED,
    (_S.CHANGE_REQUESTED, _A.APPROVE_CHANGE): _S.ACTIVE,
    (_S.CHANGE_REQUESTED, _A.REJECT_CHANGE): _S.ACTIVE,
    (_S.CARD_PERSONALISED, _A.REPORT_LOST): _S.LOST,
    (_S.OTP_SENT, _A.REPORT_LOST): _S.LOST,
    (_S.HANDED_OVER, _A.REPORT_LOST): _S.LOST,
    (_S.ACTIVE, _A.REPORT_LOST): _S.LOST,
    (_S.BLOCKED, _A.REPORT_LOST): _S.LOST,
    (_S.LOST, _A.ORDER_DUPLICATE): _S.DUPLICATE_ORDERED,
    (_S.DUPLICATE_ORDERED, _A.PERSONALISE): _S.CARD_PERSONALISED,
}


class IllegalTransition(ValueError):
    """The action is not allowed in the application's current state; nothing was changed."""

    def __init__(self, state: ApplicationState, action: Action) -> None:
        allowed = sorted(a.value for (s, a) in TRANSITIONS if s is state)
        super().__init__(
            f"cannot {action.value} an application that is {state.value}; "
            f"allowed now: {', '.join(allowed) if allowed else 'nothing (final state)'}"
        )
        self.state = state
        self.action = action


def next_state(state: ApplicationState, action: Action) -> ApplicationState:
    """The state ``action`` leads to from ``state``; ``IllegalTransition`` if the table does not allow it."""
    try:
        return TRANSITIONS[(state, action)]
    except KeyError:
        raise IllegalTransition(state, action) from None
