"""The FMA cessation report of seed 003 §13, as CSV.

Why CSV text and not a file: the domain does no I/O; the service that sends the report to the Regional
Centre (§12) writes it. The columns are the letter's, in its order and wording. Dates are ISO 8601 so that
the monthly reconciliation (§14(a)(iv), (b)(iv)) can compare them without guessing a format.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from card_station.domain.citations import Rule
from card_station.domain.errors import DomainError
from card_station.domain.fma_grant import FmaGrant
from card_station.domain.records import CardSize, Member, Relation

CESSATION_REPORT_COLUMNS = (
    "Sl. No.",
    "Service No.",
    "Rank",
    "Name",
    "Service",
    "Name of beneficiary",
    "Relation",
    "Type of ECHS Card (32/64 kb)",
    "ECHS Card No",
    "Date of Application",
    "Date of Cessation of FMA",
)

_SELF = "Self"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class CessationReportEntry:
    """One beneficiary's card under a ceased FMA grant; `relation` None is the member himself."""

    member: Member
    beneficiary_name: str
    relation: Relation | None
    card_size: CardSize
    card_no: str
    grant: FmaGrant


def _cell(text: str) -> str:
    """Text a spreadsheet will not run as a formula (OWASP CSV injection): prefixed with a quote."""
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def cessation_report_csv(entries: Sequence[CessationReportEntry]) -> str:
    """The §13 report, one row per entry numbered from 1, with a header row; CRLF line ends (RFC 4180)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CESSATION_REPORT_COLUMNS)
    for number, entry in enumerate(entries, start=1):
        ceases_on = entry.grant.ceases_on
        if ceases_on is None:
            raise DomainError(
                f"row {number} ({entry.beneficiary_name}): the FMA grant has no cessation date; "
                f"only ceased grants belong in the {Rule.FMA_CESSATION_REPORT} report"
            )
        member = entry.member
        writer.writerow(
            (
                str(number),
                _cell(member.service_number),
                _cell(member.rank),
                _cell(member.name),
                member.service.label,
                _cell(entry.beneficiary_name),
                _SELF if entry.relation is None else entry.relation.value,
                entry.card_size.value,
                _cell(entry.card_no),
                entry.grant.applied_on.isoformat(),
                ceases_on.isoformat(),
            )
        )
    return out.getvalue()
