"""Sample card content for the layout tests: a member with two dependants, two endorsements, photos."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from PIL import Image

from apdu.emulator import CardSize
from apdu.tlv import Tlv
from card_station.card.codecs.dir import DirEntry
from card_station.card.codecs.sod import SecurityObject, signed_content
from card_station.card.content import (
    MEMBER_ID,
    BloodGroup,
    CardContent,
    CardInfo,
    CardState,
    CardStatus,
    DependantOnCard,
    Endorsement,
    EndorsementKind,
    MemberOnCard,
)
from card_station.card.layout import APPLICATION_AID, CardProfile
from card_station.domain.records import DisabilityKind, Gender, Relation
from card_station.domain.reference.service import Service

SERIAL = bytes.fromhex("8027688311000000004A")
OTHER_SERIAL = bytes.fromhex("8027688311000000004B")
NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)

EMULATOR_SIZE = {CardProfile.K32: CardSize.K32, CardProfile.K64: CardSize.K64}

INFO = CardInfo(
    serial=SERIAL,
    size=CardProfile.K64,
    layout_version=1,
    issuer="ECHS Central Organisation",
    personalised_on=date(2025, 6, 1),
    station_id="STN-DEL-01",
)
STATUS = CardStatus(
    state=CardState.HANDED_OVER,
    reason=None,
    handed_over_at=datetime(2025, 6, 3, 6, 15, 0, tzinfo=UTC),
    active_from=datetime(2025, 6, 3, 7, 30, 0, tzinfo=UTC),
    update_open=False,
    update_counter=3,
    updated_at=datetime(2025, 6, 3, 6, 15, 30, tzinfo=UTC),
)
MEMBER = MemberOnCard(
    card_number="DL0012345678",
    service=Service.ARMY,
    service_number="JC-123456K",
    rank="Subedar Major",
    name="Ram Kumar Singh",
    date_of_birth=date(1960, 4, 15),
    gender=Gender.MALE,
    ppo_number="S/012345/2018",
    category="JCO",
    regional_centre="Delhi",
    parent_polyclinic="Delhi Cantt",
    ward_entitlement="Semi-Private",
    blood_group=BloodGroup.B_POS,
    allergies="Penicillin",
    valid_until=None,
)
SPOUSE = DependantOnCard(
    number=1,
    name="Sita Devi",
    relation=Relation.SPOUSE,
    date_of_birth=date(1964, 8, 2),
    gender=Gender.FEMALE,
    basis="seed 002 §1(d)(i)",
    valid_until=None,
    disability=None,
)
SON = DependantOnCard(
    number=2,
    name="Arjun Singh",
    relation=Relation.SON,
    date_of_birth=date(2003, 1, 20),
    gender=Gender.MALE,
    basis="seed 002 §1(d)(iv)",
    valid_until=date(2028, 1, 20),
    disability=DisabilityKind.PHYSICAL,
)
FMA = Endorsement(EndorsementKind.FMA_NO_OPD, date(2025, 8, 1), "No OPD - 01 AUG 2025", "STN-DEL-01")
CEASED = Endorsement(EndorsementKind.FMA_CEASED, date(2026, 2, 1), "OPD from 01 FEB 2026", "STN-DEL-01")


def jpeg(colour: tuple[int, int, int], size: tuple[int, int] = (24, 32)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="JPEG", quality=50)
    return out.getvalue()


PHOTOS = {MEMBER_ID: jpeg((200, 150, 120)), "D2": jpeg((90, 60, 40))}

CONTENT = CardContent(
    info=INFO,
    status=STATUS,
    member=MEMBER,
    dependants=(SPOUSE, SON),
    endorsements=(FMA, CEASED),
    photos=PHOTOS,
)

SAMPLES = {
    "EF.DIR": (DirEntry(APPLICATION_AID, "ECHS"), DirEntry(bytes.fromhex("A000000167455349"), "other")),
    "EF.CARD": INFO,
    "EF.STATUS": STATUS,
    "EF.MEMBER": MEMBER,
    "EF.DEPENDANTS": (SPOUSE, SON),
    "EF.ENDORSE": (FMA, CEASED),
    "EF.PHOTO": PHOTOS,
}
"""One value per file with a codec; the round-trip test requires an entry for every such declaration."""

FUTURE_TAG = Tlv(0x9E, b"\x01\x02")
"""A tag a newer layout might add (context-specific, primitive, unknown to layout version 1)."""

SOD_SIGNED = signed_content(
    1, SERIAL, NOW, {0x4511: bytes(range(32)), 0x4512: bytes(32)}, b"\x30\x03\x02\x01\x01"
)
SAMPLES["EF.SOD"] = SecurityObject(
    layout_version=1,
    serial=SERIAL,
    signed_at=NOW,
    hashes={0x4511: bytes(range(32)), 0x4512: bytes(32)},
    certificate=b"\x30\x03\x02\x01\x01",
    signature=b"\x30\x06\x02\x01\x01\x02\x01\x02",
    signed_content=SOD_SIGNED,
)
