"""Status words (ISO/IEC 7816-4:2020 §5.6, table 6) and the typed errors they map to.

A card answers every command with SW1 SW2. Callers should not compare raw numbers: ``raise_for_status``
turns every non-success word into an exception whose class says what kind of failure it is and whose
message gives the ISO meaning, so an operator reads "6A82 file or application not found" rather than
"error 27266".
"""

from __future__ import annotations

SW_OK = 0x9000


class ApduError(Exception):
    """Base of every error raised by the apdu package."""


class StatusError(ApduError):
    """The card answered with a status word other than 9000 (or 61xx / 63Cx-as-warning)."""

    def __init__(self, sw: int, command: str = "") -> None:
        self.sw = sw
        self.command = command
        where = f" to {command}" if command else ""
        super().__init__(f"card answered {sw:04X}{where}: {describe(sw)}")

    @property
    def sw1(self) -> int:
        return self.sw >> 8

    @property
    def sw2(self) -> int:
        return self.sw & 0xFF


class WarningStatus(StatusError):
    """62xx / 63xx: the command completed with a warning (ISO 7816-4 table 6)."""


class ExecutionError(StatusError):
    """64xx / 65xx / 66xx: the card failed while executing the command; memory may have changed."""


class MemoryFailure(ExecutionError):
    """6581: the EEPROM write failed."""


class WrongLength(StatusError):
    """6700: Lc or Le does not suit the command."""


class WrongLe(StatusError):
    """6Cxx: wrong Le; SW2 gives the exact number of bytes available."""

    @property
    def available(self) -> int:
        return self.sw2


class FunctionNotSupported(StatusError):
    """68xx: a CLA function (logical channel, secure messaging, chaining) is not supported."""


class CommandNotAllowed(StatusError):
    """69xx: the command is not allowed in the current state."""


class SecurityStatusNotSatisfied(CommandNotAllowed):
    """6982: the file's access condition for this command is not met (authenticate first)."""


class AuthenticationFailed(CommandNotAllowed):
    """6300 / 63Cx: key or PIN verification failed. ``retries_left`` is None when the card did not say."""

    @property
    def retries_left(self) -> int | None:
        if self.sw & 0xFFF0 == 0x63C0:
            return self.sw & 0x0F
        return None


class AuthenticationBlocked(CommandNotAllowed):
    """6983: the key or PIN is blocked; no retries are left."""


class ConditionsNotSatisfied(CommandNotAllowed):
    """6985: the card's state does not allow the command (for example GET CHALLENGE was not sent first)."""


class FileStateError(CommandNotAllowed):
    """6986 / 6981: no current EF, or the command does not fit the file structure."""


class WrongParameters(StatusError):
    """6Axx / 6B00: incorrect P1-P2 or data field."""


class FileNotFound(WrongParameters):
    """6A82 (file or application not found) and 6A83 (record not found)."""


class NotEnoughMemory(WrongParameters):
    """6A84: not enough memory space in the file or on the card."""


class FileExists(WrongParameters):
    """6A89: a file with that FID already exists; 6A8A: that DF name already exists."""


class WrongOffset(WrongParameters):
    """6B00: the offset is outside the EF."""


class InstructionNotSupported(StatusError):
    """6D00: instruction code not supported or invalid."""


class ClassNotSupported(StatusError):
    """6E00: class not supported."""


class UnknownError(StatusError):
    """6F00 and anything the standard does not name: no precise diagnosis."""


