"""Helpers for the emulator tests: a small host that speaks raw APDUs over a LoopbackTransport (the
host-side command builders live elsewhere; these tests pin the card's wire behaviour byte by byte) and
FCP builders."""

from __future__ import annotations

from collections.abc import Mapping

from apdu.auth import external_cryptogram
from apdu.command import CommandApdu
from apdu.emulator import DEV_TRANSPORT_KEY, EmulatedCard, key_record
from apdu.fcp import ALWAYS, Condition, Fcp, FileKind, Operation, key
from apdu.response import ResponseApdu
from apdu.transport.loopback import LoopbackTransport

CARD_KEY = bytes(range(16))
APP_AID = bytes.fromhex("F04543485301")
APP_FID = 0x4100


class Host:
    """Raw APDU exchange with a few conveniences; every helper asserts nothing unless it says so."""

    def __init__(self, transport: LoopbackTransport) -> None:
        self.transport = transport

    @property
    def card(self) -> EmulatedCard:
        return self.transport.card

    def send(self, apdu: CommandApdu | str | bytes) -> ResponseApdu:
        if isinstance(apdu, str):
            raw = bytes.fromhex(apdu)
        elif isinstance(apdu, CommandApdu):
            raw = apdu.to_bytes()
        else:
            raw = apdu
        return ResponseApdu.parse(self.transport.transmit(raw))

    def sw(self, apdu: CommandApdu | str | bytes) -> int:
        return self.send(apdu).sw

    def ok(self, apdu: CommandApdu | str | bytes) -> bytes:
        response = self.send(apdu)
        assert response.sw == 0x9000, f"{apdu}: {response.sw:04X}"
        return response.data

    def select(self, fid: int, p1: int = 0x00) -> int:
        return self.sw(CommandApdu(0x00, 0xA4, p1, 0x0C, fid.to_bytes(2, "big")))

    def select_mf(self) -> None:
        assert self.select(0x3F00) == 0x9000

    def challenge(self) -> bytes:
        return self.ok(CommandApdu(0x00, 0x84, 0x00, 0x00, ne=8))

    def external(self, ref: int, secret: bytes) -> int:
        rnd = self.challenge()
        return self.sw(CommandApdu(0x00, 0x82, 0x00, ref, external_cryptogram(secret, rnd)))

    def create(self, fcp: Fcp) -> int:
        return self.sw(CommandApdu(0x00, 0xE0, 0x00, 0x00, fcp.to_bytes()))

    def update_binary(self, offset: int, data: bytes) -> int:
        return self.sw(CommandApdu(0x00, 0xD6, offset >> 8, offset & 0xFF, data))

    def read_binary(self, offset: int, ne: int) -> ResponseApdu:
        return self.send(CommandApdu(0x00, 0xB0, offset >> 8, offset & 0xFF, ne=ne))

    def read_record(self, number: int, sfi: int = 0) -> ResponseApdu:
        return self.send(CommandApdu(0x00, 0xB2, number, (sfi << 3) | 0x04, ne=256))

    def update_record(self, number: int, data: bytes, sfi: int = 0) -> int:
        return self.sw(CommandApdu(0x00, 0xDC, number, (sfi << 3) | 0x04, data))

    def append_record(self, data: bytes, sfi: int = 0) -> int:
        return self.sw(CommandApdu(0x00, 0xE2, 0x00, sfi << 3, data))

    def install_card_key(self, secret: bytes = CARD_KEY) -> None:
        """Replace the transport key with ``secret`` exactly as docs/emulator.md prescribes."""
        self.select_mf()
        assert self.external(1, DEV_TRANSPORT_KEY) == 0x9000
        assert self.select(0x0001, p1=0x02) == 0x9000
        assert self.update_record(1, key_record(1, secret, retry_limit=3)) == 0x9000
        assert self.external(1, secret) == 0x9000


def ef(
    fid: int, size: int, access: Mapping[Operation, Condition] | None = None, sfi: int | None = None
) -> Fcp:
    """A transparent EF readable always and updatable after key 1 unless ``access`` says otherwise."""
    rules = {Operation.READ: ALWAYS, Operation.UPDATE: key(1)} if access is None else access
    return Fcp(fid=fid, kind=FileKind.TRANSPARENT, size=size, access=rules, sfi=sfi)


def records(
    fid: int, length: int, count: int, kind: FileKind = FileKind.LINEAR_FIXED, sfi: int | None = None
) -> Fcp:
    rules = {Operation.READ: ALWAYS, Operation.UPDATE: key(1), Operation.APPEND: key(1)}
    return Fcp(fid=fid, kind=kind, record_length=length, record_count=count, access=rules, sfi=sfi)


def app_df(fid: int = APP_FID, aid: bytes = APP_AID) -> Fcp:
    rules = {Operation.CREATE: key(1), Operation.DELETE: key(1), Operation.ACTIVATE: key(1)}
    return Fcp(fid=fid, kind=FileKind.DF, df_name=aid, access=rules)
