"""READ / UPDATE BINARY: offsets, SFI, end of file, the odd-INS forms and extended length."""

from __future__ import annotations

import pytest
from emu_helpers import Host, ef

from apdu.atr import parse_atr
from apdu.command import CommandApdu
from apdu.emulator import CardSize, EmulatedCard
from apdu.emulator.config import IO_BUFFER, MAX_COMMAND_APDU
from apdu.tlv import Tlv, decode, decode_one
from apdu.transport.loopback import LoopbackTransport


def test_update_then_read_with_offsets_and_end_of_file(keyed: Host) -> None:
    host = keyed
    assert host.create(ef(0x5000, 300, sfi=5)) == 0x9000
    assert host.update_binary(0, bytes(range(200))) == 0x9000
    assert host.update_binary(200, b"\xaa" * 100) == 0x9000
    assert host.read_binary(195, 10).data == bytes(range(195, 200)) + b"\xaa" * 5
    tail = host.read_binary(290, 20)
    assert (tail.data, tail.sw) == (b"\xaa" * 10, 0x6282)
    everything = host.read_binary(290, 256)  # Le 00: all available, no warning
    assert (len(everything.data), everything.sw) == (10, 0x9000)
    assert host.read_binary(300, 1).sw == 0x6B00
    assert host.update_binary(300, b"x") == 0x6B00
    assert host.update_binary(299, b"xy") == 0x6A84
    assert host.sw("00D60000") == 0x6700
    assert host.sw("00B00000") == 0x6700


def test_sfi_addressing_selects_the_ef(keyed: Host) -> None:
    host = keyed
    assert host.create(ef(0x5000, 16, sfi=5)) == 0x9000
    assert host.update_binary(0, b"0123456789abcdef") == 0x9000
    host.select_mf()
    assert host.send(CommandApdu(0x00, 0xB0, 0x85, 0x04, ne=4)).data == b"4567"
    assert host.read_binary(0, 2).data == b"01"  # the SFI read made 5000 current
    assert host.sw(CommandApdu(0x00, 0xD6, 0x85, 0x0E, b"EF")) == 0x9000
    assert host.read_binary(12, 4).data == b"cdEF"
    assert host.sw(CommandApdu(0x00, 0xB0, 0x86, 0x00, ne=1)) == 0x6A82
    assert host.sw(CommandApdu(0x00, 0xB0, 0xA5, 0x00, ne=1)) == 0x6A86
    assert host.sw(CommandApdu(0x00, 0xB0, 0x80, 0x00, ne=1)) == 0x6A86


def test_binary_commands_need_a_transparent_current_ef(keyed: Host) -> None:
    host = keyed
    host.select_mf()
    assert host.read_binary(0, 1).sw == 0x6986
    assert host.select(0x0001) == 0x9000
    assert host.read_binary(0, 1).sw == 0x6981


def _odd_read(offset: int, ne: int) -> CommandApdu:
    return CommandApdu(0x00, 0xB1, 0x00, 0x00, Tlv(0x54, offset.to_bytes(2, "big")).to_bytes(), ne, True)


def _odd_update(offset: int, data: bytes) -> CommandApdu:
    field = Tlv(0x54, offset.to_bytes(2, "big")).to_bytes() + Tlv(0x53, data).to_bytes()
    return CommandApdu(0x00, 0xD7, 0x00, 0x00, field, extended=True)


def test_odd_ins_reaches_offsets_beyond_32767_in_a_60000_byte_file(keyed: Host) -> None:
    host = keyed
    assert host.create(ef(0x5100, 60000)) == 0x9000
    assert host.sw(_odd_update(59000, b"\x5a" * 1000)) == 0x9000
    assert host.sw(_odd_update(40000, b"forty thousand")) == 0x9000
    body = host.ok(_odd_read(40000, 16))
    assert decode_one(body) == Tlv(0x53, b"forty thousand")
    last = host.send(_odd_read(59990, 100))
    assert (decode_one(last.data).data, last.sw) == (b"\x5a" * 10, 0x6282)
    big = decode_one(host.ok(_odd_read(59000, 1004))).data
    assert big == b"\x5a" * 1000
    assert host.sw(_odd_read(60000, 10)) == 0x6B00
    assert host.sw(_odd_update(59999, b"ab")) == 0x6A84
    # by FID in P1-P2, and by SFI
    host.select_mf()
    field = Tlv(0x54, b"\x9c\x40").to_bytes()
    assert decode_one(host.ok(CommandApdu(0x00, 0xB1, 0x51, 0x00, field, 16, True))).data[:5] == b"forty"
    # the offset object is mandatory and must come first
    assert host.sw(CommandApdu(0x00, 0xB1, 0x00, 0x00, Tlv(0x53, b"\x00").to_bytes(), 10)) == 0x6A80
    assert host.sw(CommandApdu(0x00, 0xB1, 0x00, 0x00, b"\x54\x05", 10)) == 0x6A80
    assert host.sw(CommandApdu(0x00, 0xD7, 0x00, 0x00, Tlv(0x54, b"\x00").to_bytes())) == 0x6A80


def test_even_ins_offset_is_limited_to_15_bits(keyed: Host) -> None:
    host = keyed
    assert host.create(ef(0x5100, 60000)) == 0x9000
    assert host.update_binary(0x7FFF, b"top") == 0x9000
    assert host.read_binary(0x7FFF, 3).data == b"top"


def test_extended_length_reads_and_writes_up_to_the_io_buffer(keyed: Host) -> None:
    host = keyed
    assert parse_atr(host.card.atr).extended_length
    assert host.create(ef(0x5200, 5000)) == 0x9000
    payload = bytes(i % 251 for i in range(IO_BUFFER))
    assert host.sw(CommandApdu(0x00, 0xD6, 0x00, 0x00, payload, extended=True)) == 0x9000
    assert host.ok(CommandApdu(0x00, 0xB0, 0x00, 0x00, ne=IO_BUFFER, extended=True)) == payload
    assert len(host.ok(CommandApdu(0x00, 0xB0, 0x00, 0x00, ne=65536, extended=True))) == IO_BUFFER
    assert host.sw(CommandApdu(0x00, 0xB0, 0x00, 0x00, ne=IO_BUFFER + 1, extended=True)) == 0x6700
    too_long = CommandApdu(0x00, 0xD6, 0x00, 0x00, bytes(MAX_COMMAND_APDU - 6), extended=True)
    assert host.sw(too_long) == 0x6700


def test_ef_atr_info_announces_the_limits(host: Host) -> None:
    assert host.select(0x2F01) == 0x9000
    objects = {obj.tag: obj for obj in decode(host.read_binary(0, 256).data)}
    limits = [int.from_bytes(child.data, "big") for child in objects[0x7F66].children]
    assert limits == [MAX_COMMAND_APDU, IO_BUFFER + 2]
    assert objects[0x47].data[2] & 0x40


@pytest.mark.parametrize("size", list(CardSize), ids=lambda s: s.label)
def test_extended_length_off_refuses_extended_apdus(size: CardSize) -> None:
    card = EmulatedCard(size, extended_length=False)
    atr = parse_atr(card.atr)
    assert not atr.extended_length
    assert atr.issuer_data == b"CSEMU" + size.label.encode()
    transport = LoopbackTransport(card)
    transport.connect()
    host = Host(transport)
    assert host.select(0x2F01) == 0x9000
    assert host.sw(CommandApdu(0x00, 0xB0, 0x00, 0x00, ne=5, extended=True)) == 0x6700
    info = host.read_binary(0, 256).data
    assert b"\x7f\x66" not in info
    assert decode_one(info).tag == 0x47
