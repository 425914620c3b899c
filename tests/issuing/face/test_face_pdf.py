"""The family's card faces as a PDF: CR80 pages, front and back per person, every field printed, Hindi set
in an embedded Devanagari font, and the QR code on the back scanning back to a signature the scheme root
verifies (issue 8 "Card face", "Tests")."""

from __future__ import annotations

from pathlib import Path

import pytest
from face_helpers import (
    CR80_POINTS,
    NOW,
    SERIAL,
    decode_qr,
    fonts,
    page_png,
    page_size_points,
    page_text,
    pdf_info,
)

from card_station.card.compose import Issuer
from card_station.card.content import CardContent
from card_station.issuing.face import FaceError, render_family_pdf, render_pdf, verify_face_qr
from card_station.keys import FileKeyStore


@pytest.fixture(scope="module")
def family_pdf(
    tmp_path_factory: pytest.TempPathFactory,
    family_content: CardContent,
    face_keys: FileKeyStore,
    issuer: Issuer,
) -> tuple[Path, tuple]:
    path = tmp_path_factory.mktemp("family") / "family.pdf"
    faces = render_family_pdf(family_content, face_keys, issuer.reference, path)
    return path, faces


def test_every_page_is_a_cr80_card_in_landscape_front_and_back_per_person(
    family_pdf: tuple[Path, tuple],
) -> None:
    path, faces = family_pdf
    width, height = page_size_points(path)
    # Qt writes the MediaBox in whole points: 243 × 153 for 242.65 × 153.01 (0.12 mm at most)
    assert width == pytest.approx(CR80_POINTS[0], abs=0.5)
    assert height == pytest.approx(CR80_POINTS[1], abs=0.5)
    assert len(faces) == 7  # the member and his six eligible dependants
    assert int(pdf_info(path)["Pages"]) == 14


def test_the_members_front_shows_his_particulars_and_english_labels(family_pdf: tuple[Path, tuple]) -> None:
    front = page_text(family_pdf[0], 1)
    for expected in (
        "Ex-Servicemen Contributory Health Scheme",
        "Rajesh Kumar",
        "JC-456789K",
        "Sub",  # the rank in its abbreviated form (seed 002 §4(a)(i))
        "DL0101234567",
        "Semi-Private",  # a Subedar's ward (seed 002 line 166)
        "Delhi Cantt",
        "Life",
        "Name",
        "Service No",
        "Rank",
        "Card No",
        "Valid till",
        "Ward",
        "Parent Polyclinic",
    ):
        assert expected in front, f"{expected!r} is not on the member's front: {front}"
    assert "Relation" not in front and "DOB" not in front


def test_a_dependants_front_shows_relation_date_of_birth_and_validity(family_pdf: tuple[Path, tuple]) -> None:
    son = page_text(family_pdf[0], 5)  # D2: fronts are the odd pages, member first
    for expected in ("Amit Kumar", "Son", "15 AUG 2002", "15 AUG 2027", "Relation", "DOB", "DL0101234567"):
        assert expected in son, f"{expected!r} is not on the son's front: {son}"


def test_the_back_carries_the_card_number_note_and_polyclinic(family_pdf: tuple[Path, tuple]) -> None:
    back = page_text(family_pdf[0], 2)
    for expected in ("DL0101234567", "This card is the property of ECHS", "Delhi Cantt"):
        assert expected in back


def test_hindi_is_set_in_an_embedded_devanagari_font(family_pdf: tuple[Path, tuple]) -> None:
    listing = fonts(family_pdf[0])
    devanagari = [line for line in listing.splitlines() if "Devanagari" in line]
    assert devanagari, listing
    assert all(" yes " in line for line in devanagari), "the Devanagari font must be embedded"


def test_the_printed_qr_scans_back_to_a_signature_the_root_verifies(
    family_pdf: tuple[Path, tuple], face_keys: FileKeyStore, out: Path
) -> None:
    path, faces = family_pdf
    for index, person in ((0, "M"), (2, "D2")):
        scanned = decode_qr(page_png(path, 2 * index + 2, out))
        assert scanned == faces[index].qr
        verified = verify_face_qr(scanned, face_keys.root_certificate(), NOW)
        assert verified.claim.card_number == "DL0101234567"
        assert verified.claim.serial == SERIAL
        assert verified.claim.person_id == person
        assert verified.claim.issued_on == NOW.date()
        verified.require_card("DL0101234567", SERIAL)


def test_no_faces_is_refused_and_writes_nothing(out: Path) -> None:
    with pytest.raises(FaceError, match="at least one"):
        render_pdf([], out / "none.pdf")
    assert not (out / "none.pdf").exists()
