"""Property: an issued OTP verifies for its family at any instant within the window, and for no other."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from card_station.handover import OtpOutcome, check_otp, issue_otp
from tests.handover.conftest import ISSUED_AT

families = st.text(min_size=1, max_size=40)
offsets = st.integers(min_value=0, max_value=30 * 24 * 3600 - 1).map(lambda s: timedelta(seconds=s))


@settings(max_examples=150, deadline=None)
@given(family=families, other=families, offset=offsets)
def test_issued_otp_verifies_for_its_family_only(policy, secret, family, other, offset):
    otp, record = issue_otp(family, ISSUED_AT, policy, secret)
    now = ISSUED_AT + offset
    ours, _ = check_otp(record, otp.digits, family_key=family, now=now, secret=secret, policy=policy)
    assert ours.accepted
    if other != family:
        theirs, _ = check_otp(record, otp.digits, family_key=other, now=now, secret=secret, policy=policy)
        assert theirs.outcome is OtpOutcome.OTHER_FAMILY
        their_otp, their_record = issue_otp(other, ISSUED_AT, policy, secret)
        if their_otp.digits != otp.digits:
            crossed, _ = check_otp(
                their_record, otp.digits, family_key=other, now=now, secret=secret, policy=policy
            )
            assert crossed.outcome is OtpOutcome.WRONG
