"""The emulated card's file tree: MF and DFs, transparent EFs, record EFs (linear fixed, cyclic, and the
internal key EF), with their data and their cost in the EEPROM budget (ISO 7816-4 §7.1).

Memory model: every file (DF or EF) costs ``HEADER_SIZE`` bytes of EEPROM for its header (FCP, life
cycle, pointers, retry counters) plus its data size (``Fcp.data_size``: the file size of a transparent
EF, record length x record count of a record EF, 0 for a DF). A record EF reserves all its records at
creation.

Records are stored with the length they were written with (at most the record length), so a host can
store TLV records of varying size without padding; a record that was never written does not exist
(READ RECORD answers 6A83). A cyclic EF is a ring of slots with a head pointer: APPEND writes the slot
after the head and then moves the head (one metadata page), so the newest record is record 1 and a torn
APPEND leaves the old ring intact.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from apdu.emulator.keys import KeyRecord, KeyRecordError, SecretKind
from apdu.fcp import Fcp, FileKind, LifeCycle

HEADER_SIZE = 32
MF_FID = 0x3F00


class Node:
    """One file. ``lcs`` is the file's current life cycle status (ISO 7816-4 §7.4.10)."""

    def __init__(self, fcp: Fcp, parent: DedicatedFile | None) -> None:
        self.fcp = fcp
        self.parent = parent
        self.lcs = fcp.life_cycle

    @property
    def fid(self) -> int:
        return self.fcp.fid

    @property
    def kind(self) -> FileKind:
        return self.fcp.kind

    def current_fcp(self) -> Fcp:
        """The FCP as SELECT reports it: as created, with the current life cycle status."""
        return replace(self.fcp, life_cycle=self.lcs)

    @property
    def cost(self) -> int:
        return HEADER_SIZE + self.fcp.data_size

    @property
    def security_df(self) -> DedicatedFile:
        """The DF from which this file's key and PIN references are resolved: the DF itself, or the
        DF that holds the EF."""
        if isinstance(self, DedicatedFile):
            return self
        assert self.parent is not None
        return self.parent

    def lineage(self) -> Iterator[Node]:
        """This file, then its parent, up to the MF."""
        node: Node | None = self
        while node is not None:
            yield node
            node = node.parent

    def is_within(self, ancestor: Node) -> bool:
        return any(node is ancestor for node in self.lineage())


class DedicatedFile(Node):
    def __init__(self, fcp: Fcp, parent: DedicatedFile | None) -> None:
        super().__init__(fcp, parent)
        self.children: list[Node] = []

    def child(self, fid: int) -> Node | None:
        return next((c for c in self.children if c.fid == fid), None)

    def child_by_sfi(self, sfi: int) -> Node | None:
        efs = (c for c in self.children if not isinstance(c, DedicatedFile))
        return next((c for c in efs if c.fcp.sfi == sfi), None)

    def key_file(self) -> RecordFile | None:
        internal = (c for c in self.children if c.kind is FileKind.INTERNAL_LINEAR_FIXED)
        return next((c for c in internal if isinstance(c, RecordFile)), None)

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, DedicatedFile):
                yield from child.walk()
            else:
                yield child


class TransparentFile(Node):
    def __init__(self, fcp: Fcp, parent: DedicatedFile | None) -> None:
        super().__init__(fcp, parent)
        self.data = bytearray(fcp.size)


class RecordFile(Node):
    """Linear fixed, cyclic or internal (key) EF. ``lengths[i] == 0`` marks slot ``i`` unused."""

    def __init__(self, fcp: Fcp, parent: DedicatedFile | None) -> None:
        super().__init__(fcp, parent)
        self.slots = [bytearray(fcp.record_length) for _ in range(fcp.record_count)]
        self.lengths = [0] * fcp.record_count
        self.head = fcp.record_count - 1
        self.counters = [0] * fcp.record_count

    @property
    def cyclic(self) -> bool:
        return self.kind is FileKind.CYCLIC

    @property
    def used(self) -> int:
        return sum(1 for length in self.lengths if length)

    def slot_of(self, number: int) -> int | None:
        """The slot holding record ``number`` (1-based; for a cyclic EF 1 is the newest), or None."""
        count = len(self.slots)
        if not 1 <= number <= count:
            return None
        if self.cyclic:
            return (self.head - (number - 1)) % count if number <= self.used else None
        return number - 1 if self.lengths[number - 1] else None

    def record(self, slot: int) -> bytes:
        return bytes(self.slots[slot][: self.lengths[slot]])

    def next_append_slot(self) -> int | None:
        """Where APPEND RECORD writes: the slot after the head (cyclic) or the first unused slot."""
        if self.cyclic:
            return (self.head + 1) % len(self.slots)
        return next((i for i, length in enumerate(self.lengths) if not length), None)

    def secrets(self) -> Iterator[tuple[int, KeyRecord]]:
        """(slot, record) for every valid key/PIN record of an internal EF."""
        for slot in range(len(self.slots)):
            if self.lengths[slot]:
                try:
                    yield slot, KeyRecord.parse(self.record(slot))
                except KeyRecordError:
                    continue

    def find_secret(self, kind: SecretKind, ref: int) -> tuple[int, KeyRecord] | None:
        return next(((s, r) for s, r in self.secrets() if r.kind is kind and r.ref == ref), None)


def make_node(fcp: Fcp, parent: DedicatedFile | None) -> Node:
    if fcp.kind is FileKind.DF:
        return DedicatedFile(fcp, parent)
    if fcp.kind is FileKind.TRANSPARENT:
        return TransparentFile(fcp, parent)
    return RecordFile(fcp, parent)


def used_memory(mf: DedicatedFile) -> int:
    return sum(node.cost for node in mf.walk())


def is_deactivated(node: Node) -> bool:
    """A file is unusable when it, or any DF above it, is deactivated (ISO 7816-9 §8)."""
    return any(n.lcs is LifeCycle.OPERATIONAL_DEACTIVATED for n in node.lineage())
