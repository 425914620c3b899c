"""The station's audit trail: ``record`` an audited act in the same transaction as the act, ``verify``
the hash chain (docs/store.md, "Audit chain")."""

from card_station.audit.actions import AuditAction
from card_station.audit.chain import AuditError, AuditReport, record, verify

__all__ = ["AuditAction", "AuditError", "AuditReport", "record", "verify"]
