"""The dated table of rule parameters: amounts, ages, limits, slabs, fees, windows and times.

Why a dated table: a new circular changes an amount or an age, not the code. Each set carries the date it
is in force from, and the date of an application picks the set in force on that day (`parameters_on`), so
an application made before an amendment is still judged by the numbers of its day.

The table lives in `fixtures/rule_parameters.toml` (TOML for its native dates and times and its comments,
which cite the paragraphs). Every set must be complete: a reader of one set sees every number in force
without replaying history. The loader is the only I/O in the domain; it checks every entry and names the
file, the entry and the fault.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import pairwise
from pathlib import Path
from typing import Any

from card_station.domain.errors import RuleParameterError

DEFAULT_RULE_PARAMETERS = Path(__file__).resolve().parents[2] / "fixtures" / "rule_parameters.toml"


@dataclass(frozen=True)
class ContributionSlab:
    """One row of the slab table of seed 002 §2(a): pensions up to `up_to_rs` (None: no upper bound)."""

    up_to_rs: int | None
    contribution_rs: int


@dataclass(frozen=True)
class RuleParameters:
    """One complete set of rule parameters, in force from `in_force_from`."""

    in_force_from: date
    source: str
    pre_2003_entry_closes_after: date
    son_age_limit_years: int
    disability_onset_age_limit_years: int
    parent_income_limit_rs: int
    contribution_slabs: tuple[ContributionSlab, ...]
    master_card_fee_rs: int
    add_on_card_fee_rs: int
    max_add_on_cards: int
    fma_sanctioned_from: date
    fma_monthly_rs: int
    fma_months_after: int
    activation_time_ist: time
    collection_window_days: int
    slip_validity_months: int
    slip_extension_months: int


@dataclass(frozen=True)
class RuleParameterTable:
    """All parameter sets of one file, oldest first."""

    path: Path
    sets: tuple[RuleParameters, ...]

    def parameters_on(self, day: date) -> RuleParameters:
        """The set in force on `day`: the latest whose `in_force_from` is on or before it."""
        in_force = [s for s in self.sets if s.in_force_from <= day]
        if not in_force:
            raise RuleParameterError(
                self.path,
                "parameter_set",
                f"no set is in force on {day.isoformat()}; the earliest is in force from "
                f"{self.sets[0].in_force_from.isoformat()}",
            )
        return in_force[-1]


class _Bad(Exception):
    """A value's fault, raised by the field parsers and turned into a RuleParameterError with its entry."""


def _positive_int(raw: Any) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or raw <= 0:
        raise _Bad(f"expected a positive whole number, got {raw!r}")
    return raw


def _non_negative_int(raw: Any) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
        raise _Bad(f"expected a whole number of zero or more, got {raw!r}")
    return raw


def _date(raw: Any) -> date:
    if isinstance(raw, datetime) or not isinstance(raw, date):
        raise _Bad(f"expected a TOML date such as 2003-04-01, got {raw!r}")
    return raw


def _time(raw: Any) -> time:
    if not isinstance(raw, time) or raw.tzinfo is not None:
        raise _Bad(f"expected a TOML local time such as 13:00:00 (read as IST), got {raw!r}")
    return raw


def _text(raw: Any) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise _Bad(f"expected non-empty text, got {raw!r}")
    return raw


def _slabs(raw: Any) -> tuple[ContributionSlab, ...]:
    if not isinstance(raw, list) or not raw:
        raise _Bad(f"expected a non-empty list of slabs, got {raw!r}")
    slabs: list[ContributionSlab] = []
    for number, row in enumerate(raw, start=1):
        if not isinstance(row, dict) or not set(row) <= {"up_to_rs", "contribution_rs"}:
            raise _Bad(f"slab {number}: expected {{ up_to_rs = ..., contribution_rs = ... }}, got {row!r}")
        if "contribution_rs" not in row:
            raise _Bad(f"slab {number}: contribution_rs is missing")
        try:
            up_to = _positive_int(row["up_to_rs"]) if "up_to_rs" in row else None
            amount = _positive_int(row["contribution_rs"])
        except _Bad as bad:
            raise _Bad(f"slab {number}: {bad}") from None
        slabs.append(ContributionSlab(up_to, amount))
    for number, (low, high) in enumerate(pairwise(slabs), start=1):
        if low.up_to_rs is None:
            raise _Bad(
                f"slab {number} has no upper bound but is not the last; only the last may omit up_to_rs"
            )
        if high.up_to_rs is not None and high.up_to_rs <= low.up_to_rs:
            raise _Bad(
                f"slab {number + 1}: up_to_rs {high.up_to_rs} must be above slab {number}'s {low.up_to_rs}"
            )
    if slabs[-1].up_to_rs is not None:
        raise _Bad("the last slab must omit up_to_rs so that every pension falls in a slab")
    return tuple(slabs)


