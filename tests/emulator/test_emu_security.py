"""Access conditions, key and PIN authentication, retry counters, and the transport key replacement."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from emu_helpers import APP_AID, APP_FID, CARD_KEY, Host, app_df, ef, records

from apdu.auth import (
    external_cryptogram,
    internal_response,
    mutual_request,
    verify_mutual_response,
)
from apdu.command import CommandApdu
from apdu.emulator import DEV_TRANSPORT_KEY, key_record, pin_record
from apdu.fcp import ALWAYS, NEVER, Condition, Fcp, FileKind, Operation, key, pin

APP_KEY = bytes.fromhex("00112233445566778899aabbccddeeff")
PIN = b"1234"
TARGET = 0x4501


def _personalise_app(host: Host) -> None:
    """App DF with its own key EF: key 2 = APP_KEY, PIN 3 = 1234. Writes need MF key 1 (inherited)."""
    assert host.create(app_df()) == 0x9000
    key_file = records(0x0001, 36, 4, kind=FileKind.INTERNAL_LINEAR_FIXED)
    assert host.create(key_file) == 0x9000
    assert host.append_record(key_record(2, APP_KEY, retry_limit=3)) == 0x9000
    assert host.append_record(pin_record(3, PIN, retry_limit=3)) == 0x9000


@pytest.fixture
def app(keyed: Host) -> Host:
    _personalise_app(keyed)
    return keyed


def _enter_app(host: Host) -> None:
    host.transport.reset()
    assert host.sw(CommandApdu(0x00, 0xA4, 0x04, 0x0C, APP_AID)) == 0x9000


def _as_issuer(host: Host) -> None:
    host.transport.reset()
    assert host.external(1, CARD_KEY) == 0x9000
    assert host.select(APP_FID) == 0x9000


def _target_fcp(operation: Operation, condition: Condition) -> Fcp:
    if operation is Operation.CREATE:
        return Fcp(fid=TARGET, kind=FileKind.DF, access={Operation.CREATE: condition})
    if operation is Operation.APPEND:
        rules = {Operation.APPEND: condition}
        return Fcp(fid=TARGET, kind=FileKind.LINEAR_FIXED, record_length=4, record_count=2, access=rules)
    return ef(TARGET, 8, {operation: condition})


OPERATIONS: dict[Operation, Callable[[Host], int]] = {
    Operation.READ: lambda h: h.read_binary(0, 8).sw,
    Operation.UPDATE: lambda h: h.update_binary(0, b"x"),
    Operation.APPEND: lambda h: h.append_record(b"rec"),
    Operation.DELETE: lambda h: h.sw("00E40000"),
    Operation.CREATE: lambda h: h.create(ef(0x4600, 4)),
    Operation.ACTIVATE: lambda h: h.sw("00440000"),
    Operation.DEACTIVATE: lambda h: h.sw("00040000"),
}


def _prove(host: Host, condition: Condition) -> None:
    if condition == key(2):
        assert host.external(2, APP_KEY) == 0x9000
    elif condition == pin(3):
        assert host.sw(CommandApdu(0x00, 0x20, 0x00, 0x03, PIN)) == 0x9000
    else:
        assert host.external(2, APP_KEY) == 0x9000
        assert host.sw(CommandApdu(0x00, 0x20, 0x00, 0x03, PIN)) == 0x9000


@pytest.mark.parametrize("operation", list(OPERATIONS), ids=lambda op: op.name)
@pytest.mark.parametrize("condition", [ALWAYS, NEVER, key(2), pin(3)], ids=str)
def test_every_access_condition_is_enforced(app: Host, operation: Operation, condition: Condition) -> None:
    host = app
    _as_issuer(host)
    assert host.create(_target_fcp(operation, condition)) == 0x9000
    _enter_app(host)
    assert host.select(TARGET) == 0x9000
    before = OPERATIONS[operation](host)
    assert before == (0x9000 if condition == ALWAYS else 0x6982)
    if condition == ALWAYS:
        return
    _enter_app(host)
    _prove(host, condition)
    assert host.select(TARGET) == 0x9000
    after = OPERATIONS[operation](host)
    assert after == (0x6982 if condition == NEVER else 0x9000)


def test_unlisted_operations_are_never_allowed(app: Host) -> None:
    host = app
    _as_issuer(host)
    assert host.create(ef(TARGET, 4, {Operation.READ: ALWAYS})) == 0x9000
    assert host.update_binary(0, b"x") == 0x6982
    assert host.sw("00E40000") == 0x6982


def test_key_files_are_never_readable(app: Host) -> None:
    host = app
    _as_issuer(host)
    assert host.select(0x0001) == 0x9000
    assert host.read_record(1).sw == 0x6982


def test_wrong_cryptograms_count_down_and_block_for_good(app: Host) -> None:
    host = app
    _enter_app(host)
    wrong = bytes(16)
    for left in (2, 1, 0):
        assert host.external(2, wrong) == 0x63C0 | left
    assert host.external(2, APP_KEY) == 0x6983
    assert host.sw(CommandApdu(0x00, 0x88, 0x00, 0x02, bytes(8), ne=16)) == 0x6983
    host.transport.reset()
    _enter_app(host)
    assert host.external(2, APP_KEY) == 0x6983


def test_success_restores_the_retry_counter(app: Host) -> None:
    host = app
    _enter_app(host)
    assert host.external(2, bytes(16)) == 0x63C2
    assert host.external(2, APP_KEY) == 0x9000
    assert host.external(2, bytes(16)) == 0x63C2


def test_challenge_is_single_use_and_required(app: Host) -> None:
    host = app
    _enter_app(host)
    assert host.sw(CommandApdu(0x00, 0x82, 0x00, 0x02, bytes(16))) == 0x6985
    rnd = host.challenge()
    cryptogram = external_cryptogram(APP_KEY, rnd)
    assert host.sw(CommandApdu(0x00, 0x82, 0x00, 0x02, cryptogram)) == 0x9000
    assert host.sw(CommandApdu(0x00, 0x82, 0x00, 0x02, cryptogram)) == 0x6985
    rnd = host.challenge()
    assert host.select(APP_FID) == 0x9000  # any other command uses the challenge up
    assert host.sw(CommandApdu(0x00, 0x82, 0x00, 0x02, external_cryptogram(APP_KEY, rnd))) == 0x6985


def test_authentication_parameter_errors(app: Host) -> None:
    host = app
    _enter_app(host)
    assert host.sw(CommandApdu(0x00, 0x82, 0x00, 0x09, bytes(16))) == 0x6A88
    assert host.sw(CommandApdu(0x00, 0x82, 0x00, 0x00, bytes(16))) == 0x6A86
    assert host.sw(CommandApdu(0x00, 0x82, 0x01, 0x02, bytes(16))) == 0x6A86
    assert host.sw(CommandApdu(0x00, 0x82, 0x00, 0x02, bytes(15))) == 0x6700
    assert host.sw(CommandApdu(0x00, 0x84, 0x00, 0x00, ne=4)) == 0x6C08
    assert host.sw(CommandApdu(0x00, 0x84, 0x00, 0x01, ne=8)) == 0x6A86
    assert host.sw(CommandApdu(0x00, 0x88, 0x00, 0x02, bytes(7), ne=16)) == 0x6700
    assert host.sw(CommandApdu(0x00, 0x20, 0x00, 0x07, PIN)) == 0x6A88


def test_internal_and_mutual_authenticate(app: Host) -> None:
    host = app
    _enter_app(host)
    rnd_ifd = bytes.fromhex("0102030405060708")
    answer = host.ok(CommandApdu(0x00, 0x88, 0x00, 0x82, rnd_ifd, ne=16))
    assert answer == internal_response(APP_KEY, rnd_ifd)
    rnd_icc = host.challenge()
    data = mutual_request(APP_KEY, rnd_icc, rnd_ifd)
    response = host.ok(CommandApdu(0x00, 0x82, 0x00, 0x02, data, ne=16))
    assert verify_mutual_response(APP_KEY, rnd_icc, rnd_ifd, response)
    rnd_icc = host.challenge()
    assert (
        host.sw(CommandApdu(0x00, 0x82, 0x00, 0x02, mutual_request(CARD_KEY, rnd_icc, rnd_ifd), ne=16))
        == 0x63C2
    )


def test_reflected_internal_response_does_not_authenticate(app: Host) -> None:
    host = app
    _enter_app(host)
    rnd_icc = host.challenge()
    reflected = host.ok(CommandApdu(0x00, 0x88, 0x00, 0x02, rnd_icc, ne=16))
    host.challenge()
    assert host.sw(CommandApdu(0x00, 0x82, 0x00, 0x02, reflected)) == 0x63C2


def test_pin_verify_status_retries_block_and_reset(app: Host) -> None:
    host = app
    _enter_app(host)
    assert host.sw("00200003") == 0x63C3
    assert host.sw(CommandApdu(0x00, 0x20, 0x00, 0x03, b"0000")) == 0x63C2
    assert host.sw("00200003") == 0x63C2
    assert host.sw(CommandApdu(0x00, 0x20, 0x00, 0x03, PIN)) == 0x9000
    assert host.sw("00200003") == 0x9000
    assert host.sw("00200083") == 0x9000  # b8 set: the same PIN
    assert host.sw("0020FF03") == 0x9000
    assert host.sw("00200003") == 0x63C3
    for left in (2, 1, 0):
        assert host.sw(CommandApdu(0x00, 0x20, 0x00, 0x03, b"9999")) == 0x63C0 | left
    assert host.sw("00200003") == 0x6983
    assert host.sw(CommandApdu(0x00, 0x20, 0x00, 0x03, PIN)) == 0x6983
    # the issuer rewrites the PIN record: counter back to the limit
    _as_issuer(host)
    assert host.select(0x0001) == 0x9000
    assert host.update_record(2, pin_record(3, b"5678", retry_limit=5)) == 0x9000
    _enter_app(host)
    assert host.sw("00200003") == 0x63C5
    assert host.sw(CommandApdu(0x00, 0x20, 0x00, 0x03, b"5678")) == 0x9000


def test_change_reference_data(app: Host) -> None:
    host = app
    _enter_app(host)
    assert host.sw(CommandApdu(0x00, 0x24, 0x00, 0x03, b"0000" + b"4321")) == 0x63C2
    assert host.sw(CommandApdu(0x00, 0x24, 0x00, 0x03, PIN + b"12")) == 0x6A80
    assert host.sw(CommandApdu(0x00, 0x24, 0x00, 0x03, PIN)) == 0x6700
    assert host.sw(CommandApdu(0x00, 0x24, 0x00, 0x03, PIN + b"87654321")) == 0x9000
    assert host.sw("00200003") == 0x9000
    _enter_app(host)
    assert host.sw(CommandApdu(0x00, 0x20, 0x00, 0x03, PIN)) == 0x63C2
    assert host.sw(CommandApdu(0x00, 0x20, 0x00, 0x03, b"87654321")) == 0x9000


def test_key_record_validation(app: Host) -> None:
    host = app
    _as_issuer(host)
    assert host.select(0x0001) == 0x9000
    assert host.append_record(bytes.fromhex("01020310") + bytes(15)) == 0x6A80  # says 16 bytes, holds 15
    assert host.append_record(bytes.fromhex("030203") + b"\x10" + bytes(16)) == 0x6A80  # unknown kind
    assert host.append_record(key_record(2, bytes(16))) == 0x6A80  # key 2 already installed
    assert host.append_record(pin_record(2, b"0000")) == 0x9000  # PIN 2 is another reference


def test_proofs_follow_the_df_branch(app: Host) -> None:
    host = app
    _as_issuer(host)
    assert host.create(ef(TARGET, 4, {Operation.READ: key(2)})) == 0x9000
    host.select_mf()
    assert host.create(Fcp(fid=0x4200, kind=FileKind.DF, access={Operation.CREATE: ALWAYS})) == 0x9000
    _enter_app(host)
    assert host.external(2, APP_KEY) == 0x9000
    assert host.select(TARGET) == 0x9000
    assert host.read_binary(0, 4).sw == 0x9000
    assert host.select(0x4200) == 0x9000  # a sibling branch: the app's proof is dropped
    assert host.select(APP_FID) == 0x9000
    assert host.select(TARGET) == 0x9000
    assert host.read_binary(0, 4).sw == 0x6982
    # a proof made in the MF holds in every DF below it
    host.transport.reset()
    assert host.external(1, CARD_KEY) == 0x9000
    assert host.select(0x4200) == 0x9000
    assert host.select(APP_FID) == 0x9000
    assert host.create(ef(0x4502, 4)) == 0x9000


def test_transport_key_replacement(host: Host) -> None:
    host.select_mf()
    assert host.create(ef(0x5000, 4)) == 0x6982  # a blank card needs the transport key
    host.install_card_key()
    assert host.create(ef(0x5000, 4)) == 0x9000
    host.transport.reset()
    assert host.external(1, DEV_TRANSPORT_KEY) == 0x63C2
    assert host.external(1, CARD_KEY) == 0x9000


def test_writing_a_key_record_forgets_its_proof(host: Host) -> None:
    host.select_mf()
    assert host.external(1, DEV_TRANSPORT_KEY) == 0x9000
    assert host.select(0x0001, p1=0x02) == 0x9000
    assert host.update_record(1, key_record(1, CARD_KEY)) == 0x9000
    host.select_mf()
    assert host.create(ef(0x5000, 4)) == 0x6982
    assert host.external(1, CARD_KEY) == 0x9000
    assert host.create(ef(0x5000, 4)) == 0x9000
