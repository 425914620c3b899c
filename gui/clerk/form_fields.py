"""Reading typed text into the domain's types, with a message that names the field and what to type.

Why not QDateEdit and spin boxes: a clerk copies dates and amounts from a paper form with the keyboard,
and a half-typed field must be shown as "not yet valid", not silently clamped to a default.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import TypeVar

from gui.i18n import tr

_E = TypeVar("_E", bound=Enum)


class FormError(ValueError):
    """A field holds text that is not yet a valid value; the message names the field."""


def day(text: str, field: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise FormError(
            tr("{field}: type a date as YYYY-MM-DD, e.g. 1965-03-10").format(field=field)
        ) from None


def optional_day(text: str, field: str) -> date | None:
    return day(text, field) if text.strip() else None


def whole(text: str, field: str) -> int:
    cleaned = text.strip().replace(",", "")
    if not cleaned.isdigit():
        raise FormError(tr("{field}: type a whole number of rupees, e.g. 28500").format(field=field))
    return int(cleaned)


def required(text: str, field: str) -> str:
    if not text.strip():
        raise FormError(tr("{field}: this field is required").format(field=field))
    return text.strip()


def choice(text: str, kind: type[_E], field: str) -> _E:
    """A member of ``kind`` by value, case-insensitively (``Son``, ``son``)."""
    wanted = text.strip().casefold()
    for member in kind:
        if str(member.value).casefold() == wanted:
            return member
    allowed = ", ".join(str(member.value) for member in kind)
    raise FormError(tr("{field}: type one of {allowed}").format(field=field, allowed=allowed))


def flag(text: str, field: str) -> bool:
    wanted = text.strip().casefold()
    if wanted in ("y", "yes", "true", "1"):
        return True
    if wanted in ("", "n", "no", "false", "0"):
        return False
    raise FormError(tr("{field}: type yes or no").format(field=field))
