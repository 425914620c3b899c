"""The SECTS application's codecs: golden vectors written tag by tag (docs/sects-card.md), the round trip
over every declared file, the longest fields, and the Aadhaar rule (issue 9: "Aadhaar on the chip: never
the full number")."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sects_samples import NOW, STATION, health_card

from card_station.card.errors import EncodeError, MalformedFile
from card_station.card.profile import CardProfile
from card_station.domain.records import Gender
from card_station.sects.card.aadhaar import aadhaar_last_four, masked_aadhaar
from card_station.sects.card.compose import sects_content
from card_station.sects.card.content import FamilyMemberOnCard, HolderOnCard
from card_station.sects.card.files import DECLARATIONS, FAMILY, HOLDER, SIGNED
from card_station.sects.card.layout import content_files, decode_content, encode_content, total_bytes
from card_station.sects.codes import BeneficiaryKind
from card_station.sects.errors import InvalidEntry
from card_station.sects.records import Relation

SERIAL = bytes.fromhex("8027688311000042")


def h(*parts: str) -> bytes:
    return bytes.fromhex("".join(parts))


HOLDER_VALUE = HolderOnCard(
    card_number="UPE00000042-01",
    kind=BeneficiaryKind.PENSIONER,
    name="Ram Lal",
    date_of_birth=date(1958, 7, 1),
    gender=Gender.MALE,
    aadhaar_last_four="4821",
    ddo_code="TO-6601-00007",
    department="PWD",
    district="Agra",
    valid_until=date(2031, 1, 9),
)
HOLDER_GOLDEN = h(
    "E8 4B",
    "80 0E 5550453030303030303432 2D3031",
    "81 01 02",
    "82 07 52616D204C616C",
    "83 04 19580701",
    "84 01 4D",
    "85 04 34383231",
    "86 0D 544F2D363630312D3030303037",
    "87 03 505744",
    "88 04 41677261",
    "89 04 20310109",
)
FAMILY_VALUE = FamilyMemberOnCard(
    number=1,
    card_number="UPE00000042-02",
    name="Kamla Devi",
    relation=Relation.SPOUSE,
    date_of_birth=date(1961, 2, 3),
    gender=Gender.FEMALE,
    aadhaar_last_four="1937",
)
FAMILY_GOLDEN = h(
    "E9 31",
    "80 01 01",
    "81 0E 5550453030303030303432 2D3032",
    "82 0A 4B616D6C612044657669",
    "83 01 01",
    "84 04 19610203",
    "85 01 46",
    "86 04 31393337",
)


def test_holder_golden_vector() -> None:
    assert HOLDER.encode(HOLDER_VALUE) == HOLDER_GOLDEN
    assert HOLDER.decode(HOLDER_GOLDEN + bytes(40)) == HOLDER_VALUE


def test_family_golden_vector() -> None:
    assert FAMILY.encode((FAMILY_VALUE,)) == (FAMILY_GOLDEN,)
    assert FAMILY.decode((FAMILY_GOLDEN + b"\xff" * 20,)) == (FAMILY_VALUE,)


@pytest.mark.parametrize("profile", list(CardProfile))
def test_every_declared_file_round_trips(profile: CardProfile) -> None:
    content = sects_content(health_card(), SERIAL, profile, STATION, NOW)
    files = encode_content(content, profile)
    values = content_files(content)
    for decl in DECLARATIONS:
        if decl.codec is None or decl.name not in files:
            continue
        assert decl.decode(files[decl.name]) == values[decl.name], decl.name
    assert decode_content(files) == content


def test_every_field_at_its_longest_fits_its_file() -> None:
    longest = replace(
        HOLDER_VALUE,
        card_number="U" * 24,
        name="न" * 33,
        ddo_code="D" * 24,
        department="व" * 40,
        district="ज" * 16,
    )
    member = replace(FAMILY_VALUE, card_number="U" * 24, name="न" * 33)
    assert len(HOLDER.encode(longest)) <= HOLDER.size(CardProfile.K32).size
    assert len(FAMILY.encode((member,))[0]) <= FAMILY.size(CardProfile.K32).record_length


def test_a_name_too_long_says_by_how_much() -> None:
    with pytest.raises(
        EncodeError, match=r"EF.HOLDER: name is 100 bytes in UTF-8, at most 99 fit: shorten it by 1"
    ):
        HOLDER.encode(replace(HOLDER_VALUE, name="A" * 100))


def test_the_application_fits_a_blank_32k_card_and_beside_the_echs_32k_layout_on_64k() -> None:
    assert total_bytes(DECLARATIONS, CardProfile.K32) < CardProfile.K32.nominal_free
    assert [decl.name for decl in SIGNED] == ["EF.INFO", "EF.STATUS", "EF.HOLDER", "EF.FAMILY", "EF.PHOTO"]


def test_a_full_aadhaar_number_can_never_reach_the_card() -> None:
    with pytest.raises(ValueError, match="only the last four Aadhaar digits"):
        replace(HOLDER_VALUE, aadhaar_last_four="234123412346")
    forged = HOLDER_GOLDEN.replace(h("85 04 34383231"), h("85 0C 323334313233343132333436"))
    forged = h("E8 53") + forged[2:]
    with pytest.raises(MalformedFile, match="not four ASCII digits"):
        HOLDER.decode(forged)


def test_aadhaar_last_four_takes_a_valid_number_only() -> None:
    assert aadhaar_last_four("2341 2341 2346") == "2346"
    assert masked_aadhaar("2346") == "XXXX XXXX 2346"
    with pytest.raises(InvalidEntry, match="check digit"):
        aadhaar_last_four("234123412345")
