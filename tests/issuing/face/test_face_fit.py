"""Text that does not fit its box is shrunk, then wrapped, and never cut off; text that does not fit even
at the smallest legible size, wrapped, is refused naming the field, before anything is written."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from face_helpers import page_text

from card_station.card.compose import Issuer
from card_station.card.content import CardContent
from card_station.issuing.face import ECHS_LAYOUT, TextDoesNotFit, family_faces, render_pdf
from card_station.issuing.face.grid import VALUE_STYLE
from card_station.issuing.face.layout import Geometry
from card_station.issuing.face.qt_app import face_fonts
from card_station.issuing.face.render import PDF_DPI, plan_face
from card_station.keys import FileKeyStore

LONG_NAME = "Lieutenant Colonel Rajendra Singh Shekhawat Bahadur Chauhan"
TOO_LONG_NAME = " ".join(["Rajendrasinghji Shekhawatbahadur"] * 12)


def _with_member_name(content: CardContent, name: str) -> CardContent:
    member_only = {"M": content.photos["M"]}
    return replace(content, member=replace(content.member, name=name), dependants=(), photos=member_only)


def _name_placement(content: CardContent, keys: FileKeyStore, issuer: Issuer):
    face = family_faces(content, keys, issuer.reference)[0]
    plan = plan_face(face, ECHS_LAYOUT, face_fonts(), Geometry(PDF_DPI))
    return next(p for step in plan.front for p in step.texts if p.field == "name")


def test_a_short_name_is_set_at_the_largest_size_on_one_line(
    family_content: CardContent, face_keys: FileKeyStore, issuer: Issuer
) -> None:
    placed = _name_placement(family_content, face_keys, issuer)
    assert placed.pixel_size == Geometry(PDF_DPI).size(VALUE_STYLE.largest_mm)
    assert not placed.wrapped


def test_a_long_name_is_shrunk_or_wrapped_and_printed_whole(
    family_content: CardContent, face_keys: FileKeyStore, issuer: Issuer, out: Path
) -> None:
    content = _with_member_name(family_content, LONG_NAME)
    placed = _name_placement(content, face_keys, issuer)
    g = Geometry(PDF_DPI)
    assert placed.pixel_size < g.size(VALUE_STYLE.largest_mm) or placed.wrapped
    assert placed.pixel_size >= g.size(VALUE_STYLE.smallest_mm)
    pdf = render_pdf(family_faces(content, face_keys, issuer.reference), out / "long.pdf")
    assert LONG_NAME in page_text(pdf, 1)


def test_a_name_that_cannot_fit_is_refused_by_field_and_nothing_is_written(
    family_content: CardContent, face_keys: FileKeyStore, issuer: Issuer, out: Path
) -> None:
    earlier = render_pdf(family_faces(family_content, face_keys, issuer.reference)[:1], out / "card.pdf")
    before = earlier.read_bytes()
    faces = family_faces(_with_member_name(family_content, TOO_LONG_NAME), face_keys, issuer.reference)
    with pytest.raises(TextDoesNotFit, match="the name 'Rajendrasinghji") as raised:
        render_pdf(faces, out / "card.pdf")
    assert raised.value.field == "name"
    assert "shorten it" in str(raised.value)
    assert earlier.read_bytes() == before, "the PDF that was there must be left as it was"
    assert sorted(p.name for p in out.iterdir()) == ["card.pdf"], "no partial file may be left behind"
