"""An FMA member's card faces carry the marking of seed 003 §11: "The current card of all ESM and their
dependants will be marked ... marking will be made — “No OPD – 01 JUL 2019” or as the case may be"; a card
whose FMA ceased (seed 003 §6(d), §8(c)) is not marked."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from face_helpers import NOW, page_png, page_text

from card_station.applications import ApplicationFile
from card_station.card.compose import Issuer
from card_station.card.content import Endorsement, EndorsementKind
from card_station.issuing.face import faces_for, family_faces, render_pdf
from card_station.issuing.face.from_application import content_from_application
from card_station.keys import FileKeyStore

SEED_003_PARA_11 = "No OPD – 01 JUL 2019"


def test_every_card_of_an_fma_family_is_marked_no_opd_with_the_date(
    family: ApplicationFile, issuer: Issuer, face_keys: FileKeyStore, out: Path
) -> None:
    content = content_from_application(family, issuer, NOW, fma_from=date(2019, 7, 1))
    faces = family_faces(content, face_keys, issuer.reference)
    assert all(face.fields["endorsement"] == SEED_003_PARA_11 for face in faces)
    pdf = render_pdf(faces, out / "fma.pdf")
    for front in (1, 3, 13):  # the member, his spouse, his mother
        assert SEED_003_PARA_11 in page_text(pdf, front)
    assert page_png(pdf, 1, out, dpi=100).is_file()


def test_a_family_without_fma_is_not_marked(
    family: ApplicationFile, issuer: Issuer, face_keys: FileKeyStore, out: Path
) -> None:
    content = content_from_application(family, issuer, NOW)
    faces = family_faces(content, face_keys, issuer.reference)
    assert all("endorsement" not in face.fields for face in faces)
    assert "No OPD" not in page_text(render_pdf(faces[:1], out / "plain.pdf"), 1)


def test_a_card_whose_fma_ceased_later_is_not_marked(family: ApplicationFile, issuer: Issuer) -> None:
    content = content_from_application(family, issuer, NOW, fma_from=date(2019, 7, 1))
    ceased = Endorsement(
        EndorsementKind.FMA_CEASED, date(2024, 3, 1), "OPD allowed from 01 MAR 2024", "DL-STN-01"
    )
    content = replace(content, endorsements=(*content.endorsements, ceased))
    assert all(face.endorsement is None for face in faces_for(content, issuer.reference))
