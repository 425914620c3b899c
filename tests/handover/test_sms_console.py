"""The development console/file gateway and the OTP SMS text."""

from __future__ import annotations

import io
from datetime import datetime

import pytest

from card_station.domain.handover import IST
from card_station.sms import (
    ENGLISH_OTP_TEXT,
    HINDI_OTP_TEXT,
    ConsoleGateway,
    OtpSmsTemplate,
    SmsError,
    SmsMessage,
    SmsNotSent,
)

MOBILE = "9876541234"
TEMPLATE_ID = "1107161234567890123"


def test_console_writes_the_message_with_the_mobile_masked():
    stream = io.StringIO()
    receipt = ConsoleGateway(stream, sender_id="ECHSHQ").send(SmsMessage(MOBILE, "OTP 042917", TEMPLATE_ID))
    assert stream.getvalue() == (
        "[DEVELOPMENT SMS, not sent] from ECHSHQ to XXXXXX1234 "
        "(DLT template 1107161234567890123): OTP 042917\n"
    )
    assert MOBILE not in stream.getvalue()
    assert receipt.gateway == "console"
    assert receipt.to == "XXXXXX1234"


def test_console_appends_to_a_file(tmp_path):
    path = tmp_path / "sms.txt"
    gateway = ConsoleGateway(path)
    gateway.send(SmsMessage(MOBILE, "first", TEMPLATE_ID))
    gateway.send(SmsMessage("6123450000", "second", TEMPLATE_ID))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [line.rsplit(": ", 1)[1] for line in lines] == ["first", "second"]
    assert "XXXXXX0000" in lines[1]


def test_console_file_that_cannot_be_written_is_not_sent(tmp_path):
    with pytest.raises(SmsNotSent, match="cannot write the development SMS file"):
        ConsoleGateway(tmp_path / "missing" / "sms.txt").send(SmsMessage(MOBILE, "x", TEMPLATE_ID))


def test_message_repr_hides_text_and_number():
    message = SmsMessage(MOBILE, "OTP 042917", TEMPLATE_ID)
    assert "042917" not in repr(message)
    assert MOBILE not in repr(message)


@pytest.mark.parametrize("mobile", ["12345", "5876541234", "98765412345", "98765 1234"])
def test_a_mobile_that_is_not_indian_is_refused(mobile):
    with pytest.raises(SmsError, match="not a 10-digit Indian mobile number"):
        SmsMessage(mobile, "x", TEMPLATE_ID)


def test_english_template_renders_otp_and_ist_date():
    text = OtpSmsTemplate(TEMPLATE_ID).render("042917", datetime(2026, 12, 22, 20, 0, tzinfo=IST))
    assert text == ENGLISH_OTP_TEXT.format(otp="042917", valid_until="22-12-2026")


def test_hindi_template_renders():
    text = OtpSmsTemplate(TEMPLATE_ID, HINDI_OTP_TEXT, "hi").render(
        "042917", datetime(2026, 12, 22, 20, 0, tzinfo=IST)
    )
    assert "042917" in text
    assert "22-12-2026" in text


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("OTP is {code}", "unknown field(s) code"),
        ("cards are ready", "must contain {otp}"),
        ("OTP {otp", "malformed"),
    ],
)
def test_bad_template_text_is_refused(text, problem):
    with pytest.raises(SmsError) as error:
        OtpSmsTemplate(TEMPLATE_ID, text)
    assert problem in str(error.value)


def test_template_id_must_be_digits():
    with pytest.raises(SmsError, match="template id must be digits"):
        OtpSmsTemplate("TPL-1")
