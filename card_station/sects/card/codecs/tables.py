"""One-byte codes of the SECTS records' enums on the card (docs/sects-card.md "Codes").

Why fixed tables (as ``card_station.card.codecs.tables``): renaming a Python member or its display text
must never change a card. Gender uses the ECHS table (ASCII M, F, O).
"""

from __future__ import annotations

from card_station.card.codecs.tables import GENDER, CodeTable
from card_station.sects.codes import BeneficiaryKind
from card_station.sects.records import Relation

BENEFICIARY = CodeTable(
    BeneficiaryKind, {BeneficiaryKind.EMPLOYEE: b"\x01", BeneficiaryKind.PENSIONER: b"\x02"}
)
RELATION = CodeTable(
    Relation,
    {
        Relation.SELF: b"\x00",
        Relation.SPOUSE: b"\x01",
        Relation.SON: b"\x02",
        Relation.DAUGHTER: b"\x03",
        Relation.FATHER: b"\x04",
        Relation.MOTHER: b"\x05",
    },
)
"""00 is the holder himself (never in EF.FAMILY, which lists the family)."""

__all__ = ["BENEFICIARY", "GENDER", "RELATION"]
