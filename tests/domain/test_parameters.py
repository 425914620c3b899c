"""The dated rule-parameter table: the real file's values, date selection, and validation of broken copies."""

from __future__ import annotations

import re
from datetime import date, time
from pathlib import Path

import pytest

from card_station.domain.errors import RuleParameterError
from card_station.domain.parameters import DEFAULT_RULE_PARAMETERS, ContributionSlab, load_rule_parameters

REAL = DEFAULT_RULE_PARAMETERS.read_text(encoding="utf-8")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rule_parameters.toml"
    path.write_text(text, encoding="utf-8")
    return path


def broken(tmp_path: Path, pattern: str, replacement: str) -> Path:
    text, count = re.subn(pattern, replacement, REAL, count=1, flags=re.MULTILINE)
    assert count == 1, f"pattern {pattern!r} not in the real file"
    return write(tmp_path, text)


def second_set(**changes: str) -> str:
    """The real set again with some values changed and a later in_force_from, as a new circular would add."""
    body = REAL[REAL.index("\n[[parameter_set]]") + 1 :]
    for key, value in changes.items():
        body, count = re.subn(rf"^{key} = .*$", f"{key} = {value}", body, count=1, flags=re.MULTILINE)
        assert count == 1
    return body


def test_the_real_file_holds_the_circulars_numbers() -> None:
    table = load_rule_parameters()
    p = table.parameters_on(date(2024, 1, 1))
    assert p.in_force_from == date(2003, 4, 1)
    assert p.son_age_limit_years == 25  # seed 002 §1(d)(ii) "below 25 years of age"
    assert p.disability_onset_age_limit_years == 25  # seed 002 §1(d)(iv)
    assert p.parent_income_limit_rs == 1500  # seed 002 §1(d)(v) "exceeds Rs 1500/-pm"
    assert p.contribution_slabs == (
        ContributionSlab(3000, 1800),
        ContributionSlab(6000, 4800),
        ContributionSlab(10000, 8400),
        ContributionSlab(15000, 12000),
        ContributionSlab(None, 18000),
    )  # seed 002 §2(a) slab table
    assert (p.master_card_fee_rs, p.add_on_card_fee_rs, p.max_add_on_cards) == (90, 90, 2)  # seed 002 §3(a)
    assert p.pre_2003_entry_closes_after == date(2008, 3, 31)  # seed 002 §2(a) Note (ii)
    assert p.fma_monthly_rs == 1000  # seed 003 §8(a)
    assert p.fma_sanctioned_from == date(2018, 11, 1)  # seed 003 §1(a)
    assert p.fma_months_after == 2  # seed 003 §8(b)
    assert p.activation_time_ist == time(13, 0)  # seed 000 §5(c)
    assert (p.collection_window_days, p.slip_validity_months, p.slip_extension_months) == (30, 6, 3)


def test_the_application_date_picks_the_set_in_force(tmp_path: Path) -> None:
    path = write(tmp_path, REAL + "\n" + second_set(in_force_from="2025-01-01", master_card_fee_rs="150"))
    table = load_rule_parameters(path)
    assert table.parameters_on(date(2024, 12, 31)).master_card_fee_rs == 90
    assert table.parameters_on(date(2025, 1, 1)).master_card_fee_rs == 150
    assert table.parameters_on(date(2030, 1, 1)).master_card_fee_rs == 150


def test_a_date_before_every_set_names_the_earliest() -> None:
    with pytest.raises(RuleParameterError, match=r"no set is in force on 2003-03-31.*2003-04-01"):
        load_rule_parameters().parameters_on(date(2003, 3, 31))


