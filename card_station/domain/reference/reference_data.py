"""All reference data, loaded and cross-checked once at start-up, with the lookups the rules need.

Why load everything at once: a broken fixture must stop the station at start-up with the file and line
(an operator fixes it once), not surface as a wrong Regional Centre on a clerk's demand draft hours later.
Cross-checks across files (every polyclinic's and every affiliation's Regional Centre exists) run here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from card_station.domain.reference.districts import District, import_districts_csv
from card_station.domain.reference.errors import ReferenceDataError, UnknownReference
from card_station.domain.reference.lookup_index import NameIndex
from card_station.domain.reference.ranks import Rank, Ward, load_ranks
from card_station.domain.reference.record_offices import RecordOffice, load_record_offices
from card_station.domain.reference.regional_centres import (
    MroHeads,
    Polyclinic,
    RegionalCentre,
    load_mro_heads,
    load_polyclinics,
    load_regional_centres,
)
from card_station.domain.reference.service import Service
from card_station.domain.reference.spelling import SpellingSlip

RANKS_FILE = "ranks.csv"
REGIONAL_CENTRES_FILE = "regional_centres.csv"
POLYCLINICS_FILE = "polyclinics.csv"
RECORD_OFFICES_FILE = "record_offices.csv"
MRO_HEADS_FILE = "mro_heads.csv"
DISTRICTS_FILE = "fma_districts.csv"


def default_fixtures_dir() -> Path:
    """The repository's top-level `fixtures/` folder, found relative to this package's source tree.

    This works from a checkout or an editable install; a wheel does not carry `fixtures/`, so an installed
    station must pass its fixtures folder to `load_reference_data` explicitly.
    """
    path = Path(__file__).resolve().parents[3] / "fixtures"
    if not path.is_dir():
        raise ReferenceDataError(
            path, None, "fixtures folder not found next to the package; pass the fixtures folder explicitly"
        )
    return path


@dataclass(frozen=True, repr=False)
class ReferenceData:
    """The validated tables; look entries up by name rather than scanning the tuples."""

    ranks: tuple[Rank, ...]
    regional_centres: tuple[RegionalCentre, ...]
    polyclinics: tuple[Polyclinic, ...]
    record_offices: tuple[RecordOffice, ...]
    mro_heads: MroHeads
    districts: tuple[District, ...]
    _rank_index: dict[Service, NameIndex[Rank]] = field(init=False, compare=False)
    _centre_index: NameIndex[RegionalCentre] = field(init=False, compare=False)
    _polyclinic_index: NameIndex[Polyclinic] = field(init=False, compare=False)
    _office_index: NameIndex[RecordOffice] = field(init=False, compare=False)
    _district_by_code: dict[str, District] = field(init=False, compare=False)
    _district_index: NameIndex[District] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        ranks = {
            service: NameIndex.build(
                f"{service.label} rank",
                (
                    (r, f"{r.name} ({r.abbreviation})", (r.name, r.abbreviation), _secondary_rank_names(r))
                    for r in self.ranks
                    if r.service is service
                ),
            )
            for service in Service
        }
        object.__setattr__(self, "_rank_index", ranks)
        centres = NameIndex.build(
            "Regional Centre",
            ((c, c.name, (c.name,), (c.seed_name, *c.aliases)) for c in self.regional_centres),
        )
        object.__setattr__(self, "_centre_index", centres)
        polyclinics = NameIndex.build(
            "polyclinic",
            ((p, f"{p.name} ({p.regional_centre})", (p.name,), (p.seed_name,)) for p in self.polyclinics),
        )
        object.__setattr__(self, "_polyclinic_index", polyclinics)
        offices = NameIndex.build(
            "Record Office, regiment or corps",
            ((o, o.name, (o.name, o.abbreviation), (o.seed_name, *o.aliases)) for o in self.record_offices),
        )
        object.__setattr__(self, "_office_index", offices)
        object.__setattr__(self, "_district_by_code", {d.code.casefold(): d for d in self.districts})
        districts = NameIndex.build(
            "district", ((d, f"{d.name}, {d.state}", (f"{d.name}, {d.state}",), ()) for d in self.districts)
        )
        object.__setattr__(self, "_district_index", districts)

    def __repr__(self) -> str:
        return (
            f"ReferenceData({len(self.ranks)} ranks, {len(self.regional_centres)} Regional Centres, "
            f"{len(self.polyclinics)} polyclinics, {len(self.record_offices)} record offices, "
            f"{len(self.districts)} districts)"
        )

    def rank(self, service: Service, name_or_abbreviation: str) -> Rank:
        """The rank of `service` by full name or abbreviation as seed 002 lines 122-143 give them."""
        return self._rank_index[service].find(name_or_abbreviation)

    def ward_for_rank(self, service: Service, name_or_abbreviation: str) -> Ward:
        """Ward entitlement of a rank (seed 002 line 166; the rule in the seeds README)."""
        return self.rank(service, name_or_abbreviation).ward

    def regional_centre(self, name: str) -> RegionalCentre:
        """A Regional Centre by name, the seed's spelling ("Ptana") or an alias ("Delhi Cantt")."""
        return self._centre_index.find(name)

    def record_office(self, name: str) -> RecordOffice:
        """A Record Office, regiment, corps or HQ section by name, abbreviation or the seed's wording."""
        return self._office_index.find(name)

    def regional_centre_for_record_office(self, name: str) -> RegionalCentre:
        """The Regional Centre a Record Office is affiliated to (the DD payee of seed 002 §3(a)(ii))."""
        return self.regional_centre(self.record_office(name).regional_centre)

    def polyclinic(self, name: str, regional_centre: str | None = None) -> Polyclinic:
        """A polyclinic by name; give the Regional Centre where the name repeats (Fatehgarh)."""
        if regional_centre is None:
            return self._polyclinic_index.find(name)
        centre = self.regional_centre(regional_centre)
        return NameIndex.build(
            f"polyclinic under Regional Centre {centre.name}",
            ((p, p.name, (p.name,), (p.seed_name,)) for p in self.polyclinics_of(centre.name)),
        ).find(name)

    def polyclinics_of(self, regional_centre: str) -> tuple[Polyclinic, ...]:
        """The polyclinics under a Regional Centre, in the seed's order (seed 002 lines 288-300)."""
        centre = self.regional_centre(regional_centre)
        return tuple(p for p in self.polyclinics if p.regional_centre == centre.name)

    def pcda_for_polyclinic(self, name: str, regional_centre: str | None = None) -> str:
        """The PCDA/CDA to enter on the MRO for a member of this polyclinic (seed 002 lines 264, 285-300)."""
        return self.regional_centre(self.polyclinic(name, regional_centre).regional_centre).pcda_cda

    def district(self, code: str) -> District:
        """A district by its code (the key used in fma_districts.csv)."""
        district = self._district_by_code.get(code.strip().casefold())
        if district is None:
            raise UnknownReference("district with code", code, [])
        return district

    def find_district(self, name: str, state: str) -> District:
        """A district by name and state, as an address gives them (seed 003 §5(a))."""
        return self._district_index.find(f"{name}, {state}")

    def with_districts(self, imported: Iterable[District]) -> ReferenceData:
        """A copy where imported districts replace those with the same code and new ones are added.

        Why merge rather than replace: a notification (seed 003 §4(b)) or a certificate that a facility has
        opened (seed 003 §9(c)) may cover some districts only; the others keep their entries.
        """
        by_code = {d.code.casefold(): d for d in self.districts}
        by_code.update({d.code.casefold(): d for d in imported})
        return ReferenceData(
            ranks=self.ranks,
            regional_centres=self.regional_centres,
            polyclinics=self.polyclinics,
            record_offices=self.record_offices,
            mro_heads=self.mro_heads,
            districts=tuple(by_code.values()),
        )

    def spelling_slips(self) -> tuple[SpellingSlip, ...]:
        """Every name corrected from the seeds' spelling, with the original kept (see `spelling`)."""
        tables: tuple[tuple[str, Iterable[Rank | RegionalCentre | Polyclinic | RecordOffice]], ...] = (
            (RANKS_FILE, self.ranks),
            (REGIONAL_CENTRES_FILE, self.regional_centres),
            (POLYCLINICS_FILE, self.polyclinics),
            (RECORD_OFFICES_FILE, self.record_offices),
        )
        return tuple(
            SpellingSlip(table, entry.seed_name, entry.name, entry.correction, entry.source)
            for table, entries in tables
            for entry in entries
            if entry.correction
        )


def _secondary_rank_names(rank: Rank) -> tuple[str, ...]:
    return (rank.seed_name, rank.seed_abbreviation, *rank.aliases)


def load_reference_data(fixtures_dir: Path) -> ReferenceData:
    """Load, validate and cross-check every reference file in `fixtures_dir`.

    Raises ReferenceDataError naming the file, the line and the problem at the first fault found.
    """
    centres = load_regional_centres(fixtures_dir / REGIONAL_CENTRES_FILE)
    return ReferenceData(
        ranks=load_ranks(fixtures_dir / RANKS_FILE),
        regional_centres=tuple(centre for _, centre in centres),
        polyclinics=load_polyclinics(fixtures_dir / POLYCLINICS_FILE, centres),
        record_offices=load_record_offices(fixtures_dir / RECORD_OFFICES_FILE, centres),
        mro_heads=load_mro_heads(fixtures_dir / MRO_HEADS_FILE),
        districts=import_districts_csv(fixtures_dir / DISTRICTS_FILE),
    )
