"""Districts for the Fixed Medical Allowance (FMA), seed 003 §3 and §4.

Why a record of its own: FMA eligibility is decided by the district of the member's permanent address at
the grant of pension (seed 003 §5(a)). A district qualifies only if it is on the notified list (§4(a),
re-notified every 01 Jan, §4(b)) AND has none of the three facilities of §3: no ECHS polyclinic (§3(a)),
no service hospital (§3(b)), no upgraded MI room (§3(c)). Being notified alone is not enough (§4(c)).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from card_station.domain.reference.csv_source import read_rows
from card_station.domain.reference.lookup_index import lookup_key


@dataclass(frozen=True)
class District:
    """One district of the FMA list with the facility flags of seed 003 §3.

    `code` is the station's key for the district (e.g. the Local Government Directory code); `notified_on`
    is the date of the notification that put it on the list (seed 003 §4(b)), or None if it was never
    notified.
    """

    code: str
    name: str
    state: str
    has_polyclinic: bool
    has_service_hospital: bool
    has_upgraded_mi_room: bool
    notified_on: date | None

    @property
    def has_facility(self) -> bool:
        """Any one of the three facilities of seed 003 §3(a)-(c) rules FMA out (and ends it, §8(c))."""
        return self.has_polyclinic or self.has_service_hospital or self.has_upgraded_mi_room

    @property
    def fma_eligible_area(self) -> bool:
        """Notified (seed 003 §4(a)) and without any §3 facility: notification alone is not enough (§4(c))."""
        return self.notified_on is not None and not self.has_facility


DISTRICT_COLUMNS = (
    "code",
    "name",
    "state",
    "has_polyclinic",
    "has_service_hospital",
    "has_upgraded_mi_room",
    "notified_on",
    "source",
)

FIRST_NOTIFICATION = date(2018, 11, 1)
"""The Government letter whose Appendix first listed the districts (seed 003 §1(a), §4(a))."""


def import_districts_csv(path: Path) -> tuple[District, ...]:
    """Read and validate a district list: the shipped fixture, or the yearly notification (seed 003 §4(b)).

    The file has the columns of fixtures/fma_districts.csv in any order, UTF-8 with or without a byte-order
    mark (as spreadsheets save it); flags are yes/no (also true/false, y/n, 1/0). The whole file is validated
    before anything is returned, so a bad row never leaves half a list behind; merge the result into the
    loaded reference data with `ReferenceData.with_districts`. Codes are unique and carry no spaces; a
    (name, state) pair appears once; a notification date before the 01 Nov 2018 letter (seed 003 §1(a)) is
    a typing error, since no district was notified for FMA earlier.
    """
    seen_codes: dict[str, int] = {}
    seen_names: dict[tuple[str, str], int] = {}
    loaded: list[District] = []
    for row in read_rows(path, DISTRICT_COLUMNS):
        code = row.text("code")
        if any(ch.isspace() for ch in code):
            raise row.error(f"district code {code!r} contains a space; codes are single tokens like MH-PUNE")
        district = District(
            code=code,
            name=row.text("name"),
            state=row.text("state"),
            has_polyclinic=row.flag("has_polyclinic"),
            has_service_hospital=row.flag("has_service_hospital"),
            has_upgraded_mi_room=row.flag("has_upgraded_mi_room"),
            notified_on=row.optional_date("notified_on"),
        )
        row.text("source")
        if district.notified_on is not None and district.notified_on < FIRST_NOTIFICATION:
            raise row.error(
                f"notified_on {district.notified_on.isoformat()} is before the first FMA notification of "
                f"{FIRST_NOTIFICATION.isoformat()} (seed 003 §1(a)); check the year"
            )
        if code.casefold() in seen_codes:
            raise row.error(f"district code {code!r} is already used on line {seen_codes[code.casefold()]}")
        seen_codes[code.casefold()] = row.line
        name_key = (lookup_key(district.name), lookup_key(district.state))
        if name_key in seen_names:
            raise row.error(
                f"{district.name}, {district.state} is already listed on line {seen_names[name_key]}"
            )
        seen_names[name_key] = row.line
        loaded.append(district)
    return tuple(loaded)
