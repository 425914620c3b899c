"""Errors of the card operations (personalise, update, read): each says what is wrong with THIS card and
what the operator should do. All are raised before the first write when they concern the card's identity
(issue 4: "a wrong card gets a clear error BEFORE any write")."""

from __future__ import annotations


class CardOperationError(Exception):
    """Base class of the card operations' errors."""


class WrongCard(CardOperationError):
    """The card in the reader is not one this operation can work on (blank needed, ECHS card needed, a
    chip of another size, another application); nothing was written."""


class UnknownCardKey(WrongCard):
    """Key 1 of the card is neither the transport key nor this card's own key. Nothing was tried: an
    EXTERNAL AUTHENTICATE with a guessed key would burn one try of the card's retry counter."""


class InterruptedUpdate(WrongCard):
    """The card shows an interrupted write session of another kind than the one asked for."""


class VerificationFailed(CardOperationError):
    """What was read back after writing differs from what was written, or does not verify as genuine."""
