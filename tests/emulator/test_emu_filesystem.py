"""File system, SELECT variants, CREATE / DELETE FILE and the EEPROM budget."""

from __future__ import annotations

import pytest
from emu_helpers import APP_AID, APP_FID, Host, app_df, ef, records

from apdu.command import CommandApdu
from apdu.emulator import CardSize, EmulatedCard
from apdu.emulator.filesystem import HEADER_SIZE
from apdu.fcp import ALWAYS, Fcp, FileKind, LifeCycle, Operation, key
from apdu.tlv import Tlv, decode, decode_one
from apdu.transport.loopback import LoopbackTransport


def test_blank_card_holds_mf_key_file_atr_info_and_serial(host: Host) -> None:
    fcp = Fcp.parse(host.ok("00A4000002 3F00 00".replace(" ", "")))
    assert (fcp.fid, fcp.kind, fcp.life_cycle) == (0x3F00, FileKind.DF, LifeCycle.CREATION)
    keys = Fcp.parse(host.ok("00A40204020001 00".replace(" ", "")))
    assert keys.kind is FileKind.INTERNAL_LINEAR_FIXED
    assert host.select(0x2F02) == 0x9000
    assert decode_one(host.read_binary(0, 256).data) == Tlv(0x5A, bytes.fromhex("0102030405060708"))


def test_select_variants(keyed: Host) -> None:
    host = keyed
    assert host.create(app_df()) == 0x9000
    assert host.create(ef(0x4101, 10)) == 0x9000
    assert host.create(Fcp(fid=0x4200, kind=FileKind.DF, access={Operation.CREATE: key(1)})) == 0x9000
    host.select_mf()
    # P1=04 by DF name, P2=00 returns the FCP
    fcp = Fcp.parse(host.ok(CommandApdu(0x00, 0xA4, 0x04, 0x00, APP_AID, ne=256)))
    assert (fcp.fid, fcp.df_name) == (APP_FID, APP_AID)
    # P1=02 EF under the current DF, P2=04 FCP
    fcp = Fcp.parse(host.ok(CommandApdu(0x00, 0xA4, 0x02, 0x04, bytes.fromhex("4101"), ne=256)))
    assert (fcp.fid, fcp.size) == (0x4101, 10)
    # P1=03 parent, P1=01 child DF, P1=09 path from the current DF, P1=08 path from the MF
    assert host.sw("00A4030C") == 0x9000
    assert host.select(APP_FID, p1=0x01) == 0x9000
    assert host.sw("00A4090C024101") == 0x9000
    assert host.sw("00A4080C0441004101") == 0x9000
    assert host.sw("00A4080C063F0041004101") == 0x9000
    # P1=00: a sibling DF from inside another DF, then the MF
    assert host.select(0x4200) == 0x9000
    assert host.sw("00A4000C00") == 0x9000
    # P2=0C answers no data; wrong files 6A82; an EF is not a DF and vice versa
    assert host.send("00A4000C023F00").data == b""
    assert host.select(0x4101, p1=0x02) == 0x6A82
    assert host.select(0x4100, p1=0x02) == 0x6A82
    assert host.select(0x2F01, p1=0x01) == 0x6A82
    assert host.sw(CommandApdu(0x00, 0xA4, 0x04, 0x0C, bytes.fromhex("F0FFFF"))) == 0x6A82
    assert host.sw("00A4080C0441994101") == 0x6A82
    assert host.sw("00A4080C042F014101") == 0x6A82
    assert host.sw("00A4030C") == 0x6A82
    assert host.sw("00A4050C023F00") == 0x6A86
    assert host.sw("00A40008023F00") == 0x6A86
    assert host.sw("00A4000C033F0000") == 0x6700


