"""Answer-to-reset: build and parse (ISO/IEC 7816-3:2006 §8.2, historical bytes ISO/IEC 7816-4:2020 §12.1).

The ATR is the first thing a reader learns about a card: which transmission protocols it offers (T=0,
T=1), and, in the historical bytes, what the card is and what it can do. A counter station decides from
it whether to use extended-length APDUs, so the parser is strict about the frame: a truncated ATR,
trailing bytes, or a missing or wrong check byte (TCK, mandatory when any protocol other than T=0 is
offered, §8.2.5) raise ``AtrError`` naming the fault. Historical bytes are the card's own business and
some real cards break the compact-TLV rules (PC/SC part 3 contactless ATRs put a BER-TLV 4F 0C AID after
category 80): those do not stop the protocol choice; the ATR then reports no capabilities (so no extended
length) and ``historical_problem`` says what was wrong.

Historical bytes with category indicator 80 are a list of compact-TLV objects (one byte: tag in the
high nibble, length in the low nibble, §12.1.1). This module understands:

* tag 7, card capabilities (§12.1.1.9): three software function bytes; third byte b7 = extended Lc and
  Le fields, b6 = extended length information in EF.ATR/INFO;
* tag 5, card issuer's data (§12.1.1.5), free bytes (the emulator names itself there);
* tag 8, status indicator (§12.1.1.11): life cycle status and/or a status word.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import xor

from apdu.status import ApduError

TS_DIRECT = 0x3B
TS_INVERSE = 0x3F
MAX_ATR_LENGTH = 33
MAX_HISTORICAL = 15

CATEGORY_COMPACT_TLV = 0x80
CATEGORY_COMPACT_TLV_WITH_STATUS = 0x00
CATEGORY_DIR_REFERENCE = 0x10

CTLV_ISSUER_DATA = 0x5
CTLV_CAPABILITIES = 0x7
CTLV_STATUS = 0x8

EXTENDED_LC_LE = 0x40
EXTENDED_INFO_IN_EF_ATR = 0x20

# First software function byte (§12.1.1.9 table 117): selection by full DF name, by path, by file
# identifier, short EF identifier supported, record number supported.
SELECTION_METHODS = 0x80 | 0x20 | 0x10 | 0x04 | 0x02
# Second byte, data coding (table 118): proprietary write behaviour, data unit of one byte.
DATA_CODING = 0x21

# T=1 interface bytes offered by ``build_atr``: IFSC 254 (TA3) and BWI 4 / CWI 5 (TB3), ISO 7816-3 §11.4.
T1_IFSC = 0xFE
T1_BWI_CWI = 0x45


class AtrError(ApduError):
    """Bytes that are not a well-formed answer-to-reset."""


@dataclass(frozen=True)
class Atr:
    """What an ATR says. ``protocols`` lists the offered protocols in ATR order (0 and/or 1, ...)."""

    raw: bytes
    protocols: tuple[int, ...]
    historical: bytes
    card_capabilities: bytes | None = None
    issuer_data: bytes | None = None
    status_indicator: bytes | None = None
    historical_problem: str | None = None

    @property
    def extended_length(self) -> bool:
        """Card capabilities third byte b7: the card accepts extended Lc and Le fields."""
        caps = self.card_capabilities
        return caps is not None and len(caps) >= 3 and bool(caps[2] & EXTENDED_LC_LE)

    @property
    def t0_only(self) -> bool:
        return self.protocols == (0,)


def card_capabilities(*, extended_length: bool) -> bytes:
    """The three software function bytes the emulator announces (ISO 7816-4 §12.1.1.9)."""
    third = (EXTENDED_LC_LE | EXTENDED_INFO_IN_EF_ATR) if extended_length else 0x00
    return bytes((SELECTION_METHODS, DATA_CODING, third))


def compact_tlv(tag: int, value: bytes) -> bytes:
    if not 0 < tag <= 0xF or len(value) > 0xF:
        raise ValueError(f"compact-TLV needs a tag 1..15 and at most 15 value bytes, got {tag}/{len(value)}")
    return bytes(((tag << 4) | len(value),)) + bytes(value)


def build_historical(*, capabilities: bytes, issuer_data: bytes) -> bytes:
    """Category 80 historical bytes: card capabilities then card issuer's data, in compact-TLV."""
    out = bytes((CATEGORY_COMPACT_TLV,))
    out += compact_tlv(CTLV_CAPABILITIES, capabilities)
    out += compact_tlv(CTLV_ISSUER_DATA, issuer_data)
    if len(out) > MAX_HISTORICAL:
        raise ValueError(f"historical bytes hold at most {MAX_HISTORICAL} bytes, these need {len(out)}")
    return out


