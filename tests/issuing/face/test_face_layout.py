"""The layout is data: a second scheme's card (here a made-up two-field layout standing in for the SECTS
card a later issue adds) is drawn by the same renderer without touching it; the ECHS layout stays inside
the printer's safe margin; a face without a field its layout requires is refused naming the field."""

from __future__ import annotations

from pathlib import Path

import pytest
from face_helpers import CR80_POINTS, NOW, decode_qr, page_png, page_size_points, page_text

from card_station.issuing.face import ECHS_LAYOUT, FaceError, PrintableFace, render_pdf, verify_face_qr
from card_station.issuing.face.content import EchsField
from card_station.issuing.face.layout import (
    Box,
    FaceLayout,
    FieldText,
    Fill,
    FixedText,
    Label,
    PhotoSlot,
    QrSlot,
    TextStyle,
)
from card_station.issuing.face.qr_payload import FaceClaim, sign_claim
from card_station.keys import FileKeyStore

STYLE = TextStyle(2.8, 1.3, bold=True)
TITLE = TextStyle(2.6, 1.3, colour="#FFFFFF")
CODE = Label("कर्मचारी कोड", "Employee Code")
OTHER_SCHEME = FaceLayout(
    name="Other scheme",
    safe_margin_mm=2.5,
    front=(
        Fill(Box(0, 0, 85.6, 8.0), "#004488"),
        FixedText(
            "title",
            "राज्य कर्मचारी कैशलेस चिकित्सा योजना",
            Box(3, 1.5, 79, 5),
            TextStyle(2.6, 1.3, colour="#FFFFFF"),
        ),
        PhotoSlot(Box(3, 10, 20, 25)),
        FieldText(
            "employee_code", Label("कर्मचारी कोड", "Employee Code"), Box(26, 10, 56, 7), STYLE, label_mm=2.5
        ),
        FieldText("district", Label("जनपद", "District"), Box(26, 19, 56, 7), STYLE, label_mm=2.5),
    ),
    back=(QrSlot(Box(25, 8, 36, 36)),),
)


def _face(keys: FileKeyStore, **fields: str) -> PrintableFace:
    claim = FaceClaim("UP-0001", b"", "M", NOW.date())
    return PrintableFace("Other scheme card UP-0001", sign_claim(claim, keys), fields)


def test_a_second_layout_is_drawn_by_the_same_renderer(face_keys: FileKeyStore, out: Path) -> None:
    face = _face(face_keys, employee_code="UPE-12345", district="Lucknow")
    pdf = render_pdf([face], out / "other.pdf", layout=OTHER_SCHEME)
    assert page_size_points(pdf) == pytest.approx(CR80_POINTS, abs=0.5)
    front = page_text(pdf, 1)
    assert "UPE-12345" in front and "Lucknow" in front and "Employee Code" in front
    scanned = decode_qr(page_png(pdf, 2, out))
    assert verify_face_qr(scanned, face_keys.root_certificate(), NOW).claim.card_number == "UP-0001"


def test_a_required_field_missing_from_the_face_is_refused_by_name(
    face_keys: FileKeyStore, out: Path
) -> None:
    with pytest.raises(FaceError, match="the district is empty"):
        render_pdf([_face(face_keys, employee_code="UPE-12345")], out / "x.pdf", layout=OTHER_SCHEME)
    assert not (out / "x.pdf").exists()


def test_the_echs_layout_keeps_everything_inside_the_safe_margin_except_the_header_band() -> None:
    margin = ECHS_LAYOUT.safe_margin_mm
    for element in (*ECHS_LAYOUT.front, *ECHS_LAYOUT.back):
        if isinstance(element, Fill):
            continue
        box = element.box
        assert box.x >= margin and box.y >= margin - 2.1, element  # the title sits in the band
        assert box.x + box.w <= ECHS_LAYOUT.width_mm - margin + 1e-9, element
        assert box.y + box.h <= ECHS_LAYOUT.height_mm - margin + 1e-9, element


def test_the_echs_layout_places_every_field_of_an_echs_face() -> None:
    assert ECHS_LAYOUT.fields() == {str(field) for field in EchsField}
