"""READ / UPDATE / APPEND RECORD on linear fixed and cyclic EFs."""

from __future__ import annotations

from emu_helpers import Host, records

from apdu.command import CommandApdu
from apdu.fcp import FileKind


def test_linear_fixed_append_update_read_and_full(keyed: Host) -> None:
    host = keyed
    assert host.create(records(0x5300, 8, 3, sfi=7)) == 0x9000
    assert host.read_record(1).sw == 0x6A83
    assert host.append_record(b"one") == 0x9000
    assert host.append_record(b"two") == 0x9000
    assert host.update_record(3, b"three!!!") == 0x9000
    assert host.append_record(b"x") == 0x6A84
    assert host.read_record(1).data == b"one"
    assert host.update_record(1, b"uno") == 0x9000
    host.select_mf()
    assert [host.read_record(n, sfi=7).data for n in (1, 2, 3)] == [b"uno", b"two", b"three!!!"]
    assert host.read_record(4).sw == 0x6A83
    assert host.update_record(4, b"four") == 0x6A83
    assert host.update_record(1, b"nine byte") == 0x6700
    assert host.sw("00DC0104") == 0x6700


def test_cyclic_append_makes_the_newest_record_one(keyed: Host) -> None:
    host = keyed
    assert host.create(records(0x5400, 4, 3, kind=FileKind.CYCLIC)) == 0x9000
    for value in (b"a", b"b", b"c", b"d"):
        assert host.append_record(value) == 0x9000
    assert [host.read_record(n).data for n in (1, 2, 3)] == [b"d", b"c", b"b"]
    assert host.update_record(2, b"C") == 0x9000
    assert [host.read_record(n).data for n in (1, 2, 3)] == [b"d", b"C", b"b"]
    assert host.read_record(4).sw == 0x6A83


def test_cyclic_partially_filled(keyed: Host) -> None:
    host = keyed
    assert host.create(records(0x5400, 4, 5, kind=FileKind.CYCLIC)) == 0x9000
    assert host.append_record(b"a") == 0x9000
    assert host.append_record(b"b") == 0x9000
    assert [host.read_record(n).data for n in (1, 2)] == [b"b", b"a"]
    assert host.read_record(3).sw == 0x6A83
    assert host.update_record(3, b"c") == 0x6A83


def test_record_parameter_errors(keyed: Host) -> None:
    host = keyed
    assert host.create(records(0x5300, 8, 3)) == 0x9000
    assert host.append_record(b"one") == 0x9000
    assert host.sw(CommandApdu(0x00, 0xB2, 0x00, 0x04, ne=256)) == 0x6A86  # record 0
    assert host.sw(CommandApdu(0x00, 0xB2, 0x01, 0x05, ne=256)) == 0x6A86  # not "number in P1"
    assert host.sw(CommandApdu(0x00, 0xB2, 0x01, 0xFC, ne=256)) == 0x6A86  # SFI 31
    assert host.sw(CommandApdu(0x00, 0xB2, 0x01, 0x0C, ne=256)) == 0x6A82  # no EF with SFI 1
    assert host.sw(CommandApdu(0x00, 0xE2, 0x01, 0x00, b"x")) == 0x6A86
    assert host.sw(CommandApdu(0x00, 0xE2, 0x00, 0x04, b"x")) == 0x6A86
    assert host.sw(CommandApdu(0x00, 0xB2, 0x01, 0x04, b"x", ne=256)) == 0x6700
    assert host.sw(CommandApdu(0x00, 0xB2, 0x01, 0x04)) == 0x6700
    assert host.sw(CommandApdu(0x00, 0xB2, 0x01, 0x04, ne=2)) == 0x6C03
    host.select_mf()
    assert host.read_record(1).sw == 0x6986
    assert host.select(0x2F01) == 0x9000
    assert host.read_record(1).sw == 0x6981
