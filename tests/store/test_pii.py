"""Mobile and Aadhaar numbers: validated, encrypted at rest, bound to their member, masked everywhere."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from card_station.domain.records import Application, Service
from card_station.services import applications as apps
from card_station.store.models import MemberRow
from card_station.store.pii import DataKey, PiiError, mask, normalise_aadhaar, normalise_mobile
from tests.store.conftest import AADHAAR, MOBILE, Station


def _enter(station: Station, application: Application) -> str:
    with station.store.transaction() as s:
        row = apps.enter_application(
            s,
            station.ops["clerk"],
            application,
            mobile=MOBILE,
            aadhaar=AADHAAR,
            data_key=station.data_key,
            now=station.clock.now(),
        )
        return row.member.key


def test_numbers_are_not_in_the_database_file_and_decrypt_with_the_key(
    station: Station, make_application: Callable[..., Application]
) -> None:
    key = _enter(station, make_application())
    station.store.close()
    raw = b"".join(p.read_bytes() for p in station.store.path.parent.glob("station.db*"))
    assert b"9876541234" not in raw
    assert b"234123412346" not in raw
    with station.store.transaction() as s:
        assert apps.reveal_mobile(s, station.ops["clerk"], key, data_key=station.data_key) == "9876541234"


def test_lists_and_reprs_show_only_masks(
    station: Station, make_application: Callable[..., Application]
) -> None:
    _enter(station, make_application())
    with station.store.transaction() as s:
        [found] = apps.search_members(s, station.ops["verifier"], "ram")
        looked_up = apps.find_member(s, station.ops["counter"], Service.ARMY, "JC-123456A")
        row = s.scalars(select(MemberRow)).one()
    assert found.mobile == "XXXXXX1234"
    assert found.aadhaar == "XXXXXXXX2346"
    assert looked_up == found
    for text in (repr(found), repr(row)):
        assert "9876541234" not in text
        assert "234123412346" not in text


def test_a_ciphertext_moved_to_another_member_does_not_decrypt(
    station: Station, make_application: Callable[..., Application]
) -> None:
    first = _enter(station, make_application(service_number="A-1"))
    second = _enter(station, make_application(service_number="A-2"))
    with station.store.transaction() as s:
        rows = {r.key: r for r in s.scalars(select(MemberRow))}
        rows[second].mobile_enc = rows[first].mobile_enc
    with pytest.raises(PiiError, match="does not decrypt"), station.store.transaction() as s:
        apps.reveal_mobile(s, station.ops["clerk"], second, data_key=station.data_key)


def test_wrong_key_does_not_decrypt(station: Station, make_application: Callable[..., Application]) -> None:
    key = _enter(station, make_application())
    with pytest.raises(PiiError, match="wrong station data key"), station.store.transaction() as s:
        apps.reveal_mobile(s, station.ops["clerk"], key, data_key=DataKey(bytes(32)))


def test_key_file_is_created_once_with_mode_0600(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "station-data.key"
    first = DataKey.load_or_create(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = DataKey.load_or_create(path)
    blob = first.encrypt("9876541234", field="mobile", owner="m")
    assert again.decrypt(blob, field="mobile", owner="m") == "9876541234"
    assert path.read_bytes().hex() not in repr(first)
    assert repr(first).startswith("DataKey(kcv=")


@pytest.mark.parametrize(
    ("text", "digits"),
    [("98765 41234", "9876541234"), ("+91-98765-41234", "9876541234"), ("09876541234", "9876541234")],
)
def test_mobile_numbers_are_normalised(text: str, digits: str) -> None:
    assert normalise_mobile(text) == digits


@pytest.mark.parametrize("text", ["12345 67890", "98765", "98765412345", "9876a41234"])
def test_bad_mobile_numbers_are_refused(text: str) -> None:
    with pytest.raises(PiiError, match="10 digits"):
        normalise_mobile(text)


def test_aadhaar_check_digit() -> None:
    assert normalise_aadhaar(AADHAAR) == "234123412346"
    with pytest.raises(PiiError, match="check digit"):
        normalise_aadhaar("2341 2341 2345")
    with pytest.raises(PiiError, match="cannot start with 0 or 1"):
        normalise_aadhaar("1341 2341 2346")


def test_mask() -> None:
    assert mask("9876541234") == "XXXXXX1234"
    assert mask("234123412346") == "XXXXXXXX2346"
