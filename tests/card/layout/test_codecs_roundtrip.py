"""Every declared file's codec: round trip, padding, unknown tags kept, malformed input refused by name."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from layout_samples import CONTENT, FUTURE_TAG, SAMPLES

from apdu.tlv import Tlv, decode_one
from card_station.card.codecs.extent import object_extent
from card_station.card.errors import EncodeError, MalformedFile, UnknownLayoutVersion
from card_station.card.files.decl import FileData, FileDecl
from card_station.card.layout import (
    DECLARATIONS,
    CardProfile,
    declaration,
    decode_content,
    decode_file,
    encode_content,
)

CODEC_FILES = [decl for decl in DECLARATIONS if decl.codec is not None]


def test_every_declared_file_round_trips() -> None:
    for decl in CODEC_FILES:
        assert decl.name in SAMPLES, f"add a sample value for {decl.name} to layout_samples.SAMPLES"
        encoded = decl.encode(SAMPLES[decl.name])
        assert decl.decode(encoded) == SAMPLES[decl.name], decl.name
        assert decl.encode(decl.decode(encoded)) == encoded, decl.name


def _pad(decl: FileDecl, data: FileData, byte: int) -> FileData:
    if isinstance(data, tuple):
        return tuple(record + bytes((byte,)) * 5 for record in data)
    return data + bytes((byte,)) * 40 if decl.tlv_framed else data


@pytest.mark.parametrize("decl", CODEC_FILES, ids=lambda d: d.name)
@pytest.mark.parametrize("byte", [0x00, 0xFF])
def test_padding_after_the_data_object_is_accepted(decl: FileDecl, byte: int) -> None:
    encoded = decl.encode(SAMPLES[decl.name])
    assert decl.decode(_pad(decl, encoded, byte)) == SAMPLES[decl.name]
    assert decl.canonical(_pad(decl, encoded, byte)) == encoded


def _with_future_tag(raw: bytes) -> bytes:
    """The data object with FUTURE_TAG inserted as its first child."""
    obj = decode_one(raw)
    return Tlv(obj.tag, (FUTURE_TAG, *obj.children)).to_bytes()


@pytest.mark.parametrize("name", ["EF.DIR", "EF.CARD", "EF.MEMBER", "EF.DEPENDANTS", "EF.ENDORSE"])
def test_unknown_tags_from_a_newer_layout_are_kept_and_skipped(name: str) -> None:
    decl = declaration(name)
    encoded = decl.encode(SAMPLES[name])
    newer = tuple(map(_with_future_tag, encoded)) if isinstance(encoded, tuple) else _with_future_tag(encoded)
    decoded = decl.decode(newer)
    values: tuple[Any, ...] = decoded if isinstance(decoded, tuple) else (decoded,)
    samples: tuple[Any, ...] = SAMPLES[name] if isinstance(decoded, tuple) else (SAMPLES[name],)
    for value, sample in zip(values, samples, strict=True):
        assert value.unknown == (FUTURE_TAG,)
        assert dataclasses.replace(value, unknown=()) == sample
    rewritten = decl.encode(decoded)
    assert decl.decode(rewritten) == decoded


def test_photo_and_sod_skip_unknown_entries() -> None:
    photos = declaration("EF.PHOTO")
    raw = decode_one(photos.encode(SAMPLES["EF.PHOTO"]))
    assert photos.decode(Tlv(raw.tag, (*raw.children, FUTURE_TAG)).to_bytes()) == SAMPLES["EF.PHOTO"]
    sod = declaration("EF.SOD")
    outer = decode_one(sod.encode(SAMPLES["EF.SOD"]))
    signed = outer.children[0]
    newer_signed = Tlv(signed.tag, (*signed.children, FUTURE_TAG))
    decoded = sod.decode(Tlv(outer.tag, (newer_signed, outer.children[1])).to_bytes())
    assert decoded.hashes == SAMPLES["EF.SOD"].hashes
    assert decoded.signed_content == newer_signed.to_bytes()


def _variants(data: bytes) -> list[bytes]:
    cut = [data[:n] for n in range(len(data))]
    flipped = [
        data[:i] + bytes((data[i] ^ mask,)) + data[i + 1 :] for i in range(len(data)) for mask in (1, 0x80)
    ]
    return cut + flipped


@pytest.mark.parametrize("decl", CODEC_FILES, ids=lambda d: d.name)
def test_damaged_bytes_decode_or_raise_malformed_file_naming_the_file(decl: FileDecl) -> None:
    encoded = decl.encode(SAMPLES[decl.name])
    records = encoded if isinstance(encoded, tuple) else (encoded,)
    for index, record in enumerate(records):
        for variant in _variants(record):
            damaged: FileData = variant
            if isinstance(encoded, tuple):
                damaged = (*encoded[:index], variant, *encoded[index + 1 :])
            try:
                decl.decode(damaged)
            except MalformedFile as exc:
                assert exc.file == decl.name
                assert str(exc).startswith(f"{decl.name} is malformed: ")


def _member_with(*children: Tlv) -> bytes:
    return Tlv(0xE2, children).to_bytes()


@pytest.mark.parametrize(
    ("raw", "fault"),
    [
        (b"", "truncated"),
        (b"\x00" * 16, "starts with padding"),
        (bytes.fromhex("E1 00"), "expected template E2, found tag E1"),
        (_member_with(Tlv(0x81, b"\x01")), "mandatory card number (tag 80) is missing"),
        (
            decode_one(declaration("EF.MEMBER").encode(SAMPLES["EF.MEMBER"])).to_bytes() + b"\x01",
            "not uniform padding",
        ),
    ],
)
def test_member_file_faults_are_named(raw: bytes, fault: str) -> None:
    with pytest.raises(MalformedFile, match=r"EF\.MEMBER is malformed") as caught:
        decode_file("EF.MEMBER", raw)
    assert fault in str(caught.value)


def _replace_child(name: str, tag: int, value: bytes) -> bytes:
    obj = decode_one(declaration(name).encode(SAMPLES[name]))
    return Tlv(obj.tag, tuple(Tlv(tag, value) if c.tag == tag else c for c in obj.children)).to_bytes()


@pytest.mark.parametrize(
    ("tag", "value", "fault"),
    [
        (0x84, b"\xff\xfe", "name (tag 84) is not UTF-8 text"),
        (0x85, bytes.fromhex("19601315"), "date of birth (tag 85) 19601315 is not a date"),
        (0x85, bytes.fromhex("1960A415"), "is not BCD"),
        (0x81, b"\x07", "service (tag 81) code 07 is not defined"),
        (0x86, b"X", "gender (tag 86) code 58 is not defined"),
    ],
)
def test_bad_member_values_are_named(tag: int, value: bytes, fault: str) -> None:
    with pytest.raises(MalformedFile) as caught:
        decode_file("EF.MEMBER", _replace_child("EF.MEMBER", tag, value))
    assert fault in str(caught.value)


def test_a_repeated_tag_is_refused() -> None:
    obj = decode_one(declaration("EF.MEMBER").encode(SAMPLES["EF.MEMBER"]))
    with pytest.raises(MalformedFile, match=r"tag 84 appears twice"):
        decode_file("EF.MEMBER", Tlv(obj.tag, (*obj.children, obj.find(0x84))).to_bytes())


def test_a_dependant_record_must_hold_its_own_number() -> None:
    records = declaration("EF.DEPENDANTS").encode(SAMPLES["EF.DEPENDANTS"])
    with pytest.raises(MalformedFile, match=r"record 1 holds dependant number 2"):
        decode_file("EF.DEPENDANTS", (records[1], records[0]))


def test_a_newer_layout_that_old_readers_can_read_is_read() -> None:
    newer = dataclasses.replace(SAMPLES["EF.CARD"], layout_version=2, readable_from=1)
    assert decode_file("EF.CARD", declaration("EF.CARD").encode(newer)) == newer


def test_an_unknown_layout_version_is_refused_with_what_to_do() -> None:
    newer = dataclasses.replace(SAMPLES["EF.CARD"], layout_version=3, readable_from=2)
    with pytest.raises(UnknownLayoutVersion) as refused:
        decode_file("EF.CARD", declaration("EF.CARD").encode(newer))
    assert str(refused.value) == (
        "EF.CARD is malformed: the card uses layout version 3, which needs a reader of layout version 2 or "
        "later; this station reads layout version 1: update the station software to read this card"
    )
    status = bytearray(declaration("EF.STATUS").encode(SAMPLES["EF.STATUS"]))
    status[1:3] = b"\x03\x02"
    with pytest.raises(UnknownLayoutVersion, match=r"EF\.STATUS"):
        decode_file("EF.STATUS", bytes(status))
    status[1:3] = b"\x01\x02"
    with pytest.raises(MalformedFile, match=r"layout version 1 readable from version 2 is not a valid pair"):
        decode_file("EF.STATUS", bytes(status))


@pytest.mark.parametrize(
    ("offset", "value", "fault"),
    [
        (0, 0x32, "update flag byte 0 is 32, expected 31 (open) or 30 (closed)"),
        (3, 0x09, "state byte 3 code 09 is not defined"),
        (4, 0x01, "state HANDED_OVER with block reason byte 01"),
        (11, 0x13, "last update time, bytes 9-15 20251303061530 is not a time"),
    ],
)
def test_status_faults_are_named(offset: int, value: int, fault: str) -> None:
    status = bytearray(declaration("EF.STATUS").encode(SAMPLES["EF.STATUS"]))
    status[offset] = value
    with pytest.raises(MalformedFile) as caught:
        decode_file("EF.STATUS", bytes(status))
    assert fault in str(caught.value)


def test_status_reserved_bytes_are_ignored_and_its_size_is_exact() -> None:
    status = declaration("EF.STATUS").encode(SAMPLES["EF.STATUS"])
    assert decode_file("EF.STATUS", status[:30] + b"\xab\xcd") == SAMPLES["EF.STATUS"]
    with pytest.raises(MalformedFile, match=r"31 bytes, expected exactly 32"):
        decode_file("EF.STATUS", status[:31])


def test_the_update_flag_is_ascii_one_while_an_update_is_open() -> None:
    opened = dataclasses.replace(SAMPLES["EF.STATUS"], update_open=True)
    assert declaration("EF.STATUS").encode(opened)[0:1] == b"1"
    assert declaration("EF.STATUS").encode(SAMPLES["EF.STATUS"])[0:1] == b"0"


def test_values_that_cannot_be_written_raise_encode_error_naming_file_and_field() -> None:
    long_name = dataclasses.replace(SAMPLES["EF.MEMBER"], name="Ram " * 30)
    with pytest.raises(
        EncodeError, match=r"EF.MEMBER: name is 120 bytes in UTF-8, at most 99 fit: shorten it by 21"
    ):
        declaration("EF.MEMBER").encode(long_name)
    naive = dataclasses.replace(
        SAMPLES["EF.STATUS"], updated_at=SAMPLES["EF.STATUS"].updated_at.replace(tzinfo=None)
    )
    with pytest.raises(EncodeError, match=r"EF\.STATUS: the time .* has no timezone"):
        declaration("EF.STATUS").encode(naive)
    with pytest.raises(EncodeError, match=r"EF\.PHOTO: the photo of M is not a JPEG"):
        declaration("EF.PHOTO").encode({"M": b"GIF89a"})


def test_decode_content_reads_without_photos_and_names_a_missing_file() -> None:
    files = encode_content(CONTENT, CardProfile.K64)
    without_photos = {name: data for name, data in files.items() if name != "EF.PHOTO"}
    assert decode_content(without_photos) == dataclasses.replace(CONTENT, photos={})
    assert decode_content(files) == CONTENT
    del without_photos["EF.MEMBER"]
    with pytest.raises(MalformedFile, match=r"EF\.MEMBER is malformed: was not read"):
        decode_content(without_photos)


def test_photos_of_persons_not_on_the_card_are_refused() -> None:
    files = encode_content(CONTENT, CardProfile.K64)
    files["EF.DEPENDANTS"] = files["EF.DEPENDANTS"][:1]
    with pytest.raises(MalformedFile, match=r"EF\.PHOTO is malformed: photos of persons not on the card: D2"):
        decode_content(files)


@pytest.mark.parametrize(
    ("prefix", "extent"),
    [
        (bytes.fromhex("E2 05"), 7),
        (bytes.fromhex("E2 81 8C 80"), 143),
        (bytes.fromhex("E5 82 01 00"), 260),
        (bytes.fromhex("E5 82 01"), None),
        (bytes.fromhex("E5"), None),
        (bytes.fromhex("9F 7F 01"), 4),
    ],
)
def test_object_extent_tells_a_reader_how_much_to_read(prefix: bytes, extent: int | None) -> None:
    assert object_extent(prefix) == extent


def test_records_and_transparent_bytes_are_not_confused() -> None:
    with pytest.raises(
        MalformedFile, match=r"EF\.DEPENDANTS is malformed: expected a tuple of records, got bytes"
    ):
        decode_file("EF.DEPENDANTS", b"\xe3\x00")
    with pytest.raises(MalformedFile, match=r"EF\.MEMBER is malformed: expected bytes, got tuple"):
        declaration("EF.MEMBER").canonical((b"\xe2\x00",))
