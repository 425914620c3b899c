"""Strict BER-TLV (ISO/IEC 7816-4:2020 §6.3, ISO/IEC 8825-1 §8.1): golden vectors, every error, and
properties over generated trees and arbitrary bytes."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apdu.tlv import Tlv, TlvError, decode, decode_one, encode, encode_length, is_constructed, tag_bytes

GOLDEN = [
    ("one-byte tag", Tlv(0x80, b"\x01\x02"), "80020102"),
    ("empty value", Tlv(0x84, b""), "8400"),
    ("5F20", Tlv(0x5F20, b"SMITH"), "5F2005534D495448"),
    ("9F7F", Tlv(0x9F7F, b"\xaa"), "9F7F01AA"),
    ("BF0C constructed", Tlv(0xBF0C, (Tlv(0x50, b"A"),)), "BF0C03500141"),
    ("three-byte tag", Tlv(0x5F8101, b"\x00"), "5F81010100"),
    ("length 127", Tlv(0x53, bytes(127)), "537F" + "00" * 127),
    ("length 128: 81", Tlv(0x53, bytes(128)), "538180" + "00" * 128),
    ("length 255: 81", Tlv(0x53, bytes(255)), "5381FF" + "00" * 255),
    ("length 256: 82", Tlv(0x53, bytes(256)), "53820100" + "00" * 256),
    ("length 65536: 83", Tlv(0x53, bytes(65536)), "5383010000" + "00" * 65536),
    (
        "nesting",
        Tlv(0x62, (Tlv(0x83, b"\x3f\x00"), Tlv(0xA5, (Tlv(0x5F20, b"X"),)), Tlv(0x8A, b"\x05"))),
        "620D" + "83023F00" + "A5045F200158" + "8A0105",
    ),
]


@pytest.mark.parametrize(("name", "obj", "encoding"), GOLDEN, ids=[g[0] for g in GOLDEN])
def test_golden(name: str, obj: Tlv, encoding: str) -> None:
    raw = bytes.fromhex(encoding)
    assert obj.to_bytes() == raw
    assert decode_one(raw) == obj
    assert decode(raw + raw) == (obj, obj)


def test_four_length_bytes() -> None:
    assert encode_length(0x01000000) == bytes.fromhex("8401000000")
    assert encode_length(0xFFFFFFFF) == bytes.fromhex("84FFFFFFFF")


def test_length_needing_five_bytes_is_refused() -> None:
    with pytest.raises(ValueError, match="more than 4 length bytes"):
        encode_length(0x100000000)


def test_negative_length_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        encode_length(-1)


def test_find_and_children() -> None:
    template = decode_one(bytes.fromhex("6209" + "830101" + "830102" + "8A0105"))
    assert template.find(0x83) == Tlv(0x83, b"\x01")
    assert template.find_all(0x83) == [Tlv(0x83, b"\x01"), Tlv(0x83, b"\x02")]
    assert template.find(0x84) is None
    assert template.constructed
    with pytest.raises(TypeError, match="primitive"):
        _ = Tlv(0x80, b"").children


def test_value_type_must_match_the_tag() -> None:
    with pytest.raises(ValueError, match="constructed"):
        Tlv(0x62, b"\x00")
    with pytest.raises(ValueError, match="primitive"):
        Tlv(0x80, ())


@pytest.mark.parametrize("tag", [0, -1, 0x5F, 0x5F80, 0x9F81, 0x8080, 0xFF20])
def test_malformed_tags_are_value_errors(tag: int) -> None:
    with pytest.raises(ValueError, match="not"):
        tag_bytes(tag)


def test_is_constructed() -> None:
    assert is_constructed(0x62)
    assert is_constructed(0xBF0C)
    assert not is_constructed(0x5F20)


ERRORS = [
    ("empty input to decode_one", "", 0, "truncated: tag expected"),
    ("padding 00", "00", 0, "padding"),
    ("padding FF", "FF", 0, "padding"),
    ("padding between objects", "800100" + "00", 3, "padding"),
    ("truncated multi-byte tag", "5F", 1, "multi-byte tag not finished"),
    ("truncated three-byte tag", "5F81", 2, "multi-byte tag not finished"),
    ("non-minimal tag number", "5F8020", 1, "non-minimal tag number"),
    ("truncated length", "80", 1, "length of tag 80 expected"),
    ("truncated long length", "808201", 2, "2 length bytes of tag 80 expected"),
    ("indefinite length", "8080", 1, "indefinite length"),
    ("five length bytes", "80850000000001", 1, "length field of 5 bytes exceeds 4"),
    ("non-minimal 81", "80817F" + "00" * 127, 1, "non-minimal length encoding for length 127"),
    ("non-minimal 82", "80820080" + "00" * 128, 1, "non-minimal length encoding for length 128"),
    ("truncated value", "800301", 2, "declares 3 value bytes, 1 remain"),
    ("child overruns parent", "62038005AA", 4, "declares 5 value bytes, 1 remain"),
    ("padding inside template", "6203800000", 4, "padding"),
]


@pytest.mark.parametrize(("name", "encoding", "offset", "problem"), ERRORS, ids=[e[0] for e in ERRORS])
def test_errors(name: str, encoding: str, offset: int, problem: str) -> None:
    with pytest.raises(TlvError, match=problem) as info:
        if encoding:
            decode(bytes.fromhex(encoding))
        else:
            decode_one(b"")
    assert info.value.offset == offset
    assert f"at byte {offset}" in str(info.value)


def test_trailing_bytes() -> None:
    with pytest.raises(TlvError, match="2 trailing bytes") as info:
        decode_one(bytes.fromhex("800100" + "8000"))
    assert info.value.offset == 3


def test_decode_of_nothing_is_nothing() -> None:
    assert decode(b"") == ()


PRIMITIVE_TAGS = st.sampled_from(
    [0x4F, 0x50, 0x53, 0x80, 0x83, 0x8A, 0x5F20, 0x5F8101, 0x9F02, 0x9F7F, 0xDF01]
)
CONSTRUCTED_TAGS = st.sampled_from([0x62, 0x6F, 0x70, 0xA5, 0x7F66, 0xBF0C, 0xBF20])
trees = st.recursive(
    st.builds(Tlv, PRIMITIVE_TAGS, st.binary(max_size=300)),
    lambda children: st.builds(
        lambda tag, kids: Tlv(tag, tuple(kids)), CONSTRUCTED_TAGS, st.lists(children, max_size=4)
    ),
    max_leaves=12,
)


@given(st.lists(trees, max_size=4))
def test_encode_decode_round_trip(objects: list[Tlv]) -> None:
    raw = encode(objects)
    assert decode(raw) == tuple(objects)
    assert encode(decode(raw)) == raw


@given(st.binary(max_size=64))
def test_arbitrary_bytes_raise_tlv_error_or_round_trip(raw: bytes) -> None:
    try:
        objects = decode(raw)
    except TlvError:
        return
    assert encode(objects) == raw
