"""Issue and check of the handover OTP (seed 000 §2; issue 6 "OTP")."""

from __future__ import annotations

import ast
import inspect
import logging
import re
from dataclasses import fields, replace
from datetime import timedelta

import pytest

from card_station.handover import (
    OtpChannel,
    OtpError,
    OtpOutcome,
    OtpPolicy,
    OtpPolicyError,
    OtpSecret,
    OtpSecretError,
    OtpState,
    PlainOtp,
    check_otp,
    issue_otp,
)
from card_station.handover import otp as otp_module
from tests.handover.conftest import FAMILY, ISSUED_AT, OTHER_FAMILY


def _wrong(digits: str) -> str:
    return f"{(int(digits) + 1) % 10**6:06d}"


def test_otp_is_six_digits_and_leading_zeros_occur(policy, secret):
    drawn = [issue_otp(FAMILY, ISSUED_AT, policy, secret)[0].digits for _ in range(400)]
    assert all(re.fullmatch(r"[0-9]{6}", digits) for digits in drawn)
    # 400 draws: a missing first digit has probability 10 * 0.9**400, about 5e-18.
    assert {digits[0] for digits in drawn} == set("0123456789")
    assert len(set(drawn)) > 390


def test_an_otp_with_a_leading_zero_verifies(policy, secret):
    otp, record = next(
        (otp, record)
        for otp, record in (issue_otp(FAMILY, ISSUED_AT, policy, secret) for _ in range(1000))
        if otp.digits.startswith("0")
    )
    result, _ = check_otp(record, otp.digits, family_key=FAMILY, now=ISSUED_AT, secret=secret, policy=policy)
    assert result.accepted


def test_the_record_holds_no_digits_of_the_otp(policy, secret):
    otp, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    for item in fields(record):
        value = getattr(record, item.name)
        text = value.hex() if isinstance(value, bytes) else str(value)
        assert otp.digits not in text, item.name
    assert otp.digits.encode() not in record.mac
    assert otp.digits not in repr(record)
    assert len(record.mac) == 32


def test_the_plaintext_wrapper_hides_its_digits(policy, secret):
    otp, _ = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    assert otp.digits not in repr(otp)
    assert otp.digits not in str(otp)
    assert otp.digits not in f"{otp}"


def test_the_secret_never_shows(secret):
    assert "redacted" in repr(secret)
    assert bytes(range(32)).hex() not in repr(secret)
    with pytest.raises(OtpSecretError, match="at least 32 bytes"):
        OtpSecret(b"short")


def test_otp_digits_reach_no_log_record(policy, secret, caplog):
    caplog.set_level(logging.DEBUG)
    otp, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    logging.getLogger("test").info("issued %r, record %r, otp %s", otp, record, otp)
    check_otp(record, _wrong(otp.digits), family_key=FAMILY, now=ISSUED_AT, secret=secret, policy=policy)
    check_otp(record, otp.digits, family_key=FAMILY, now=ISSUED_AT, secret=secret, policy=policy)
    assert caplog.records
    assert all(otp.digits not in record.getMessage() for record in caplog.records)


def test_validity_is_the_collection_window_in_ist(policy, secret):
    _, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    assert record.expires_at - record.issued_at == timedelta(days=policy.rules.collection_window_days)
    assert record.channel is OtpChannel.SMS
    assert record.state_at(ISSUED_AT) is OtpState.ACTIVE


def test_right_otp_is_accepted_once_and_replay_fails(policy, secret):
    otp, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    later = ISSUED_AT + timedelta(days=3)
    result, used = check_otp(record, otp.digits, family_key=FAMILY, now=later, secret=secret, policy=policy)
    assert result.outcome is OtpOutcome.ACCEPTED
    assert used.used_at == later
    replay, after = check_otp(used, otp.digits, family_key=FAMILY, now=later, secret=secret, policy=policy)
    assert replay.outcome is OtpOutcome.ALREADY_USED
    assert replay.message == "already used on 2026-11-26 10:00 IST"
    assert after == used


def test_surrounding_spaces_are_ignored(policy, secret):
    otp, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    result, _ = check_otp(
        record, f" {otp.digits}\n", family_key=FAMILY, now=ISSUED_AT, secret=secret, policy=policy
    )
    assert result.accepted


def test_wrong_otp_counts_down_and_five_lock(policy, secret):
    otp, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    messages = []
    for _ in range(5):
        result, record = check_otp(
            record, _wrong(otp.digits), family_key=FAMILY, now=ISSUED_AT, secret=secret, policy=policy
        )
        messages.append(result.message)
    assert messages == [
        "wrong OTP: 4 attempts left",
        "wrong OTP: 3 attempts left",
        "wrong OTP: 2 attempts left",
        "wrong OTP: 1 attempt left",
        "locked after 5 wrong attempts: a verifier must issue a new OTP",
    ]
    assert result.outcome is OtpOutcome.LOCKED
    assert record.locked_at == ISSUED_AT
    assert record.attempts == 5
    right, still = check_otp(
        record, otp.digits, family_key=FAMILY, now=ISSUED_AT, secret=secret, policy=policy
    )
    assert right.outcome is OtpOutcome.LOCKED
    assert still.used_at is None


