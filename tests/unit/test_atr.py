"""ATR building and strict parsing (apdu.atr)."""

from __future__ import annotations

import pytest

from apdu.atr import AtrError, build_atr, build_historical, card_capabilities, parse_atr
from apdu.emulator import CardSize, EmulatedCard


def test_emulator_atr_t1_with_capabilities_and_issuer_data() -> None:
    atr = parse_atr(EmulatedCard(CardSize.K64).atr)
    assert atr.protocols == (1,)
    assert atr.extended_length
    assert atr.card_capabilities == bytes.fromhex("B62160")
    assert atr.issuer_data == b"CSEMU64K"
    assert atr.historical[0] == 0x80


def test_emulator_atr_bytes_are_pinned() -> None:
    assert EmulatedCard(CardSize.K32, extended_length=False).atr.hex().upper() == (
        "3B8E8131FE458073B62100584353454D5533324BBE"
    )


def test_t0_atr_has_no_interface_bytes_and_no_tck() -> None:
    historical = build_historical(capabilities=card_capabilities(extended_length=False), issuer_data=b"X")
    raw = build_atr(t0=True, historical=historical)
    assert raw[:2] == bytes((0x3B, len(historical)))
    atr = parse_atr(raw)
    assert atr.protocols == (0,)
    assert atr.t0_only
    assert not atr.extended_length
    assert atr.issuer_data == b"X"


@pytest.mark.parametrize(
    ("raw", "protocols", "historical"),
    [
        # a contactless storage card through a PC/SC reader (PC/SC part 3): T=0 then T=1, TCK 6A;
        # its historical bytes break compact-TLV, which does not stop the protocol choice
        ("3B8F8001804F0CA000000306030001000000006A", (0, 1), "804F0CA00000030603000100000000"),
        # T=0 only, TB1 and TC1 present, proprietary historical bytes
        ("3B6500002063CBA000", (0,), "2063CBA000"),
        # inverse convention TS
        ("3F00", (0,), ""),
    ],
)
def test_parses_real_world_atrs(raw: str, protocols: tuple[int, ...], historical: str) -> None:
    atr = parse_atr(bytes.fromhex(raw))
    assert atr.protocols == protocols
    assert atr.historical == bytes.fromhex(historical)


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("", "at least"),
        ("3B", "at least"),
        ("3A00", "TS"),
        ("3B8F80", "truncated"),
        ("3B02AA", "truncated"),
        ("3B01AABB", "after the end"),
        ("3B8E8131FE458073B62160584353454D5536344BDE", "TCK"),
        ("3B8E8131FE458073B62160584353454D5536344B", "truncated"),
        ("3B" + "0F" + "00" * 40, "at most 33"),
    ],
)
def test_malformed_atrs_raise(raw: str, problem: str) -> None:
    with pytest.raises(AtrError, match=problem):
        parse_atr(bytes.fromhex(raw))


def test_malformed_historical_bytes_leave_no_capabilities() -> None:
    atr = parse_atr(bytes.fromhex("3B038079AA"))
    assert atr.protocols == (0,)
    assert atr.card_capabilities is None
    assert not atr.extended_length
    assert atr.historical_problem is not None and "compact-TLV tag 7" in atr.historical_problem
    assert parse_atr(bytes.fromhex("3B0100")).historical_problem is not None
    assert parse_atr(EmulatedCard().atr).historical_problem is None


def test_build_refuses_too_many_historical_bytes() -> None:
    with pytest.raises(ValueError, match="at most 15"):
        build_atr(t0=False, historical=bytes(16))
    with pytest.raises(ValueError, match="at most 15"):
        build_historical(capabilities=bytes(3), issuer_data=b"far too long name")


def test_capabilities_bytes() -> None:
    assert card_capabilities(extended_length=True)[2] == 0x60
    assert card_capabilities(extended_length=False)[2] == 0x00
