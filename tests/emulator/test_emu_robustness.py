"""Malformed APDUs get the right status word, and no byte string makes the card raise."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apdu.auth import external_cryptogram
from apdu.emulator import DEV_TRANSPORT_KEY, EmulatedCard
from apdu.fcp import ALWAYS, Fcp, FileKind, Operation, key

CARD = EmulatedCard()
OPEN = {op: ALWAYS for op in Operation}


def _furnished() -> tuple[EmulatedCard, bytes]:
    """A card with one file of each kind, all operations allowed, and its snapshot."""
    card = EmulatedCard()
    card.process(bytes.fromhex("00A4000C023F00"))
    rnd = card.process(bytes.fromhex("0084000008"))[:-2]
    card.process(bytes.fromhex("0082000110") + external_cryptogram(DEV_TRANSPORT_KEY, rnd))
    for fcp in (
        Fcp(fid=0x4100, kind=FileKind.DF, df_name=b"\xf0APP", access={Operation.CREATE: key(1)}),
        Fcp(fid=0x4101, kind=FileKind.TRANSPARENT, size=300, sfi=1, access=OPEN),
        Fcp(fid=0x4102, kind=FileKind.LINEAR_FIXED, record_length=10, record_count=3, sfi=2, access=OPEN),
        Fcp(fid=0x4103, kind=FileKind.CYCLIC, record_length=10, record_count=3, sfi=3, access=OPEN),
        Fcp(fid=0x0001, kind=FileKind.INTERNAL_LINEAR_FIXED, record_length=36, record_count=2, access=OPEN),
    ):
        data = fcp.to_bytes()
        assert card.process(bytes((0x00, 0xE0, 0x00, 0x00, len(data))) + data) == b"\x90\x00"
        if fcp.kind is not FileKind.DF:
            card.process(bytes.fromhex("00A4000C024100"))
    return card, card.snapshot()


FURNISHED, FURNISHED_STATE = _furnished()


@pytest.mark.parametrize(
    ("command", "sw"),
    [
        ("", 0x6700),
        ("00", 0x6700),
        ("00A400", 0x6700),
        ("00A4000C05 3F00".replace(" ", ""), 0x6700),  # Lc 5, two bytes follow
        ("00A4000C023F000000", 0x6700),  # one byte too many
        ("00A4000C00000100", 0x6700),  # extended Lc 1 with no data
        ("80A4000C023F00", 0x6E00),
        ("FFA4000C023F00", 0x6E00),
        ("01A4000C023F00", 0x6881),
        ("08A4000C023F00", 0x6882),
        ("10A4000C023F00", 0x6884),
        ("0050000000", 0x6D00),
        ("0060000000", 0x6D00),
        ("00CA000000", 0x6D00),
        ("00B2000400", 0x6A86),
        ("00E00000 03 620100".replace(" ", ""), 0x6A80),
        ("00E00000 04 62028201".replace(" ", ""), 0x6A80),
        ("00C0000010", 0x6985),
    ],
)
def test_malformed_commands(command: str, sw: int) -> None:
    card = EmulatedCard()
    response = card.process(bytes.fromhex(command))
    assert response == sw.to_bytes(2, "big")


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_always_get_a_status_word(raw: bytes) -> None:
    response = CARD.process(raw)
    assert len(response) >= 2
    sw1 = response[-2]
    assert sw1 in (0x61, 0x62, 0x63, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x90)
    assert response[-2:] != b"\x6f\x00"


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(
        [
            0xA4,
            0xB0,
            0xB1,
            0xB2,
            0xD6,
            0xD7,
            0xDC,
            0xE2,
            0x84,
            0x82,
            0x88,
            0x20,
            0x24,
            0xE0,
            0xE4,
            0x44,
            0x04,
            0xFE,
            0xC0,
        ]
    ),
    st.integers(0, 255),
    st.integers(0, 255),
    st.binary(max_size=40),
    st.one_of(st.none(), st.integers(0, 255)),
)
def test_random_parameters_of_known_commands(ins: int, p1: int, p2: int, data: bytes, le: int | None) -> None:
    raw = bytes((0x00, ins, p1, p2))
    if data:
        raw += bytes((len(data),)) + data
    if le is not None:
        raw += bytes((le,))
    FURNISHED.restore(FURNISHED_STATE)
    FURNISHED.process(bytes.fromhex("00A4040C04F0415050"))
    FURNISHED.process(bytes.fromhex("0084000008"))
    response = FURNISHED.process(raw)
    assert len(response) >= 2
    assert response[-2:] != b"\x6f\x00"
