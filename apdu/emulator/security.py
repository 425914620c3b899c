"""Security state of the emulated card: which keys and PINs are proven, and access-condition checks.

Rules (ISO 7816-4 §5.4 and §9 leave them to the card; these are this card's):

* A key or PIN reference k named by a file is looked up in the key EF of the file's DF (the EF's parent,
  or the DF itself), then in each DF above it up to the MF: the first DF that defines k holds it.
* A successful EXTERNAL / MUTUAL AUTHENTICATE or VERIFY records (holder DF, kind, k). A condition
  "key k" / "PIN p" is met when the reference resolves to a DF and kind that are recorded.
* Selecting a DF keeps only what was proven in that DF or a DF above it: entering a child keeps the
  parent's state, moving to a sibling branch forgets the branch you left. Power-on forgets everything.
* Writing a key/PIN record forgets the proof of that reference (a new secret must be proved).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from apdu.emulator.errors import CardError
from apdu.emulator.filesystem import DedicatedFile, Node, RecordFile, is_deactivated
from apdu.emulator.keys import KeyRecord, SecretKind
from apdu.fcp import Condition, ConditionKind, FileKind, Operation


@dataclass(frozen=True)
class Secret:
    """A resolved key or PIN: where it lives and what it is."""

    holder: DedicatedFile
    key_file: RecordFile
    slot: int
    record: KeyRecord

    @property
    def retries_left(self) -> int:
        return self.key_file.counters[self.slot]


@dataclass
class Session:
    """Volatile state: lost at every reset."""

    current_df: DedicatedFile
    current_ef: Node | None = None
    proven: set[tuple[DedicatedFile, SecretKind, int]] = field(default_factory=set)

    @property
    def current_file(self) -> Node:
        return self.current_ef if self.current_ef is not None else self.current_df

    def enter(self, node: Node) -> None:
        """Make ``node`` current (a DF, or an EF and its DF) and drop proofs of other branches."""
        if isinstance(node, DedicatedFile):
            self.current_df, self.current_ef = node, None
        else:
            assert node.parent is not None
            self.current_df, self.current_ef = node.parent, node
        keep = list(self.current_df.lineage())
        self.proven = {entry for entry in self.proven if any(entry[0] is df for df in keep)}

    def prove(self, secret: Secret) -> None:
        self.proven.add((secret.holder, secret.record.kind, secret.record.ref))

    def forget(self, holder: DedicatedFile, kind: SecretKind, ref: int) -> None:
        self.proven.discard((holder, kind, ref))

    def is_proven(self, secret: Secret) -> bool:
        return (secret.holder, secret.record.kind, secret.record.ref) in self.proven


def resolve(df: DedicatedFile, kind: SecretKind, ref: int) -> Secret | None:
    for node in df.lineage():
        assert isinstance(node, DedicatedFile)
        key_file = node.key_file()
        if key_file is None:
            continue
        found = key_file.find_secret(kind, ref)
        if found is not None:
            return Secret(node, key_file, found[0], found[1])
    return None


def satisfied(session: Session, condition: Condition, node: Node) -> bool:
    match condition.kind:
        case ConditionKind.ALWAYS:
            return True
        case ConditionKind.NEVER:
            return False
        case ConditionKind.KEY | ConditionKind.PIN:
            kind = SecretKind.AES_KEY if condition.kind is ConditionKind.KEY else SecretKind.PIN
            secret = resolve(node.security_df, kind, condition.ref)
            return secret is not None and session.is_proven(secret)


def require(session: Session, node: Node, operation: Operation) -> None:
    """Refuse with 6985 if the file is deactivated, 6982 if its access condition is not met."""
    if is_deactivated(node) and operation not in (Operation.ACTIVATE, Operation.DELETE):
        raise CardError(0x6985, "file deactivated")
    if node.kind is FileKind.INTERNAL_LINEAR_FIXED and operation is Operation.READ:
        raise CardError(0x6982, "key files are never readable")
    if not satisfied(session, node.fcp.condition(operation), node):
        raise CardError(0x6982, f"access condition for {operation.name} not met")