_FIELDS: Mapping[str, Callable[[Any], Any]] = {
    "in_force_from": _date,
    "source": _text,
    "pre_2003_entry_closes_after": _date,
    "son_age_limit_years": _positive_int,
    "disability_onset_age_limit_years": _positive_int,
    "parent_income_limit_rs": _non_negative_int,
    "contribution_slabs": _slabs,
    "master_card_fee_rs": _non_negative_int,
    "add_on_card_fee_rs": _non_negative_int,
    "max_add_on_cards": _non_negative_int,
    "fma_sanctioned_from": _date,
    "fma_monthly_rs": _non_negative_int,
    "fma_months_after": _positive_int,
    "activation_time_ist": _time,
    "collection_window_days": _positive_int,
    "slip_validity_months": _positive_int,
    "slip_extension_months": _positive_int,
}


def _parse_set(path: Path, number: int, raw: Any) -> RuleParameters:
    entry = f"parameter_set {number}"
    if not isinstance(raw, dict):
        raise RuleParameterError(path, entry, "expected a [[parameter_set]] table")
    if isinstance(raw.get("in_force_from"), date):
        entry = f"{entry} (in force from {raw['in_force_from'].isoformat()})"
    unknown = sorted(set(raw) - set(_FIELDS))
    if unknown:
        raise RuleParameterError(path, entry, f"unknown key(s) {', '.join(unknown)}; check the spelling")
    missing = [key for key in _FIELDS if key not in raw]
    if missing:
        raise RuleParameterError(
            path, entry, f"missing key(s) {', '.join(missing)}; every set must be complete"
        )
    values: dict[str, Any] = {}
    for key, parse in _FIELDS.items():
        try:
            values[key] = parse(raw[key])
        except _Bad as bad:
            raise RuleParameterError(path, f"{entry}, key {key}", str(bad)) from None
    return RuleParameters(**values)


def load_rule_parameters(path: Path = DEFAULT_RULE_PARAMETERS) -> RuleParameterTable:
    """Read and validate the rule-parameter file; sets must be in strictly increasing date order."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise RuleParameterError(path, "file", f"cannot be read ({error.strerror})") from error
    except UnicodeDecodeError as error:
        raise RuleParameterError(path, "file", f"is not UTF-8 text ({error.reason})") from error
    except tomllib.TOMLDecodeError as error:
        raise RuleParameterError(path, "file", f"is not valid TOML: {error}") from error
    unknown = sorted(set(document) - {"parameter_set"})
    if unknown:
        raise RuleParameterError(path, "top level", f"unknown key(s) {', '.join(unknown)}")
    raw_sets = document.get("parameter_set")
    if not isinstance(raw_sets, list) or not raw_sets:
        raise RuleParameterError(path, "top level", "no [[parameter_set]] tables; at least one is required")
    sets = tuple(_parse_set(path, number, raw) for number, raw in enumerate(raw_sets, start=1))
    for number, (earlier, later) in enumerate(pairwise(sets), start=2):
        if later.in_force_from <= earlier.in_force_from:
            raise RuleParameterError(
                path,
                f"parameter_set {number} (in force from {later.in_force_from.isoformat()})",
                f"in_force_from must be after the previous set's {earlier.in_force_from.isoformat()}",
            )
    return RuleParameterTable(path, sets)
