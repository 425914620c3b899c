"""The HTTP SMS gateway against a real local HTTP server: success, retry, refusal, timeout, no server."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator

import pytest

from card_station.sms import (
    ApiKeyAuth,
    BasicAuth,
    HttpGateway,
    HttpMethod,
    HttpSmsSettings,
    SmsError,
    SmsMessage,
    SmsNotSent,
)
from tests.handover.sms_server import API_KEY, HANG, PASSWORD, USERNAME, Provider, provider_server

MOBILE = "9876541234"
TEMPLATE_ID = "1107161234567890123"
ENTITY_ID = "1101161234567890123"
TEXT = "ECHS: your ECHS cards are ready for collection. Give OTP 042917 to the card issuing authority."


@pytest.fixture
def provider() -> Iterator[Provider]:
    with provider_server() as server:
        yield server


def _settings(url: str, **overrides) -> HttpSmsSettings:
    values = {
        "url_template": url + "/v1/sms",
        "sender_id": "ECHSHQ",
        "entity_id": ENTITY_ID,
        "body_template": (
            ("to", "91{mobile}"),
            ("message", "{text}"),
            ("sender", "{sender_id}"),
            ("template_id", "{template_id}"),
            ("pe_id", "{entity_id}"),
        ),
        "auth": ApiKeyAuth("X-Api-Key", API_KEY),
        "read_timeout_s": 2.0,
        "max_attempts": 3,
        "backoff_s": 0.5,
        "success_field": "status",
        "success_values": ("success",),
        "reference_field": "data.message_id",
    }
    values.update(overrides)
    return HttpSmsSettings(**values)


def _message() -> SmsMessage:
    return SmsMessage(MOBILE, TEXT, TEMPLATE_ID)


def test_success_posts_the_dlt_fields_and_returns_the_reference(provider):
    provider.answers = [(200, '{"status": "success", "data": {"message_id": "m-881"}}')]
    slept: list[float] = []
    receipt = HttpGateway(_settings(provider.url), sleep=slept.append).send(_message())
    assert receipt.gateway == "http"
    assert receipt.to == "XXXXXX1234"
    assert receipt.attempts == 1
    assert receipt.provider_reference == "m-881"
    assert slept == []
    (seen,) = provider.seen
    assert seen.method == "POST"
    assert seen.path == "/v1/sms"
    assert seen.body == {
        "to": "91" + MOBILE,
        "message": TEXT,
        "sender": "ECHSHQ",
        "template_id": TEMPLATE_ID,
        "pe_id": ENTITY_ID,
    }


def test_get_puts_the_fields_in_the_query_percent_encoded(provider):
    provider.answers = [(200, "accepted")]
    settings = _settings(
        provider.url,
        url_template=provider.url + "/send?to={mobile}&msg={text}&header={sender_id}&tid={template_id}",
        method=HttpMethod.GET,
        body_template=(),
        success_field=None,
        success_values=(),
        reference_field=None,
    )
    HttpGateway(settings, sleep=lambda _: None).send(_message())
    (seen,) = provider.seen
    assert seen.method == "GET"
    assert seen.query == {"to": [MOBILE], "msg": [TEXT], "header": ["ECHSHQ"], "tid": [TEMPLATE_ID]}


def test_500_then_success_retries_with_backoff(provider):
    provider.answers = [(500, "down"), (503, "busy"), (200, '{"status": "success"}')]
    slept: list[float] = []
    receipt = HttpGateway(_settings(provider.url), sleep=slept.append).send(_message())
    assert receipt.attempts == 3
    assert slept == [0.5, 1.0]
    assert len(provider.seen) == 3


def test_5xx_on_every_attempt_is_not_sent(provider):
    provider.answers = [(502, "bad gateway")] * 3
    slept: list[float] = []
    with pytest.raises(SmsNotSent) as failure:
        HttpGateway(_settings(provider.url), sleep=slept.append).send(_message())
    assert failure.value.attempts == 3
    assert "HTTP 502" in failure.value.reason
    assert "on all 3 attempts" in failure.value.reason
    assert slept == [0.5, 1.0]


def test_400_is_not_retried_and_says_why(provider):
    provider.answers = [(400, '{"status": "error", "message": "template mismatch"}'), (200, "{}")]
    slept: list[float] = []
    with pytest.raises(SmsNotSent) as failure:
        HttpGateway(_settings(provider.url), sleep=slept.append).send(_message())
    assert len(provider.seen) == 1
    assert slept == []
    assert failure.value.attempts == 1
    assert "HTTP 400" in failure.value.reason
    assert "template mismatch" in failure.value.reason
    assert "DLT template" in failure.value.reason
    assert str(failure.value).startswith("SMS not sent: ")


def test_wrong_api_key_is_a_credentials_refusal(provider):
    settings = _settings(provider.url, auth=ApiKeyAuth("X-Api-Key", "wrong-key"))
    with pytest.raises(SmsNotSent) as failure:
        HttpGateway(settings, sleep=lambda _: None).send(_message())
    assert "refused the credentials (HTTP 401" in failure.value.reason
    assert len(provider.seen) == 1
    assert "wrong-key" not in failure.value.reason


def test_basic_auth_right_and_wrong(provider):
    provider.auth = "basic"
    provider.answers = [(200, '{"status": "success"}')]
    right = _settings(provider.url, auth=BasicAuth(USERNAME, PASSWORD))
    assert HttpGateway(right, sleep=lambda _: None).send(_message()).attempts == 1
    wrong = _settings(provider.url, auth=BasicAuth(USERNAME, "guess"))
    with pytest.raises(SmsNotSent, match="refused the credentials"):
        HttpGateway(wrong, sleep=lambda _: None).send(_message())


def test_2xx_without_the_success_value_is_not_sent(provider):
    provider.answers = [(200, '{"status": "failed", "reason": "DND"}')]
    with pytest.raises(SmsNotSent) as failure:
        HttpGateway(_settings(provider.url), sleep=lambda _: None).send(_message())
    assert "status is 'failed', not success" in failure.value.reason
    assert len(provider.seen) == 1


def test_2xx_that_is_not_json_is_not_sent(provider):
    provider.answers = [(200, "OK")]
    with pytest.raises(SmsNotSent, match="not with JSON"):
        HttpGateway(_settings(provider.url), sleep=lambda _: None).send(_message())


def test_timeout_is_retried_then_not_sent(provider):
    provider.answers = [HANG, HANG]
    settings = _settings(provider.url, read_timeout_s=0.2, max_attempts=2)
    slept: list[float] = []
    with pytest.raises(SmsNotSent) as failure:
        HttpGateway(settings, sleep=slept.append).send(_message())
    assert "no answer from http://127.0.0.1" in failure.value.reason
    assert "on all 2 attempts" in failure.value.reason
    assert len(provider.seen) == 2
    assert slept == [0.5]


def test_timeout_then_success(provider):
    provider.answers = [HANG, (200, '{"status": "success"}')]
    settings = _settings(provider.url, read_timeout_s=0.2)
    assert HttpGateway(settings, sleep=lambda _: None).send(_message()).attempts == 2


def test_connection_refused_is_retried_then_not_sent():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    slept: list[float] = []
    with pytest.raises(SmsNotSent) as failure:
        HttpGateway(_settings(f"http://127.0.0.1:{port}"), sleep=slept.append).send(_message())
    assert f"cannot reach http://127.0.0.1:{port}" in failure.value.reason
    assert failure.value.attempts == 3
    assert slept == [0.5, 1.0]


def test_no_otp_or_credential_in_logs_or_reprs(provider, caplog):
    caplog.set_level(logging.DEBUG)
    provider.answers = [(500, f"echo {TEXT}"), (200, '{"status": "success"}')]
    get = _settings(
        provider.url,
        url_template=provider.url + "/send?to={mobile}&msg={text}",
        method=HttpMethod.GET,
        body_template=(),
        success_field=None,
        success_values=(),
        reference_field=None,
    )
    gateway = HttpGateway(get, sleep=lambda _: None)
    gateway.send(_message())
    provider.answers = [(400, f"bad message {TEXT} for {MOBILE}")]
    with pytest.raises(SmsNotSent) as failure:
        HttpGateway(_settings(provider.url), sleep=lambda _: None).send(_message())
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "HTTP Request" in logged
    shown = [logged, failure.value.reason, repr(gateway), repr(get), repr(_message())]
    for text in shown:
        assert "042917" not in text
        assert API_KEY not in text
        assert MOBILE not in text


@pytest.mark.parametrize(
    ("overrides", "problem"),
    [
        ({"url_template": "ftp://host/x"}, "must start with https://"),
        ({"url_template": "http://h/{mobile}/{otp}"}, "unknown field(s) otp"),
        ({"body_template": (("to", "{mobile}"),)}, "must use {text}"),
        ({"sender_id": "ECHS1"}, "6-letter header"),
        ({"entity_id": "PE-1"}, "principal entity id must be digits"),
        ({"max_attempts": 0}, "max_attempts must be 1 to 10"),
        ({"read_timeout_s": 0}, "timeouts must be more than 0"),
        ({"success_values": ()}, "success_values is empty"),
        ({"method": HttpMethod.GET}, "a GET request has no body"),
    ],
)
def test_bad_settings_are_named(overrides, problem):
    with pytest.raises(SmsError) as error:
        _settings("http://127.0.0.1:9", **overrides)
    assert problem in str(error.value)
