"""The [sms] section of the station's TOML settings, with credentials from the environment.

Why credentials only from the environment: a settings file is copied, backed up and attached to support
tickets; an API key or password in it leaks with it. The file names the variables (`api_key_env`,
`username_env`, `password_env`) and the station reads them at start-up. Why the console gateway is the
default when there is no [sms] section: a fresh or demo installation works end to end, and every SMS it
"sends" says it is a development SMS (console.py). Every key is checked: an unknown or mistyped key is an
error naming the key, never silently ignored. The layout is in docs/sms.md.
"""

from __future__ import annotations

import os
import time
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from card_station.sms.console import ConsoleGateway
from card_station.sms.http_gateway import HttpGateway
from card_station.sms.http_settings import ApiKeyAuth, BasicAuth, HttpMethod, HttpSmsSettings
from card_station.sms.message import SmsError, SmsGateway
from card_station.sms.template import ENGLISH_OTP_TEXT, OtpSmsTemplate

DEVELOPMENT_TEMPLATE_ID = "1000000000000000000"
API_KEY_ENV = "CARD_STATION_SMS_API_KEY"
USERNAME_ENV = "CARD_STATION_SMS_USERNAME"
PASSWORD_ENV = "CARD_STATION_SMS_PASSWORD"  # noqa: S105 - the variable's name, not a secret

_SMS_KEYS = frozenset({"gateway", "template_id", "template_text", "language", "console", "http"})
_CONSOLE_KEYS = frozenset({"path"})
_HTTP_KEYS = frozenset(
    {
        "url",
        "method",
        "sender_id",
        "entity_id",
        "body",
        "auth",
        "api_key_header",
        "api_key_prefix",
        "api_key_env",
        "username_env",
        "password_env",
        "connect_timeout_s",
        "read_timeout_s",
        "max_attempts",
        "backoff_s",
        "success_field",
        "success_values",
        "reference_field",
    }
)


class SmsConfigError(SmsError):
    """The [sms] settings are wrong; names the place and what to change."""


class GatewayKind(Enum):
    CONSOLE = "console"
    HTTP = "http"


@dataclass(frozen=True)
class SmsConfig:
    """Which gateway, the OTP text with its DLT template id, and that gateway's settings."""

    gateway: GatewayKind
    template: OtpSmsTemplate
    console_path: Path | None = None
    http: HttpSmsSettings | None = None

    def __post_init__(self) -> None:
        if self.gateway is GatewayKind.HTTP and self.http is None:
            raise SmsConfigError("gateway = 'http' needs an [sms.http] section")


DEVELOPMENT_CONFIG = SmsConfig(GatewayKind.CONSOLE, OtpSmsTemplate(DEVELOPMENT_TEMPLATE_ID))


class _Section:
    """Typed reads from one TOML table, each failure naming `where.key`."""

    def __init__(self, raw: Any, where: str, known: frozenset[str]) -> None:
        if not isinstance(raw, dict):
            raise SmsConfigError(f"[{where}] must be a table")
        unknown = sorted(set(raw) - known)
        if unknown:
            raise SmsConfigError(f"[{where}] has unknown key(s) {', '.join(unknown)}; check the spelling")
        self.raw: dict[str, Any] = raw
        self.where = where

    def text(self, key: str, default: str | None = None) -> str | None:
        value = self.raw.get(key, default)
        if value is not None and (not isinstance(value, str) or not value):
            raise SmsConfigError(f"{self.where}.{key} must be non-empty text, got {value!r}")
        return value

    def required(self, key: str) -> str:
        value = self.text(key)
        if value is None:
            raise SmsConfigError(f"{self.where}.{key} is required")
        return value

    def number(self, key: str, default: float) -> float:
        value = self.raw.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise SmsConfigError(f"{self.where}.{key} must be a number, got {value!r}")
        return float(value)

    def whole(self, key: str, default: int) -> int:
        value = self.raw.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise SmsConfigError(f"{self.where}.{key} must be a whole number, got {value!r}")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise SmsConfigError(f"{self.where}.{key} must be a list of text, got {value!r}")
        return tuple(value)

    def table(self, key: str) -> tuple[tuple[str, str], ...]:
        value = self.raw.get(key, {})
        if not isinstance(value, dict) or not all(isinstance(item, str) for item in value.values()):
            raise SmsConfigError(f"{self.where}.{key} must be a table of text fields, got {value!r}")
        return tuple(value.items())


