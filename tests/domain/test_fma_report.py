"""The cessation report of seed 003 §13, rendered as CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date

import pytest

from card_station.domain.errors import DomainError
from card_station.domain.fma_grant import FmaGrant
from card_station.domain.fma_report import (
    CESSATION_REPORT_COLUMNS,
    CessationReportEntry,
    cessation_report_csv,
)
from card_station.domain.records import CardSize, Member, Relation

MakeMember = Callable[..., Member]

CEASED = FmaGrant(date(2019, 5, 10), date(2019, 7, 1), 1000, ceases_on=date(2021, 5, 1))


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_13_the_header_is_the_letters_format_in_its_order() -> None:
    """seed 003 §13: "Sl. No. Service No. Rank Name Service Name of beneficiary Relation Type of ECHS Card
    (32/64 kb) ECHS Card No Date of Application Date of Cessation of FMA" """
    assert rows(cessation_report_csv([])) == [list(CESSATION_REPORT_COLUMNS)]
    assert " ".join(CESSATION_REPORT_COLUMNS) == (
        "Sl. No. Service No. Rank Name Service Name of beneficiary Relation Type of ECHS Card (32/64 kb) "
        "ECHS Card No Date of Application Date of Cessation of FMA"
    )


def test_13_one_numbered_row_per_beneficiary_card(make_member: MakeMember) -> None:
    member = make_member()
    text = cessation_report_csv(
        [
            CessationReportEntry(member, "Ram Singh", None, CardSize.KB64, "ECHS-0001", CEASED),
            CessationReportEntry(member, "Gita Devi", Relation.SPOUSE, CardSize.KB32, "ECHS-0002", CEASED),
        ]
    )
    assert text.endswith("\r\n")
    assert rows(text)[1:] == [
        [
            "1",
            "JC-123456A",
            "Sub",
            "Ram Singh",
            "Army",
            "Ram Singh",
            "Self",
            "64 KB",
            "ECHS-0001",
            "2019-05-10",
            "2021-05-01",
        ],
        [
            "2",
            "JC-123456A",
            "Sub",
            "Ram Singh",
            "Army",
            "Gita Devi",
            "Spouse",
            "32 KB",
            "ECHS-0002",
            "2019-05-10",
            "2021-05-01",
        ],
    ]


def test_13_a_grant_that_has_not_ceased_does_not_belong_in_the_report(make_member: MakeMember) -> None:
    open_grant = FmaGrant(date(2019, 5, 10), date(2019, 7, 1), 1000)
    entry = CessationReportEntry(make_member(), "Ram Singh", None, CardSize.KB64, "ECHS-0001", open_grant)
    with pytest.raises(DomainError, match=r"row 1 \(Ram Singh\): the FMA grant has no cessation date"):
        cessation_report_csv([entry])


def test_13_text_a_spreadsheet_would_run_as_a_formula_is_neutralised(make_member: MakeMember) -> None:
    entry = CessationReportEntry(
        make_member(name="=HYPERLINK(1)"), "+Ravi", Relation.SON, CardSize.KB64, "1", CEASED
    )
    row = rows(cessation_report_csv([entry]))[1]
    assert row[3] == "'=HYPERLINK(1)"
    assert row[5] == "'+Ravi"
