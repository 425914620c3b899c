"""The SECTS card face through the issuing run's renderer: a CR80 PDF, one card per person, whose printed QR
code decodes back to a payload that verifies offline; an edited or foreign code is refused; Aadhaar only
masked (issue 9 "The health card")."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sects_pdf import decode_qr_from_pdf
from sects_samples import NOW, health_card

from card_station.issuing.face.qr_payload import FaceClaim, sign_claim
from card_station.issuing.face.render import render_pdf
from card_station.keys import FileKeyStore
from card_station.sects.face.faces import faces_for
from card_station.sects.face.layout import SECTS_LAYOUT, SectsField
from card_station.sects.face.qr import verify_sects_qr
from card_station.sects.records import Relation
from card_station.sects.verify import SectsVerdict, verify_qr

pytestmark = pytest.mark.usefixtures("qapp")
"""A QApplication first: the renderer would otherwise make a QGuiApplication, and no QWidget test could
run later in the same process."""
LATER = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
PT_PER_MM = 72 / 25.4


def page_sizes_mm(pdf: Path) -> list[tuple[float, float]]:
    text = pdf.read_bytes().decode("latin-1")
    boxes = re.findall(r"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", text)
    return [(float(w) / PT_PER_MM, float(h) / PT_PER_MM) for w, h in boxes]


def test_faces_carry_the_masked_aadhaar_and_the_fields_the_layout_places(keys: FileKeyStore) -> None:
    faces = faces_for(health_card(), keys, NOW.date())
    assert len(faces) == 4
    assert set(faces[0].fields) == SECTS_LAYOUT.fields()
    assert faces[0].fields[SectsField.AADHAAR] == "XXXX XXXX 4821"
    assert faces[1].fields[SectsField.CARD_NUMBER] == "UPE00000042-02"
    assert all("4821" not in face.fields[SectsField.NAME] for face in faces)


@pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")), reason="needs poppler and zbar"
)
def test_the_pdf_is_cr80_and_its_qr_decodes_to_a_verifying_signature(
    keys: FileKeyStore, tmp_path: Path
) -> None:
    faces = faces_for(health_card(1), keys, NOW.date(), serial=bytes.fromhex("8027688311000042"))
    pdf = render_pdf(faces, tmp_path / "sects.pdf", SECTS_LAYOUT)
    sizes = page_sizes_mm(pdf)
    assert len(sizes) == 4
    for width, height in sizes:
        assert width == pytest.approx(85.60, abs=0.3) and height == pytest.approx(53.98, abs=0.3)
    scanned = decode_qr_from_pdf(pdf, 2, tmp_path)
    assert scanned == faces[0].qr
    verified = verify_sects_qr(scanned, keys.root_certificate(), LATER)
    assert verified.claim.name == "रमेश चन्द्र वर्मा" and verified.claim.relation is Relation.SELF
    assert verified.claim.serial == bytes.fromhex("8027688311000042")
    check = verify_qr(scanned, keys.root_certificate(), LATER)
    assert check.verdict is SectsVerdict.VALID and check.persons[0].aadhaar_masked == "XXXX XXXX 4821"


def test_an_edited_qr_is_not_genuine(keys: FileKeyStore) -> None:
    payload = faces_for(health_card(1), keys, NOW.date())[1].qr
    edited = payload.replace("सुनीता".encode(), "सुमिता".encode())
    assert edited != payload
    check = verify_qr(edited, keys.root_certificate(), LATER)
    assert check.verdict is SectsVerdict.NOT_GENUINE and not check.persons
    assert "signature is not genuine" in check.reasons[0]


def test_a_qr_signed_under_another_root_is_not_genuine(keys: FileKeyStore, other_keys: FileKeyStore) -> None:
    payload = faces_for(health_card(1), other_keys, NOW.date())[0].qr
    assert verify_qr(payload, keys.root_certificate(), LATER).verdict is SectsVerdict.NOT_GENUINE


def test_an_echs_qr_is_not_a_sects_card(keys: FileKeyStore) -> None:
    echs = sign_claim(FaceClaim("DL0101234567", b"\x01\x02", "M", date(2026, 1, 10)), keys)
    check = verify_qr(echs, keys.root_certificate(), LATER)
    assert check.verdict is SectsVerdict.NOT_GENUINE
    assert "not a SECTS health card code" in check.reasons[0]


def test_a_qr_past_its_validity_is_refused_as_expired(keys: FileKeyStore) -> None:
    card = replace(health_card(0), valid_until=date(2026, 3, 1))
    payload = faces_for(card, keys, NOW.date())[0].qr
    check = verify_qr(payload, keys.root_certificate(), LATER)
    assert check.genuine and check.verdict is SectsVerdict.EXPIRED
    assert check.reasons == ("the card was valid until 01 MAR 2026",)
