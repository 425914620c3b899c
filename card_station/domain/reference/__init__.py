"""Reference data of the circulars: ranks, Regional Centres, polyclinics, PCDA/CDA, record offices.

The data lives in the repository's `fixtures/` folder (documented in docs/reference-data.md); this package
loads and cross-checks it at start-up (`load_reference_data`) and answers lookups. Domain rules take a
`ReferenceData` as a parameter rather than loading files themselves.
"""

from card_station.domain.reference.districts import District, import_districts_csv
from card_station.domain.reference.errors import (
    AmbiguousReference,
    ReferenceDataError,
    ReferenceLookupError,
    UnknownReference,
)
from card_station.domain.reference.ranks import Rank, RankCategory, Ward
from card_station.domain.reference.record_offices import RecordOffice
from card_station.domain.reference.reference_data import (
    ReferenceData,
    default_fixtures_dir,
    load_reference_data,
)
from card_station.domain.reference.regional_centres import MroHeads, Polyclinic, RegionalCentre
from card_station.domain.reference.service import Service
from card_station.domain.reference.spelling import SpellingSlip

__all__ = [
    "AmbiguousReference",
    "District",
    "MroHeads",
    "Polyclinic",
    "Rank",
    "RankCategory",
    "RecordOffice",
    "ReferenceData",
    "ReferenceDataError",
    "ReferenceLookupError",
    "RegionalCentre",
    "Service",
    "SpellingSlip",
    "UnknownReference",
    "Ward",
    "default_fixtures_dir",
    "import_districts_csv",
    "load_reference_data",
]
