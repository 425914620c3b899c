"""Card and file life cycle (ISO/IEC 7816-4:2020 §7.4.10, ISO/IEC 7816-9 §8-9) and the EEPROM budget:
a file that does not fit gets 6A84 before anything is written."""

import pytest
from conformance_tools import transparent, unlock

from apdu.fcp import ALWAYS, Fcp, FileKind, LifeCycle, Operation, key
from apdu.status import ConditionsNotSatisfied, FileExists, FileNotFound, NotEnoughMemory, WarningStatus


def _managed(fid: int) -> Fcp:
    """A 4-byte EF whose activation, deactivation and deletion need the transport key."""
    access = {
        op: key(1) for op in (Operation.UPDATE, Operation.ACTIVATE, Operation.DEACTIVATE, Operation.DELETE)
    }
    return Fcp(fid, FileKind.TRANSPARENT, size=4, access=access | {Operation.READ: ALWAYS})


def test_creation_to_operational_to_terminated(card) -> None:
    iso = card.iso
    assert iso.select_mf().life_cycle is LifeCycle.CREATION
    unlock(iso)
    iso.create_file(transparent(0x1001, 4))
    assert iso.select_mf().life_cycle is LifeCycle.INITIALISATION
    iso.activate_file()
    assert iso.select_mf().life_cycle is LifeCycle.OPERATIONAL_ACTIVATED
    iso.deactivate_file()
    assert iso.select_mf().life_cycle is LifeCycle.OPERATIONAL_DEACTIVATED
    iso.activate_file(0x3F00)
    iso.terminate_card()
    terminated = iso.select_mf()
    assert terminated.life_cycle is LifeCycle.TERMINATED
    assert card.status_words[-1] == "6285"
    with pytest.raises(WarningStatus, match="6285 to SELECT FILE MF"):
        iso.select_mf(fcp=False)
    with pytest.raises(ConditionsNotSatisfied, match="6985 to GET CHALLENGE"):
        iso.get_challenge()


def test_deactivated_file_selects_with_6283_and_refuses_reads(card) -> None:
    iso = card.iso
    iso.select_mf()
    unlock(iso)
    iso.create_file(_managed(0x1001))
    iso.deactivate_file(0x1001)
    fcp = iso.select_fid(0x1001)
    assert fcp.life_cycle is LifeCycle.OPERATIONAL_DEACTIVATED
    assert card.status_words[-1] == "6283"
    with pytest.raises(ConditionsNotSatisfied, match="6985 to READ BINARY"):
        iso.read_binary()
    iso.activate_file(0x1001)
    assert iso.read_binary() == bytes(4)


def test_create_twice_is_6a89_and_delete_frees_the_fid(card) -> None:
    iso = card.iso
    iso.select_mf()
    unlock(iso)
    iso.create_file(_managed(0x1001))
    iso.select_mf()
    with pytest.raises(FileExists, match="6A89 to CREATE FILE 1001: file already exists"):
        iso.create_file(_managed(0x1001))
    iso.delete_file(0x1001)
    with pytest.raises(FileNotFound, match="6A82 to SELECT FILE 1001"):
        iso.select_fid(0x1001)
    iso.create_file(_managed(0x1001))


def test_file_that_does_not_fit_64k(card) -> None:
    iso = card.iso
    iso.select_mf()
    unlock(iso)
    iso.create_file(transparent(0x1001, 40000))
    iso.select_mf()
    with pytest.raises(NotEnoughMemory, match="6A84 to CREATE FILE 1002: not enough memory"):
        iso.create_file(transparent(0x1002, 30000))
    iso.create_file(transparent(0x1002, 20000))


def test_file_that_does_not_fit_32k(card_32k) -> None:
    iso = card_32k.iso
    iso.select_mf()
    unlock(iso)
    with pytest.raises(NotEnoughMemory, match="6A84 to CREATE FILE 1001"):
        iso.create_file(transparent(0x1001, 40000))
    iso.create_file(transparent(0x1001, 30000))
    iso.select_mf()
    with pytest.raises(NotEnoughMemory):
        iso.create_file(transparent(0x1002, 4000))
