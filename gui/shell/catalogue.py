"""The screens the shell loads: every package directly under ``gui`` that exposes
``SCREENS: tuple[ScreenSpec, ...]`` in its ``__init__.py`` (docs/gui.md "Extension API for screens").

Why discovery and not a list to edit: a new screen package (the clerk's, a second scheme's) plugs in by
existing, without an edit to the shell; a package that fails to import fails loudly here, at start.
"""

from __future__ import annotations

import importlib
import pkgutil

import gui
from gui.shell.registry import ScreenSpec


def screen_packages() -> tuple[str, ...]:
    """The ``gui`` sub-packages that define ``SCREENS``, by name."""
    found = []
    for module in sorted(pkgutil.iter_modules(gui.__path__, "gui."), key=lambda m: m.name):
        if module.ispkg and hasattr(importlib.import_module(module.name), "SCREENS"):
            found.append(module.name)
    return tuple(found)


def all_screens() -> tuple[ScreenSpec, ...]:
    specs: list[ScreenSpec] = []
    for package in screen_packages():
        specs.extend(importlib.import_module(package).SCREENS)
    return tuple(specs)
