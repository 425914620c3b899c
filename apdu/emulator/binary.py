"""SELECT, READ BINARY and UPDATE BINARY (ISO 7816-4 §11.2.2, §11.3.3, §11.3.5).

Even INS (B0 / D6): P1 b8 = 1 -> SFI in P1 b5-b1 and an 8-bit offset in P2; else a 15-bit offset in
P1-P2 on the current EF. Odd INS (B1 / D7) reach offsets up to 65535: P1-P2 = 0000 current EF, 0001..001E
an SFI, else the FID of an EF in the current DF; the data field starts with the offset data object 54;
B1 answers with the data inside a discretionary data object 53, D7 carries it in 53 after the offset.

An offset at or past the end of the file -> 6B00; a read that reaches the end before Ne bytes returns
what there is with 6282 (unless Le asked for all available bytes); a write past the end -> 6A84.
"""

from __future__ import annotations

from apdu.command import CommandApdu
from apdu.emulator.cardos import CardOs, Reply
from apdu.emulator.errors import CardError
from apdu.emulator.filesystem import Node, TransparentFile, is_deactivated
from apdu.emulator.lengths import response_limit
from apdu.emulator.security import require
from apdu.emulator.selection import current_ef, ef_by_sfi, find
from apdu.fcp import LifeCycle, Operation
from apdu.tlv import Tlv, TlvError, decode, encode_length

TAG_OFFSET = 0x54
TAG_DISCRETIONARY = 0x53
END_REACHED = 0x6282


def select(os: CardOs, apdu: CommandApdu) -> Reply:
    if apdu.p2 not in (0x00, 0x04, 0x0C):
        raise CardError(0x6A86, "P2 must be 00 (FCI), 04 (FCP) or 0C (no data)")
    node = find(os, apdu.p1, apdu.data)
    os.session.enter(node)
    sw = 0x9000
    if os.life_cycle is LifeCycle.TERMINATED:
        sw = 0x6285
    elif is_deactivated(node):
        sw = 0x6283
    return Reply(b"" if apdu.p2 == 0x0C else node.current_fcp().to_bytes(), sw)


def _transparent(node: Node) -> TransparentFile:
    if not isinstance(node, TransparentFile):
        raise CardError(0x6981, "not a transparent EF")
    return node


def _even_target(os: CardOs, apdu: CommandApdu) -> tuple[TransparentFile, int]:
    if apdu.p1 & 0x80:
        sfi = apdu.p1 & 0x1F
        if apdu.p1 & 0x60 or not 1 <= sfi <= 30:
            raise CardError(0x6A86, "P1 with b8 set must be 100xxxxx with an SFI 1..30")
        return _transparent(ef_by_sfi(os, sfi)), apdu.p2
    return _transparent(current_ef(os)), (apdu.p1 << 8) | apdu.p2


def _odd_target(os: CardOs, apdu: CommandApdu) -> TransparentFile:
    p1p2 = (apdu.p1 << 8) | apdu.p2
    if p1p2 == 0:
        return _transparent(current_ef(os))
    if p1p2 < 0x1F:
        return _transparent(ef_by_sfi(os, p1p2))
    node = find(os, 0x02, p1p2.to_bytes(2, "big"))
    os.session.enter(node)
    return _transparent(node)


def _odd_data(data: bytes) -> tuple[Tlv, ...]:
    try:
        objects = decode(data)
    except TlvError as exc:
        raise CardError(0x6A80, str(exc)) from None
    if not objects or objects[0].tag != TAG_OFFSET or not 1 <= len(objects[0].data) <= 3:
        raise CardError(0x6A80, "the data field must start with offset data object 54 of 1 to 3 bytes")
    return objects


def _offset(objects: tuple[Tlv, ...]) -> int:
    return int.from_bytes(objects[0].data, "big")


def _check_offset(ef: TransparentFile, offset: int) -> None:
    if offset >= len(ef.data):
        raise CardError(0x6B00, f"offset {offset} outside the {len(ef.data)}-byte EF")


def read_binary(os: CardOs, apdu: CommandApdu) -> Reply:
    if apdu.data:
        raise CardError(0x6700, "READ BINARY B0 takes no data field")
    ef, offset = _even_target(os, apdu)
    require(os.session, ef, Operation.READ)
    limit, wants_all = response_limit(apdu)
    _check_offset(ef, offset)
    data = bytes(ef.data[offset : offset + limit])
    short = len(data) < limit and not wants_all
    return Reply(data, END_REACHED if short else 0x9000)


def read_binary_odd(os: CardOs, apdu: CommandApdu) -> Reply:
    ef = _odd_target(os, apdu)
    objects = _odd_data(apdu.data)
    if len(objects) != 1:
        raise CardError(0x6A80, "READ BINARY B1 data is the offset data object 54 only")
    require(os.session, ef, Operation.READ)
    limit, wants_all = response_limit(apdu)
    offset = _offset(objects)
    _check_offset(ef, offset)
    available = len(ef.data) - offset
    n = min(available, limit - 2)
    while n > 0 and 1 + len(encode_length(n)) + n > limit:
        n -= 1
    if n <= 0:
        raise CardError(0x6700, "Le too small for any data inside tag 53")
    body = Tlv(TAG_DISCRETIONARY, bytes(ef.data[offset : offset + n])).to_bytes()
    short = n == available and len(body) < limit and not wants_all
    return Reply(body, END_REACHED if short else 0x9000)


def _write(os: CardOs, ef: TransparentFile, offset: int, data: bytes) -> Reply:
    if not data:
        raise CardError(0x6700, "nothing to write")
    require(os.session, ef, Operation.UPDATE)
    _check_offset(ef, offset)
    if offset + len(data) > len(ef.data):
        raise CardError(0x6A84, f"{len(data)} bytes at offset {offset} run past the {len(ef.data)}-byte EF")
    os.eeprom.write(ef.data, offset, data)
    return Reply()


def update_binary(os: CardOs, apdu: CommandApdu) -> Reply:
    ef, offset = _even_target(os, apdu)
    return _write(os, ef, offset, apdu.data)


def update_binary_odd(os: CardOs, apdu: CommandApdu) -> Reply:
    ef = _odd_target(os, apdu)
    objects = _odd_data(apdu.data)
    if len(objects) != 2 or objects[1].tag != TAG_DISCRETIONARY:
        raise CardError(0x6A80, "UPDATE BINARY D7 data is offset object 54 then data object 53")
    return _write(os, ef, _offset(objects), objects[1].data)
