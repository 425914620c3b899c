"""The HTTP SMS gateway: one provider API call per SMS, with timeouts and bounded retries.

Why these retry rules: a 5xx answer, a timeout or a failed connection says nothing about the request
itself, so it is retried (at most `max_attempts` in all, waiting `backoff_s`, then twice that, and so on;
RFC 9110 §15.6: the server "is aware that it has erred"). A 4xx answer says the request is wrong (bad
credentials, a template the DLT scrubber rejects, a malformed number) and the same request would fail
again, so it is never retried (RFC 9110 §15.5). The sleep is passed in so that tests do not wait.

Why the URL is kept out of logs: with a GET API the URL carries the SMS text, so the OTP; httpx logs every
request URL at INFO, so a filter on the "httpx" logger replaces any URL with its scheme and host. Error
reasons quote at most 200 characters of the provider's answer with every run of six or more digits
blanked, because some providers echo the message or the number back.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from typing import Any

import httpx

from card_station.sms.http_settings import ApiKeyAuth, BasicAuth, HttpMethod, HttpSmsSettings
from card_station.sms.message import SmsMessage, SmsNotSent, SmsReceipt, mask_mobile

log = logging.getLogger(__name__)
_LONG_DIGITS = re.compile(r"[0-9]{6,}")
_SNIPPET_CHARS = 200
_MISSING = object()


class _HideUrls(logging.Filter):
    """Replace httpx.URL arguments of httpx's request log with their scheme and host."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                f"{arg.scheme}://{arg.netloc.decode()}/<hidden>" if isinstance(arg, httpx.URL) else arg
                for arg in record.args
            )
        return True


logging.getLogger("httpx").addFilter(_HideUrls())


def snippet(text: str) -> str:
    """A short, single-line, digit-blanked quote of a provider's answer for an error reason."""
    flat = " ".join(_LONG_DIGITS.sub("[digits]", text).split())
    return flat if len(flat) <= _SNIPPET_CHARS else flat[:_SNIPPET_CHARS] + "..."


def _lookup(document: Any, dotted: str) -> Any:
    value = document
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return _MISSING
        value = value[part]
    return value


class HttpGateway:
    """Sends an SMS through a provider's HTTP API (settings in HttpSmsSettings; docs/sms.md)."""

    name = "http"

    def __init__(self, settings: HttpSmsSettings, *, sleep: Callable[[float], None] = time.sleep) -> None:
        self._settings = settings
        self._sleep = sleep

    def __repr__(self) -> str:
        return f"HttpGateway({self._settings.host}, auth={self._settings.auth!r})"

    def _headers(self) -> dict[str, str]:
        auth = self._settings.auth
        if isinstance(auth, ApiKeyAuth):
            return {auth.header: auth.prefix + auth.key}
        return {}

    def _auth(self) -> httpx.BasicAuth | None:
        auth = self._settings.auth
        if isinstance(auth, BasicAuth):
            return httpx.BasicAuth(auth.username, auth.password)
        return None

    def send(self, message: SmsMessage) -> SmsReceipt:
        settings = self._settings
        to = mask_mobile(message.mobile)
        timeout = httpx.Timeout(settings.read_timeout_s, connect=settings.connect_timeout_s)
        body = settings.body(message)
        last = ""
        with httpx.Client(timeout=timeout, follow_redirects=False) as client:
            for attempt in range(1, settings.max_attempts + 1):
                try:
                    response = client.request(
                        settings.method.value,
                        settings.url(message),
                        headers=self._headers(),
                        auth=self._auth(),
                        json=body if settings.method is HttpMethod.POST else None,
                    )
                except httpx.TimeoutException:
                    last = (
                        f"no answer from {settings.host} within the timeouts "
                        f"(connect {settings.connect_timeout_s} s, read {settings.read_timeout_s} s)"
                    )
                except httpx.TransportError as error:
                    last = f"cannot reach {settings.host} ({error or type(error).__name__})"
                else:
                    if response.is_success:
                        return self._accepted(response, to, attempt)
                    if response.status_code < 500:
                        raise SmsNotSent(self._refusal(response), attempts=attempt)
                    last = (
                        f"the SMS provider failed with HTTP {response.status_code} ({snippet(response.text)})"
                    )
                log.warning(
                    "SMS to %s: attempt %d of %d failed: %s", to, attempt, settings.max_attempts, last
                )
                if attempt < settings.max_attempts:
                    self._sleep(settings.backoff_s * 2 ** (attempt - 1))
        raise SmsNotSent(
            f"{last}, on all {settings.max_attempts} attempts; try again later or use the OTP request",
            attempts=settings.max_attempts,
        )

    def _refusal(self, response: httpx.Response) -> str:
        code = response.status_code
        if code in (401, 403):
            return (
                f"the SMS provider refused the credentials (HTTP {code}: {snippet(response.text)}); "
                "check the API key or username and password in the environment"
            )
        if response.is_redirect:
            return f"the SMS provider redirected (HTTP {code}); set the URL it redirects to"
        return (
            f"the SMS provider refused the request (HTTP {code}: {snippet(response.text)}); check the "
            "[sms] settings, the mobile number and that the text matches the DLT template"
        )

    def _accepted(self, response: httpx.Response, to: str, attempt: int) -> SmsReceipt:
        settings = self._settings
        document: Any = None
        if settings.success_field is not None or settings.reference_field is not None:
            try:
                document = response.json()
            except ValueError:
                raise SmsNotSent(
                    f"the SMS provider answered HTTP {response.status_code} but not with JSON "
                    f"({snippet(response.text)}); check success_field in the [sms.http] settings",
                    attempts=attempt,
                ) from None
        if settings.success_field is not None:
            value = _lookup(document, settings.success_field)
            if value is _MISSING or str(value) not in settings.success_values:
                found = "missing" if value is _MISSING else repr(snippet(str(value)))
                raise SmsNotSent(
                    f"the SMS provider answered HTTP {response.status_code} but {settings.success_field} is "
                    f"{found}, not {' or '.join(settings.success_values)} ({snippet(response.text)})",
                    attempts=attempt,
                )
        reference = None
        if settings.reference_field is not None:
            found_reference = _lookup(document, settings.reference_field)
            reference = None if found_reference is _MISSING else str(found_reference)
        log.info("SMS to %s accepted by %s after %d attempt(s)", to, settings.host, attempt)
        return SmsReceipt(self.name, to, attempt, reference)
