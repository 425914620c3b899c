"""A hospital counter verifies a SECTS card offline: its chip, or the signed QR code on its face (issue 9:
"Counters verify a SECTS card or its QR offline"; docs/sects-card.md "Verifying at a counter").

Offline means the counter holds only the scheme root certificate: the chip's EF.SOD and the QR code both
carry the issuing station's certificate, and both are checked against the root at the counter's clock.
The first failing check decides: the card is a complete SECTS card (blank, interrupted, terminated, other
application refused as such), genuine (EF.SOD or the QR signature), not blocked, and still valid (the
validity the state printed, seed 001 annexure 2, bullet 7). Card I/O and the clock are passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from apdu.iso7816 import Iso7816
from card_station.card.content import CardState
from card_station.domain.dates import card_date_text
from card_station.domain.handover import IST
from card_station.sects.card.aadhaar import masked_aadhaar
from card_station.sects.card.content import HOLDER_ID
from card_station.sects.card.reader import SectsPresence, VerifiedSects, read_sects, verify_sects
from card_station.sects.face.qr import SectsQrError, verify_sects_qr
from card_station.sects.records import Relation


class Source(Enum):
    CHIP = "chip"
    QR = "QR code"


class SectsVerdict(Enum):
    """The card as a whole; only VALID admits the patient."""

    VALID = "valid"
    BLANK = "blank card"
    INCOMPLETE = "incomplete card"
    NOT_SECTS = "not a SECTS card"
    TERMINATED = "terminated card"
    NOT_GENUINE = "NOT GENUINE"
    BLOCKED = "blocked"
    EXPIRED = "validity over"


_PRESENCE = {
    SectsPresence.BLANK: SectsVerdict.BLANK,
    SectsPresence.PERSONALISATION_INCOMPLETE: SectsVerdict.INCOMPLETE,
    SectsPresence.UPDATE_INCOMPLETE: SectsVerdict.INCOMPLETE,
    SectsPresence.TERMINATED: SectsVerdict.TERMINATED,
    SectsPresence.NOT_SECTS: SectsVerdict.NOT_SECTS,
}


@dataclass(frozen=True)
class PersonShown:
    """One person the card admits, as the counter shows him: Aadhaar masked. ``person_id`` is the chip's
    ("M", "D1"..); from a QR code, "M" for the holder and the card number for a family member."""

    person_id: str
    card_number: str
    name: str
    relation: Relation
    date_of_birth: date
    aadhaar_masked: str


@dataclass(frozen=True)
class SectsCheck:
    """What the counter shows. ``reasons`` say why the card is refused (empty when VALID); ``persons`` is
    empty unless the card is genuine."""

    source: Source
    verdict: SectsVerdict
    reasons: tuple[str, ...]
    genuine: bool
    card_number: str | None = None
    valid_until: date | None = None
    persons: tuple[PersonShown, ...] = ()

    @property
    def valid(self) -> bool:
        return self.verdict is SectsVerdict.VALID


def _validity(valid_until: date | None, now: datetime) -> tuple[SectsVerdict, tuple[str, ...]]:
    today = now.astimezone(IST).date()
    if valid_until is not None and today > valid_until:
        return SectsVerdict.EXPIRED, (f"the card was valid until {card_date_text(valid_until)}",)
    return SectsVerdict.VALID, ()


def decide_chip(checked: VerifiedSects, now: datetime) -> SectsCheck:
    """The counter's decision on a SECTS chip read and checked at ``now`` (aware). Pure."""
    if now.tzinfo is None:
        raise ValueError("pass an aware datetime: validity is judged on the date in IST")
    presence = checked.reading.presence
    if presence in _PRESENCE:
        return SectsCheck(Source.CHIP, _PRESENCE[presence], (presence.value,), False)
    content = checked.content
    if not checked.genuine or content is None:
        reasons = (checked.verdict.reasons if checked.verdict else ()) + checked.problems
        return SectsCheck(Source.CHIP, SectsVerdict.NOT_GENUINE, reasons or ("not verifiable",), False)
    holder = content.holder
    persons = (
        PersonShown(
            HOLDER_ID,
            holder.card_number,
            holder.name,
            Relation.SELF,
            holder.date_of_birth,
            masked_aadhaar(holder.aadhaar_last_four),
        ),
        *(
            PersonShown(
                m.person_id,
                m.card_number,
                m.name,
                m.relation,
                m.date_of_birth,
                masked_aadhaar(m.aadhaar_last_four),
            )
            for m in content.family
        ),
    )
    if content.status.state is CardState.BLOCKED:
        reason = content.status.reason.name.replace("_", " ").lower() if content.status.reason else "blocked"
        verdict, reasons = SectsVerdict.BLOCKED, (f"the card is blocked: {reason}",)
    else:
        verdict, reasons = _validity(holder.valid_until, now)
    return SectsCheck(Source.CHIP, verdict, reasons, True, holder.card_number, holder.valid_until, persons)


def verify_card(card_io: Iso7816, root_certificate: bytes, now: datetime) -> SectsCheck:
    """Read the SECTS application of the card on ``card_io`` (no key, no photos) and decide."""
    return decide_chip(verify_sects(read_sects(card_io), root_certificate, now), now)


def verify_qr(payload: bytes, root_certificate: bytes, now: datetime) -> SectsCheck:
    """Check a scanned SECTS QR payload at ``now`` and decide; a bad code is NOT GENUINE with the reason."""
    try:
        verified = verify_sects_qr(payload, root_certificate, now)
    except SectsQrError as exc:
        return SectsCheck(Source.QR, SectsVerdict.NOT_GENUINE, (str(exc),), False)
    claim = verified.claim
    person = PersonShown(
        HOLDER_ID if claim.relation is Relation.SELF else claim.card_number,
        claim.card_number,
        claim.name,
        claim.relation,
        claim.date_of_birth,
        masked_aadhaar(claim.aadhaar_last_four),
    )
    verdict, reasons = _validity(claim.valid_until, now)
    return SectsCheck(Source.QR, verdict, reasons, True, claim.card_number, claim.valid_until, (person,))