def test_malformed_entry_is_refused_without_counting(policy, secret):
    _, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    for typed in ("12345", "1234567", "12a456", "١٢٣٤٥٦", ""):
        result, after = check_otp(
            record, typed, family_key=FAMILY, now=ISSUED_AT, secret=secret, policy=policy
        )
        assert result.outcome is OtpOutcome.MALFORMED
        assert "6 digits" in result.message
        assert after.attempts == 0


def test_expired_otp_fails_with_its_date(policy, secret):
    otp, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    result, after = check_otp(
        record, otp.digits, family_key=FAMILY, now=record.expires_at, secret=secret, policy=policy
    )
    assert result.outcome is OtpOutcome.EXPIRED
    assert result.message.startswith("expired on 2026-12-23 10:00 IST")
    assert after == record
    just_before = record.expires_at - timedelta(seconds=1)
    accepted, _ = check_otp(
        record, otp.digits, family_key=FAMILY, now=just_before, secret=secret, policy=policy
    )
    assert accepted.accepted


def test_a_record_of_another_family_fails(policy, secret):
    otp, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    result, after = check_otp(
        record, otp.digits, family_key=OTHER_FAMILY, now=ISSUED_AT, secret=secret, policy=policy
    )
    assert result.outcome is OtpOutcome.OTHER_FAMILY
    assert result.message == "this OTP belongs to another family"
    assert after == record


def test_another_familys_otp_is_wrong_for_this_family(policy, secret):
    theirs, _ = issue_otp(OTHER_FAMILY, ISSUED_AT, policy, secret)
    ours, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    if theirs.digits == ours.digits:
        pytest.skip("both families drew the same six digits (probability 1e-6)")
    result, after = check_otp(
        record, theirs.digits, family_key=FAMILY, now=ISSUED_AT, secret=secret, policy=policy
    )
    assert result.outcome is OtpOutcome.WRONG
    assert after.attempts == 1


def test_the_mac_binds_family_and_record_id(policy, secret):
    otp, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    moved = replace(record, family_key=OTHER_FAMILY)
    result, _ = check_otp(
        moved, otp.digits, family_key=OTHER_FAMILY, now=ISSUED_AT, secret=secret, policy=policy
    )
    assert result.outcome is OtpOutcome.WRONG
    renumbered = replace(record, id="0" * 32)
    result, _ = check_otp(
        renumbered, otp.digits, family_key=FAMILY, now=ISSUED_AT, secret=secret, policy=policy
    )
    assert result.outcome is OtpOutcome.WRONG


def test_another_station_secret_fails(policy, secret):
    otp, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    other = OtpSecret(bytes(32))
    result, _ = check_otp(record, otp.digits, family_key=FAMILY, now=ISSUED_AT, secret=other, policy=policy)
    assert result.outcome is OtpOutcome.WRONG


def test_comparison_is_constant_time():
    tree = ast.parse(inspect.getsource(otp_module.check_otp))
    calls = {ast.unparse(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
    assert "hmac.compare_digest" in calls
    compares = [node for node in ast.walk(tree) if isinstance(node, ast.Compare)]
    assert not any("mac" in ast.unparse(node) for node in compares)


def test_naive_clock_is_refused(policy, secret):
    _, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    with pytest.raises(OtpError, match="no time zone"):
        check_otp(
            record,
            "123456",
            family_key=FAMILY,
            now=ISSUED_AT.replace(tzinfo=None),
            secret=secret,
            policy=policy,
        )


def test_an_empty_family_key_is_refused(policy, secret):
    with pytest.raises(OtpError, match="family key is empty"):
        issue_otp("", ISSUED_AT, policy, secret)


def test_a_policy_with_no_attempts_is_refused(policy):
    with pytest.raises(OtpPolicyError, match="max_attempts"):
        OtpPolicy(policy.rules, max_attempts=0)


def test_a_custom_attempt_limit_applies(policy, secret):
    strict = OtpPolicy(policy.rules, max_attempts=2)
    otp, record = issue_otp(FAMILY, ISSUED_AT, strict, secret)
    first, record = check_otp(
        record, _wrong(otp.digits), family_key=FAMILY, now=ISSUED_AT, secret=secret, policy=strict
    )
    assert first.message == "wrong OTP: 1 attempt left"
    second, record = check_otp(
        record, _wrong(otp.digits), family_key=FAMILY, now=ISSUED_AT, secret=secret, policy=strict
    )
    assert second.message == "locked after 2 wrong attempts: a verifier must issue a new OTP"


def test_plain_otp_refuses_non_digits():
    with pytest.raises(ValueError, match="exactly 6 digits"):
        PlainOtp("12345")
