"""Rank abbreviations (seed 002 lines 122-143) and ward entitlement by rank (seed 002 line 166)."""

from __future__ import annotations

import pytest

from card_station.domain.reference import (
    AmbiguousReference,
    RankCategory,
    ReferenceData,
    Service,
    UnknownReference,
    Ward,
)

ARMY, NAVY, AIR_FORCE = Service.ARMY, Service.NAVY, Service.AIR_FORCE


@pytest.mark.parametrize(
    ("service", "given", "name", "abbreviation"),
    [
        (ARMY, "Lt Gen", "Lieutenant General", "Lt Gen"),  # line 124: Lieutenant General Lt Gen
        (NAVY, "V Adm", "Vice Admiral", "V Adm"),  # line 124: Vice Admiral V Adm
        (AIR_FORCE, "Air Marshal", "Air Marshal", "A Mshl"),  # line 124: Air Marshal A Mshl
        (NAVY, "Capt (IN)", "Captain", "Capt (IN)"),  # line 127: Captain Capt (IN)
        (AIR_FORCE, "Gp Capt", "Group Captain", "Gp Capt"),  # line 127: Group Captain Gp Capt
        (ARMY, "Hony Capt", "Honorary Captain", "Hony Capt"),  # line 134
        (AIR_FORCE, "Honorary Flying Officer", "Honorary Flying Officer", "Hony Flg Offr"),  # line 135
        (ARMY, "Ris Maj", "Risaldar Major", "Ris Maj"),  # line 136: Sub Maj Or Ris Maj
        (NAVY, "MCPO 1", "Master Chief Petty Officer 1", "MCPO 1"),  # line 136
        (AIR_FORCE, "JWO", "Junior Warrant Officer", "JWO"),  # line 138
        (ARMY, "Dfr", "Dafedar", "Dfr"),  # line 140: Havildar or Dafedar, Hav Or Dfr
        (ARMY, "LNK", "Lance Naik", "LNK"),  # line 142: Lance Naik ... LNK Or ALD
        (ARMY, "Sep", "Sepoy", "Sep"),  # line 143: Sepoy (Rfn, Swr, Spr, Sigmn, Cfn) Sep
        (ARMY, "Rfn", "Rifleman", "Rfn"),  # line 143: an equivalent of Sepoy
        (NAVY, "Sea II", "Seaman II", "Sea II"),  # line 143: Seaman II Sea II
        (AIR_FORCE, "AC", "Aircraftman", "AC"),  # line 143: Air Craftsman AC
    ],
)
def test_rank_by_name_or_abbreviation(
    reference: ReferenceData, service: Service, given: str, name: str, abbreviation: str
) -> None:
    rank = reference.rank(service, given)
    assert (rank.service, rank.name, rank.abbreviation) == (service, name, abbreviation)


def test_lookup_forgives_case_spacing_and_full_stops(reference: ReferenceData) -> None:
    assert reference.rank(ARMY, "lt.col").name == "Lieutenant Colonel"
    assert reference.rank(ARMY, "  LT   COL ").name == "Lieutenant Colonel"
    assert reference.rank(NAVY, "capt(in)").name == "Captain"


def test_the_same_abbreviation_means_each_services_own_rank(reference: ReferenceData) -> None:
    # line 130: Army "Captain Capt", Navy "Lieutenant Lt (IN)"; line 139 and 137: Army and Air Force WO
    assert reference.rank(ARMY, "Capt").service is ARMY
    assert reference.rank(NAVY, "Lt").abbreviation == "Lt (IN)"
    assert reference.rank(ARMY, "WO").category is RankCategory.WARRANT_OFFICER
    assert reference.rank(AIR_FORCE, "WO").category is RankCategory.JCO


def test_seed_cells_are_kept_verbatim(reference: ReferenceData) -> None:
    rank = reference.rank(ARMY, "Nb Ris")  # line 138
    assert rank.seed_name == "Naib Subedar or Naib Risaldar"
    assert rank.seed_abbreviation == "Nb Sub Or Nb Ris"


def test_a_seed_cell_naming_two_ranks_is_ambiguous(reference: ReferenceData) -> None:
    with pytest.raises(AmbiguousReference, match=r"Subedar \(Sub\).*Risaldar \(Ris\)"):
        reference.rank(ARMY, "Sub or Ris")


def test_unknown_rank_suggests_the_nearest(reference: ReferenceData) -> None:
    with pytest.raises(
        UnknownReference, match=r"no Army rank named 'Havildaar'; did you mean 'Havildar \(Hav\)'"
    ):
        reference.rank(ARMY, "Havildaar")


def test_a_rank_of_another_service_is_unknown(reference: ReferenceData) -> None:
    with pytest.raises(UnknownReference, match="no Navy rank named 'Sqn Ldr'"):
        reference.rank(NAVY, "Sqn Ldr")


@pytest.mark.parametrize(
    ("service", "rank", "ward"),
    [
        # General: recruit to Havildar and equivalents
        (ARMY, "Sep", Ward.GENERAL),
        (ARMY, "Hav", Ward.GENERAL),
        (NAVY, "Sea II", Ward.GENERAL),
        (NAVY, "PO", Ward.GENERAL),
        (AIR_FORCE, "AC", Ward.GENERAL),
        (AIR_FORCE, "Sgt", Ward.GENERAL),
        # Semi-Private: Naib Subedar to Subedar Major and equivalents
        (ARMY, "Nb Sub", Ward.SEMI_PRIVATE),
        (ARMY, "Sub Maj", Ward.SEMI_PRIVATE),
        (NAVY, "CPO", Ward.SEMI_PRIVATE),
        (NAVY, "MCPO 1", Ward.SEMI_PRIVATE),
        (AIR_FORCE, "JWO", Ward.SEMI_PRIVATE),
        (AIR_FORCE, "MWO", Ward.SEMI_PRIVATE),
        # Semi-Private: Honorary Naib Subedar, Honorary Lt/Capt and equivalents
        (ARMY, "Hony Nb Sub", Ward.SEMI_PRIVATE),
        (ARMY, "Hony Lt", Ward.SEMI_PRIVATE),
        (ARMY, "Hony Capt", Ward.SEMI_PRIVATE),
        (NAVY, "Hony Sub Lt (IN)", Ward.SEMI_PRIVATE),
        (NAVY, "Hony Lt (IN)", Ward.SEMI_PRIVATE),
        (AIR_FORCE, "Hony Flg Offr", Ward.SEMI_PRIVATE),
        (AIR_FORCE, "Hony Flt Lt", Ward.SEMI_PRIVATE),
        # Private: all officers
        (ARMY, "Lt", Ward.PRIVATE),
        (ARMY, "Gen", Ward.PRIVATE),
        (NAVY, "Sub Lt (IN)", Ward.PRIVATE),
        (NAVY, "Adm", Ward.PRIVATE),
        (AIR_FORCE, "Flg Offr", Ward.PRIVATE),
        (AIR_FORCE, "AC Mshl", Ward.PRIVATE),
    ],
)
def test_ward_entitlement_in_each_band_of_each_service(
    reference: ReferenceData, service: Service, rank: str, ward: Ward
) -> None:
    assert reference.ward_for_rank(service, rank) is ward


def test_every_officer_is_private_and_every_other_rank_general(reference: ReferenceData) -> None:
    for rank in reference.ranks:
        if rank.category is RankCategory.OFFICER:
            assert rank.ward is Ward.PRIVATE, rank
        elif rank.category is RankCategory.OTHER_RANK:
            assert rank.ward is Ward.GENERAL, rank
        else:
            assert rank.ward is Ward.SEMI_PRIVATE, rank
