"""The station's udev rules, checked the way udev reads them (udev(7)): every line is a comma-separated
list of KEY[{attr}] OPERATOR "value" with match keys using == / != and assignment keys = / += / :=.
A typo in a rule file is silently ignored by udev on the station desktop, so it is caught here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

UDEV = Path(__file__).resolve().parents[2] / "udev"
MATCH_KEYS = {"ACTION", "SUBSYSTEM", "ENV", "ATTR", "ATTRS", "TEST", "KERNEL", "DRIVER", "DRIVERS"}
ASSIGN_KEYS = {"ATTR", "ENV", "GROUP", "MODE", "OWNER", "RUN", "TAG"}
PAIR = re.compile(r'\s*(?P<key>[A-Z_]+)(\{(?P<attr>[^}]+)\})?(?P<op>==|!=|\+=|:=|=)"(?P<value>[^"]*)"\s*')


def _rules(path: Path) -> list[list[re.Match[str]]]:
    rules = []
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        pairs = [PAIR.fullmatch(part) for part in line.split(",")]
        assert all(pairs), f'{path.name}:{number}: not KEY OP "value" pairs: {line}'
        rules.append([pair for pair in pairs if pair])
    return rules


UDEV_RULES = sorted(p for p in UDEV.glob("*.rules") if not p.read_text().lstrip().startswith("//"))
"""The polkit rule shares the .rules suffix but is JavaScript; it has its own test below."""


@pytest.mark.parametrize("path", UDEV_RULES, ids=lambda p: p.name)
def test_udev_rules_are_well_formed(path: Path) -> None:
    for rule in _rules(path):
        for pair in rule:
            key, op = pair["key"], pair["op"]
            known = MATCH_KEYS if op in ("==", "!=") else ASSIGN_KEYS
            assert key in known, (
                f"{path.name}: {key}{op} is not a udev {'match' if op in ('==', '!=') else 'assignment'}"
            )


def test_ccid_readers_keep_autosuspend_off_and_belong_to_the_station_group() -> None:
    rules = _rules(UDEV / "93-card-station-ccid.rules")
    matches_ccid = [
        rule for rule in rules if any(p["key"] == "ENV" and p["value"] == "*:0b????:*" for p in rule)
    ]
    assigned = {(p["key"], p["attr"], p["value"]) for rule in matches_ccid for p in rule if p["op"] == "="}
    assert ("ATTR", "power/control", "on") in assigned
    assert ("GROUP", None, "cardstation") in assigned


def test_polkit_rule_grants_pcscd_access_to_the_station_group_only() -> None:
    text = (UDEV / "50-card-station-pcscd.rules").read_text()
    assert 'subject.isInGroup("cardstation")' in text
    assert {"org.debian.pcsc-lite.access_pcsc", "org.debian.pcsc-lite.access_card"} <= set(
        re.findall(r'"(org\.debian\.pcsc-lite\.[a-z_]+)"', text)
    )
    assert text.count("{") == text.count("}") and text.count("(") == text.count(")")
