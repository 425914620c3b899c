"""docs/rules.md lists every rule the domain applies, with its citation, so the table cannot fall behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from card_station.domain.citations import Rule

DOC = (Path(__file__).resolve().parents[2] / "docs" / "rules.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("rule", list(Rule), ids=lambda r: r.name)
def test_every_rule_has_a_row_with_its_citation(rule: Rule) -> None:
    rows = [line for line in DOC.splitlines() if line.startswith(f"| {rule.name} |")]
    assert len(rows) == 1, f"docs/rules.md needs one row for {rule.name}"
    assert rule.value.source in rows[0]
    assert rule.value.paragraph.split()[0] in rows[0]
