"""The station's ORM models (SQLAlchemy 2, typed). Importing this package registers every table on
``Base.metadata``, which the migrations are checked against (tests/store/test_migrations.py)."""

from card_station.store.models.audit import AuditRow
from card_station.store.models.base import Base
from card_station.store.models.cards import (
    CardRow,
    CardStatus,
    CardStatusRow,
    CounterTokenRow,
    EndorsementKind,
    EndorsementRow,
    HandoverRow,
    OtpRow,
    TokenOutcome,
)
from card_station.store.models.centre import DistrictNotice, FmaEntry, HotlistEntry, SyncCursor
from card_station.store.models.issuing import (
    FailureKind,
    IssuingItemRow,
    IssuingRefusalRow,
    IssuingRunRow,
    ItemState,
)
from card_station.store.models.operators import Operator
from card_station.store.models.outbox import MemberSequence, OutboxEvent
from card_station.store.models.people import ApplicationRow, DependantRow, MemberRow, TransitionRow
from card_station.store.models.sects import (
    SectsCardPrintRow,
    SectsFamilyMemberRow,
    SectsOfficeRow,
    SectsOfficerRow,
    SectsOtpRow,
    SectsRegistrationRow,
)

__all__ = [
    "ApplicationRow",
    "AuditRow",
    "Base",
    "CardRow",
    "CardStatus",
    "CardStatusRow",
    "CounterTokenRow",
    "DependantRow",
    "DistrictNotice",
    "EndorsementKind",
    "EndorsementRow",
    "FailureKind",
    "FmaEntry",
    "HandoverRow",
    "HotlistEntry",
    "IssuingItemRow",
    "IssuingRefusalRow",
    "IssuingRunRow",
    "ItemState",
    "MemberRow",
    "MemberSequence",
    "Operator",
    "OtpRow",
    "OutboxEvent",
    "SectsCardPrintRow",
    "SectsFamilyMemberRow",
    "SectsOfficeRow",
    "SectsOfficerRow",
    "SectsOtpRow",
    "SectsRegistrationRow",
    "SyncCursor",
    "TokenOutcome",
    "TransitionRow",
]
