"""Regional Centres ECHS, their polyclinics, and the PCDA/CDA and heads named on the MRO.

Why: the contribution is deposited by MRO "as Defence Department receipt pertaining to the PCDA/CDA" of the
member's area (seed 002 MRO form, line 264), under MAJOR HEAD 0076, MINOR HEAD 110, Sub Minor Head 11D (line
268); CGDA names the PCDA/CDA for each Regional Centre and lists the polyclinics under each (the reverse of
the MRO, seed 002 lines 285-300). The Regional Centre also receives the card-fee demand draft (seed 002
§3(a)(i)-(ii)).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from card_station.domain.reference.csv_source import read_rows
from card_station.domain.reference.errors import ReferenceDataError
from card_station.domain.reference.lookup_index import lookup_key
from card_station.domain.reference.spelling import check_correction

REGIONAL_CENTRE_COLUMNS = ("sno", "name", "seed_name", "correction", "pcda_cda", "aliases", "source")
POLYCLINIC_COLUMNS = ("regional_centre", "name", "seed_name", "correction", "source")
MRO_HEAD_COLUMNS = ("head", "code", "source")
MRO_HEADS = ("major", "minor", "sub_minor")


@dataclass(frozen=True)
class RegionalCentre:
    """A Regional Centre ECHS and the "Name to be Entered in MRO" (seed 002 line 287)."""

    sno: int
    name: str
    seed_name: str
    correction: str
    pcda_cda: str
    aliases: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Polyclinic:
    """A polyclinic under a Regional Centre; names repeat across centres (Fatehgarh, lines 290 and 293)."""

    regional_centre: str
    name: str
    seed_name: str
    correction: str
    source: str


@dataclass(frozen=True)
class MroHeads:
    """The account heads of the ECHS contribution on the MRO (seed 002 line 268)."""

    major: str
    minor: str
    sub_minor: str


def load_regional_centres(path: Path) -> tuple[tuple[int, RegionalCentre], ...]:
    """Read regional_centres.csv; names, aliases and serial numbers are unique."""
    loaded: list[tuple[int, RegionalCentre]] = []
    names: dict[str, int] = {}
    serials: dict[int, int] = {}
    for row in read_rows(path, REGIONAL_CENTRE_COLUMNS):
        centre = RegionalCentre(
            sno=row.positive_int("sno"),
            name=row.text("name"),
            seed_name=row.text("seed_name"),
            correction=check_correction(row),
            pcda_cda=row.text("pcda_cda"),
            aliases=row.items("aliases"),
            source=row.text("source"),
        )
        if centre.sno in serials:
            raise row.error(f"serial number {centre.sno} is already used on line {serials[centre.sno]}")
        serials[centre.sno] = row.line
        for name in (centre.name, *centre.aliases):
            key = lookup_key(name)
            if key in names:
                raise row.error(f"Regional Centre name {name!r} is already used on line {names[key]}")
            names[key] = row.line
        loaded.append((row.line, centre))
    return tuple(loaded)


def load_polyclinics(path: Path, centres: tuple[tuple[int, RegionalCentre], ...]) -> tuple[Polyclinic, ...]:
    """Read polyclinics.csv; each names a known Regional Centre and is unique there; no centre is empty."""
    centre_by_name = {lookup_key(c.name): c for _, c in centres}
    seen: dict[tuple[str, str], int] = {}
    loaded: list[Polyclinic] = []
    for row in read_rows(path, POLYCLINIC_COLUMNS):
        centre_name = row.text("regional_centre")
        centre = centre_by_name.get(lookup_key(centre_name))
        if centre is None:
            known = ", ".join(c.name for _, c in centres)
            raise row.error(f"Regional Centre {centre_name!r} is not in regional_centres.csv ({known})")
        polyclinic = Polyclinic(
            regional_centre=centre.name,
            name=row.text("name"),
            seed_name=row.text("seed_name"),
            correction=check_correction(row),
            source=row.text("source"),
        )
        key = (centre.name, lookup_key(polyclinic.name))
        if key in seen:
            raise row.error(
                f"polyclinic {polyclinic.name!r} under {centre.name} is already listed on line {seen[key]}"
            )
        seen[key] = row.line
        loaded.append(polyclinic)
    for line, centre in centres:
        if not any(p.regional_centre == centre.name for p in loaded):
            raise ReferenceDataError(
                path, None, f"no polyclinic is listed under Regional Centre {centre.name} (its line {line})"
            )
    return tuple(loaded)


def load_mro_heads(path: Path) -> MroHeads:
    """Read mro_heads.csv: exactly one code for each of the major, minor and sub-minor heads."""
    codes: dict[str, str] = {}
    for row in read_rows(path, MRO_HEAD_COLUMNS):
        head = row.text("head")
        if head not in MRO_HEADS:
            raise row.error(f"head {head!r} is not one of {', '.join(MRO_HEADS)}")
        if head in codes:
            raise row.error(f"head {head!r} is given twice")
        code = row.text("code")
        if not code.isalnum():
            raise row.error(f"code {code!r} of the {head} head must be letters and digits only")
        row.text("source")
        codes[head] = code
    missing = [head for head in MRO_HEADS if head not in codes]
    if missing:
        raise ReferenceDataError(path, None, f"missing the {', '.join(missing)} head(s)")
    return MroHeads(major=codes["major"], minor=codes["minor"], sub_minor=codes["sub_minor"])
