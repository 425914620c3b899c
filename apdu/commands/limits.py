"""How many bytes one command or response APDU may carry on this card, and how files are cut into chunks.

ISO/IEC 7816-4:2020 §5.1: every card takes short APDUs (Nc up to 255, Ne up to 256); a card that also
takes extended ones says so in its ATR (third software function table of the historical bytes, §12.1.1.12)
and may state its real buffer sizes in the extended length information DO ``7F66`` of EF.ATR/INFO
(§12.7.1), which holds two INTEGERs (tag 02): the largest command APDU and the largest response APDU, in
bytes, from which the largest Nc and Ne follow.
"""

from __future__ import annotations

from dataclasses import dataclass

from apdu.command import EXTENDED_MAX_NC, EXTENDED_MAX_NE, SHORT_MAX_NC, SHORT_MAX_NE
from apdu.tlv import Tlv, TlvError, decode

TAG_EXTENDED_LENGTH_INFO = 0x7F66
TAG_INTEGER = 0x02
COMMAND_OVERHEAD = 4 + 3 + 2
"""Header, extended Lc and extended Le around the data of a case 4E command."""
RESPONSE_OVERHEAD = 2


@dataclass(frozen=True)
class CardLimits:
    """The largest command data field (Nc) and response data field (Ne) one APDU may carry."""

    extended: bool
    max_command: int
    max_response: int

    def __post_init__(self) -> None:
        top_nc, top_ne = (EXTENDED_MAX_NC, EXTENDED_MAX_NE) if self.extended else (SHORT_MAX_NC, SHORT_MAX_NE)
        if not 1 <= self.max_command <= top_nc or not 1 <= self.max_response <= top_ne:
            kind = "extended" if self.extended else "short"
            raise ValueError(
                f"limits Nc {self.max_command} / Ne {self.max_response} outside the {kind} APDU ranges "
                f"1..{top_nc} / 1..{top_ne}"
            )


SHORT = CardLimits(extended=False, max_command=SHORT_MAX_NC, max_response=SHORT_MAX_NE)
EXTENDED = CardLimits(extended=True, max_command=EXTENDED_MAX_NC, max_response=EXTENDED_MAX_NE)


def limits_from_atr_info(ef_atr: bytes) -> CardLimits:
    """The limits an extended-length card declares in EF.ATR/INFO, or the ISO maxima when it has no 7F66.

    7F66 gives whole APDU sizes (§12.7.1), so the header, the 3-byte extended Lc and the 2-byte Le come
    off the command size and SW1 SW2 off the response size. A card that takes extended APDUs takes short
    ones too, so the limits never fall below the short ones. A malformed 7F66 raises ``TlvError``, which
    callers treat as "trust only short APDUs".
    """
    info = _find(decode(ef_atr), TAG_EXTENDED_LENGTH_INFO)
    if info is None:
        return EXTENDED
    integers = info.find_all(TAG_INTEGER)
    if len(integers) < 2 or any(not 1 <= len(obj.data) <= 4 for obj in integers[:2]):
        raise TlvError(0, "extended length information 7F66 needs two INTEGERs (command, response APDU)")
    command_apdu, response_apdu = (int.from_bytes(obj.data, "big") for obj in integers[:2])
    max_nc = max(SHORT_MAX_NC, min(EXTENDED_MAX_NC, command_apdu - COMMAND_OVERHEAD))
    max_ne = max(SHORT_MAX_NE, min(EXTENDED_MAX_NE, response_apdu - RESPONSE_OVERHEAD))
    return CardLimits(extended=True, max_command=max_nc, max_response=max_ne)


def _find(objects: tuple[Tlv, ...], tag: int) -> Tlv | None:
    """The first object with ``tag`` at the top level or inside a constructed object (EF.ATR/INFO may wrap
    its DOs in a template)."""
    for obj in objects:
        if obj.tag == tag:
            return obj
        if obj.constructed:
            found = _find(obj.children, tag)
            if found is not None:
                return found
    return None
