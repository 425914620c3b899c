"""EF.STATUS: a fixed 32-byte binary record, modelled on the eGK's EF.StatusVD (gemSpec_eGK_Fach_VSDM:
byte 0 is the update flag, ASCII "1" while an update is open, "0" when closed).

Why fixed binary and not TLV: the record is rewritten at the start and the end of every write session,
so it must be one EEPROM page (the emulator writes 64-byte pages atomically, counted from the file's data
start): a 32-byte write at offset 0 lands whole or not at all, so a tear never leaves it half written.

====== ===== =========================================================================
offset bytes  content
====== ===== =========================================================================
0      1      update flag: 31 ("1") update open, 30 ("0") closed
1      1      layout version
2      1      readable from (the oldest layout version that can read the card)
3      1      state: 01 personalised, 02 handed over, 03 blocked
4      1      block reason: 00 none, 01 lost, 02 change of data, 03 damaged, 04 withdrawn
5      4      update counter, unsigned big-endian
9      7      time of the last update, BCD YYYYMMDDhhmmss UTC
16     7      handed over at, BCD UTC, or 7 × 00
23     7      active from, BCD UTC, or 7 × 00
30     2      reserved, written 00 00, ignored on reading
====== ===== =========================================================================
"""

from __future__ import annotations

from datetime import datetime

from card_station.card.codecs.extent import FileFault
from card_station.card.codecs.framing import bcd_time_bytes, enum_from_code, parse_bcd_time
from card_station.card.content import BlockReason, CardState, CardStatus
from card_station.card.version import check_readable

STATUS_SIZE = 32
UPDATE_OPEN = 0x31
UPDATE_CLOSED = 0x30
NO_TIME = bytes(7)
MAX_COUNTER = 0xFFFFFFFF


def _time_or_none(value: datetime | None) -> bytes:
    return NO_TIME if value is None else bcd_time_bytes(value)


def encode(status: CardStatus) -> bytes:
    for what, value in (("layout version", status.layout_version), ("readable-from", status.readable_from)):
        if not 1 <= value <= 0xFF:
            raise FileFault(f"{what} {value} does not fit one byte")
    if not 0 <= status.update_counter <= MAX_COUNTER:
        raise FileFault(f"update counter {status.update_counter} does not fit 4 bytes")
    return (
        bytes(
            (
                UPDATE_OPEN if status.update_open else UPDATE_CLOSED,
                status.layout_version,
                status.readable_from,
                status.state.value,
                0 if status.reason is None else status.reason.value,
            )
        )
        + status.update_counter.to_bytes(4, "big")
        + bcd_time_bytes(status.updated_at)
        + _time_or_none(status.handed_over_at)
        + _time_or_none(status.active_from)
        + bytes(2)
    )


def _optional_time(raw: bytes, what: str) -> datetime | None:
    return None if raw == NO_TIME else parse_bcd_time(raw, what)


def decode(raw: bytes) -> CardStatus:
    if len(raw) != STATUS_SIZE:
        raise FileFault(f"{len(raw)} bytes, expected exactly {STATUS_SIZE}")
    flag = raw[0]
    if flag not in (UPDATE_OPEN, UPDATE_CLOSED):
        raise FileFault(f"update flag byte 0 is {flag:02X}, expected 31 (open) or 30 (closed)")
    check_readable("EF.STATUS", raw[1], raw[2])
    state = enum_from_code(CardState, raw[3], "state byte 3")
    reason = None if raw[4] == 0 else enum_from_code(BlockReason, raw[4], "block reason byte 4")
    if (state is CardState.BLOCKED) != (reason is not None):
        raise FileFault(
            f"state {state.name} with block reason byte {raw[4]:02X}: a reason goes with BLOCKED only"
        )
    return CardStatus(
        state=state,
        reason=reason,
        handed_over_at=_optional_time(raw[16:23], "handed-over time, bytes 16-22"),
        active_from=_optional_time(raw[23:30], "active-from time, bytes 23-29"),
        update_open=flag == UPDATE_OPEN,
        update_counter=int.from_bytes(raw[5:9], "big"),
        updated_at=parse_bcd_time(raw[9:16], "last update time, bytes 9-15"),
        layout_version=raw[1],
        readable_from=raw[2],
    )
