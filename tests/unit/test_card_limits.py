"""APDU size limits from EF.ATR/INFO DO 7F66 (ISO/IEC 7816-4:2020 §12.7.1) and odd-INS data objects
(§11.3.3)."""

import pytest

from apdu.commands.limits import EXTENDED, SHORT, CardLimits, limits_from_atr_info
from apdu.commands.odd_ins import data_object, data_overhead, largest_payload, offset_object, unwrap_data
from apdu.tlv import TlvError


def test_short_and_extended_maxima() -> None:
    assert (SHORT.max_command, SHORT.max_response) == (255, 256)
    assert (EXTENDED.max_command, EXTENDED.max_response) == (65535, 65536)


def test_7f66_gives_apdu_sizes() -> None:
    ef_atr = bytes.fromhex("4703B42160" + "7F66 08 0202 0809 0202 0802".replace(" ", ""))
    assert limits_from_atr_info(ef_atr) == CardLimits(extended=True, max_command=2048, max_response=2048)


def test_7f66_inside_a_template() -> None:
    ef_atr = bytes.fromhex("E00B" + "7F6608" + "02020809" + "02020802")
    assert limits_from_atr_info(ef_atr).max_response == 2048


def test_no_7f66_means_iso_maxima() -> None:
    assert limits_from_atr_info(bytes.fromhex("4703B42160")) == EXTENDED


def test_limits_never_fall_below_short() -> None:
    ef_atr = bytes.fromhex("7F6606" + "020100" + "020100")
    assert limits_from_atr_info(ef_atr) == CardLimits(True, 255, 256)


def test_limits_never_exceed_extended() -> None:
    ef_atr = bytes.fromhex("7F660C" + "020401000000" + "020401000000")
    assert limits_from_atr_info(ef_atr) == EXTENDED


@pytest.mark.parametrize(
    ("ef_atr", "problem"),
    [
        ("7F6604020108" + "00", "padding"),
        ("7F6603020108", "two INTEGERs"),
        ("7F660602000202FFFF", "two INTEGERs"),
        ("7F660102", "truncated"),
    ],
)
def test_malformed_7f66(ef_atr: str, problem: str) -> None:
    with pytest.raises(TlvError, match=problem):
        limits_from_atr_info(bytes.fromhex(ef_atr))


@pytest.mark.parametrize(("nc", "ne"), [(0, 256), (256, 256), (255, 0), (255, 257)])
def test_short_limits_out_of_range(nc: int, ne: int) -> None:
    with pytest.raises(ValueError, match="outside the short APDU ranges"):
        CardLimits(False, nc, ne)


def test_offset_object() -> None:
    assert offset_object(0) == bytes.fromhex("540100")
    assert offset_object(32768) == bytes.fromhex("54028000")
    assert offset_object(0x012345) == bytes.fromhex("5403012345")


def test_data_object_and_overhead() -> None:
    assert data_object(b"\x01\x02") == bytes.fromhex("53020102")
    assert [data_overhead(n) for n in (0, 127, 128, 255, 256, 65535)] == [2, 2, 3, 3, 4, 4]


@pytest.mark.parametrize("room", [2, 3, 129, 130, 131, 256, 258, 259, 2048, 65536])
def test_largest_payload_is_largest(room: int) -> None:
    payload = largest_payload(room)
    assert payload + data_overhead(payload) <= room
    assert payload + 1 + data_overhead(payload + 1) > room


def test_largest_payload_of_nothing() -> None:
    assert largest_payload(1) == 0


def test_unwrap_data() -> None:
    assert unwrap_data(bytes.fromhex("538180") + bytes(128)) == bytes(128)
    with pytest.raises(TlvError, match="expected discretionary data 53"):
        unwrap_data(bytes.fromhex("540100"))
