"""Monthly FMA reconciliation between a station and the centre (seed 003 §14(a)(iv), §14(b)(iv): "The
synchronization of data regarding FMA should be carried out on monthly basis and reconciled with data
held with Central Organisation ECHS").

Why a pure function over two lists: the station's list comes from its own store and the centre's from
``GET /v1/fma``; comparing them needs neither, so the rules are tested on their own. Three kinds of
difference, one CSV row each: a grant the station holds that the centre does not, one the centre holds that
the station does not, and a grant both hold with a different application, commencement or cessation date
(one row per differing date). Dates are ISO 8601, as in the §13 report.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

DATE_FIELDS = ("applied_on", "commences_on", "ceases_on")
CSV_COLUMNS = ("member_key", "difference", "field", "station", "centre")


class ReconciliationError(ValueError):
    """A list to reconcile is malformed (a missing or bad date, a member listed twice)."""


class Difference(Enum):
    STATION_ONLY = "in station, not at centre"
    CENTRE_ONLY = "at centre, not in station"
    DATES_DIFFER = "different dates"


@dataclass(frozen=True)
class FmaRecord:
    """One FMA grant as both sides hold it; ``ceases_on`` None while the grant is open-ended."""

    member_key: str
    applied_on: date
    commences_on: date
    ceases_on: date | None = None

    @classmethod
    def from_data(cls, member_key: str, data: Mapping[str, Any], side: str) -> FmaRecord:
        """From the JSON form (ISO dates) used in events and on the wire; ``side`` names the list."""

        def day(name: str) -> date:
            text = data.get(name)
            try:
                return date.fromisoformat(text)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                raise ReconciliationError(
                    f"{side} FMA list, member {member_key!r}: '{name}' must be an ISO date (YYYY-MM-DD), "
                    f"got {text!r}"
                ) from None

        ceases_on = None if data.get("ceases_on") is None else day("ceases_on")
        return cls(member_key, day("applied_on"), day("commences_on"), ceases_on)


@dataclass(frozen=True)
class ReconciliationRow:
    member_key: str
    difference: Difference
    field: str | None = None
    station: str | None = None
    centre: str | None = None


@dataclass(frozen=True)
class ReconciliationReport:
    as_of: date
    station_count: int
    centre_count: int
    rows: tuple[ReconciliationRow, ...]

    def count(self, difference: Difference) -> int:
        return len({row.member_key for row in self.rows if row.difference is difference})

    @property
    def agreed(self) -> bool:
        return not self.rows

    def csv(self) -> str:
        """One row per difference, sorted by member; CRLF line ends (RFC 4180)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        for row in self.rows:
            writer.writerow(
                (row.member_key, row.difference.value, row.field or "", row.station or "", row.centre or "")
            )
        return out.getvalue()

    def summary(self) -> str:
        lines = [
            f"FMA reconciliation as of {self.as_of.isoformat()} (seed 003 §14(a)(iv), §14(b)(iv))",
            f"  station holds {self.station_count} grants, centre holds {self.centre_count}",
        ]
        lines += [f"  {d.value}: {self.count(d)}" for d in Difference]
        lines.append("  the lists agree" if self.agreed else f"  {len(self.rows)} differences: see the CSV")
        return "\n".join(lines)


def _by_member(records: Iterable[FmaRecord], side: str) -> dict[str, FmaRecord]:
    held: dict[str, FmaRecord] = {}
    for record in records:
        if record.member_key in held:
            raise ReconciliationError(
                f"the {side} FMA list holds member {record.member_key!r} twice; one grant per member"
            )
        held[record.member_key] = record
    return held


def _text(day: date | None) -> str:
    return "" if day is None else day.isoformat()


def reconcile(station: Iterable[FmaRecord], centre: Iterable[FmaRecord], as_of: date) -> ReconciliationReport:
    ours = _by_member(station, "station")
    theirs = _by_member(centre, "centre")
    rows: list[ReconciliationRow] = []
    for key in sorted(ours.keys() | theirs.keys()):
        mine, other = ours.get(key), theirs.get(key)
        if other is None:
            rows.append(ReconciliationRow(key, Difference.STATION_ONLY))
        elif mine is None:
            rows.append(ReconciliationRow(key, Difference.CENTRE_ONLY))
        else:
            for name in DATE_FIELDS:
                here, there = getattr(mine, name), getattr(other, name)
                if here != there:
                    row = ReconciliationRow(key, Difference.DATES_DIFFER, name, _text(here), _text(there))
                    rows.append(row)
    return ReconciliationReport(as_of, len(ours), len(theirs), tuple(rows))
