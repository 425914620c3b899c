"""Finding files: SELECT (ISO 7816-4 §11.2.2) and the same file references reused by DELETE FILE,
ACTIVATE FILE and DEACTIVATE FILE (ISO 7816-9 §8), plus short EF identifiers (§7.2.2).

P1 = 00 FID (3F00 = MF; searched among the current DF, its children, its parent and the parent's
children; empty data = MF), 01 child DF, 02 EF under the current DF, 03 parent DF, 04 DF name (AID, whole
card), 08 path from the MF (the leading 3F00 may be given or left out), 09 path from the current DF.
"""

from __future__ import annotations

from apdu.command import CommandApdu
from apdu.emulator.cardos import CardOs
from apdu.emulator.errors import CardError
from apdu.emulator.filesystem import MF_FID, DedicatedFile, Node

NOT_FOUND = 0x6A82


def _fid(data: bytes) -> int:
    if len(data) != 2:
        raise CardError(0x6700, "a file identifier has two bytes")
    return int.from_bytes(data, "big")


def _child(df: DedicatedFile, fid: int) -> Node:
    found = df.child(fid)
    if found is None:
        raise CardError(NOT_FOUND, f"no file {fid:04X}")
    return found


def _by_fid(os: CardOs, fid: int) -> Node:
    if fid == MF_FID:
        return os.mf
    here = os.session.current_df
    if fid == here.fid:
        return here
    found = here.child(fid)
    if found is not None:
        return found
    parent = here.parent
    if parent is not None:
        if parent.fid == fid:
            return parent
        found = parent.child(fid)
        if found is not None:
            return found
    raise CardError(NOT_FOUND, f"no file {fid:04X}")


def _by_name(os: CardOs, name: bytes) -> Node:
    if not 1 <= len(name) <= 16:
        raise CardError(0x6700, "a DF name has 1 to 16 bytes")
    for node in os.mf.walk():
        if isinstance(node, DedicatedFile) and node.fcp.df_name == name:
            return node
    raise CardError(NOT_FOUND, "no DF with that name")


def _by_path(start: DedicatedFile, path: bytes) -> Node:
    if not path or len(path) % 2:
        raise CardError(0x6700, "a path is a non-empty sequence of two-byte file identifiers")
    node: Node = start
    for i in range(0, len(path), 2):
        if not isinstance(node, DedicatedFile):
            raise CardError(NOT_FOUND, "path continues below an EF")
        node = _child(node, int.from_bytes(path[i : i + 2], "big"))
    return node


def find(os: CardOs, p1: int, data: bytes) -> Node:
    """The file that P1 and the data field designate; raises 6A82 / 6700 / 6A86."""
    here = os.session.current_df
    match p1:
        case 0x00:
            return os.mf if not data else _by_fid(os, _fid(data))
        case 0x01:
            node = _child(here, _fid(data))
            if not isinstance(node, DedicatedFile):
                raise CardError(NOT_FOUND, "that FID is an EF, not a DF")
            return node
        case 0x02:
            node = _child(here, _fid(data))
            if isinstance(node, DedicatedFile):
                raise CardError(NOT_FOUND, "that FID is a DF, not an EF")
            return node
        case 0x03:
            if data:
                raise CardError(0x6700, "selecting the parent DF takes no data")
            if here.parent is None:
                raise CardError(NOT_FOUND, "the MF has no parent")
            return here.parent
        case 0x04:
            return _by_name(os, data)
        case 0x08:
            path = data[2:] if data[:2] == MF_FID.to_bytes(2, "big") else data
            return os.mf if data and not path else _by_path(os.mf, path)
        case 0x09:
            return _by_path(here, data)
    raise CardError(0x6A86, f"P1 {p1:02X} is not a selection method this card knows")


def target(os: CardOs, apdu: CommandApdu) -> Node:
    """The file a DELETE / ACTIVATE / DEACTIVATE FILE acts on: the current file when there is no data
    (P1-P2 must then be 0000), else the file P1 and the data designate as in SELECT."""
    if apdu.p2 != 0:
        raise CardError(0x6A86, "P2 must be 00")
    if not apdu.data:
        if apdu.p1 != 0:
            raise CardError(0x6A86, "without data P1 must be 00 (current file)")
        return os.session.current_file
    return find(os, apdu.p1, apdu.data)


def ef_by_sfi(os: CardOs, sfi: int) -> Node:
    """The EF with short identifier ``sfi`` in the current DF, made current (ISO 7816-4 §7.2.2)."""
    node = os.session.current_df.child_by_sfi(sfi)
    if node is None:
        raise CardError(NOT_FOUND, f"no EF with SFI {sfi} in the current DF")
    os.session.enter(node)
    return node


def current_ef(os: CardOs) -> Node:
    ef = os.session.current_ef
    if ef is None:
        raise CardError(0x6986, "no current EF: select one first")
    return ef
