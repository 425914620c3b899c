"""FMA districts (seed 003 §3, §4): the record, the shipped sample, and the CSV import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from card_station.domain.reference import (
    District,
    ReferenceData,
    ReferenceDataError,
    UnknownReference,
    import_districts_csv,
)

HEADER = "code,name,state,has_polyclinic,has_service_hospital,has_upgraded_mi_room,notified_on,source\n"


def _district(**changes: object) -> District:
    values: dict[str, object] = {
        "code": "XX-TEST",
        "name": "Test",
        "state": "Test State",
        "has_polyclinic": False,
        "has_service_hospital": False,
        "has_upgraded_mi_room": False,
        "notified_on": date(2019, 1, 1),
    }
    values.update(changes)
    return District(**values)  # type: ignore[arg-type]


def test_notified_without_any_facility_is_an_fma_area() -> None:
    # seed 003 §3(a)-(c) all met and §4(a) notified
    assert _district().fma_eligible_area


@pytest.mark.parametrize("facility", ["has_polyclinic", "has_service_hospital", "has_upgraded_mi_room"])
def test_any_one_facility_rules_the_district_out(facility: str) -> None:
    # seed 003 §3(a), (b), (c) and §4(c): notified is not enough
    assert not _district(**{facility: True}).fma_eligible_area


def test_a_district_never_notified_is_not_an_fma_area() -> None:
    # seed 003 §4(a): only districts on the list make a person eligible
    assert not _district(notified_on=None).fma_eligible_area


def test_the_shipped_sample_is_flagged_and_justified(reference: ReferenceData) -> None:
    text = (Path(__file__).parents[3] / "fixtures" / "fma_districts.csv").read_text(encoding="utf-8")
    assert text.startswith("# SAMPLE ONLY")
    pune = reference.district("MH-PUNE")
    assert pune.has_polyclinic  # seed 002 line 292 lists the Pune polyclinic
    assert not pune.fma_eligible_area


def test_find_a_district_by_name_and_state(reference: ReferenceData) -> None:
    assert reference.find_district("panchkula", "HARYANA").code == "HR-PANCHKULA"
    with pytest.raises(UnknownReference, match="no district named 'Panchkula, Punjab'"):
        reference.find_district("Panchkula", "Punjab")
    with pytest.raises(UnknownReference, match="no district with code named 'XX-NONE'"):
        reference.district("XX-NONE")


def test_import_a_notification_and_merge_it(tmp_path: Path, reference: ReferenceData) -> None:
    path = tmp_path / "notified.csv"
    path.write_text(
        "\ufeff"  # a spreadsheet's byte-order mark
        "code,name,state,notified_on,has_polyclinic,has_service_hospital,has_upgraded_mi_room,source\n"
        "XX-ALPHA,Alpha,Test State,2020-01-01,no,no,no,test notification\n"
        "KA-KODAGU,Kodagu,Karnataka,,Yes,FALSE,0,test: facility flags in other spellings\n",
        encoding="utf-8",
    )
    imported = import_districts_csv(path)
    assert imported[0] == _district(code="XX-ALPHA", name="Alpha", notified_on=date(2020, 1, 1))
    merged = reference.with_districts(imported)
    assert merged.district("XX-ALPHA").fma_eligible_area
    assert merged.district("ka-kodagu") == imported[1]
    assert len(merged.districts) == len(reference.districts) + 1
    assert merged.district("MH-PUNE") == reference.district("MH-PUNE")


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("XX-A,Alpha,Test State,maybe,no,no,,s", "column 'has_polyclinic' is 'maybe'; write yes or no"),
        ("XX-A,Alpha,Test State,no,no,no,01/01/2020,s", "column 'notified_on' is '01/01/2020', not a date"),
        ("XX-A,Alpha,Test State,no,no,no,2017-01-01,s", "before the first FMA notification of 2018-11-01"),
        ("XX A,Alpha,Test State,no,no,no,,s", "district code 'XX A' contains a space"),
        (",Alpha,Test State,no,no,no,,s", "column 'code' is empty; it is required"),
        ("XX-A,Alpha,Test State,no,no,no,,", "column 'source' is empty"),
        ("XX-A,Alpha,Test State,no,no,no", "has 6 fields but the header has 8"),
        ("xx-b,Alpha,Test State,no,no,no,,s", "district code 'xx-b' is already used on line 2"),
        ("XX-C,BETA,test state,no,no,no,,s", "BETA, test state is already listed on line 2"),
    ],
)
def test_import_refuses_a_bad_row_naming_file_and_line(tmp_path: Path, row: str, problem: str) -> None:
    path = tmp_path / "notified.csv"
    path.write_text(HEADER + "XX-B,Beta,Test State,no,no,no,,s\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as raised:
        import_districts_csv(path)
    assert (raised.value.path, raised.value.line) == (path, 3)
    assert problem in str(raised.value)
    assert str(raised.value).startswith(f"{path}, line 3: ")