def test_create_file_refusals(keyed: Host) -> None:
    host = keyed
    assert host.create(ef(0x5000, 4)) == 0x9000
    host.select_mf()
    assert host.create(ef(0x5000, 4)) == 0x6A89
    assert host.create(ef(0x5001, 4, sfi=3)) == 0x9000
    host.select_mf()
    assert host.create(ef(0x5002, 4, sfi=3)) == 0x6A89
    assert host.create(app_df()) == 0x9000
    host.select_mf()
    assert host.create(app_df(fid=0x4300)) == 0x6A8A
    assert host.create(ef(0x3FFF, 4)) == 0x6A80
    assert host.create(Fcp(fid=0x5003, kind=FileKind.TRANSPARENT, life_cycle=LifeCycle.CREATION)) == 0x6A80
    assert host.sw(CommandApdu(0x00, 0xE0, 0x00, 0x00, bytes.fromhex("62038201"))) == 0x6A80
    assert host.sw(CommandApdu(0x00, 0xE0, 0x00, 0x00, bytes.fromhex("6203830150"))) == 0x6A80
    assert host.sw(CommandApdu(0x00, 0xE0, 0x01, 0x00, ef(0x5004, 1).to_bytes())) == 0x6A86
    assert host.sw("00E00000") == 0x6700
    assert host.create(records(0x0002, 36, 2, kind=FileKind.INTERNAL_LINEAR_FIXED)) == 0x6A89


def test_ef_dir_is_an_ordinary_linear_fixed_ef(keyed: Host) -> None:
    host = keyed
    assert host.create(records(0x2F00, 40, 4)) == 0x9000
    template = Tlv(0x61, (Tlv(0x4F, APP_AID), Tlv(0x50, b"ECHS")))
    assert host.append_record(template.to_bytes()) == 0x9000
    host.select_mf()
    assert host.select(0x2F00) == 0x9000
    assert decode(host.read_record(1).data) == (template,)
    assert host.read_record(2).sw == 0x6A83


@pytest.mark.parametrize("size", list(CardSize), ids=lambda s: s.label)
def test_memory_budget_refuses_what_does_not_fit_and_delete_frees_it(size: CardSize) -> None:
    transport = LoopbackTransport(EmulatedCard(size))
    transport.connect()
    host = Host(transport)
    host.install_card_key()
    host.select_mf()
    free = transport.card.free_memory
    assert free > size.value - 512
    too_big = min(free - HEADER_SIZE + 1, 0xFFFF)
    if too_big < 0xFFFF:
        assert host.create(ef(0x6000, too_big)) == 0x6A84
        assert transport.card.free_memory == free
    first = min(0xFFFF, free - HEADER_SIZE - 1000)
    assert host.create(ef(0x6000, first)) == 0x9000
    host.select_mf()
    left = transport.card.free_memory
    assert left == free - HEADER_SIZE - first
    assert host.create(ef(0x6001, left - HEADER_SIZE + 1)) == 0x6A84
    assert host.create(ef(0x6001, left - HEADER_SIZE)) == 0x9000
    assert transport.card.free_memory == 0
    host.select_mf()
    assert host.create(Fcp(fid=0x6002, kind=FileKind.DF)) == 0x6A84
    assert host.sw(CommandApdu(0x00, 0xE4, 0x00, 0x00, bytes.fromhex("6001"))) == 0x6982
    assert transport.card.free_memory == 0
    assert host.sw(CommandApdu(0x00, 0xE4, 0x00, 0x00, bytes.fromhex("4444"))) == 0x6A82


def test_delete_file_frees_memory_and_subtrees(keyed: Host) -> None:
    host = keyed
    removable = {Operation.READ: ALWAYS, Operation.DELETE: key(1)}
    before = host.card.free_memory
    assert host.create(app_df()) == 0x9000
    assert host.create(ef(0x4101, 1000, removable)) == 0x9000
    assert host.card.free_memory == before - 2 * HEADER_SIZE - 1000
    assert host.sw("00E40000") == 0x9000  # the current EF
    assert host.select(0x4101, p1=0x02) == 0x6A82
    assert host.create(ef(0x4102, 500, removable)) == 0x9000
    host.select_mf()
    assert host.sw(CommandApdu(0x00, 0xE4, 0x04, 0x00, APP_AID)) == 0x9000
    assert host.card.free_memory == before
    assert host.sw(CommandApdu(0x00, 0xA4, 0x04, 0x0C, APP_AID)) == 0x6A82
    assert host.sw("00E40000023F00") == 0x6985
