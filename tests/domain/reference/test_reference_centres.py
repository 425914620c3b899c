"""Regional Centres, polyclinics, PCDA/CDA and MRO heads (seed 002 lines 264-300); Record Office
affiliation (seed 002 lines 108-119, §3(a)(ii))."""

from __future__ import annotations

import pytest

from card_station.domain.reference import AmbiguousReference, ReferenceData, UnknownReference


@pytest.mark.parametrize(
    ("polyclinic", "pcda"),
    [
        ("Leh", "PCDA (NC) Jammu"),  # line 288: 1 Jammu ... Leh, Rajouri PCDA (NC) Jammu
        ("Delhi (Lodhi)", "PCDA (WC) Chandigarh"),  # line 289: 2 Delhi
        ("Sriganganagar", "PCDA (WC) Chandigarh"),  # line 290: 3 Chandimandir
        ("Sawai Madhopur", "PCDA (SC) Pune"),  # line 291: 4 Jaipur
        ("Nasik (Deolali)", "PCDA (SC) Pune"),  # line 292: 5 Pune
        ("Raiwala (Haridwar)", "PCDA (CC) Lucknow"),  # line 293: 6 Lucknow
        ("Gangtok", "CDA Patna"),  # line 294: 7 Kolkata
        ("Danapur (Patna)", "CDA Patna"),  # line 295: 8 Ptana
        ("Indore (Mhow)", "CDA Jabalpur"),  # line 296: 9 Jabalpur
        ("Kodagu (Madikeri)", "CDA Secunderabad"),  # line 297: 10 Hyderabad
        ("Port Blair", "CDA Chennai"),  # line 298: 11 Chennai
        ("Malappuram", "CDA Chennai"),  # line 299: 12 Kochi (seed: Malapuram)
        ("Agartala", "CDA Guwahati"),  # line 300: 13 Guwahati
    ],
)
def test_pcda_named_on_the_mro_for_a_polyclinic(reference: ReferenceData, polyclinic: str, pcda: str) -> None:
    assert reference.pcda_for_polyclinic(polyclinic) == pcda


def test_polyclinics_of_a_centre_in_the_seeds_order(reference: ReferenceData) -> None:
    # line 300: Kamrup (Guwahati), Johrat, masimpur (Silchar), Shilong, Zakhama (Kohima), ...
    assert [p.name for p in reference.polyclinics_of("Guwahati")] == [
        "Kamrup (Guwahati)",
        "Jorhat",
        "Masimpur (Silchar)",
        "Shillong",
        "Zakhama (Kohima)",
        "Mokokchung",
        "Aizawl",
        "Imphal",
        "Agartala",
    ]


def test_a_polyclinic_name_under_two_centres_needs_the_centre(reference: ReferenceData) -> None:
    # Fatehgarh is under Chandimandir (line 290) and under Lucknow (line 293)
    with pytest.raises(AmbiguousReference, match=r"Fatehgarh \(Chandimandir\), Fatehgarh \(Lucknow\)"):
        reference.polyclinic("Fatehgarh")
    assert reference.pcda_for_polyclinic("Fatehgarh", "Chandimandir") == "PCDA (WC) Chandigarh"
    assert reference.pcda_for_polyclinic("Fatehgarh", "Lucknow") == "PCDA (CC) Lucknow"


def test_a_polyclinic_under_the_wrong_centre_is_unknown(reference: ReferenceData) -> None:
    with pytest.raises(UnknownReference, match="no polyclinic under Regional Centre Pune named 'Leh'"):
        reference.polyclinic("Leh", "Pune")


def test_mro_heads(reference: ReferenceData) -> None:
    # line 268: MAJOR HEAD : 0076, MINOR HEAD : 110, Sub Minor Head : 11D
    heads = reference.mro_heads
    assert (heads.major, heads.minor, heads.sub_minor) == ("0076", "110", "11D")


@pytest.mark.parametrize(
    ("record_office", "centre"),
    [
        ("RAJPUTANA RIFLES", "Delhi"),  # line 109: Delhi Cantt ... and RAJPUTANA RIFLES
        ("AFRO", "Delhi"),  # line 109: Air Force Records Ofice (AFRO) - for all air Force PBOR
        ("MP6", "Delhi"),  # line 109 and §4(b)(ii) line 86
        ("Regiment of Artillery", "Pune"),  # line 110
        ("Bombay Engineer Group", "Pune"),  # line 110
        ("Army Service Corps (AT)", "Patna"),  # line 111
        ("9 Gorkha Rifles", "Patna"),  # line 111: 3 & 9 GORKHA RIFLES
        ("Bengal Engineer Group (BEG)", "Lucknow"),  # line 112
        ("11 GORKHA RIFLES", "Lucknow"),  # line 112
        ("EME", "Hyderabad"),  # line 113
        ("JAK RIF", "Jabalpur"),  # line 114
        ("LADAKH SCOUTS", "Jammu"),  # line 115
        ("8 Gorkha Rifles", "Guwahati"),  # line 116: 5 & 8 GORKHA RIFLES
        ("4 GR", "Chandimandir"),  # line 117: 1 & 4 GORKHA RIFLES
        ("Army Service Corps (South)", "Chennai"),  # line 118
        ("CABS", "Kochi"),  # line 119: CABS, Mumbai - for all Navy PBOR
        ("Bureau of Naviks", "Kochi"),  # seed 003 §9(a)(ii) names CABS so
    ],
)
def test_regional_centre_of_a_record_office(
    reference: ReferenceData, record_office: str, centre: str
) -> None:
    assert reference.regional_centre_for_record_office(record_office).name == centre


def test_beg_names_two_engineer_groups(reference: ReferenceData) -> None:
    # lines 110 and 112 both abbreviate to BEG
    with pytest.raises(AmbiguousReference, match="Bombay Engineer Group, Bengal Engineer Group"):
        reference.record_office("BEG")


def test_regional_centre_by_the_affiliation_tables_name(reference: ReferenceData) -> None:
    # line 109 heads the Delhi row "Delhi Cantt"; the MRO table (line 289) calls it "Delhi"
    assert reference.regional_centre("Delhi Cantt").name == "Delhi"


def test_unknown_record_office_suggests_the_nearest(reference: ReferenceData) -> None:
    with pytest.raises(UnknownReference, match="did you mean 'Mahar Regiment'"):
        reference.record_office("Mahar Regt")
