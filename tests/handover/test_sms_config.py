"""The [sms] settings: TOML file plus credentials from the environment."""

from __future__ import annotations

import io

import pytest

from card_station.sms import (
    ApiKeyAuth,
    BasicAuth,
    ConsoleGateway,
    GatewayKind,
    HttpGateway,
    HttpMethod,
    SmsConfigError,
    SmsMessage,
    build_gateway,
    load_sms_config,
)
from card_station.sms.config import DEVELOPMENT_CONFIG

HTTP_SETTINGS = """
[sms]
gateway = "http"
template_id = "1107161234567890123"

[sms.http]
url = "https://sms.provider.example/v1/send"
method = "POST"
sender_id = "ECHSHQ"
entity_id = "1101161234567890123"
body = { to = "91{mobile}", message = "{text}", template_id = "{template_id}" }
auth = "header"
api_key_header = "Authorization"
api_key_prefix = "Bearer "
max_attempts = 4
backoff_s = 2
success_field = "status"
success_values = ["success", "queued"]
"""


def _write(tmp_path, text):
    path = tmp_path / "station.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_http_settings_load_with_the_key_from_the_environment(tmp_path):
    config = load_sms_config(_write(tmp_path, HTTP_SETTINGS), {"CARD_STATION_SMS_API_KEY": "k-123"})
    assert config.gateway is GatewayKind.HTTP
    assert config.template.template_id == "1107161234567890123"
    http = config.http
    assert http is not None
    assert http.method is HttpMethod.POST
    assert http.auth == ApiKeyAuth("Authorization", "k-123", "Bearer ")
    assert http.max_attempts == 4
    assert http.backoff_s == 2.0
    assert http.success_values == ("success", "queued")
    assert dict(http.body_template) == {
        "to": "91{mobile}",
        "message": "{text}",
        "template_id": "{template_id}",
    }
    assert "k-123" not in repr(config)
    assert isinstance(build_gateway(config), HttpGateway)


def test_basic_auth_from_named_variables(tmp_path):
    text = HTTP_SETTINGS.replace('auth = "header"', 'auth = "basic"\nusername_env = "U"\npassword_env = "P"')
    config = load_sms_config(_write(tmp_path, text), {"U": "station", "P": "pw-1"})
    assert config.http is not None
    assert config.http.auth == BasicAuth("station", "pw-1")
    assert "pw-1" not in repr(config)


def test_a_missing_credential_names_its_variable(tmp_path):
    with pytest.raises(SmsConfigError, match="environment variable CARD_STATION_SMS_API_KEY"):
        load_sms_config(_write(tmp_path, HTTP_SETTINGS), {})


def test_no_sms_section_is_the_development_console(tmp_path):
    config = load_sms_config(_write(tmp_path, "[other]\nx = 1\n"), {})
    assert config == DEVELOPMENT_CONFIG
    assert isinstance(build_gateway(config), ConsoleGateway)


def test_console_path_is_relative_to_the_settings_file(tmp_path):
    text = '[sms]\ngateway = "console"\n[sms.console]\npath = "out/sms.txt"\n'
    config = load_sms_config(_write(tmp_path, text), {})
    assert config.console_path == tmp_path / "out" / "sms.txt"
    (tmp_path / "out").mkdir()
    build_gateway(config).send(SmsMessage("9876541234", "hello", config.template.template_id))
    assert "hello" in (tmp_path / "out" / "sms.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[sms]\ngateway = "pigeon"\n', "sms.gateway must be 'console' or 'http'"),
        ('[sms]\ngateway = "http"\n', "needs an [sms.http] section"),
        ("[sms]\ngatway = 'http'\n", "unknown key(s) gatway"),
        (
            HTTP_SETTINGS.replace("max_attempts = 4", 'max_attempts = "4"'),
            "max_attempts must be a whole number",
        ),
        (HTTP_SETTINGS.replace('method = "POST"', 'method = "PUT"'), "method must be GET or POST"),
        (
            HTTP_SETTINGS.replace('auth = "header"', 'auth = "oauth"'),
            "auth must be 'header', 'basic' or 'none'",
        ),
        (HTTP_SETTINGS.replace('sender_id = "ECHSHQ"\n', ""), "sms.http.sender_id is required"),
        ("[sms\n", "not valid UTF-8 TOML"),
    ],
)
def test_bad_settings_name_the_key(tmp_path, text, problem):
    path = _write(tmp_path, text)
    with pytest.raises(SmsConfigError) as error:
        load_sms_config(path, {"CARD_STATION_SMS_API_KEY": "k"})
    assert problem in str(error.value)
    assert str(path) in str(error.value)


def test_an_unreadable_file_is_named(tmp_path):
    with pytest.raises(SmsConfigError, match="cannot be read"):
        load_sms_config(tmp_path / "absent.toml", {})


def test_console_gateway_writes_to_a_stream_by_default(capsys):
    build_gateway(DEVELOPMENT_CONFIG).send(SmsMessage("9876541234", "hello", "1000000000000000000"))
    assert "[DEVELOPMENT SMS, not sent]" in capsys.readouterr().out
    assert isinstance(ConsoleGateway(io.StringIO()), ConsoleGateway)
