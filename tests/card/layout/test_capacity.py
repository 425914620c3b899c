"""Capacity: refused before the first write, naming what does not fit and by how many bytes."""

from __future__ import annotations

import dataclasses

import pytest
from layout_samples import CONTENT, SON, jpeg

from apdu.tlv import Tlv
from card_station.card.capacity import bytes_text
from card_station.card.content import BloodGroup
from card_station.card.errors import CapacityError
from card_station.card.layout import CardProfile, check_capacity, declaration, layout
from card_station.domain.records import DisabilityKind

MEMBER_TEXT_LIMITS = {
    "card_number": 20,
    "service_number": 16,
    "rank": 40,
    "name": 99,
    "ppo_number": 32,
    "category": 32,
    "regional_centre": 48,
    "parent_polyclinic": 64,
    "ward_entitlement": 24,
    "allergies": 120,
}


def test_the_sample_fits_both_sizes() -> None:
    for profile in CardProfile:
        check_capacity(CONTENT, profile)


def test_bytes_are_grouped_by_thousands() -> None:
    assert bytes_text(70112) == "70 112"
    assert bytes_text(512) == "512"


def test_photos_too_large_for_ef_photo_name_the_file_and_the_excess() -> None:
    big = {"M": jpeg((1, 2, 3)) + b"\x00" * 60_000}
    content = dataclasses.replace(CONTENT, photos=big)
    excess = len(declaration("EF.PHOTO").encode(big)) - 57_344
    with pytest.raises(CapacityError) as refused:
        check_capacity(content, CardProfile.K64)
    assert refused.value.file == "EF.PHOTO"
    assert refused.value.shortfall == excess
    assert str(refused.value) == (
        f"the application needs {bytes_text(64_608 + excess)} bytes, a 64 KB card has 65 238 free: "
        f"EF.PHOTO is {bytes_text(excess)} bytes too large ({bytes_text(57_344 + excess)} bytes of "
        "content, the file holds 57 344 on a 64 KB card)"
    )


def test_too_many_dependants_are_counted_in_records_and_bytes() -> None:
    many = tuple(dataclasses.replace(SON, number=n) for n in range(1, 15))
    content = dataclasses.replace(CONTENT, dependants=many, photos={})
    with pytest.raises(CapacityError) as refused:
        check_capacity(content, CardProfile.K32)
    assert refused.value.file == "EF.DEPENDANTS"
    assert refused.value.shortfall == 2 * 192
    assert str(refused.value).endswith(
        "EF.DEPENDANTS holds 12 records on a 32 KB card, 14 are needed: 2 records (384 bytes) too many"
    )


def test_a_record_longer_than_its_record_length_is_refused() -> None:
    longest = dataclasses.replace(CONTENT.endorsements[0], text="x" * 64, station_id="y" * 32)
    check_capacity(dataclasses.replace(CONTENT, endorsements=(longest,)), CardProfile.K32)
    too_long = dataclasses.replace(longest, unknown=(Tlv(0x9E, bytes(40)),))
    with pytest.raises(CapacityError) as refused:
        check_capacity(dataclasses.replace(CONTENT, endorsements=(too_long,)), CardProfile.K32)
    assert refused.value.file == "EF.ENDORSE"
    assert refused.value.shortfall == 26
    assert str(refused.value).endswith(
        "EF.ENDORSE record 1 is 154 bytes, the record length is 128: 26 bytes too long"
    )


def test_every_field_at_its_longest_fits_its_file() -> None:
    info = dataclasses.replace(CONTENT.info, serial=bytes(32), issuer="i" * 64, station_id="s" * 32)
    member = dataclasses.replace(
        CONTENT.member,
        **{field: "m" * limit for field, limit in MEMBER_TEXT_LIMITS.items()},
        blood_group=BloodGroup.AB_NEG,
    )
    dependant = dataclasses.replace(
        SON, name="\u0930" * 33, basis="b" * 32, disability=DisabilityKind.MENTAL, valid_until=SON.valid_until
    )
    dependants = tuple(dataclasses.replace(dependant, number=n) for n in range(1, 13))
    endorsement = dataclasses.replace(CONTENT.endorsements[0], text="x" * 64, station_id="y" * 32)
    content = dataclasses.replace(
        CONTENT, info=info, member=member, dependants=dependants, endorsements=(endorsement,) * 16
    )
    for profile in CardProfile:
        check_capacity(content, profile)


def test_a_card_with_less_free_memory_than_the_layout_is_refused_naming_the_file_that_does_not_fit() -> None:
    with pytest.raises(CapacityError) as refused:
        check_capacity(CONTENT, CardProfile.K64, free_bytes=32_470)
    assert refused.value.file == "EF.PHOTO"
    assert refused.value.shortfall == layout(CardProfile.K64).total_bytes - 32_470
    assert str(refused.value) == (
        "the application needs 64 608 bytes, the card has 32 470 free: EF.PHOTO (57 376 bytes with its "
        "header) and the files after it do not fit, 32 138 bytes short; is this a 64 KB card?"
    )
