"""A card personalised through the real PC/SC stack (pyscard -> private pcscd -> vpcd -> emulated card),
read back as a counter reads it, and its faces printed from what the chip holds: the QR code binds the
face to that chip's serial, and a counter holding only the scheme root accepts the pair."""

from __future__ import annotations

from pathlib import Path

import pytest
from face_helpers import NOW, decode_qr, page_png, page_text

from apdu.iso7816 import Iso7816
from apdu.transport.pcsc import PcscTransport
from card_station.applications import ApplicationFile
from card_station.card.compose import Issuer
from card_station.card.reader import read_card
from card_station.card.reading import verify_reading
from card_station.card.session import DEVELOPMENT_TRANSPORT_KEY
from card_station.issuing.face import FaceQrError, render_family_pdf, verify_face_qr
from card_station.keys import FileKeyStore
from card_station.services.personalisation import PersonalisationService


@pytest.mark.pcsc
def test_faces_printed_from_a_chip_read_over_pcsc_are_bound_to_that_chip(
    pcsc_transport: PcscTransport,
    family: ApplicationFile,
    issuer: Issuer,
    face_keys: FileKeyStore,
    out: Path,
) -> None:
    service = PersonalisationService(face_keys, issuer, DEVELOPMENT_TRANSPORT_KEY, lambda: NOW)
    done = service.personalise(pcsc_transport, family)
    reading = verify_reading(
        read_card(Iso7816(pcsc_transport), photos=True), face_keys.root_certificate(), NOW
    )
    assert reading.genuine and reading.content is not None

    pdf = out / "chip.pdf"
    faces = render_family_pdf(reading.content, face_keys, issuer.reference, pdf)
    assert len(faces) == 1 + len(done.content.dependants)
    assert "Rajesh Kumar" in page_text(pdf, 1)

    verified = verify_face_qr(decode_qr(page_png(pdf, 2, out)), face_keys.root_certificate(), NOW)
    assert verified.claim.serial == done.serial
    verified.require_card(reading.content.member.card_number, done.serial)
    with pytest.raises(FaceQrError, match="does not belong to this chip"):
        verified.require_card(reading.content.member.card_number, bytes(8))
