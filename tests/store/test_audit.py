"""The audit hash chain: an edited, deleted or reordered entry is found, and named."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from card_station import audit
from card_station.audit import AuditAction, AuditError
from tests.store.conftest import Station


def _fill(station: Station, count: int) -> None:
    with station.store.transaction() as s:
        for number in range(count):
            audit.record(
                s,
                station.ops["clerk"],
                AuditAction.CARD_WRITE,
                f"S{number}",
                {"n": number},
                now=station.clock.now(),
            )


def _verify(station: Station) -> audit.AuditReport:
    with station.store.transaction() as s:
        return audit.verify(s)


def _seq_of(station: Station, subject: str) -> int:
    with station.store.transaction() as s:
        return int(
            s.execute(text("SELECT seq FROM audit_entries WHERE subject = :s"), {"s": subject}).scalar_one()
        )


def test_an_untouched_chain_verifies(station: Station) -> None:
    _fill(station, 5)
    report = _verify(station)
    assert report.ok
    assert report.entries >= 5
    assert len(report.head) == 64


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE audit_entries SET details = replace(details, '2', '3') WHERE subject = 'S2'",
        "UPDATE audit_entries SET operator = 'admin' WHERE subject = 'S2'",
        "UPDATE audit_entries SET at = '2020-01-01T00:00:00.000000+00:00' WHERE subject = 'S2'",
    ],
    ids=["details", "operator", "time"],
)
def test_an_edited_entry_is_named(station: Station, tamper: str) -> None:
    _fill(station, 5)
    with station.store.transaction() as s:
        s.execute(text(tamper))
    report = _verify(station)
    assert report.first_bad == _seq_of(station, "S2")
    assert "changed" in report.reason


def test_a_deleted_entry_is_found(station: Station) -> None:
    _fill(station, 5)
    bad = _seq_of(station, "S2")
    with station.store.transaction() as s:
        s.execute(text("DELETE FROM audit_entries WHERE subject = 'S2'"))
    report = _verify(station)
    assert report.first_bad == bad + 1
    assert "missing" in report.reason


def test_a_deleted_entry_with_renumbered_successors_is_found(station: Station) -> None:
    _fill(station, 5)
    bad = _seq_of(station, "S2")
    with station.store.transaction() as s:
        s.execute(text("DELETE FROM audit_entries WHERE subject = 'S2'"))
        s.execute(text("UPDATE audit_entries SET seq = seq - 1 WHERE seq > :b"), {"b": bad})
    report = _verify(station)
    assert report.first_bad == bad
    assert not report.ok


def test_reordered_entries_are_found(station: Station) -> None:
    _fill(station, 5)
    first, second = _seq_of(station, "S1"), _seq_of(station, "S2")
    with station.store.transaction() as s:
        s.execute(text("UPDATE audit_entries SET seq = -1 WHERE seq = :a"), {"a": first})
        s.execute(text("UPDATE audit_entries SET seq = :a WHERE seq = :b"), {"a": first, "b": second})
        s.execute(text("UPDATE audit_entries SET seq = :b WHERE seq = -1"), {"b": second})
    assert _verify(station).first_bad == first


@pytest.mark.parametrize("name", ["otp", "OTP", "password", "pin", "aadhaar", "mobile", "key"])
def test_secrets_never_enter_the_details(station: Station, name: str) -> None:
    with pytest.raises(AuditError, match="never hold"), station.store.transaction() as s:
        audit.record(s, None, AuditAction.OTP_VIEW, "app", {name: "123456"}, now=station.clock.now())


def test_details_must_be_plain_values(station: Station) -> None:
    with pytest.raises(AuditError, match="must be text"), station.store.transaction() as s:
        audit.record(s, None, AuditAction.EXPORT, "x", {"rows": [1, 2]}, now=station.clock.now())
