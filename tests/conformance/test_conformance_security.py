"""Access conditions, EXTERNAL AUTHENTICATE with the transport key, PIN VERIFY and CHANGE REFERENCE DATA
(ISO/IEC 7816-4:2020 §11.5). A failed authentication is never retried (design.md)."""

import pytest
from conformance_tools import TRANSPORT_KEY_REF, transparent, unlock

from apdu import auth
from apdu.emulator import DEV_TRANSPORT_KEY, pin_record
from apdu.fcp import Fcp, FileKind, Operation, key, pin
from apdu.status import (
    AuthenticationBlocked,
    AuthenticationFailed,
    ConditionsNotSatisfied,
    SecurityStatusNotSatisfied,
)

WRONG_KEY = bytes(16)
PIN = b"1234"


def test_create_needs_the_transport_key(card) -> None:
    iso = card.iso
    iso.select_mf()
    with pytest.raises(SecurityStatusNotSatisfied, match="6982 to CREATE FILE 1001"):
        iso.create_file(transparent(0x1001, 10))
    unlock(iso)
    iso.create_file(transparent(0x1001, 10))
    assert card.status_words[-3:] == ["9000", "9000", "9000"]


def test_wrong_key_is_63cx_and_never_retried(card) -> None:
    iso = card.iso
    iso.select_mf()
    before = card.apdus
    with pytest.raises(AuthenticationFailed, match="63C9 to EXTERNAL AUTHENTICATE key 1") as info:
        iso.authenticate(TRANSPORT_KEY_REF, WRONG_KEY)
    assert info.value.retries_left == 9
    sent = [e.command[:4] for e in card.trace.exchanges[before:]]
    assert sent == ["0084", "0082"], "exactly one GET CHALLENGE and one EXTERNAL AUTHENTICATE"
    unlock(iso)  # the right key still works and restores the counter
    with pytest.raises(AuthenticationFailed) as again:
        iso.authenticate(TRANSPORT_KEY_REF, WRONG_KEY)
    assert again.value.retries_left == 9


def test_external_authenticate_without_challenge_is_6985(card) -> None:
    with pytest.raises(ConditionsNotSatisfied, match="6985 to EXTERNAL AUTHENTICATE"):
        card.iso.external_authenticate(TRANSPORT_KEY_REF, bytes(16))


def test_mutual_and_internal_authenticate(card) -> None:
    iso = card.iso
    rnd_icc = iso.get_challenge()
    rnd_ifd = bytes(range(8))
    answer = iso.mutual_authenticate(
        TRANSPORT_KEY_REF, auth.mutual_request(DEV_TRANSPORT_KEY, rnd_icc, rnd_ifd)
    )
    assert auth.verify_mutual_response(DEV_TRANSPORT_KEY, rnd_icc, rnd_ifd, answer)
    response = iso.internal_authenticate(TRANSPORT_KEY_REF, rnd_ifd)
    assert auth.verify_internal_response(DEV_TRANSPORT_KEY, rnd_ifd, response)


def _pin_file(session, retries: int = 3) -> None:
    """A DF with its own key EF holding PIN 1, and an EF readable only after that PIN."""
    iso = session.iso
    iso.select_mf()
    unlock(iso)
    iso.create_file(Fcp(0x4100, FileKind.DF, access={Operation.CREATE: key(1)}))
    iso.create_file(
        Fcp(
            0x0001,
            FileKind.INTERNAL_LINEAR_FIXED,
            record_length=36,
            record_count=2,
            access={Operation.UPDATE: key(1), Operation.APPEND: key(1)},
        )
    )
    iso.append_record(pin_record(1, PIN, retries))
    iso.select_fid(0x4100)
    iso.create_file(transparent(0x4101, 8, read=pin(1)))
    session.transport.reset()
    iso.select_path([0x4100, 0x4101])


def test_pin_guards_read(card) -> None:
    _pin_file(card)
    iso = card.iso
    with pytest.raises(SecurityStatusNotSatisfied, match="6982 to READ BINARY"):
        iso.read_binary()
    iso.verify(1, PIN)
    assert iso.read_binary() == bytes(8)


def test_wrong_pin_counts_down_to_blocked(card) -> None:
    _pin_file(card, retries=2)
    iso = card.iso
    with pytest.raises(AuthenticationFailed, match="63C1 to VERIFY PIN 1") as info:
        iso.verify(1, b"0000")
    assert info.value.retries_left == 1
    with pytest.raises(AuthenticationFailed) as last:
        iso.verify(1, b"0000")
    assert last.value.retries_left == 0
    with pytest.raises(AuthenticationBlocked, match="6983 to VERIFY PIN 1"):
        iso.verify(1, PIN)


def test_change_pin(card) -> None:
    _pin_file(card)
    iso = card.iso
    iso.change_reference_data(1, PIN, b"98765")
    card.transport.reset()
    iso.select_path([0x4100, 0x4101])
    with pytest.raises(AuthenticationFailed):
        iso.verify(1, PIN)
    iso.verify(1, b"98765")
    assert iso.read_binary() == bytes(8)


def test_empty_pin_is_refused_before_sending(card) -> None:
    with pytest.raises(ValueError, match="empty PIN"):
        card.iso.verify(1, b"")
    assert card.apdus == 0
