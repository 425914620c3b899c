"""The seeds' spelling slips: corrected, the original kept, and still found by the seed's spelling."""

from __future__ import annotations

import pytest

from card_station.domain.reference import ReferenceData, Service

POLYCLINIC_SLIPS = [
    ("Yol (Dharamashala)", "Yol (Dharamshala)"),  # line 288
    ("Fatehbad", "Fatehabad"),  # line 289
    ("Kurukshatra", "Kurukshetra"),  # line 289
    ("Muktasar", "Muktsar"),  # line 290
    ("Jhunujhunu", "Jhunjhunu"),  # line 291
    ("Bagaur", "Nagaur"),  # line 291
    ("Vadodra", "Vadodara"),  # line 292
    ("Bafpur", "Nagpur"),  # line 292
    ("Ahmendnagar", "Ahmednagar"),  # line 292
    ("Sindudurg", "Sindhudurg"),  # line 292
    ("Amaravati", "Amravati"),  # line 292
    ("Alibagh", "Alibag"),  # line 292
    ("Bulandshar", "Bulandshahr"),  # line 293
    ("Firizabad", "Firozabad"),  # line 293
    ("Raibareilly", "Rae Bareli"),  # line 293
    ("Kolkatta", "Kolkata"),  # line 294
    ("Bardwan", "Bardhaman"),  # line 294
    ("Dharbvhanga", "Darbhanga"),  # line 295
    ("Ganjam (Brahampur)", "Ganjam (Brahmapur)"),  # line 295
    ("Balia", "Ballia"),  # line 296
    ("Azamagarh", "Azamgarh"),  # line 296
    ("Chittor", "Chittoor"),  # line 297
    ("Bangalore (Urbon)", "Bangalore (Urban)"),  # line 297
    ("Bangalore (Yelahanks)", "Bangalore (Yelahanka)"),  # line 297
    ("Tirunaveli", "Tirunelveli"),  # line 298
    ("Tirunamalai", "Tiruvannamalai"),  # line 298
    ("Virudhanagar", "Virudhunagar"),  # line 298
    ("Dharampuri", "Dharmapuri"),  # line 298
    ("Kanayakumari", "Kanyakumari"),  # line 298
    ("Tanhavur", "Thanjavur"),  # line 298
    ("Pathannamthitta", "Pathanamthitta"),  # line 299
    ("Kozcode", "Kozhikode"),  # line 299
    ("Allepy", "Alleppey"),  # line 299
    ("Trissur", "Thrissur"),  # line 299
    ("Malapuram", "Malappuram"),  # line 299
    ("Johrat", "Jorhat"),  # line 300
    ("Shilong", "Shillong"),  # line 300
    ("Aizwal", "Aizawl"),  # line 300
]
RECORD_OFFICE_SLIPS = [
    ("Air Force Records Ofice (AFRO)", "Air Force Records Office"),  # line 109
    ("KUMAON Regiment:", "Kumaon Regiment"),  # line 112
    ("electronic and Mechanical Engineers (EME)", "Electronics and Mechanical Engineers"),  # line 113
]
RANK_SLIPS = [
    ("Leading Air Craftsman", "Leading Aircraftman"),  # line 142
    ("Air Craftsman", "Aircraftman"),  # line 143
]


def test_ptana_is_patna(reference: ReferenceData) -> None:
    # line 295: "8 Ptana Bhojpur (Ara), ... CDA Patna"
    centre = reference.regional_centre("Ptana")
    assert (centre.name, centre.seed_name) == ("Patna", "Ptana")
    assert reference.regional_centre("Patna") is centre


@pytest.mark.parametrize(("seed", "normalised"), POLYCLINIC_SLIPS)
def test_polyclinic_slip(reference: ReferenceData, seed: str, normalised: str) -> None:
    polyclinic = reference.polyclinic(seed)
    assert (polyclinic.name, polyclinic.seed_name) == (normalised, seed)
    assert polyclinic.correction
    assert reference.polyclinic(normalised) is polyclinic


def test_hamirpur_bilaspur_is_two_polyclinics(reference: ReferenceData) -> None:
    # line 290: "... Mansa, Hamirpur Bilaspur, Una, ..." lacks a comma
    names = [p.name for p in reference.polyclinics_of("Chandimandir")]
    assert names[names.index("Mansa") + 1 : names.index("Una")] == ["Hamirpur", "Bilaspur"]
    assert {
        p.seed_name for p in reference.polyclinics_of("Chandimandir") if p.name in {"Hamirpur", "Bilaspur"}
    } == {"Hamirpur Bilaspur"}


@pytest.mark.parametrize(("seed", "normalised"), RECORD_OFFICE_SLIPS)
def test_record_office_slip(reference: ReferenceData, seed: str, normalised: str) -> None:
    office = reference.record_office(seed)
    assert (office.name, office.seed_name) == (normalised, seed)
    assert reference.record_office(normalised) is office


@pytest.mark.parametrize(("seed", "normalised"), RANK_SLIPS)
def test_rank_slip(reference: ReferenceData, seed: str, normalised: str) -> None:
    rank = reference.rank(Service.AIR_FORCE, seed)
    assert (rank.name, rank.seed_name) == (normalised, seed)


def test_the_slips_in_the_data_are_exactly_those_tested(reference: ReferenceData) -> None:
    expected = {
        ("regional_centres.csv", "Ptana", "Patna"),
        ("polyclinics.csv", "Hamirpur Bilaspur", "Hamirpur"),
        ("polyclinics.csv", "Hamirpur Bilaspur", "Bilaspur"),
        *(("polyclinics.csv", s, n) for s, n in POLYCLINIC_SLIPS),
        *(("record_offices.csv", s, n) for s, n in RECORD_OFFICE_SLIPS),
        *(("ranks.csv", s, n) for s, n in RANK_SLIPS),
    }
    slips = reference.spelling_slips()
    assert {(s.table, s.seed_text, s.normalised) for s in slips} == expected
    assert all(s.correction and s.source.startswith("seed 002 line") for s in slips)
