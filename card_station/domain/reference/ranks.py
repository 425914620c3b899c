"""Ranks of the three Services, their abbreviations and ward entitlement.

Why: the application form wants the rank "in Abbreviated form as per details given at Page 8" (seed 002
§4(a)(i), §4(b)(ii)); the table is at seed 002 lines 122-143. The receipt of documents records the
"Category for Hospitalisation: Private / Semi Private / General" (seed 002 line 166), which follows rank:
General for recruit to Havildar and equivalents, Semi-Private for Naib Subedar to Subedar Major, Honorary
Naib Subedar and Honorary Lt/Capt and equivalents, Private for officers (seeds README, facts from public
sources). The ward is a column of the fixture, not code, so a new circular changes data only.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from card_station.domain.reference.csv_source import read_rows
from card_station.domain.reference.service import Service
from card_station.domain.reference.spelling import check_correction

RANK_COLUMNS = (
    "service",
    "category",
    "name",
    "abbreviation",
    "ward",
    "seed_name",
    "seed_abbreviation",
    "correction",
    "aliases",
    "source",
)


class Ward(Enum):
    """Hospital ward entitlement, the three boxes of seed 002 line 166."""

    GENERAL = "general"
    SEMI_PRIVATE = "semi_private"
    PRIVATE = "private"


class RankCategory(Enum):
    """Where a rank sits in the seed's table (seed 002 lines 123-143).

    JCO covers the Army's Junior Commissioned Officers and the Navy and Air Force ranks the seed puts in the
    same rows (MCPO, CPO; MWO, WO, JWO). WARRANT_OFFICER is the Army's Warrant Officer row (line 139), which
    has no Navy or Air Force equivalent in the seed.
    """

    OFFICER = "officer"
    HONORARY_OFFICER = "honorary_officer"
    JCO = "jco"
    HONORARY_JCO = "honorary_jco"
    WARRANT_OFFICER = "warrant_officer"
    OTHER_RANK = "other_rank"


@dataclass(frozen=True)
class Rank:
    """One rank as the seed gives it; `seed_name`/`seed_abbreviation` are the seed's cells verbatim.

    Where a seed cell names two ranks ("Subedar or Risaldar" / "Sub or Ris") each has a row of its own with
    the shared cell kept; `seed_name` is empty for a rank the ward rule names but the table does not
    (Honorary Naib Subedar).
    """

    service: Service
    category: RankCategory
    name: str
    abbreviation: str
    ward: Ward
    seed_name: str
    seed_abbreviation: str
    correction: str
    aliases: tuple[str, ...]
    source: str


def load_ranks(path: Path) -> tuple[Rank, ...]:
    """Read ranks.csv. Names and abbreviations are unique within a Service."""
    loaded: list[Rank] = []
    seen: dict[tuple[Service, str, str], int] = {}
    for row in read_rows(path, RANK_COLUMNS):
        rank = Rank(
            service=row.choice("service", Service),
            category=row.choice("category", RankCategory),
            name=row.text("name"),
            abbreviation=row.text("abbreviation"),
            ward=row.choice("ward", Ward),
            seed_name=row.optional_text("seed_name"),
            seed_abbreviation=row.optional_text("seed_abbreviation"),
            correction=check_correction(row),
            aliases=row.items("aliases"),
            source=row.text("source"),
        )
        if bool(rank.seed_name) != bool(rank.seed_abbreviation):
            raise row.error("seed_name and seed_abbreviation must both be given or both be empty")
        if rank.correction and not rank.seed_name:
            raise row.error("a correction needs the seed's spelling in seed_name")
        for column, value in (("name", rank.name), ("abbreviation", rank.abbreviation)):
            key = (rank.service, column, value.casefold())
            if key in seen:
                raise row.error(
                    f"{rank.service.label} {column} {value!r} is already used on line {seen[key]}; "
                    "each must be unique within a Service"
                )
            seen[key] = row.line
        loaded.append(rank)
    return tuple(loaded)
