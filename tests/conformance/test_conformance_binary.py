"""READ / UPDATE BINARY (ISO/IEC 7816-4:2020 §11.3.3, §11.3.5): chunking at the card's limits, offsets
past 32767 with the odd INS, SFI addressing, and the end of the file."""

import pytest
from conformance_tools import pattern, transparent, unlock

from apdu.iso7816 import ShortRead
from apdu.status import NotEnoughMemory, SecurityStatusNotSatisfied, WrongOffset

CHUNK = 2048  # the emulated card's I/O buffer, announced in EF.ATR/INFO 7F66


def _file(session, size: int, fid: int = 0x1001, sfi: int | None = None) -> None:
    iso = session.iso
    iso.select_mf()
    unlock(iso)
    iso.create_file(transparent(fid, size, sfi=sfi))


def test_limits_come_from_ef_atr_info(card) -> None:
    limits = card.iso.limits
    assert (limits.extended, limits.max_command, limits.max_response) == (True, CHUNK, CHUNK)


@pytest.mark.parametrize("size", [1, 255, 256, 257, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 1])
def test_round_trip_and_apdu_count(card, size: int) -> None:
    _file(card, size)
    data = pattern(size, seed=size)
    before = card.apdus
    card.iso.update_binary(data)
    chunks = -(-size // CHUNK)
    assert card.apdus - before == chunks
    card.iso.select_fid(0x1001)
    before = card.apdus
    assert card.iso.read_binary() == data
    assert card.apdus - before == chunks


def test_60000_bytes_with_offsets_past_32767(card) -> None:
    _file(card, 60000)
    data = pattern(60000, seed=7)
    card.iso.update_binary(data)
    card.iso.select_fid(0x1001)
    assert card.iso.read_binary() == data
    assert card.iso.read_binary(32767, 2) == data[32767:32769]
    assert card.iso.read_binary(32768, 5000) == data[32768:37768]
    assert card.iso.read_binary(59999) == data[59999:]
    odd = [e for e in card.trace.exchanges if e.command.startswith(("00B1", "00D7"))]
    assert odd, "offsets past 32767 must use the odd INS with offset DO 54"


def test_update_at_a_big_offset(card) -> None:
    _file(card, 40000)
    card.iso.update_binary(b"\xaa" * 3000, offset=33000)
    card.iso.select_fid(0x1001)
    assert card.iso.read_binary(32999, 3002) == b"\x00" + b"\xaa" * 3000 + b"\x00"


def test_short_apdus_when_forced(card) -> None:
    _file(card, 1000)
    data = pattern(1000)
    card.iso.update_binary(data)
    short = card.reopen(extended=False)
    short.iso.select_fid(0x1001)
    before = short.apdus
    assert short.iso.read_binary() == data
    assert short.apdus - before == 4  # 256 + 256 + 256 + 232
    short.iso.update_binary(data[:511], offset=1)
    assert short.apdus - before == 4 + 3  # 255 + 255 + 1


def test_sfi_addressing(card) -> None:
    _file(card, 600, sfi=5)
    card.iso.update_binary(pattern(600), sfi=5)
    card.iso.select_mf()
    assert card.iso.read_binary(sfi=5) == pattern(600)
    card.iso.select_mf()
    assert card.iso.read_binary(300, 10, sfi=5) == pattern(600)[300:310]


def test_read_past_the_end(card) -> None:
    _file(card, 100)
    card.iso.select_fid(0x1001)
    with pytest.raises(ShortRead, match="asked for 20 bytes at offset 90, the file ends after 100 bytes"):
        card.iso.read_binary(90, 20)
    with pytest.raises(WrongOffset, match="6B00 to READ BINARY at offset 100"):
        card.iso.read_binary(100, 1)


def test_write_past_the_end_is_6a84(card) -> None:
    _file(card, 100)
    with pytest.raises(NotEnoughMemory, match="6A84 to UPDATE BINARY at offset 90"):
        card.iso.update_binary(bytes(20), offset=90)


def test_update_needs_the_key(card) -> None:
    _file(card, 100)
    card.transport.reset()
    card.iso.select_fid(0x1001)
    with pytest.raises(SecurityStatusNotSatisfied, match="6982 to UPDATE BINARY"):
        card.iso.update_binary(b"x")
    assert card.iso.read_binary() == bytes(100)
