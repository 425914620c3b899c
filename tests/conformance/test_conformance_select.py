"""SELECT (ISO/IEC 7816-4:2020 §11.2.2) by FID, path and AID, with and without FCP, and 6A82."""

import pytest
from conformance_tools import APP_AID, transparent, unlock

from apdu.fcp import Fcp, FileKind, LifeCycle, Operation, key
from apdu.status import FileNotFound


def test_select_mf_returns_its_fcp(card) -> None:
    fcp = card.iso.select_mf()
    assert fcp is not None
    assert (fcp.fid, fcp.kind) == (0x3F00, FileKind.DF)
    assert fcp.life_cycle is LifeCycle.CREATION
    assert fcp.condition(Operation.CREATE) == key(1)


def test_select_ef_atr_info(card) -> None:
    fcp = card.iso.select_fid(0x2F01)
    assert fcp is not None
    assert fcp.kind is FileKind.TRANSPARENT
    assert fcp.size > 0
    assert card.iso.current == fcp


def test_select_without_fcp(card) -> None:
    assert card.iso.select_fid(0x2F01, fcp=False) is None
    assert card.iso.current is None
    assert card.trace.exchanges[-1].command.startswith("00A4000C02")


def test_missing_file_is_6a82_naming_the_command(card) -> None:
    with pytest.raises(FileNotFound, match="6A82 to SELECT FILE 5555: file or application not found") as info:
        card.iso.select_fid(0x5555)
    assert info.value.sw == 0x6A82


def test_missing_aid_is_6a82(card) -> None:
    with pytest.raises(FileNotFound, match="SELECT application F0FFFF"):
        card.iso.select_aid(bytes.fromhex("F0FFFF"))


def test_select_path_and_aid(card) -> None:
    iso = card.iso
    iso.select_mf()
    unlock(iso)
    iso.create_file(Fcp(0x4545, FileKind.DF, df_name=APP_AID, access={Operation.CREATE: key(1)}))
    iso.create_file(transparent(0x5001, 10))
    by_path = iso.select_path([0x4545, 0x5001])
    assert by_path is not None and by_path.fid == 0x5001
    app = iso.select_aid(APP_AID)
    assert app is not None and (app.fid, app.df_name) == (0x4545, APP_AID)
    relative = iso.select_path([0x5001], from_mf=False)
    assert relative == by_path
    iso.select_mf()
    with pytest.raises(FileNotFound):
        iso.select_path([0x5001])


def test_path_from_mf_leaves_out_3f00(card) -> None:
    with pytest.raises(ValueError, match="leaves out 3F00"):
        card.iso.select_path([0x3F00, 0x2F01])
    assert card.apdus == 0
