"""READ RECORD, UPDATE RECORD and APPEND RECORD (ISO 7816-4 §11.4.3, §11.4.5, §11.4.6).

P2 b8-b4 = SFI (00000 = current EF), b3-b1 = 100 (record number in P1) for READ / UPDATE, 000 for
APPEND. P1 = 00 ("current record") is not supported: this card keeps no record pointer -> 6A86. A record
that was never written, or a number past the record count -> 6A83. A record holds 1 to record-length
bytes (6700 otherwise). APPEND fills the first unused record of a linear EF (6A84 when full); on a cyclic
EF the appended record becomes record 1 and the oldest is overwritten.

Writing the internal key EF goes through the same commands; the record must be a valid key/PIN record
(apdu.emulator.keys, else 6A80) whose kind and reference no other record of the file uses.
"""

from __future__ import annotations

from apdu.command import CommandApdu
from apdu.emulator.cardos import CardOs, Reply
from apdu.emulator.errors import CardError
from apdu.emulator.filesystem import RecordFile
from apdu.emulator.keys import KeyRecord, KeyRecordError
from apdu.emulator.lengths import response_limit
from apdu.emulator.security import require
from apdu.emulator.selection import current_ef, ef_by_sfi
from apdu.fcp import FileKind, Operation

BY_NUMBER = 0x04
APPEND_P2 = 0x00


def _record_file(os: CardOs, apdu: CommandApdu, p2_low: int) -> RecordFile:
    if apdu.p2 & 0x07 != p2_low:
        raise CardError(0x6A86, f"P2 b3-b1 must be {p2_low:03b}")
    sfi = apdu.p2 >> 3
    if sfi == 0x1F:
        raise CardError(0x6A86, "SFI 31 is reserved")
    node = current_ef(os) if sfi == 0 else ef_by_sfi(os, sfi)
    if not isinstance(node, RecordFile):
        raise CardError(0x6981, "not a record EF")
    return node


def _record_number(apdu: CommandApdu) -> int:
    if apdu.p1 == 0:
        raise CardError(0x6A86, "record number 0 (current record) is not supported")
    return apdu.p1


def read_record(os: CardOs, apdu: CommandApdu) -> Reply:
    if apdu.data:
        raise CardError(0x6700, "READ RECORD takes no data field")
    number = _record_number(apdu)
    ef = _record_file(os, apdu, BY_NUMBER)
    require(os.session, ef, Operation.READ)
    response_limit(apdu)
    slot = ef.slot_of(number)
    if slot is None:
        raise CardError(0x6A83, f"record {number} not found")
    return Reply(ef.record(slot))


def _check_record_data(ef: RecordFile, data: bytes) -> None:
    if not 1 <= len(data) <= ef.fcp.record_length:
        raise CardError(0x6700, f"a record holds 1 to {ef.fcp.record_length} bytes, got {len(data)}")


def store_record(os: CardOs, ef: RecordFile, slot: int, data: bytes, new_head: int | None = None) -> None:
    """Write one record page by page; its length, the cyclic head and (key EF) retry counter land with
    the last page. A key/PIN record is validated first and its reference's proof forgotten."""
    reset_counter: int | None = None
    if ef.kind is FileKind.INTERNAL_LINEAR_FIXED:
        try:
            record = KeyRecord.parse(data)
        except KeyRecordError as exc:
            raise CardError(0x6A80, str(exc)) from None
        clash = ef.find_secret(record.kind, record.ref)
        if clash is not None and clash[0] != slot:
            raise CardError(0x6A80, f"reference {record.ref} is already installed in another record")
        assert ef.parent is not None
        for _, old in (s for s in ef.secrets() if s[0] == slot):
            os.session.forget(ef.parent, old.kind, old.ref)
        os.session.forget(ef.parent, record.kind, record.ref)
        reset_counter = record.retry_limit

    def finish() -> None:
        ef.lengths[slot] = len(data)
        if new_head is not None:
            ef.head = new_head
        if reset_counter is not None:
            ef.counters[slot] = reset_counter

    os.eeprom.write(ef.slots[slot], 0, data, finish)


def update_record(os: CardOs, apdu: CommandApdu) -> Reply:
    number = _record_number(apdu)
    ef = _record_file(os, apdu, BY_NUMBER)
    require(os.session, ef, Operation.UPDATE)
    _check_record_data(ef, apdu.data)
    slot = ef.slot_of(number) if ef.cyclic else (number - 1 if number <= len(ef.slots) else None)
    if slot is None:
        raise CardError(0x6A83, f"record {number} not found")
    store_record(os, ef, slot, apdu.data)
    return Reply()


def append_record(os: CardOs, apdu: CommandApdu) -> Reply:
    if apdu.p1 != 0:
        raise CardError(0x6A86, "APPEND RECORD needs P1 = 00")
    ef = _record_file(os, apdu, APPEND_P2)
    require(os.session, ef, Operation.APPEND)
    _check_record_data(ef, apdu.data)
    slot = ef.next_append_slot()
    if slot is None:
        raise CardError(0x6A84, "every record of the linear EF is in use")
    store_record(os, ef, slot, apdu.data, new_head=slot if ef.cyclic else None)
    return Reply()
