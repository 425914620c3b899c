"""Screens and who may see them (docs/gui.md "Extension API for screens").

The GUI only hides: every service call checks the operator's permission itself (``store.roles.require``),
so a screen shown by mistake still cannot do what the role may not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from card_station.store.roles import Role

if TYPE_CHECKING:
    from gui.shell.context import AppContext


class ScreenRegistryError(ValueError):
    """Two screens were registered under one key."""


@dataclass(frozen=True)
class ScreenSpec:
    key: str
    title: Callable[[], str]
    roles: frozenset[Role]
    factory: Callable[[AppContext], QWidget]
    order: int = 100


def screens_for(role: Role, specs: Iterable[ScreenSpec]) -> tuple[ScreenSpec, ...]:
    """The screens ``role`` may use, in navigation order; duplicate keys are refused."""
    seen: set[str] = set()
    for spec in specs:
        if spec.key in seen:
            raise ScreenRegistryError(f"two screens are registered as {spec.key!r}: give each a unique key")
        seen.add(spec.key)
    return tuple(sorted((s for s in specs if role in s.roles), key=lambda s: (s.order, s.key)))
