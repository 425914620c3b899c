"""Delivering the OTP by SMS: "SMS OTP sent" only when the gateway took it, else "OTP not sent" + reason."""

from __future__ import annotations

import io

import pytest

from card_station.handover import (
    DeliveryStatus,
    OtpError,
    check_otp,
    issue_otp,
    request_fallback_otp,
    send_otp_sms,
)
from card_station.sms import (
    ApiKeyAuth,
    ConsoleGateway,
    HttpGateway,
    HttpMethod,
    HttpSmsSettings,
    OtpSmsTemplate,
)
from tests.handover.conftest import FAMILY, ISSUED_AT
from tests.handover.sms_server import API_KEY, provider_server

TEMPLATE = OtpSmsTemplate("1107161234567890123")
MOBILE = "9876541234"


def test_sent_through_the_console_and_the_sms_otp_verifies(policy, secret):
    otp, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    stream = io.StringIO()
    delivery = send_otp_sms(ConsoleGateway(stream), TEMPLATE, MOBILE, otp, record)
    assert delivery.status is DeliveryStatus.SENT
    assert delivery.status_text == "SMS OTP sent"
    assert "by 23-12-2026" in stream.getvalue()
    typed = stream.getvalue().split("Give OTP ")[1][:6]
    result, _ = check_otp(record, typed, family_key=FAMILY, now=ISSUED_AT, secret=secret, policy=policy)
    assert result.accepted


def test_a_failed_gateway_leaves_otp_not_sent_with_the_reason(policy, secret):
    otp, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    with provider_server() as provider:
        provider.answers = [(400, '{"error": "DLT template not approved"}')]
        settings = HttpSmsSettings(
            url_template=provider.url + "/sms?to={mobile}&text={text}",
            sender_id="ECHSHQ",
            entity_id="1101161234567890123",
            method=HttpMethod.GET,
            auth=ApiKeyAuth("X-Api-Key", API_KEY),
        )
        delivery = send_otp_sms(HttpGateway(settings, sleep=lambda _: None), TEMPLATE, MOBILE, otp, record)
    assert delivery.status is DeliveryStatus.NOT_SENT
    assert delivery.receipt is None
    assert delivery.status_text.startswith("OTP not sent: the SMS provider refused the request (HTTP 400")
    assert "DLT template not approved" in delivery.status_text
    assert otp.digits not in delivery.status_text


def test_an_operator_request_otp_is_never_sent_by_sms(policy, secret):
    _, record = issue_otp(FAMILY, ISSUED_AT, policy, secret)
    fallback = request_fallback_otp(record, ISSUED_AT, policy, secret, operator="pc-delhi-clerk")
    with pytest.raises(OtpError, match="never sent by SMS"):
        send_otp_sms(ConsoleGateway(io.StringIO()), TEMPLATE, MOBILE, fallback.otp, fallback.record)
