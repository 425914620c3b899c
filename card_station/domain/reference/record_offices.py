"""Record Offices, regiments, corps and Service HQ sections, and the Regional Centre each is affiliated to.

Why: a post-01 Apr 2003 pensioner's card-fee demand draft is drawn "in favour of ECHS Regional Centre with
which the Record Office of the pensioner is affiliated" (seed 002 §3(a)(ii)), and that Regional Centre
re-verifies the application and has the cards made (seed 002 §4(b), notes 1-2). The affiliation table is
seed 002 lines 108-119 ("Page 7"); the officers' sections are named in seed 002 §4(b)(ii).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from card_station.domain.reference.csv_source import read_rows
from card_station.domain.reference.lookup_index import lookup_key
from card_station.domain.reference.regional_centres import RegionalCentre
from card_station.domain.reference.spelling import check_correction

RECORD_OFFICE_COLUMNS = (
    "regional_centre",
    "name",
    "seed_name",
    "correction",
    "abbreviation",
    "aliases",
    "serves",
    "source",
)


@dataclass(frozen=True)
class RecordOffice:
    """One affiliated section, regiment or corps; `serves` narrows it as the seed does ("Army officers")."""

    regional_centre: str
    name: str
    seed_name: str
    correction: str
    abbreviation: str
    aliases: tuple[str, ...]
    serves: str
    source: str


def load_record_offices(
    path: Path, centres: tuple[tuple[int, RegionalCentre], ...]
) -> tuple[RecordOffice, ...]:
    """Read record_offices.csv; each names a known Regional Centre (by name or alias); names are unique."""
    centre_by_name = {lookup_key(n): c for _, c in centres for n in (c.name, *c.aliases)}
    seen: dict[str, int] = {}
    loaded: list[RecordOffice] = []
    for row in read_rows(path, RECORD_OFFICE_COLUMNS):
        centre_name = row.text("regional_centre")
        centre = centre_by_name.get(lookup_key(centre_name))
        if centre is None:
            known = ", ".join(c.name for _, c in centres)
            raise row.error(f"Regional Centre {centre_name!r} is not in regional_centres.csv ({known})")
        office = RecordOffice(
            regional_centre=centre.name,
            name=row.text("name"),
            seed_name=row.text("seed_name"),
            correction=check_correction(row),
            abbreviation=row.optional_text("abbreviation"),
            aliases=row.items("aliases"),
            serves=row.optional_text("serves"),
            source=row.text("source"),
        )
        key = lookup_key(office.name)
        if key in seen:
            raise row.error(f"record office {office.name!r} is already listed on line {seen[key]}")
        seen[key] = row.line
        loaded.append(office)
    return tuple(loaded)
