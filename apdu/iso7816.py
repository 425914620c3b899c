"""The interindustry commands of ISO/IEC 7816-4:2020 and 7816-9:2017 over any ``Transport``.

Every method builds one ``CommandApdu``, sends it, and raises the typed error of ``apdu.status`` with the
command's name in the message ("card answered 6A82 to SELECT FILE: file or application not found").
READ / UPDATE BINARY cut files into the largest chunks the card takes (``apdu.commands.limits``): short
APDUs unless the ATR announces extended length; then the card's own limits from EF.ATR/INFO (2F01, DO
7F66, §12.7.1), read once before the first command and cached. Offsets above 32767 do not fit the 15
bits of P1-P2 and use the odd INS with offset DO 54 (§11.3.3).

The object remembers the FCP of the last SELECT so that ``read_binary()`` can read a whole file; it is
not thread-safe (one card, one caller at a time, as ISO 7816 itself assumes).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from apdu import auth
from apdu.atr import AtrError, parse_atr
from apdu.command import SHORT_MAX_NC, SHORT_MAX_NE, CommandApdu
from apdu.commands.limits import EXTENDED, SHORT, CardLimits, limits_from_atr_info
from apdu.commands.odd_ins import data_object, data_overhead, largest_payload, offset_object, unwrap_data
from apdu.fcp import Fcp, FileKind
from apdu.response import ResponseApdu
from apdu.status import ApduError, FileNotFound
from apdu.tlv import TlvError
from apdu.transport import Transport

_log = logging.getLogger(__name__)

MF = 0x3F00
EF_ATR_INFO = 0x2F01
MAX_EVEN_OFFSET = 0x7FFF
MAX_SFI_OFFSET = 0xFF
SW_END_OF_FILE = 0x6282

INS_SELECT = 0xA4
INS_READ_BINARY = 0xB0
INS_UPDATE_BINARY = 0xD6
INS_READ_RECORD = 0xB2
INS_UPDATE_RECORD = 0xDC
INS_APPEND_RECORD = 0xE2
INS_GET_CHALLENGE = 0x84
INS_EXTERNAL_AUTHENTICATE = 0x82
INS_INTERNAL_AUTHENTICATE = 0x88
INS_VERIFY = 0x20
INS_CHANGE_REFERENCE_DATA = 0x24
INS_CREATE_FILE = 0xE0
INS_DELETE_FILE = 0xE4
INS_ACTIVATE_FILE = 0x44
INS_DEACTIVATE_FILE = 0x04
INS_TERMINATE_CARD_USAGE = 0xFE

_P1_BY_FID = 0x00
_P1_BY_AID = 0x04
_P1_PATH_FROM_MF = 0x08
_P1_PATH_FROM_DF = 0x09
_P2_RETURN_FCP = 0x04
_P2_NO_DATA = 0x0C
_P2_RECORD_NUMBER = 0x04
_P1_SFI = 0x80
_SELECT_WARNINGS = frozenset({0x6283, 0x6285})


class ShortRead(ApduError):
    """READ BINARY was asked for more bytes than the file holds from that offset."""


def _fid_bytes(fid: int) -> bytes:
    if not 0 <= fid <= 0xFFFF:
        raise ValueError(f"file identifier {fid:#x} is not two bytes")
    return fid.to_bytes(2, "big")


def _check_sfi(sfi: int | None) -> None:
    if sfi is not None and not 1 <= sfi <= 30:
        raise ValueError(f"short EF identifier {sfi} outside 1..30 (ISO 7816-4 §7.2.2)")


def _check_ref(what: str, ref: int) -> None:
    if not 0 <= ref <= 0xFF:
        raise ValueError(f"{what} reference {ref} is not one byte")


def _check_record(number: int) -> None:
    if not 1 <= number <= 0xFE:
        raise ValueError(f"record number {number} outside 1..254 (ISO 7816-4 §7.3.5)")


class Iso7816:
    """ISO 7816-4/-9 commands on one card connection.

    ``extended``: None uses extended APDUs when the ATR announces them; False forces short APDUs (for
    benchmarks and for cards whose ATR overstates); True uses them even if the ATR is silent. ``limits``
    skips the EF.ATR/INFO discovery when the caller already knows the card.

    Discovery (SELECT 2F01 from the MF, READ BINARY) happens before the first command this object sends,
    so it can not disturb a selection or a security state the caller set up through this object. A
    caller that drives the transport directly before creating this object should pass ``limits``.
    """

    def __init__(
        self, transport: Transport, *, extended: bool | None = None, limits: CardLimits | None = None
    ) -> None:
        self._transport = transport
        self._extended = extended
        self._limits = limits if limits is not None else (SHORT if extended is False else None)
        self._current: Fcp | None = None

    def __repr__(self) -> str:
        return f"Iso7816({self._transport.name!r})"

    @property
    def transport(self) -> Transport:
        return self._transport

    @property
    def current(self) -> Fcp | None:
        """The FCP of the file the last SELECT returned (None after SELECT without FCP)."""
        return self._current

    @property
    def limits(self) -> CardLimits:
        """The card's APDU limits, discovered on first use and cached for this connection."""
        if self._limits is None:
            self._limits = self._discover_limits()
        return self._limits

    def _discover_limits(self) -> CardLimits:
        try:
            wants_extended = self._extended or parse_atr(self._transport.atr).extended_length
        except AtrError as exc:
            _log.warning("%s: ATR unusable (%s); using short APDUs only", self._transport.name, exc)
            return SHORT
        if not wants_extended:
            return SHORT
        select = CommandApdu(0x00, INS_SELECT, _P1_PATH_FROM_MF, _P2_NO_DATA, _fid_bytes(EF_ATR_INFO))
        response = self._exchange(select)
        if response.sw in (0x6A82, 0x6A86):
            return EXTENDED
        response.check("SELECT FILE EF.ATR/INFO")
        content = self._exchange(CommandApdu(0x00, INS_READ_BINARY, 0, 0, ne=SHORT_MAX_NE))
        if content.sw not in (0x9000, SW_END_OF_FILE):
            content.check("READ BINARY EF.ATR/INFO")
        try:
            return limits_from_atr_info(content.data)
        except TlvError as exc:
            _log.warning("%s: EF.ATR/INFO unusable (%s); using short APDUs only", self._transport.name, exc)
            return SHORT

    def _exchange(self, command: CommandApdu) -> ResponseApdu:
        return ResponseApdu.parse(self._transport.transmit(command.to_bytes()))

    def _send(self, command: CommandApdu, name: str) -> ResponseApdu:
        return self._exchange(command).check(name)

    def _apdu(self, ins: int, p1: int, p2: int, data: bytes = b"", ne: int | None = None) -> CommandApdu:
        """A command in the shortest form that carries ``data`` and ``ne``. Every command is built here,
        so the first one triggers the limits discovery before anything is sent."""
        limits = self.limits
        extended = len(data) > SHORT_MAX_NC or (ne is not None and ne > SHORT_MAX_NE)
        if extended and not limits.extended:
            raise ValueError(
                f"{len(data)} data bytes / Ne {ne} need an extended APDU, which {self._transport.name} "
                "does not take"
            )
        return CommandApdu(0x00, ins, p1, p2, bytes(data), ne, extended)

    # SELECT (ISO 7816-4 §11.2.2)

    def _select(self, p1: int, data: bytes, fcp: bool, name: str) -> Fcp | None:
        """SELECT; with ``fcp`` the warnings 6283 (file deactivated) and 6285 (terminated) are accepted,
        since the returned FCP's life cycle says the same; without, they raise ``WarningStatus``."""
        p2 = _P2_RETURN_FCP if fcp else _P2_NO_DATA
        response = self._exchange(self._apdu(INS_SELECT, p1, p2, data, SHORT_MAX_NE if fcp else None))
        if not (fcp and response.sw in _SELECT_WARNINGS):
            response.check(name)
        self._current = Fcp.parse(response.data) if fcp else None
        return self._current

    def select_mf(self, *, fcp: bool = True) -> Fcp | None:
        return self._select(_P1_BY_FID, _fid_bytes(MF), fcp, "SELECT FILE MF")

    def select_fid(self, fid: int, *, fcp: bool = True) -> Fcp | None:
        return self._select(_P1_BY_FID, _fid_bytes(fid), fcp, f"SELECT FILE {fid:04X}")

    def select_path(self, path: Sequence[int], *, from_mf: bool = True, fcp: bool = True) -> Fcp | None:
        """Select along ``path``, FIDs below the MF (or below the current DF when ``from_mf`` is False).

        ISO 7816-4 §7.1.1: a path from the MF leaves out 3F00 itself.
        """
        if not path:
            raise ValueError("a path needs at least one file identifier")
        if from_mf and path[0] == MF:
            raise ValueError("a path from the MF leaves out 3F00 (ISO 7816-4 §7.1.1); drop the first FID")
        data = b"".join(_fid_bytes(fid) for fid in path)
        p1 = _P1_PATH_FROM_MF if from_mf else _P1_PATH_FROM_DF
        return self._select(p1, data, fcp, "SELECT FILE path " + "/".join(f"{fid:04X}" for fid in path))

    def select_aid(self, aid: bytes, *, fcp: bool = True) -> Fcp | None:
        if not 1 <= len(aid) <= 16:
            raise ValueError(f"an AID has 1 to 16 bytes, got {len(aid)} (ISO 7816-4 §12.2.3)")
        return self._select(_P1_BY_AID, bytes(aid), fcp, f"SELECT application {aid.hex().upper()}")

    # READ / UPDATE BINARY (ISO 7816-4 §11.3.3, §11.3.5)

    def read_binary(self, offset: int = 0, length: int | None = None, sfi: int | None = None) -> bytes:
        """``length`` bytes from ``offset``; with ``length`` None, up to the end of the file: its size from
        the last SELECT's FCP, or, when that is unknown (``sfi``, SELECT without FCP), until the card
        reports the end. Raises ``ShortRead`` when the file ends before ``length`` bytes."""
        _check_sfi(sfi)
        if offset < 0 or (length is not None and length < 0):
            raise ValueError(f"offset {offset} and length {length} must not be negative")
        wanted = length
        current = self._current
        if wanted is None and sfi is None and current is not None and current.kind is FileKind.TRANSPARENT:
            if offset > current.size:
                raise ValueError(f"offset {offset} is beyond the end of the {current.size}-byte file")
            wanted = current.size - offset
        limit = self.limits.max_response
        out = bytearray()
        pending_sfi = sfi
        while wanted is None or len(out) < wanted:
            want = limit if wanted is None else min(limit, wanted - len(out))
            chunk, asked = self._read_chunk(offset + len(out), want, pending_sfi, first=not out)
            pending_sfi = None
            out += chunk
            if len(chunk) < asked:
                break
        if length is not None and len(out) < length:
            raise ShortRead(
                f"READ BINARY: asked for {length} bytes at offset {offset}, the file ends after "
                f"{offset + len(out)} bytes"
            )
        return bytes(out)

    def _read_chunk(self, position: int, want: int, sfi: int | None, *, first: bool) -> tuple[bytes, int]:
        """Up to ``want`` bytes at ``position`` and how many were asked for; fewer at the end of the file."""
        name = f"READ BINARY at offset {position}"
        odd = position > MAX_EVEN_OFFSET or (sfi is not None and position > MAX_SFI_OFFSET)
        if odd:
            asked = min(want, largest_payload(self.limits.max_response))
            ne = asked + data_overhead(asked)
            command = self._apdu(INS_READ_BINARY | 1, 0x00, sfi or 0x00, offset_object(position), ne)
        elif sfi is not None:
            asked = want
            command = self._apdu(INS_READ_BINARY, _P1_SFI | sfi, position, ne=asked)
        else:
            asked = want
            command = self._apdu(INS_READ_BINARY, position >> 8, position & 0xFF, ne=asked)
        response = self._exchange(command)
        if response.sw == 0x6B00 and not first:
            return b"", asked
        if response.sw != SW_END_OF_FILE:
            response.check(name)
        if not odd or not response.data:
            return response.data[:asked], asked
        try:
            return unwrap_data(response.data)[:asked], asked
        except TlvError as exc:
            raise ApduError(f"{name}: the card's DO 53 is malformed ({exc.problem})") from None

    def update_binary(self, data: bytes, offset: int = 0, sfi: int | None = None) -> None:
        """Write ``data`` at ``offset`` in as few APDUs as the card's limits allow."""
        _check_sfi(sfi)
        if offset < 0:
            raise ValueError(f"offset {offset} must not be negative")
        data = bytes(data)
        limit = self.limits.max_command
        done = 0
        pending_sfi = sfi
        while done < len(data):
            position = offset + done
            if position > MAX_EVEN_OFFSET or (pending_sfi is not None and position > MAX_SFI_OFFSET):
                head = offset_object(position)
                size = min(len(data) - done, largest_payload(limit - len(head)))
                body = head + data_object(data[done : done + size])
                command = self._apdu(INS_UPDATE_BINARY | 1, 0x00, pending_sfi or 0x00, body)
            else:
                size = min(len(data) - done, limit)
                chunk = data[done : done + size]
                if pending_sfi is not None:
                    command = self._apdu(INS_UPDATE_BINARY, _P1_SFI | pending_sfi, position, chunk)
                else:
                    command = self._apdu(INS_UPDATE_BINARY, position >> 8, position & 0xFF, chunk)
            self._send(command, f"UPDATE BINARY at offset {position}")
            done += size
            pending_sfi = None

    # Records (ISO 7816-4 §11.4)

    def _record_p2(self, sfi: int | None) -> int:
        _check_sfi(sfi)
        return ((sfi or 0) << 3) | _P2_RECORD_NUMBER

    def _record_length(self, sfi: int | None) -> int:
        current = self._current
        if sfi is None and current is not None and current.kind.is_record:
            return current.record_length
        return SHORT_MAX_NE

    def read_record(self, number: int, sfi: int | None = None) -> bytes:
        _check_record(number)
        command = self._apdu(INS_READ_RECORD, number, self._record_p2(sfi), ne=self._record_length(sfi))
        return self._send(command, f"READ RECORD {number}").data

    def update_record(self, number: int, data: bytes, sfi: int | None = None) -> None:
        _check_record(number)
        self._send(
            self._apdu(INS_UPDATE_RECORD, number, self._record_p2(sfi), data), f"UPDATE RECORD {number}"
        )

    def append_record(self, data: bytes, sfi: int | None = None) -> None:
        _check_sfi(sfi)
        self._send(self._apdu(INS_APPEND_RECORD, 0x00, (sfi or 0) << 3, data), "APPEND RECORD")

    def read_all_records(self, sfi: int | None = None) -> list[bytes]:
        """Records 1, 2, ... until the card answers 6A83 (record not found) or the FCP's record count."""
        current = self._current
        known = sfi is None and current is not None and current.kind.is_record
        last = current.record_count if known and current is not None else 0xFE
        records: list[bytes] = []
        for number in range(1, last + 1):
            try:
                records.append(self.read_record(number, sfi))
            except FileNotFound as exc:
                if exc.sw != 0x6A83:
                    raise
                break
        return records

    # Authentication (ISO 7816-4 §11.5)

    def get_challenge(self, length: int = auth.RANDOM_LENGTH) -> bytes:
        rnd = self._send(self._apdu(INS_GET_CHALLENGE, 0x00, 0x00, ne=length), "GET CHALLENGE").data
        if len(rnd) != length:
            raise ApduError(f"GET CHALLENGE returned {len(rnd)} bytes, {length} were asked for")
        return rnd

    def external_authenticate(self, key_ref: int, cryptogram: bytes) -> None:
        _check_ref("key", key_ref)
        command = self._apdu(INS_EXTERNAL_AUTHENTICATE, 0x00, key_ref, cryptogram)
        self._send(command, f"EXTERNAL AUTHENTICATE key {key_ref}")

    def internal_authenticate(self, key_ref: int, challenge: bytes) -> bytes:
        _check_ref("key", key_ref)
        command = self._apdu(INS_INTERNAL_AUTHENTICATE, 0x00, key_ref, challenge, SHORT_MAX_NE)
        return self._send(command, f"INTERNAL AUTHENTICATE key {key_ref}").data

    def mutual_authenticate(self, key_ref: int, data: bytes) -> bytes:
        _check_ref("key", key_ref)
        command = self._apdu(INS_EXTERNAL_AUTHENTICATE, 0x00, key_ref, data, SHORT_MAX_NE)
        return self._send(command, f"MUTUAL AUTHENTICATE key {key_ref}").data

    def authenticate(self, key_ref: int, key: bytes) -> None:
        """Prove to the card that we hold key ``key_ref``: GET CHALLENGE, then EXTERNAL AUTHENTICATE with
        the cryptogram of ``apdu.auth``.

        A failure raises ``AuthenticationFailed`` (``retries_left`` from 63Cx) or ``AuthenticationBlocked``
        and is NEVER retried here: each wrong try burns one count of the card's retry counter, and a
        blocked transport or card key makes the card unusable. Only an operator may decide to try again.
        """
        auth.check_key(key)
        rnd_icc = self.get_challenge(auth.RANDOM_LENGTH)
        self.external_authenticate(key_ref, auth.external_cryptogram(key, rnd_icc))

    def verify(self, pin_ref: int, pin: bytes) -> None:
        """VERIFY (§11.5.6). A wrong PIN raises ``AuthenticationFailed`` and is never retried."""
        _check_ref("PIN", pin_ref)
        if not pin:
            raise ValueError("an empty PIN would only query the retry counter; pass the PIN")
        self._send(self._apdu(INS_VERIFY, 0x00, pin_ref, pin), f"VERIFY PIN {pin_ref}")

    def change_reference_data(self, ref: int, old: bytes, new: bytes) -> None:
        """CHANGE REFERENCE DATA (§11.5.7): the data field is the old value followed by the new one."""
        _check_ref("PIN", ref)
        command = self._apdu(INS_CHANGE_REFERENCE_DATA, 0x00, ref, bytes(old) + bytes(new))
        self._send(command, f"CHANGE REFERENCE DATA {ref}")

    # File management and life cycle (ISO 7816-9 §7, ISO 7816-4 §7.4.10)

    def create_file(self, fcp: Fcp) -> None:
        """CREATE FILE in the current DF; a DF becomes the current DF, an EF the current EF (7816-9 §7.2)."""
        self._send(self._apdu(INS_CREATE_FILE, 0x00, 0x00, fcp.to_bytes()), f"CREATE FILE {fcp.fid:04X}")
        self._current = fcp if fcp.kind is not FileKind.DF else None

    def delete_file(self, fid: int | None = None) -> None:
        """DELETE FILE ``fid`` in the current DF, or the current file when ``fid`` is None (7816-9 §7.3)."""
        data = b"" if fid is None else _fid_bytes(fid)
        self._send(self._apdu(INS_DELETE_FILE, 0x00, 0x00, data), f"DELETE FILE {_name(fid)}")
        self._current = None

    def activate_file(self, fid: int | None = None) -> None:
        data = b"" if fid is None else _fid_bytes(fid)
        self._send(self._apdu(INS_ACTIVATE_FILE, 0x00, 0x00, data), f"ACTIVATE FILE {_name(fid)}")

    def deactivate_file(self, fid: int | None = None) -> None:
        data = b"" if fid is None else _fid_bytes(fid)
        self._send(self._apdu(INS_DEACTIVATE_FILE, 0x00, 0x00, data), f"DEACTIVATE FILE {_name(fid)}")

    def terminate_card(self) -> None:
        """TERMINATE CARD USAGE (7816-9 §7.7): irreversible; the card answers nothing useful afterwards."""
        self._send(self._apdu(INS_TERMINATE_CARD_USAGE, 0x00, 0x00), "TERMINATE CARD USAGE")


def _name(fid: int | None) -> str:
    return "(current)" if fid is None else f"{fid:04X}"
