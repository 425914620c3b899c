"""Monthly FMA reconciliation (seed 003 §14(a)(iv), §14(b)(iv)): the report of differences."""

from __future__ import annotations

import csv
import io
from datetime import date

import httpx
import pytest

from card_station.sync.client import CentralClient
from card_station.sync.reconcile import (
    CSV_COLUMNS,
    Difference,
    FmaRecord,
    ReconciliationError,
    reconcile,
)
from tests.sync.conftest import Central

AS_OF = date(2026, 11, 1)


def grant(key: str, applied: str = "2026-05-10", commences: str = "2026-07-01", ceases: str | None = None):
    data = {"applied_on": applied, "commences_on": commences, "ceases_on": ceases}
    return FmaRecord.from_data(key, data, "test")


def test_agreeing_lists_give_an_empty_report() -> None:
    report = reconcile([grant("m1"), grant("m2")], [grant("m2"), grant("m1")], AS_OF)
    assert report.agreed and report.rows == ()
    assert report.csv() == ",".join(CSV_COLUMNS) + "\r\n"
    assert "the lists agree" in report.summary()


def test_each_kind_of_difference_is_reported_once_per_member_and_date() -> None:
    station = [grant("m1"), grant("m2"), grant("m4", ceases="2027-03-01")]
    centre = [grant("m2", commences="2026-08-01", ceases="2027-01-01"), grant("m3"), grant("m4")]
    report = reconcile(station, centre, AS_OF)
    rows = list(csv.reader(io.StringIO(report.csv())))
    assert rows == [
        list(CSV_COLUMNS),
        ["m1", "in station, not at centre", "", "", ""],
        ["m2", "different dates", "commences_on", "2026-07-01", "2026-08-01"],
        ["m2", "different dates", "ceases_on", "", "2027-01-01"],
        ["m3", "at centre, not in station", "", "", ""],
        ["m4", "different dates", "ceases_on", "2027-03-01", ""],
    ]
    assert [report.count(d) for d in Difference] == [1, 1, 2]
    summary = report.summary()
    assert "as of 2026-11-01" in summary and "station holds 3 grants, centre holds 3" in summary
    assert "different dates: 2" in summary and "5 differences" in summary


def test_a_member_listed_twice_is_refused() -> None:
    with pytest.raises(ReconciliationError, match="centre FMA list holds member 'm1' twice"):
        reconcile([grant("m1")], [grant("m1"), grant("m1")], AS_OF)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"commences_on": "2026-07-01"}, "'applied_on' must be an ISO date (YYYY-MM-DD), got None"),
        ({"applied_on": "10/05/2026", "commences_on": "2026-07-01"}, "got '10/05/2026'"),
        ({"applied_on": "2026-05-10", "commences_on": "2026-07-01", "ceases_on": 3}, "'ceases_on'"),
    ],
)
def test_a_bad_date_names_the_list_member_and_field(data: dict, words: str) -> None:
    with pytest.raises(ReconciliationError, match=r"^centre FMA list, member 'm9'") as caught:
        FmaRecord.from_data("m9", data, "centre")
    assert words in str(caught.value)


def test_the_centres_list_comes_from_the_events_the_station_sent(central: Central) -> None:
    events = [
        {
            "id": "e1", "kind": "fma.granted", "member_key": "m1", "member_seq": 1,
            "created_at": "2026-05-10T09:00:00+05:30",
            "payload": {"member_key": "m1", "applied_on": "2026-05-10", "commences_on": "2026-07-01"},
        },
        {
            "id": "e2", "kind": "fma.ceased", "member_key": "m1", "member_seq": 2,
            "created_at": "2026-11-01T09:00:00+05:30",
            "payload": {"member_key": "m1", "ceases_on": "2027-01-01"},
        },
    ]  # fmt: skip
    headers = {"Authorization": f"Bearer {central.credential.token}"}
    assert httpx.post(f"{central.url}/v1/events", json={"events": events}, headers=headers).status_code == 200
    with CentralClient(central.url, central.credential) as client:
        centre = [FmaRecord.from_data(key, data, "centre") for key, data in client.fma_list()]
    report = reconcile([grant("m1", ceases="2027-02-01"), grant("m2")], centre, AS_OF)
    assert [(r.member_key, r.difference, r.field) for r in report.rows] == [
        ("m1", Difference.DATES_DIFFER, "ceases_on"),
        ("m2", Difference.STATION_ONLY, None),
    ]
