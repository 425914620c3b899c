"""GET CHALLENGE, EXTERNAL / INTERNAL / MUTUAL AUTHENTICATE, VERIFY and CHANGE REFERENCE DATA
(ISO 7816-4 §11.5), with the AES-CMAC scheme of apdu.auth and the key/PIN records of apdu.emulator.keys.

P2 names the key or PIN reference 1..15 (b8 may be set: DF-specific, resolved the same way); P1 = 00.
The reference is resolved from the current DF upwards (apdu.emulator.security); unknown -> 6A88.

Retry counters are decremented BEFORE the comparison and restored after a success, each a separate
EEPROM page write: cutting the power after a wrong guess cannot save an attempt. A failure answers 63Cx
(x = tries left, 63C0 on the last); a counter at 0 answers 6983 for good. Nothing is retried for the host.
EXTERNAL / MUTUAL AUTHENTICATE need the challenge of the immediately preceding GET CHALLENGE (6985
otherwise); INS 82 with 16 data bytes is EXTERNAL, with 24 bytes MUTUAL AUTHENTICATE.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable

from apdu.auth import (
    CRYPTOGRAM_LENGTH,
    RANDOM_LENGTH,
    internal_response,
    mutual_response,
    verify_external_cryptogram,
    verify_mutual_request,
)
from apdu.command import CommandApdu
from apdu.emulator.cardos import CardOs, Reply
from apdu.emulator.errors import CardError
from apdu.emulator.keys import PIN_LENGTHS, KeyRecord, SecretKind
from apdu.emulator.lengths import no_data, response_limit
from apdu.emulator.records import store_record
from apdu.emulator.security import Secret, resolve

BLOCKED = 0x6983


def _reference(apdu: CommandApdu, allowed_p1: tuple[int, ...] = (0x00,)) -> int:
    if apdu.p1 not in allowed_p1:
        raise CardError(0x6A86, f"P1 must be one of {', '.join(f'{p:02X}' for p in allowed_p1)}")
    ref = apdu.p2 & 0x7F
    if not 1 <= ref <= 15:
        raise CardError(0x6A86, "P2 must name a reference 1..15")
    return ref


def _secret(os: CardOs, kind: SecretKind, ref: int) -> Secret:
    secret = resolve(os.session.current_df, kind, ref)
    if secret is None:
        raise CardError(0x6A88, f"no {kind.name} with reference {ref}")
    if secret.retries_left == 0:
        raise CardError(BLOCKED, "blocked")
    return secret


def _attempt(os: CardOs, secret: Secret, check: Callable[[], bool]) -> None:
    key_file, slot = secret.key_file, secret.slot
    left = key_file.counters[slot] - 1
    os.eeprom.commit(lambda: key_file.counters.__setitem__(slot, left))
    if not check():
        raise CardError(0x63C0 | left, "verification failed")
    os.eeprom.commit(lambda: key_file.counters.__setitem__(slot, secret.record.retry_limit))
    os.session.prove(secret)


def get_challenge(os: CardOs, apdu: CommandApdu) -> Reply:
    if apdu.p1 or apdu.p2:
        raise CardError(0x6A86, "GET CHALLENGE needs P1-P2 = 0000")
    no_data(apdu)
    limit, _ = response_limit(apdu)
    if limit < RANDOM_LENGTH:
        raise CardError(0x6C00 | RANDOM_LENGTH, "the challenge has 8 bytes")
    os.challenge = secrets.token_bytes(RANDOM_LENGTH)
    return Reply(os.challenge)


def external_or_mutual(os: CardOs, apdu: CommandApdu) -> Reply:
    ref = _reference(apdu)
    if len(apdu.data) not in (CRYPTOGRAM_LENGTH, RANDOM_LENGTH + CRYPTOGRAM_LENGTH):
        raise CardError(0x6700, "16 bytes (EXTERNAL) or 24 bytes (MUTUAL AUTHENTICATE) expected")
    secret = _secret(os, SecretKind.AES_KEY, ref)
    rnd_icc = os.offered
    if rnd_icc is None:
        raise CardError(0x6985, "no challenge: send GET CHALLENGE immediately before")
    key = secret.record.secret
    if len(apdu.data) == CRYPTOGRAM_LENGTH:
        _attempt(os, secret, lambda: verify_external_cryptogram(key, rnd_icc, apdu.data))
        return Reply()
    rnd_ifd = verify_mutual_request(key, rnd_icc, apdu.data)
    _attempt(os, secret, lambda: rnd_ifd is not None)
    assert rnd_ifd is not None
    return Reply(mutual_response(key, rnd_icc, rnd_ifd))


def internal_authenticate(os: CardOs, apdu: CommandApdu) -> Reply:
    ref = _reference(apdu)
    if len(apdu.data) != RANDOM_LENGTH:
        raise CardError(0x6700, "INTERNAL AUTHENTICATE takes an 8-byte RND.IFD")
    secret = _secret(os, SecretKind.AES_KEY, ref)
    return Reply(internal_response(secret.record.secret, apdu.data))


def verify(os: CardOs, apdu: CommandApdu) -> Reply:
    """VERIFY (§11.5.6): P1 00 checks the PIN (empty data: 9000 if verified, else 63Cx tries left);
    P1 FF with no data resets the PIN's verified state."""
    ref = _reference(apdu, (0x00, 0xFF))
    secret = resolve(os.session.current_df, SecretKind.PIN, ref)
    if secret is None:
        raise CardError(0x6A88, f"no PIN with reference {ref}")
    if apdu.p1 == 0xFF:
        no_data(apdu)
        os.session.forget(secret.holder, SecretKind.PIN, ref)
        return Reply()
    if not apdu.data:
        if os.session.is_proven(secret):
            return Reply()
        if secret.retries_left == 0:
            raise CardError(BLOCKED, "blocked")
        return Reply(sw=0x63C0 | secret.retries_left)
    secret = _secret(os, SecretKind.PIN, ref)
    _attempt(os, secret, lambda: hmac.compare_digest(apdu.data, secret.record.secret))
    return Reply()


def change_reference_data(os: CardOs, apdu: CommandApdu) -> Reply:
    """CHANGE REFERENCE DATA (§11.5.7), P1 00: data = current PIN || new PIN (4..16 bytes)."""
    ref = _reference(apdu)
    secret = _secret(os, SecretKind.PIN, ref)
    old_length = len(secret.record.secret)
    if len(apdu.data) <= old_length:
        raise CardError(0x6700, "data must be the current PIN followed by the new one")
    old, new = apdu.data[:old_length], apdu.data[old_length:]
    if len(new) not in PIN_LENGTHS:
        raise CardError(0x6A80, "a new PIN has 4 to 16 bytes")
    record = KeyRecord(SecretKind.PIN, ref, secret.record.retry_limit, new).to_bytes()
    if len(record) > secret.key_file.fcp.record_length:
        raise CardError(0x6A84, "the new PIN does not fit the key record")
    _attempt(os, secret, lambda: hmac.compare_digest(old, secret.record.secret))
    store_record(os, secret.key_file, secret.slot, record)
    os.session.prove(secret)
    return Reply()
