"""The settings of the HTTP SMS gateway: where and how to call the provider, and how to read its answer.

Why a URL template and a body template: Indian SMS providers each have their own API (query parameters
for some, a JSON body for others), so the station fills the provider's own field names from five values:
`{mobile}` (10 digits; write `91{mobile}` where the provider wants the country code), `{text}`,
`{sender_id}`, `{template_id}` and `{entity_id}`. The last three are required by TRAI's DLT rules for a
transactional SMS: the 6-letter sender header, the content template id and the principal entity id, all
registered on a DLT portal. Values are percent-encoded in the URL and sent as they are in the JSON body.
Credentials (an API key header or HTTP basic auth) are hidden from every repr.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from urllib.parse import quote, urlsplit

from card_station.sms.message import SmsError, SmsMessage, check_dlt_id

PLACEHOLDERS = frozenset({"mobile", "text", "sender_id", "template_id", "entity_id"})
_SENDER_ID = re.compile(r"[A-Z]{6}")
_HEADER_NAME = re.compile(r"[A-Za-z0-9-]+")
MAX_ATTEMPTS_LIMIT = 10


class HttpMethod(Enum):
    GET = "GET"
    POST = "POST"


@dataclass(frozen=True, repr=False)
class ApiKeyAuth:
    """An API key sent in a request header, e.g. `Authorization: Bearer <key>` or `X-Api-Key: <key>`."""

    header: str
    key: str = field(repr=False)
    prefix: str = ""

    def __post_init__(self) -> None:
        if not _HEADER_NAME.fullmatch(self.header):
            raise SmsError(f"the API key header name {self.header!r} is not a valid HTTP header name")
        if not self.key:
            raise SmsError("the SMS API key is empty; set it in the environment variable named in [sms.http]")

    def __repr__(self) -> str:
        return f"ApiKeyAuth(header={self.header!r}, key=<redacted>)"


@dataclass(frozen=True, repr=False)
class BasicAuth:
    """HTTP basic authentication (RFC 7617)."""

    username: str
    password: str = field(repr=False)

    def __post_init__(self) -> None:
        if not self.username or not self.password:
            raise SmsError("SMS basic auth needs a username and a password; set both environment variables")

    def __repr__(self) -> str:
        return f"BasicAuth(username={self.username!r}, password=<redacted>)"


def _fields_of(template: str, where: str) -> set[str]:
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError as error:
        raise SmsError(f"the SMS {where} template is malformed ({error})") from None
    unknown = sorted(names - PLACEHOLDERS)
    if unknown:
        raise SmsError(
            f"the SMS {where} template has unknown field(s) {', '.join(unknown)}; "
            f"use only {', '.join(sorted(PLACEHOLDERS))}"
        )
    return names


@dataclass(frozen=True)
class HttpSmsSettings:
    """A provider's API; `success_field` (a dotted JSON path) must hold one of `success_values`."""

    url_template: str
    sender_id: str
    entity_id: str
    method: HttpMethod = HttpMethod.POST
    body_template: tuple[tuple[str, str], ...] = ()
    auth: ApiKeyAuth | BasicAuth | None = None
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 10.0
    max_attempts: int = 3
    backoff_s: float = 1.0
    success_field: str | None = None
    success_values: tuple[str, ...] = ()
    reference_field: str | None = None

    def __post_init__(self) -> None:
        parts = urlsplit(self.url_template)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise SmsError(
                f"the SMS URL must start with https:// (or http://) and name a host, got {self.host}"
            )
        used = _fields_of(self.url_template, "URL")
        for name, value in self.body_template:
            used |= _fields_of(value, f"body field {name!r}")
        if self.method is HttpMethod.GET and self.body_template:
            raise SmsError("a GET request has no body: put the fields in the URL or use method POST")
        missing = sorted({"mobile", "text"} - used)
        if missing:
            raise SmsError(f"the SMS URL or body must use {', '.join('{' + m + '}' for m in missing)}")
        if not _SENDER_ID.fullmatch(self.sender_id):
            raise SmsError(
                f"the sender id {self.sender_id!r} must be the 6-letter header registered on DLT, e.g. ECHSHQ"
            )
        check_dlt_id(self.entity_id, "principal entity id")
        if self.connect_timeout_s <= 0 or self.read_timeout_s <= 0:
            raise SmsError("the SMS timeouts must be more than 0 seconds")
        if not 1 <= self.max_attempts <= MAX_ATTEMPTS_LIMIT:
            raise SmsError(f"max_attempts must be 1 to {MAX_ATTEMPTS_LIMIT}, got {self.max_attempts}")
        if self.backoff_s < 0:
            raise SmsError(f"backoff_s must be zero or more, got {self.backoff_s}")
        if self.success_field is not None and not self.success_values:
            raise SmsError(
                "success_field is set but success_values is empty; list the values meaning success"
            )

    @property
    def host(self) -> str:
        """Scheme, host and port only: what logs and error messages may show of the URL."""
        parts = urlsplit(self.url_template)
        return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"

    def values(self, message: SmsMessage) -> Mapping[str, str]:
        return {
            "mobile": message.mobile,
            "text": message.text,
            "sender_id": self.sender_id,
            "template_id": message.template_id,
            "entity_id": self.entity_id,
        }

    def url(self, message: SmsMessage) -> str:
        values = {name: quote(value, safe="") for name, value in self.values(message).items()}
        return self.url_template.format_map(values)

    def body(self, message: SmsMessage) -> dict[str, str] | None:
        if not self.body_template:
            return None
        values = self.values(message)
        return {name: value.format_map(values) for name, value in self.body_template}