_MEANINGS: dict[int, str] = {
    0x9000: "normal processing",
    0x6200: "warning: no information given, memory unchanged",
    0x6281: "warning: part of returned data may be corrupted",
    0x6282: "warning: end of file or record reached before reading Ne bytes",
    0x6283: "warning: selected file deactivated",
    0x6284: "warning: file control information not formatted correctly",
    0x6285: "warning: selected file in termination state",
    0x6300: "verification failed, no information about retries",
    0x6381: "warning: file filled up by the last write",
    0x6400: "execution error: memory unchanged",
    0x6500: "execution error: memory changed",
    0x6581: "execution error: memory failure",
    0x6700: "wrong length (Lc or Le)",
    0x6800: "functions in CLA not supported",
    0x6881: "logical channel not supported",
    0x6882: "secure messaging not supported",
    0x6883: "last command of the chain expected",
    0x6884: "command chaining not supported",
    0x6900: "command not allowed",
    0x6981: "command incompatible with file structure",
    0x6982: "security status not satisfied (authenticate first)",
    0x6983: "authentication method blocked",
    0x6984: "reference data not usable",
    0x6985: "conditions of use not satisfied",
    0x6986: "command not allowed (no current EF)",
    0x6987: "expected secure messaging data objects missing",
    0x6988: "incorrect secure messaging data objects",
    0x6A00: "wrong parameters P1-P2",
    0x6A80: "incorrect parameters in the command data field",
    0x6A81: "function not supported",
    0x6A82: "file or application not found",
    0x6A83: "record not found",
    0x6A84: "not enough memory space in the file",
    0x6A85: "Nc inconsistent with TLV structure",
    0x6A86: "incorrect parameters P1-P2",
    0x6A87: "Nc inconsistent with parameters P1-P2",
    0x6A88: "referenced data or reference data not found",
    0x6A89: "file already exists",
    0x6A8A: "DF name already exists",
    0x6B00: "wrong parameters P1-P2: offset outside the EF",
    0x6D00: "instruction code not supported or invalid",
    0x6E00: "class not supported",
    0x6F00: "no precise diagnosis",
}


def describe(sw: int) -> str:
    """The ISO 7816-4 meaning of a status word, including the parametrised ones (61xx, 63Cx, 6Cxx)."""
    if sw in _MEANINGS:
        return _MEANINGS[sw]
    sw1, sw2 = sw >> 8, sw & 0xFF
    if sw1 == 0x61:
        return f"normal processing, {sw2} more bytes available (GET RESPONSE)"
    if sw & 0xFFF0 == 0x63C0:
        return f"verification failed, {sw2 & 0x0F} retries left"
    if sw1 == 0x6C:
        return f"wrong Le: {sw2} bytes available"
    if sw1 == 0x62:
        return "warning: memory unchanged"
    if sw1 == 0x63:
        return "warning: memory changed"
    if sw1 == 0x64:
        return "execution error: memory unchanged"
    if sw1 == 0x65:
        return "execution error: memory changed"
    if sw1 == 0x66:
        return "security-related issue"
    if sw1 == 0x67:
        return "wrong length"
    if sw1 == 0x68:
        return "functions in CLA not supported"
    if sw1 == 0x69:
        return "command not allowed"
    if sw1 == 0x6A:
        return "wrong parameters P1-P2"
    return "unknown status word"


_EXACT: dict[int, type[StatusError]] = {
    0x6300: AuthenticationFailed,
    0x6581: MemoryFailure,
    0x6700: WrongLength,
    0x6981: FileStateError,
    0x6982: SecurityStatusNotSatisfied,
    0x6983: AuthenticationBlocked,
    0x6985: ConditionsNotSatisfied,
    0x6986: FileStateError,
    0x6A82: FileNotFound,
    0x6A83: FileNotFound,
    0x6A84: NotEnoughMemory,
    0x6A89: FileExists,
    0x6A8A: FileExists,
    0x6B00: WrongOffset,
    0x6D00: InstructionNotSupported,
    0x6E00: ClassNotSupported,
}

_BY_SW1: dict[int, type[StatusError]] = {
    0x62: WarningStatus,
    0x63: WarningStatus,
    0x64: ExecutionError,
    0x65: ExecutionError,
    0x66: ExecutionError,
    0x67: WrongLength,
    0x68: FunctionNotSupported,
    0x69: CommandNotAllowed,
    0x6A: WrongParameters,
    0x6B: WrongParameters,
    0x6C: WrongLe,
    0x6D: InstructionNotSupported,
    0x6E: ClassNotSupported,
}


def error_for(sw: int, command: str = "") -> StatusError:
    """The typed exception for a non-success status word."""
    if sw & 0xFFF0 == 0x63C0:
        return AuthenticationFailed(sw, command)
    cls = _EXACT.get(sw) or _BY_SW1.get(sw >> 8, UnknownError)
    return cls(sw, command)


def is_success(sw: int) -> bool:
    """9000 and 61xx (more data waiting) are success; everything else is reported."""
    return sw == SW_OK or sw >> 8 == 0x61


def raise_for_status(sw: int, command: str = "") -> None:
    if not is_success(sw):
        raise error_for(sw, command)