def _secret(environ: Mapping[str, str], variable: str, what: str) -> str:
    value = environ.get(variable, "")
    if not value:
        raise SmsConfigError(f"the SMS {what} is not set: put it in the environment variable {variable}")
    return value


def _auth(section: _Section, environ: Mapping[str, str]) -> ApiKeyAuth | BasicAuth | None:
    kind = section.text("auth", "none")
    if kind == "none":
        return None
    if kind == "header":
        variable = section.text("api_key_env", API_KEY_ENV) or API_KEY_ENV
        prefix = section.raw.get("api_key_prefix", "")
        if not isinstance(prefix, str):
            raise SmsConfigError(
                f"{section.where}.api_key_prefix must be text such as 'Bearer ', got {prefix!r}"
            )
        return ApiKeyAuth(
            section.text("api_key_header", "Authorization") or "Authorization",
            _secret(environ, variable, "API key"),
            prefix,
        )
    if kind == "basic":
        username = _secret(environ, section.text("username_env", USERNAME_ENV) or USERNAME_ENV, "username")
        password = _secret(environ, section.text("password_env", PASSWORD_ENV) or PASSWORD_ENV, "password")
        return BasicAuth(username, password)
    raise SmsConfigError(f"{section.where}.auth must be 'header', 'basic' or 'none', got {kind!r}")


def _http(raw: Any, environ: Mapping[str, str]) -> HttpSmsSettings:
    section = _Section(raw, "sms.http", _HTTP_KEYS)
    method = section.text("method", "POST") or "POST"
    try:
        http_method = HttpMethod(method.upper())
    except ValueError:
        raise SmsConfigError(f"sms.http.method must be GET or POST, got {method!r}") from None
    return HttpSmsSettings(
        url_template=section.required("url"),
        sender_id=section.required("sender_id"),
        entity_id=section.required("entity_id"),
        method=http_method,
        body_template=section.table("body"),
        auth=_auth(section, environ),
        connect_timeout_s=section.number("connect_timeout_s", 5.0),
        read_timeout_s=section.number("read_timeout_s", 10.0),
        max_attempts=section.whole("max_attempts", 3),
        backoff_s=section.number("backoff_s", 1.0),
        success_field=section.text("success_field"),
        success_values=section.texts("success_values"),
        reference_field=section.text("reference_field"),
    )


def sms_config(raw: Any, environ: Mapping[str, str], base: Path) -> SmsConfig:
    """The SmsConfig of a parsed [sms] table; a relative console path is taken from `base`."""
    section = _Section(raw, "sms", _SMS_KEYS)
    kind_text = section.text("gateway", GatewayKind.CONSOLE.value)
    try:
        kind = GatewayKind(kind_text)
    except ValueError:
        raise SmsConfigError(f"sms.gateway must be 'console' or 'http', got {kind_text!r}") from None
    template = OtpSmsTemplate(
        template_id=section.text("template_id", DEVELOPMENT_TEMPLATE_ID) or DEVELOPMENT_TEMPLATE_ID,
        text=section.text("template_text", ENGLISH_OTP_TEXT) or ENGLISH_OTP_TEXT,
        language=section.text("language", "en") or "en",
    )
    console_path = None
    if "console" in section.raw:
        path_text = _Section(section.raw["console"], "sms.console", _CONSOLE_KEYS).text("path")
        console_path = None if path_text is None else base / Path(path_text)
    http = _http(section.raw["http"], environ) if "http" in section.raw else None
    return SmsConfig(kind, template, console_path, http)


def load_sms_config(path: Path, environ: Mapping[str, str] = os.environ) -> SmsConfig:
    """The [sms] section of the settings file at `path`; the development console default if it has none."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SmsConfigError(f"{path}: cannot be read ({error.strerror})") from error
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise SmsConfigError(f"{path}: is not valid UTF-8 TOML ({error})") from error
    if "sms" not in document:
        return DEVELOPMENT_CONFIG
    try:
        return sms_config(document["sms"], environ, path.parent)
    except SmsError as error:
        raise SmsConfigError(f"{path}: {error}") from None


def build_gateway(config: SmsConfig, *, sleep: Callable[[float], None] = time.sleep) -> SmsGateway:
    """The gateway the settings ask for."""
    if config.gateway is GatewayKind.HTTP and config.http is not None:
        return HttpGateway(config.http, sleep=sleep)
    sender = config.http.sender_id if config.http is not None else "DEVSMS"
    return ConsoleGateway(config.console_path, sender_id=sender)