def build_atr(*, t0: bool, historical: bytes) -> bytes:
    """An ATR in direct convention offering T=0 only (``t0``) or T=1 only.

    T=0: ``3B 0K hist`` (no interface bytes: T=0 is implied, no TCK). T=1: ``3B 8K 81 31 FE 45 hist TCK``
    (TD1 and TD2 name T=1, TA3 = IFSC 254, TB3 = BWI/CWI), with the check byte of ISO 7816-3 §8.2.5.
    """
    if len(historical) > MAX_HISTORICAL:
        raise ValueError(f"at most {MAX_HISTORICAL} historical bytes, got {len(historical)}")
    k = len(historical)
    if t0:
        return bytes((TS_DIRECT, k)) + bytes(historical)
    body = bytes((0x80 | k, 0x81, 0x31, T1_IFSC, T1_BWI_CWI)) + bytes(historical)
    return bytes((TS_DIRECT,)) + body + bytes((reduce(xor, body, 0),))


def parse_atr(raw: bytes) -> Atr:
    """Decode an ATR; raises ``AtrError`` on anything malformed."""
    raw = bytes(raw)
    if len(raw) < 2:
        raise AtrError(f"an ATR has at least TS and T0, got {len(raw)} bytes")
    if len(raw) > MAX_ATR_LENGTH:
        raise AtrError(f"an ATR has at most {MAX_ATR_LENGTH} bytes, got {len(raw)}")
    if raw[0] not in (TS_DIRECT, TS_INVERSE):
        raise AtrError(f"TS must be 3B (direct) or 3F (inverse convention), got {raw[0]:02X}")
    k = raw[1] & 0x0F
    indicator = raw[1] >> 4
    pos = 2
    protocols: list[int] = []
    while True:
        count = bin(indicator & 0x0F).count("1")
        if pos + count > len(raw):
            raise AtrError(f"truncated: interface bytes announced at offset {pos} are missing")
        pos += count
        if not indicator & 0x8:
            break
        td = raw[pos - 1]
        protocol = td & 0x0F
        if protocol != 0x0F and protocol not in protocols:
            protocols.append(protocol)
        indicator = td >> 4
    if not protocols:
        protocols.append(0)
    needs_tck = any(p != 0 for p in protocols)
    expected = pos + k + (1 if needs_tck else 0)
    if len(raw) < expected:
        raise AtrError(f"truncated: {k} historical bytes{' and TCK' if needs_tck else ''} announced")
    if len(raw) > expected:
        raise AtrError(f"{len(raw) - expected} bytes after the end of the ATR")
    if needs_tck and reduce(xor, raw[1:], 0) != 0:
        raise AtrError(f"check byte TCK {raw[-1]:02X} does not match (XOR of T0..TCK must be 00)")
    historical = raw[pos : pos + k]
    try:
        fields = _historical_fields(historical)
    except AtrError as exc:
        return Atr(raw, tuple(protocols), historical, historical_problem=str(exc))
    return Atr(raw, tuple(protocols), historical, **fields)


def _historical_fields(historical: bytes) -> dict[str, bytes]:
    if not historical:
        return {}
    category = historical[0]
    if category == CATEGORY_COMPACT_TLV:
        return _compact_tlv_fields(historical[1:], 1)
    if category == CATEGORY_COMPACT_TLV_WITH_STATUS:
        if len(historical) < 4:
            raise AtrError("category 00 historical bytes must end with a 3-byte status indicator")
        fields = _compact_tlv_fields(historical[1:-3], 1)
        fields["status_indicator"] = historical[-3:]
        return fields
    return {}


def _compact_tlv_fields(data: bytes, base: int) -> dict[str, bytes]:
    fields: dict[str, bytes] = {}
    pos = 0
    while pos < len(data):
        tag, length = data[pos] >> 4, data[pos] & 0x0F
        end = pos + 1 + length
        if end > len(data):
            raise AtrError(
                f"historical byte {base + pos}: compact-TLV tag {tag:X} announces {length} bytes, "
                f"{len(data) - pos - 1} remain"
            )
        value = data[pos + 1 : end]
        if tag == CTLV_CAPABILITIES:
            fields["card_capabilities"] = value
        elif tag == CTLV_ISSUER_DATA:
            fields["issuer_data"] = value
        elif tag == CTLV_STATUS:
            fields["status_indicator"] = value
        pos = end
    return fields
