"""READ / UPDATE / APPEND RECORD (ISO/IEC 7816-4:2020 §11.4) on linear fixed and cyclic EFs."""

import pytest
from conformance_tools import records, unlock

from apdu.fcp import FileKind
from apdu.status import FileNotFound, NotEnoughMemory, WrongLength


def _records(session, kind: FileKind, length: int = 16, count: int = 3, sfi: int | None = None) -> None:
    iso = session.iso
    iso.select_mf()
    unlock(iso)
    iso.create_file(records(0x2001, kind, length, count, sfi=sfi))


def test_linear_fixed_update_and_read(card) -> None:
    _records(card, FileKind.LINEAR_FIXED)
    iso = card.iso
    iso.update_record(2, b"second")
    iso.update_record(1, b"first record 16b")
    assert iso.read_record(1) == b"first record 16b"
    assert iso.read_record(2) == b"second"
    with pytest.raises(FileNotFound, match="6A83 to READ RECORD 3: record not found"):
        iso.read_record(3)
    assert iso.read_all_records() == [b"first record 16b", b"second"]


def test_linear_fixed_append_until_full(card) -> None:
    _records(card, FileKind.LINEAR_FIXED, count=2)
    iso = card.iso
    iso.append_record(b"a")
    iso.append_record(b"b")
    with pytest.raises(NotEnoughMemory, match="6A84 to APPEND RECORD"):
        iso.append_record(b"c")
    assert iso.read_all_records() == [b"a", b"b"]


def test_cyclic_append_makes_record_1_the_newest(card) -> None:
    _records(card, FileKind.CYCLIC, count=3)
    iso = card.iso
    for entry in (b"one", b"two", b"three", b"four"):
        iso.append_record(entry)
    assert iso.read_all_records() == [b"four", b"three", b"two"]


def test_record_too_long_is_6700(card) -> None:
    _records(card, FileKind.LINEAR_FIXED, length=4)
    with pytest.raises(WrongLength, match="6700 to UPDATE RECORD 1"):
        card.iso.update_record(1, b"12345")


def test_records_by_sfi(card) -> None:
    _records(card, FileKind.LINEAR_FIXED, sfi=7)
    card.iso.update_record(1, b"by sfi", sfi=7)
    card.iso.append_record(b"appended", sfi=7)
    card.iso.select_mf()
    assert card.iso.read_all_records(sfi=7) == [b"by sfi", b"appended"]


@pytest.mark.parametrize("number", [0, 255])
def test_record_number_range(card, number: int) -> None:
    with pytest.raises(ValueError, match=f"record number {number} outside 1..254"):
        card.iso.read_record(number)
