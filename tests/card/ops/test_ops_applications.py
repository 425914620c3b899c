"""The application file format (docs/applications.md): the samples load, and every fault names the file,
the field and what to write."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from card_station.applications import FIXTURES_DIR, ApplicationFileError, load_application, sample
from card_station.card.content import BloodGroup
from card_station.domain.records import CardSize, Relation


def _family() -> dict[str, Any]:
    return json.loads((FIXTURES_DIR / "family-six-dependants.json").read_text(encoding="utf-8"))


def _write(tmp_path: Path, raw: dict[str, Any]) -> Path:
    (tmp_path / "photos").symlink_to(FIXTURES_DIR / "photos")
    path = tmp_path / "application.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


def test_the_family_sample_has_six_dependants_with_photos() -> None:
    loaded = sample("family-six-dependants")
    assert loaded.application.card_size is CardSize.KB64
    assert len(loaded.application.dependants) == 6
    assert all(photo and photo.startswith(b"\xff\xd8") for photo in loaded.dependant_photos)
    assert loaded.member_photo is not None and loaded.card.blood_group is BloodGroup.B_POS


def test_the_samples_cover_the_special_cases() -> None:
    widow = sample("widow-pensioner-parents-in-law").application
    assert {d.relation for d in widow.dependants} == {Relation.FATHER_IN_LAW, Relation.MOTHER_IN_LAW}
    assert sample("remarried-widow").application.member.remarried
    assert sample("war-widow").application.member.war_widow
    assert sample("disabled-child").application.dependants[1].disability is not None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r["member"].update(gender="X"), r"member.gender: 'X' is not one of 'M', 'F', 'O'"),
        (lambda r: r["member"].pop("name"), "member.name: is missing"),
        (lambda r: r["dependants"][1].update(nickname="Amu"), r"dependants\[1\].nickname: is not a field"),
        (lambda r: r["dependants"][0].update(photo="photos/none.jpg"), "does not exist"),
        (lambda r: r["card"].update(blood_group="C+"), "card.blood_group: 'C\\+' is not one of"),
        (lambda r: r.update(version=2), "version 2 is not readable here"),
        (lambda r: r.update(format="other"), "is this an application file"),
        (lambda r: r["member"].update(basic_plus_dearness_pension_rs=-1), "whole number 0 or more"),
        (lambda r: r["dependants"][0].update(recorded_in_service_records="yes"), "must be true or false"),
    ],
)
def test_faults_name_the_field(tmp_path: Path, change: Any, message: str) -> None:
    raw = _family()
    change(raw)
    with pytest.raises(ApplicationFileError, match=message):
        load_application(_write(tmp_path, raw))


def test_not_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "format": ,\n}', encoding="utf-8")
    with pytest.raises(ApplicationFileError, match="line 2: not valid JSON"):
        load_application(path)


def test_an_unknown_sample_lists_the_samples() -> None:
    with pytest.raises(ApplicationFileError, match="war-widow"):
        sample("no-such-family")