@pytest.mark.parametrize(
    ("pattern", "replacement", "entry", "problem"),
    [
        (r"^son_age_limit_years = 25", "son_age_limit_years = -25", "key son_age_limit_years", "positive"),
        (r"^son_age_limit_years = 25", "son_age_limit_years = true", "key son_age_limit_years", "True"),
        (r"^master_card_fee_rs = 90", 'master_card_fee_rs = "90"', "key master_card_fee_rs", "'90'"),
        (
            r"^fma_sanctioned_from = .*$",
            "fma_sanctioned_from = 2018-11-01T00:00:00",
            "fma_sanctioned_from",
            "date",
        ),
        (r"^activation_time_ist = .*$", "activation_time_ist = 1300", "activation_time_ist", "local time"),
        (r"^source = .*$", 'source = "  "', "key source", "non-empty text"),
        (
            r"^max_add_on_cards = 2",
            "max_add_on_cards = 2\nmax_addon_cards = 3",
            "parameter_set 1",
            "max_addon_cards",
        ),
        (
            r"^max_add_on_cards = 2.*$",
            "",
            "parameter_set 1 (in force from 2003-04-01)",
            "missing key(s) max_add_on",
        ),
        (r"up_to_rs = 6000", "up_to_rs = 2000", "contribution_slabs", "slab 2: up_to_rs 2000 must be above"),
        (r"\{ contribution_rs = 18000 \},", "", "contribution_slabs", "the last slab must omit up_to_rs"),
        (
            r"\{ up_to_rs = 3000, contribution_rs = 1800 \}",
            "{ contribution_rs = 1800 }",
            "slabs",
            "slab 1 has no",
        ),
        (
            r"\{ up_to_rs = 3000, contribution_rs = 1800 \}",
            "{ up_to_rs = 3000 }",
            "slabs",
            "slab 1: contribution",
        ),
        (
            r"\{ up_to_rs = 3000, contribution_rs = 1800 \}",
            "{ up_to = 3, contribution_rs = 1 }",
            "slabs",
            "slab 1",
        ),
        (
            r"\{ up_to_rs = 3000, contribution_rs = 1800 \}",
            "{ up_to_rs = 0, contribution_rs = 1 }",
            "slabs",
            "slab 1",
        ),
        (
            r"^contribution_slabs = \[",
            "contribution_slabs = []\nunused = [",
            "parameter_set 1",
            "unknown key",
        ),
    ],
)
def test_a_broken_entry_names_the_file_the_entry_and_the_problem(
    tmp_path: Path, pattern: str, replacement: str, entry: str, problem: str
) -> None:
    path = broken(tmp_path, pattern, replacement)
    with pytest.raises(RuleParameterError) as caught:
        load_rule_parameters(path)
    message = str(caught.value)
    assert str(path) in message
    assert entry in message
    assert problem in message


def test_sets_out_of_date_order_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, REAL + "\n" + second_set(in_force_from="2003-04-01"))
    with pytest.raises(
        RuleParameterError, match=r"parameter_set 2 \(in force from 2003-04-01\).*must be after"
    ):
        load_rule_parameters(path)


def test_a_toml_syntax_error_names_the_file_and_the_line(tmp_path: Path) -> None:
    path = broken(tmp_path, r"^son_age_limit_years = 25", "son_age_limit_years = = 25")
    with pytest.raises(RuleParameterError) as caught:
        load_rule_parameters(path)
    assert str(path) in str(caught.value)
    assert "not valid TOML" in str(caught.value)
    assert "line 10" in str(caught.value)


def test_a_file_without_sets_or_with_stray_keys_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RuleParameterError, match=r"top level: no \[\[parameter_set\]\]"):
        load_rule_parameters(write(tmp_path, "# nothing\n"))
    with pytest.raises(RuleParameterError, match=r"top level: unknown key\(s\) version"):
        load_rule_parameters(write(tmp_path, "version = 1\n" + REAL))
    with pytest.raises(RuleParameterError, match=r"parameter_set 1: expected a \[\[parameter_set\]\] table"):
        load_rule_parameters(write(tmp_path, "parameter_set = [1]\n"))


def test_a_missing_or_undecodable_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "absent.toml"
    with pytest.raises(RuleParameterError, match=r"absent\.toml: file: cannot be read"):
        load_rule_parameters(missing)
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(RuleParameterError, match=r"binary\.toml: file: is not UTF-8"):
        load_rule_parameters(binary)
