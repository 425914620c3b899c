"""The domain rules are pure: no clock reads, and no I/O outside the rule-parameter loader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from card_station import domain

MODULES = sorted(Path(domain.__file__).parent.glob("*.py"))
FORBIDDEN = re.compile(r"\b(date\.today|datetime\.now|datetime\.utcnow|time\.time|time\.localtime)\s*\(")
IO_CALLS = re.compile(r"\b(open|read_text|read_bytes|write_text|write_bytes)\s*\(")


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_no_rule_reads_the_clock(module: Path) -> None:
    assert not FORBIDDEN.findall(module.read_text(encoding="utf-8"))


@pytest.mark.parametrize("module", [m for m in MODULES if m.name != "parameters.py"], ids=lambda p: p.name)
def test_only_the_parameter_loader_does_io(module: Path) -> None:
    assert not IO_CALLS.findall(module.read_text(encoding="utf-8"))
