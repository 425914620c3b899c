"""The write/read round trip on a TEST card: random bytes written to a small EF under the MF, read back
and compared.

Why it refuses every card but a blank one or the station's own test card (``card.reading.Presence``): an
issued card is a beneficiary's; a self-test never authenticates to it, let alone writes (issue 7
"Technician"), and a card whose personalisation was interrupted is still someone's card. The transport
key opens only blank stock, so it is also the only key the self-test holds.

Why the test file stays: a card's first CREATE FILE ends its CREATION life cycle for good (ISO 7816-9
§9: CREATION -> INITIALISATION), so a blank card written once never reads as blank again. The EF
``TEST_FID`` left on it marks it as the station's test card: the next self-test recognises it (past
CREATION, the test EF present, neither EF.DIR nor EF.CARD that personalisation writes) and writes to it
again, without ever authenticating to a card that carries no such mark. Keep the test card apart from
the stock.
"""

from __future__ import annotations

import os

from apdu.fcp import ALWAYS, Fcp, FileKind, Operation, key
from apdu.iso7816 import Iso7816
from apdu.status import ApduError, FileNotFound
from apdu.transport import Transport
from card_station.card.files import card as card_file
from card_station.card.files import dir as dir_file
from card_station.card.operation_errors import UnknownCardKey
from card_station.card.reader import read_card
from card_station.card.reading import Presence
from card_station.card.session import KeyHeld, key_held
from card_station.selftest.result import CheckResult, CheckStatus

TEST_FID = 0x1FE5
"""A FID outside the ECHS layout (docs/card-layout.md), used only by the self-test: it marks a test card."""
TEST_LENGTH = 200
TRANSPORT_KEY_REF = 1
TITLE = "Write/read round trip on a test card"


def _exists(card: Iso7816, fid: int) -> bool:
    card.select_mf()
    try:
        card.select_fid(fid)
    except FileNotFound:
        return False
    return True


def is_test_card(card: Iso7816, presence: Presence) -> bool:
    """A card only the self-test wrote on: past CREATION, the test EF present, and neither EF.DIR nor
    EF.CARD (docs/card-layout.md), which personalisation creates."""
    return (
        presence is Presence.PERSONALISATION_INCOMPLETE
        and _exists(card, TEST_FID)
        and not _exists(card, dir_file.DECL.fid)
        and not _exists(card, card_file.DECL.fid)
    )


def _holds_transport_key(card: Iso7816, transport_key: bytes) -> bool:
    """Asked by INTERNAL AUTHENTICATE, which counts no retries (``card.session.key_held``): a card whose
    key 1 is not the transport key is never sent an EXTERNAL AUTHENTICATE that would fail."""
    try:
        return key_held(card, TRANSPORT_KEY_REF, {KeyHeld.TRANSPORT: transport_key}) is KeyHeld.TRANSPORT
    except UnknownCardKey:
        return False


def _create_test_file(card: Iso7816) -> None:
    card.create_file(
        Fcp(
            fid=TEST_FID,
            kind=FileKind.TRANSPARENT,
            size=TEST_LENGTH,
            access={Operation.READ: ALWAYS, Operation.UPDATE: key(TRANSPORT_KEY_REF)},
        )
    )


def round_trip(transport: Transport, transport_key: bytes) -> CheckResult:
    """Refuse unless the card is blank or the station's test card; else write random bytes to the test EF
    (creating it on a blank card) and read them back."""
    card = Iso7816(transport)
    presence = read_card(card).presence
    blank = presence is Presence.BLANK
    if not blank and not is_test_card(card, presence):
        return CheckResult(
            "round_trip",
            TITLE,
            CheckStatus.SKIPPED,
            f"refused: the card in {transport.name} is {presence.value}; the self-test writes only on a "
            "blank card or the station's test card: insert one",
        )
    card.select_mf()
    if not _holds_transport_key(card, transport_key):
        return CheckResult(
            "round_trip",
            TITLE,
            CheckStatus.SKIPPED,
            f"refused: the card in {transport.name} does not hold the transport key of the station's stock "
            "(a personalisation may have started on it); no authentication was tried: insert a blank card",
        )
    data = os.urandom(TEST_LENGTH)
    card.authenticate(TRANSPORT_KEY_REF, transport_key)
    if blank:
        _create_test_file(card)
    else:
        card.select_fid(TEST_FID)
    card.update_binary(data)
    back = card.read_binary()
    if back != data:
        return CheckResult(
            "round_trip",
            TITLE,
            CheckStatus.FAIL,
            f"{TEST_LENGTH} bytes written but different bytes read back",
        )
    marked = "; the blank card is now this station's test card: keep it apart from the stock" if blank else ""
    return CheckResult(
        "round_trip",
        TITLE,
        CheckStatus.PASS,
        f"{TEST_LENGTH} bytes written and read back identical ({transport.name}){marked}",
    )


def safe_round_trip(transport: Transport, transport_key: bytes) -> CheckResult:
    """``round_trip`` with card errors reported as a failed check (the card said what was wrong)."""
    try:
        return round_trip(transport, transport_key)
    except ApduError as exc:
        return CheckResult("round_trip", TITLE, CheckStatus.FAIL, f"{type(exc).__name__}: {exc}")
