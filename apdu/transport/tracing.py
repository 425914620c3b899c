"""APDU traces for field bug reports: a ``Transport`` decorator that records every exchange with secrets
redacted, JSON-lines files, and a ``Transport`` that replays a trace.

Keys and PINs must never reach a trace, because traces leave the station (attached to bug reports). The
data field of commands that carry secrets (VERIFY 20, CHANGE REFERENCE DATA 24, RESET RETRY COUNTER 2C,
EXTERNAL / MUTUAL AUTHENTICATE 82, GENERAL AUTHENTICATE 86/87), the response data of commands that answer
with secrets-derived values (INTERNAL AUTHENTICATE 88, MUTUAL AUTHENTICATE 82), and every write to or
read of a secret file are replaced by ``<redacted N bytes>``. Secret files are the FIDs and SFIs the
caller registers plus every internal EF (FCP descriptor 0A, ISO/IEC 7816-4 §7.4.5 table 14: the key and
PIN file) the tracer sees in a SELECT answer or a CREATE FILE. A GET CHALLENGE answer is kept: a
challenge is public by design. Commands the tracer cannot parse are redacted whole after the header.

Tracing is a decorator, never a flag inside a transport: a transport without it runs no tracing code at
all, so the hot path of an untraced station costs nothing.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from enum import Enum
from pathlib import Path

from apdu.command import CommandApdu, MalformedApdu
from apdu.fcp import Fcp, FileKind
from apdu.status import describe
from apdu.tlv import TlvError
from apdu.transport import Transport, TransportError
from apdu.transport.decorator import TransportDecorator

REDACTED = "<redacted {} bytes>"
_REDACTED_PATTERN = re.compile(r"<redacted (\d+) bytes> ([0-9A-F]{4})")

COMMANDS_WITH_SECRET_DATA = frozenset({0x20, 0x21, 0x24, 0x25, 0x2C, 0x2D, 0x82, 0x86, 0x87})
RESPONSES_WITH_SECRET_DATA = frozenset({0x82, 0x88})
FILE_WRITES = frozenset({0xD0, 0xD1, 0xD6, 0xD7, 0xD2, 0xD3, 0xDC, 0xDD, 0xE2})
FILE_READS = frozenset({0xB0, 0xB1, 0xB2, 0xB3})
_SELECT = 0xA4
_CREATE_FILE = 0xE0
_RECORD_INS = frozenset({0xB2, 0xB3, 0xD2, 0xD3, 0xDC, 0xDD, 0xE2})

CommandRule = Callable[[CommandApdu], bool]


@dataclass(frozen=True)
class RedactionPolicy:
    """What a trace must not show. ``extra_command_rules`` let later features (for example a command
    carrying a handover OTP) add predicates without editing this module."""

    secret_fids: frozenset[int] = frozenset()
    secret_sfis: frozenset[int] = frozenset()
    command_ins: frozenset[int] = COMMANDS_WITH_SECRET_DATA
    response_ins: frozenset[int] = RESPONSES_WITH_SECRET_DATA
    extra_command_rules: tuple[CommandRule, ...] = ()
    extra_response_rules: tuple[CommandRule, ...] = ()
    redact_writes_to_unknown_files: bool = True
    """A write to a file whose FCP the tracer never saw (SELECT with P2 0C) might be a key being
    installed, so its data is hidden; select with FCP to get it in the trace."""

    def with_secret_fids(self, *fids: int) -> RedactionPolicy:
        return replace(self, secret_fids=self.secret_fids | frozenset(fids))

    def with_rule(self, rule: CommandRule, *, response: bool = False) -> RedactionPolicy:
        if response:
            return replace(self, extra_response_rules=(*self.extra_response_rules, rule))
        return replace(self, extra_command_rules=(*self.extra_command_rules, rule))


DEFAULT_POLICY = RedactionPolicy()


class EntryKind(Enum):
    CONNECT = "connect"
    RESET = "reset"
    EXCHANGE = "exchange"
    DISCONNECT = "disconnect"


@dataclass(frozen=True)
class TraceEntry:
    """One event. For CONNECT / RESET ``response`` is the ATR. Hex fields hold ``<redacted N bytes>`` in
    place of secret data; ``command_length`` keeps the true length so that replay can check it."""

    kind: EntryKind
    time: float
    duration_ms: float = 0.0
    command: str = ""
    command_length: int = 0
    command_redacted: bool = False
    response: str = ""
    response_redacted: bool = False
    sw: str = ""
    meaning: str = ""
    error: str = ""

    def to_json(self) -> str:
        return json.dumps(asdict(self) | {"kind": self.kind.value}, sort_keys=True)

    @classmethod
    def from_json(cls, line: str) -> TraceEntry:
        try:
            raw = json.loads(line)
            raw["kind"] = EntryKind(raw["kind"])
            return cls(**raw)
        except (ValueError, KeyError, TypeError) as exc:
            raise TraceFormatError(f"not a trace entry ({exc}): {line[:80]!r}") from None


class TraceFormatError(ValueError):
    """A line of a trace file that is not a trace entry."""


@dataclass
class Trace:
    """An in-memory sink: the entries of one session, savable as JSON lines."""

    entries: list[TraceEntry] = field(default_factory=list)

    def __call__(self, entry: TraceEntry) -> None:
        self.entries.append(entry)

    def __iter__(self) -> Iterator[TraceEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def exchanges(self) -> list[TraceEntry]:
        return [entry for entry in self.entries if entry.kind is EntryKind.EXCHANGE]

    def save(self, path: Path) -> None:
        save_trace(self.entries, path)


def save_trace(entries: Iterable[TraceEntry], path: Path) -> None:
    with Path(path).open("w", encoding="utf-8") as out:
        out.writelines(entry.to_json() + "\n" for entry in entries)


def load_trace(path: Path) -> list[TraceEntry]:
    with Path(path).open(encoding="utf-8") as lines:
        return [TraceEntry.from_json(line) for line in lines if line.strip()]


def _redacted_hex(visible: bytes, secret_length: int, tail: bytes = b"") -> str:
    parts = [visible.hex().upper()] if visible else []
    parts.append(REDACTED.format(secret_length))
    if tail:
        parts.append(tail.hex().upper())
    return " ".join(parts)


class _SecretFiles:
    """Follows SELECT and CREATE FILE to know whether the current EF is a secret file.

    What it knows of a FID or SFI comes from FCPs (SELECT answers, CREATE FILE data); once seen as secret
    it stays secret (FIDs repeat across DFs, so secret wins). ``None`` means "never seen an FCP for it".
    """

    def __init__(self, policy: RedactionPolicy) -> None:
        self._policy = policy
        self._fids: dict[int, bool] = {fid: True for fid in policy.secret_fids}
        self._sfis: dict[int, bool] = {sfi: True for sfi in policy.secret_sfis}
        self._current: bool | None = False

    def touches_secret(self, apdu: CommandApdu) -> bool | None:
        """Whether a file read or write addresses a secret file (by SFI, or the current EF)."""
        sfi = _sfi_of(apdu)
        if sfi is not None:
            return self._sfis.get(sfi)
        return self._current

    def observe(self, apdu: CommandApdu, response: bytes) -> None:
        if response[-2:] not in (b"\x90\x00", b"\x62\x83", b"\x62\x85"):
            return
        if apdu.ins == _CREATE_FILE:
            self._enter(_fcp_or_none(apdu.data), None)
        elif apdu.ins == _SELECT:
            self._enter(_fcp_or_none(response[:-2]), _selected_fid(apdu))
        elif apdu.ins in FILE_READS | FILE_WRITES:
            sfi = _sfi_of(apdu)
            if sfi is not None:
                self._current = self._sfis.get(sfi)

    def _enter(self, fcp: Fcp | None, fid: int | None) -> None:
        if fcp is None:
            self._current = None if fid is None else self._fids.get(fid)
            return
        secret = fcp.kind is FileKind.INTERNAL_LINEAR_FIXED or self._fids.get(fcp.fid, False)
        self._fids[fcp.fid] = secret
        if fcp.sfi is not None:
            self._sfis[fcp.sfi] = secret or self._sfis.get(fcp.sfi, False)
        self._current = secret


def _fcp_or_none(raw: bytes) -> Fcp | None:
    if not raw:
        return None
    try:
        return Fcp.parse(raw)
    except TlvError:
        return None


def _selected_fid(apdu: CommandApdu) -> int | None:
    """The FID a SELECT by FID or path names (the last two data bytes), None for AID / parent."""
    if apdu.p1 in (0x00, 0x01, 0x02, 0x08, 0x09) and len(apdu.data) >= 2 and len(apdu.data) % 2 == 0:
        return int.from_bytes(apdu.data[-2:], "big")
    return None


def _sfi_of(apdu: CommandApdu) -> int | None:
    """The SFI a file command names in P1 (binary, b8 set) or P2 (records, bits 8-4), else None."""
    if apdu.ins in _RECORD_INS:
        sfi = apdu.p2 >> 3
        return sfi or None
    if apdu.ins & 1 == 0 and apdu.p1 & 0x80:
        return apdu.p1 & 0x1F
    if apdu.ins & 1 and apdu.p1 == 0 and 0 < apdu.p2 < 0x1F:
        return apdu.p2
    return None


class TracingTransport(TransportDecorator):
    """Wraps ``inner``; each exchange goes to ``sink`` (any callable taking a ``TraceEntry``)."""

    def __init__(
        self,
        inner: Transport,
        sink: Callable[[TraceEntry], None],
        policy: RedactionPolicy = DEFAULT_POLICY,
    ) -> None:
        super().__init__(inner)
        self._sink = sink
        self._policy = policy
        self._files = _SecretFiles(policy)

    def connect(self) -> None:
        started = time.perf_counter()
        self.inner.connect()
        self._event(EntryKind.CONNECT, started, self.inner.atr.hex().upper())

    def disconnect(self) -> None:
        started = time.perf_counter()
        self.inner.disconnect()
        self._event(EntryKind.DISCONNECT, started, "")

    def reset(self) -> bytes:
        started = time.perf_counter()
        atr = self.inner.reset()
        self._files = _SecretFiles(self._policy)
        self._event(EntryKind.RESET, started, atr.hex().upper())
        return atr

    def _event(self, kind: EntryKind, started: float, response: str) -> None:
        duration = (time.perf_counter() - started) * 1000
        self._sink(TraceEntry(kind, time.time(), duration, response=response))

    def transmit(self, command: bytes) -> bytes:
        command = bytes(command)
        try:
            apdu: CommandApdu | None = CommandApdu.parse(command)
        except MalformedApdu:
            apdu = None
        shown, command_redacted = self._show_command(command, apdu)
        wall = time.time()
        started = time.perf_counter()
        try:
            response = self.inner.transmit(command)
        except TransportError as exc:
            duration = (time.perf_counter() - started) * 1000
            self._sink(
                TraceEntry(
                    EntryKind.EXCHANGE,
                    wall,
                    duration,
                    shown,
                    len(command),
                    command_redacted,
                    error=f"{type(exc).__name__}: {exc}",
                )
            )
            raise
        duration = (time.perf_counter() - started) * 1000
        response_shown, response_redacted = self._show_response(response, apdu)
        sw = int.from_bytes(response[-2:], "big") if len(response) >= 2 else None
        self._sink(
            TraceEntry(
                EntryKind.EXCHANGE,
                wall,
                duration,
                shown,
                len(command),
                command_redacted,
                response_shown,
                response_redacted,
                "" if sw is None else f"{sw:04X}",
                "" if sw is None else describe(sw),
            )
        )
        if apdu is not None:
            self._files.observe(apdu, response)
        return response

    def _show_command(self, raw: bytes, apdu: CommandApdu | None) -> tuple[str, bool]:
        if apdu is None:
            return _redacted_hex(raw[:4], len(raw) - 4), len(raw) > 4
        if not apdu.data or not self._secret_command(apdu):
            return raw.hex().upper(), False
        start = 7 if apdu.extended else 5
        end = start + len(apdu.data)
        return _redacted_hex(raw[:start], len(apdu.data), raw[end:]), True

    def _secret_command(self, apdu: CommandApdu) -> bool:
        policy = self._policy
        if apdu.ins in policy.command_ins or any(rule(apdu) for rule in policy.extra_command_rules):
            return True
        if apdu.ins not in FILE_WRITES:
            return False
        secret = self._files.touches_secret(apdu)
        return secret is True or (secret is None and policy.redact_writes_to_unknown_files)

    def _show_response(self, raw: bytes, apdu: CommandApdu | None) -> tuple[str, bool]:
        data, trailer = raw[:-2], raw[-2:]
        if not data or not self._secret_response(apdu):
            return raw.hex().upper(), False
        return _redacted_hex(b"", len(data), trailer), True

    def _secret_response(self, apdu: CommandApdu | None) -> bool:
        if apdu is None:
            return True
        policy = self._policy
        if apdu.ins in policy.response_ins or any(rule(apdu) for rule in policy.extra_response_rules):
            return True
        return apdu.ins in FILE_READS and self._files.touches_secret(apdu) is True


class ReplayMismatch(TransportError):
    """The code under replay sent something other than what the trace recorded."""


class ReplayTransport:
    """A ``Transport`` that answers from a trace, in order, for reproducing a field bug report.

    Each call must match the next recorded entry: the same kind (connect, reset, exchange, disconnect)
    and, for an exchange, the same command bytes; a redacted command is matched on its header and
    length only. A redacted response is replayed as zero bytes of the recorded length, then the SW.
    A recorded transport error is raised again as ``TransportError`` with the recorded message.
    """

    def __init__(self, trace: Sequence[TraceEntry] | Trace, *, name: str = "replay") -> None:
        self._entries = list(trace)
        self._position = 0
        self._name = name
        first = next((e for e in self._entries if e.kind in (EntryKind.CONNECT, EntryKind.RESET)), None)
        self._atr = bytes.fromhex(first.response) if first is not None else b""

    @property
    def name(self) -> str:
        return self._name

    @property
    def atr(self) -> bytes:
        return self._atr

    @property
    def remaining(self) -> int:
        return len(self._entries) - self._position

    def connect(self) -> None:
        self._atr = bytes.fromhex(self._next(EntryKind.CONNECT, "connect").response)

    def disconnect(self) -> None:
        self._next(EntryKind.DISCONNECT, "disconnect")

    def reset(self) -> bytes:
        self._atr = bytes.fromhex(self._next(EntryKind.RESET, "reset").response)
        return self._atr

    def transmit(self, command: bytes) -> bytes:
        command = bytes(command)
        sent = command.hex().upper()
        entry = self._next(EntryKind.EXCHANGE, f"the command {sent}")
        where = f"{self._name}: trace entry {self._position}"
        if entry.command_redacted:
            header = entry.command[:8]
            if sent[:8] != header or len(command) != entry.command_length:
                raise ReplayMismatch(
                    f"{where} recorded a redacted command {header}... of {entry.command_length} bytes, "
                    f"the code sent {sent[:8]}... of {len(command)} bytes"
                )
        elif sent != entry.command:
            raise ReplayMismatch(f"{where} recorded the command {entry.command}, the code sent {sent}")
        if entry.error:
            raise TransportError(f"{where}: replayed error: {entry.error}")
        if entry.response_redacted:
            match = _REDACTED_PATTERN.fullmatch(entry.response)
            if match is None:
                raise TraceFormatError(f"{where}: unreadable redacted response {entry.response!r}")
            return bytes(int(match[1])) + bytes.fromhex(match[2])
        return bytes.fromhex(entry.response)

    def _next(self, kind: EntryKind, what: str) -> TraceEntry:
        if self._position >= len(self._entries):
            raise ReplayMismatch(f"{self._name}: the trace has ended, but the code sent {what}")
        entry = self._entries[self._position]
        self._position += 1
        if entry.kind is not kind:
            raise ReplayMismatch(
                f"{self._name}: trace entry {self._position} recorded a {entry.kind.value}, "
                f"but the code sent {what}"
            )
        return entry
