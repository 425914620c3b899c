"""Card faces straight from an application file, for ``card-station face`` (issue 8 "Card face").

Why through ``card.compose`` and not the form: the face must show what the chip WILL hold (only the
dependants eligible on the day of issue, the ward from the rank, each dependant's end of eligibility), so
the same composition personalisation uses is run here. Before the chip is known the QR code carries no
chip serial (``qr_payload``). A member granted FMA is marked "No OPD – <commencement>" (seed 003 §11), the
same EF.ENDORSE record ``services.endorsement`` writes to the chip.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from card_station.applications import ApplicationFile
from card_station.card.compose import Issuer, card_content
from card_station.card.content import CardContent, Endorsement, EndorsementKind
from card_station.card.profile import CardProfile
from card_station.domain.fma_grant import FmaGrant, no_opd_endorsement

NO_SERIAL = b""


def content_from_application(
    application: ApplicationFile,
    issuer: Issuer,
    now: datetime,
    *,
    card_number: str | None = None,
    serial: bytes = NO_SERIAL,
    fma_from: date | None = None,
) -> CardContent:
    """The card content ``application`` gives at ``now``: ``card_number`` overrides the file's, ``serial``
    is the chip's when known, ``fma_from`` the FMA commencement date when the member opted for FMA."""
    if card_number is not None:
        if not card_number.strip():
            raise ValueError("--card-number is empty: give the card number printed on the card")
        application = replace(application, card=replace(application.card, card_number=card_number.strip()))
    profile = CardProfile.for_card_size(application.application.card_size)
    content = card_content(application, serial, profile, issuer, now)
    if fma_from is None:
        return content
    text = no_opd_endorsement(FmaGrant(fma_from, fma_from, 0))
    marking = Endorsement(EndorsementKind.FMA_NO_OPD, fma_from, text, issuer.station_id)
    return replace(content, endorsements=(*content.endorsements, marking))
