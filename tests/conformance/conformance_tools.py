"""Small builders shared by the conformance tests: file descriptions and the transport-key unlock."""

from __future__ import annotations

from apdu.emulator import DEV_TRANSPORT_KEY
from apdu.fcp import ALWAYS, Condition, Fcp, FileKind, Operation, key
from apdu.iso7816 import Iso7816

TRANSPORT_KEY_REF = 1
APP_AID = bytes.fromhex("F04543485301")


def transparent(
    fid: int, size: int, *, read: Condition = ALWAYS, update: Condition | None = None, sfi: int | None = None
) -> Fcp:
    access = {Operation.READ: read, Operation.UPDATE: update or key(TRANSPORT_KEY_REF)}
    return Fcp(fid, FileKind.TRANSPARENT, size=size, sfi=sfi, access=access)


def records(
    fid: int, kind: FileKind, length: int, count: int, *, sfi: int | None = None, append: bool = True
) -> Fcp:
    access = {Operation.READ: ALWAYS, Operation.UPDATE: key(TRANSPORT_KEY_REF)}
    if append:
        access[Operation.APPEND] = key(TRANSPORT_KEY_REF)
    return Fcp(fid, kind, record_length=length, record_count=count, sfi=sfi, access=access)


def unlock(iso: Iso7816) -> None:
    """Authenticate with the blank card's transport key (MF key 1, docs/emulator.md)."""
    iso.authenticate(TRANSPORT_KEY_REF, DEV_TRANSPORT_KEY)


def pattern(length: int, seed: int = 0) -> bytes:
    """Bytes that differ at every position modulo 251, so a misplaced chunk never compares equal."""
    return bytes((seed + i) % 251 for i in range(length))
