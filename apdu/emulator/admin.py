"""File management and life cycle: CREATE FILE, DELETE FILE, ACTIVATE FILE, DEACTIVATE FILE and
TERMINATE CARD USAGE (ISO 7816-9 §8, §9).

CREATE FILE (E0, P1-P2 0000) takes an FCP template 62 (apdu.fcp.Fcp.to_bytes) and creates the file in
the current DF under the DF's CREATE condition; the new file becomes current. Refusals, nothing changed:
6A80 FCP malformed or meaningless (reserved FID 3F00/3FFF/FFFF, SFI on a DF, life cycle other than
activated/deactivated, a second key EF in one DF), 6A89 FID or SFI already used in the DF, 6A8A DF name
already on the card, 6A84 not enough EEPROM.

Card life cycle (the MF's LCS byte): CREATION (blank, transport key) -> the first CREATE FILE ->
INITIALISATION -> ACTIVATE FILE on the MF -> OPERATIONAL (activated; DEACTIVATE FILE on the MF and
ACTIVATE again toggle it) -> TERMINATE CARD USAGE -> TERMINATED, for good. A terminated card answers only
SELECT, READ BINARY, READ RECORD and GET RESPONSE; everything else gets 6985.
"""

from __future__ import annotations

from apdu.command import CommandApdu
from apdu.emulator.cardos import CardOs, Reply
from apdu.emulator.errors import CardError
from apdu.emulator.filesystem import HEADER_SIZE, MF_FID, DedicatedFile, make_node
from apdu.emulator.lengths import no_data
from apdu.emulator.security import require, satisfied
from apdu.emulator.selection import target
from apdu.fcp import Fcp, FileKind, LifeCycle, Operation
from apdu.tlv import TlvError

RESERVED_FIDS = frozenset({MF_FID, 0x3FFF, 0xFFFF})
CREATABLE_STATES = frozenset({LifeCycle.OPERATIONAL_ACTIVATED, LifeCycle.OPERATIONAL_DEACTIVATED})


def _parse_fcp(data: bytes) -> Fcp:
    if not data:
        raise CardError(0x6700, "CREATE FILE needs an FCP template")
    try:
        fcp = Fcp.parse(data)
    except (TlvError, ValueError) as exc:
        raise CardError(0x6A80, str(exc)) from None
    if fcp.fid in RESERVED_FIDS:
        raise CardError(0x6A80, f"FID {fcp.fid:04X} is reserved")
    if fcp.kind is FileKind.DF and fcp.sfi is not None:
        raise CardError(0x6A80, "a DF has no short EF identifier")
    if fcp.life_cycle not in CREATABLE_STATES:
        raise CardError(0x6A80, "a new file is created activated or deactivated")
    return fcp


def create_file(os: CardOs, apdu: CommandApdu) -> Reply:
    if apdu.p1 or apdu.p2:
        raise CardError(0x6A86, "CREATE FILE needs P1-P2 = 0000")
    fcp = _parse_fcp(apdu.data)
    parent = os.session.current_df
    require(os.session, parent, Operation.CREATE)
    if fcp.fid == parent.fid or parent.child(fcp.fid) is not None:
        raise CardError(0x6A89, f"FID {fcp.fid:04X} already exists")
    if fcp.sfi is not None and parent.child_by_sfi(fcp.sfi) is not None:
        raise CardError(0x6A89, f"SFI {fcp.sfi} already used in this DF")
    if fcp.df_name is not None and any(
        isinstance(node, DedicatedFile) and node.fcp.df_name == fcp.df_name for node in os.mf.walk()
    ):
        raise CardError(0x6A8A, "DF name already exists")
    if fcp.kind is FileKind.INTERNAL_LINEAR_FIXED and parent.key_file() is not None:
        raise CardError(0x6A89, "this DF already has its key EF")
    if HEADER_SIZE + fcp.data_size > os.free_memory:
        raise CardError(0x6A84, f"needs {HEADER_SIZE + fcp.data_size} bytes, {os.free_memory} free")
    node = make_node(fcp, parent)

    def attach() -> None:
        parent.children.append(node)
        if os.mf.lcs is LifeCycle.CREATION:
            os.mf.lcs = LifeCycle.INITIALISATION

    os.eeprom.commit(attach)
    os.session.enter(node)
    return Reply()


def delete_file(os: CardOs, apdu: CommandApdu) -> Reply:
    node = target(os, apdu)
    parent = node.parent
    if parent is None:
        raise CardError(0x6985, "the MF cannot be deleted")
    require(os.session, node, Operation.DELETE)
    os.eeprom.commit(lambda: parent.children.remove(node))
    ef = os.session.current_ef
    if os.session.current_df.is_within(node) or (ef is not None and ef.is_within(node)):
        os.session.enter(parent)
    return Reply()


def activate_file(os: CardOs, apdu: CommandApdu) -> Reply:
    node = target(os, apdu)
    require(os.session, node, Operation.ACTIVATE)
    os.eeprom.commit(lambda: setattr(node, "lcs", LifeCycle.OPERATIONAL_ACTIVATED))
    os.session.enter(node)
    return Reply()


def deactivate_file(os: CardOs, apdu: CommandApdu) -> Reply:
    node = target(os, apdu)
    if node is os.mf and os.life_cycle is not LifeCycle.OPERATIONAL_ACTIVATED:
        raise CardError(0x6985, "only an operational card can be deactivated")
    require(os.session, node, Operation.DEACTIVATE)
    os.eeprom.commit(lambda: setattr(node, "lcs", LifeCycle.OPERATIONAL_DEACTIVATED))
    os.session.enter(node)
    return Reply()


def terminate_card(os: CardOs, apdu: CommandApdu) -> Reply:
    """TERMINATE CARD USAGE (ISO 7816-9 §9.4): irreversible. Allowed on a deactivated card too, so a
    blocked lost card can still be terminated."""
    if apdu.p1 or apdu.p2:
        raise CardError(0x6A86, "TERMINATE CARD USAGE needs P1-P2 = 0000")
    no_data(apdu)
    if not satisfied(os.session, os.mf.fcp.condition(Operation.TERMINATE), os.mf):
        raise CardError(0x6982, "access condition for TERMINATE not met")
    os.eeprom.commit(lambda: setattr(os.mf, "lcs", LifeCycle.TERMINATED))
    return Reply()
