"""The run's state in a real SQLite store with the migrations: claims are exclusive, a chip keeps its
application, what a dead process left is recovered, failures wait for an operator's request."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from batch_helpers import NOW
from issuing_samples import write_applications
from sqlalchemy import select

from card_station import audit
from card_station.domain.records import CardSize
from card_station.issuing.batch.ledger import MAX_INTERRUPTIONS, ClaimKind, Ledger, RunError
from card_station.issuing.batch.sources import BatchListError, Planned, plan_applications
from card_station.store import Store
from card_station.store.models.audit import AuditRow
from card_station.store.models.issuing import FailureKind, ItemState

K64 = CardSize.KB64


def _planned(count: int, size: CardSize = K64) -> list[Planned]:
    return [Planned(Path(f"/apps/{i}.json"), f"CN{i:04d}", size) for i in range(count)]


def test_readers_claiming_at_once_each_get_their_own_application(store: Store) -> None:
    ledger = Ledger.open(store, "r", _planned(5), NOW)
    claims = []
    lock = threading.Lock()

    def claim(n: int) -> None:
        got = ledger.claim(f"reader {n}", f"SERIAL{n}", True, K64, NOW)
        with lock:
            claims.append(got)

    threads = [threading.Thread(target=claim, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    new = [c for c in claims if c.kind is ClaimKind.NEW]
    assert len(new) == 5
    assert len({c.item.card_number for c in new if c.item}) == 5
    assert [c.kind for c in claims].count(ClaimKind.NO_WORK) == 3
    assert ledger.progress().writing == 5


def test_a_chip_the_run_knows_gets_its_own_application_back_or_is_turned_away(store: Store) -> None:
    ledger = Ledger.open(store, "r", _planned(3), NOW)
    first = ledger.claim("a", "S1", True, K64, NOW).item
    assert first is not None
    ledger.interrupted(first, "pulled", NOW)

    again = ledger.claim("b", "S1", False, K64, NOW)
    assert again.kind is ClaimKind.RESUME and again.item and again.item.card_number == first.card_number
    ledger.issued(again.item, "face.pdf", 1, NOW)
    assert ledger.claim("c", "S1", False, K64, NOW).kind is ClaimKind.DONE

    second = ledger.claim("a", "S2", True, K64, NOW).item
    assert second is not None and second.card_number != first.card_number
    ledger.failed(second, FailureKind.CARD, "AuthenticationFailed: key refused", NOW)
    assert ledger.claim("a", "S2", False, K64, NOW).kind is ClaimKind.FAILED
    assert ledger.progress().failed == 1


def test_a_card_not_blank_or_of_another_size_is_refused_and_recorded(store: Store) -> None:
    ledger = Ledger.open(store, "r", _planned(2), NOW)
    refused = ledger.claim("a", "OTHER", False, K64, NOW)
    small = ledger.claim("a", "SMALL", True, CardSize.KB32, NOW)

    assert refused.kind is ClaimKind.NOT_BLANK and small.kind is ClaimKind.WRONG_SIZE
    assert small.reason and "KB64" in small.reason
    assert [serial for _, serial, _ in ledger.refusals()] == ["OTHER", "SMALL"]
    assert ledger.progress().pending == 2


def test_what_a_dead_process_left_writing_is_interrupted_and_tied_to_its_chip(store: Store) -> None:
    ledger = Ledger.open(store, "r", _planned(2), NOW)
    ledger.claim("a", "S1", True, K64, NOW)

    resumed = Ledger.open(store, "r", None, NOW)
    assert resumed.recover(NOW) == 1
    (item,) = [i for i in resumed.items() if i.state is ItemState.INTERRUPTED]
    assert item.serial == "S1" and "stopped" in (item.failure or "")
    assert resumed.claim("b", "S1", False, K64, NOW).kind is ClaimKind.RESUME


def test_a_card_that_keeps_losing_contact_is_failed_for_a_person_to_look_at(store: Store) -> None:
    ledger = Ledger.open(store, "r", _planned(1), NOW)
    states = []
    for _ in range(MAX_INTERRUPTIONS):
        claim = ledger.claim("a", "S1", True, K64, NOW)
        assert claim.item is not None
        states.append(ledger.interrupted(claim.item, "contact lost", NOW))
    assert states[-1] is ItemState.FAILED
    assert states[:-1] == [ItemState.INTERRUPTED] * (MAX_INTERRUPTIONS - 1)


def test_retry_requeues_failed_cards_and_keeps_a_printed_chip_for_its_face(store: Store) -> None:
    ledger = Ledger.open(store, "r", _planned(2), NOW)
    card = ledger.claim("a", "S1", True, K64, NOW).item
    face = ledger.claim("b", "S2", True, K64, NOW).item
    assert card is not None and face is not None
    ledger.failed(card, FailureKind.CARD, "read back differs", NOW)
    ledger.failed(face, FailureKind.PRINT, "ribbon out", NOW)

    assert ledger.retry(NOW) == 2

    by_number = {item.card_number: item for item in ledger.items()}
    assert by_number[card.card_number].state is ItemState.PENDING
    assert by_number[card.card_number].serial is None
    assert by_number[face.card_number].state is ItemState.INTERRUPTED
    assert by_number[face.card_number].serial == "S2"


def test_every_card_written_has_an_audit_entry_naming_its_chip(store: Store) -> None:
    ledger = Ledger.open(store, "r", _planned(2), NOW)
    done = ledger.claim("a", "S1", True, K64, NOW).item
    bad = ledger.claim("a", "S2", True, K64, NOW).item
    assert done is not None and bad is not None
    ledger.issued(done, "face.pdf", 1, NOW)
    ledger.failed(bad, FailureKind.CARD, "read back differs", NOW)

    with store.read() as session:
        rows = session.scalars(select(AuditRow).where(AuditRow.action == "card.write")).all()
        assert [(row.subject, '"outcome":"issued"' in row.details) for row in rows] == [
            ("S1", True),
            ("S2", False),
        ]
        assert audit.verify(session).ok


def test_a_run_resumed_with_other_applications_is_refused(store: Store) -> None:
    Ledger.open(store, "r", _planned(2), NOW)
    with pytest.raises(RunError, match="already exists with other applications"):
        Ledger.open(store, "r", _planned(3), NOW)
    with pytest.raises(RunError, match="no issuing run named 'x'"):
        Ledger.open(store, "x", None, NOW)


def test_a_card_number_issued_in_another_run_is_not_planned_again(store: Store) -> None:
    ledger = Ledger.open(store, "first", _planned(1), NOW)
    item = ledger.claim("a", "S1", True, K64, NOW).item
    assert item is not None
    ledger.issued(item, "face.pdf", 1, NOW)
    with pytest.raises(RunError, match="CN0000 were already issued in another run"):
        Ledger.open(store, "second", _planned(2), NOW)


def test_a_batch_list_names_its_applications_and_duplicates_are_refused(tmp_path: Path) -> None:
    paths = write_applications(tmp_path / "apps", 3)
    listing = tmp_path / "batch.json"
    listing.write_text(
        '{"format": "card-station/batch", "version": 1, "applications": ["apps/app-002.json", '
        '"apps/app-000.json"]}',
        encoding="utf-8",
    )
    assert [p.source for p in plan_applications(listing)] == [paths[2].resolve(), paths[0].resolve()]

    listing.write_text(
        '{"format": "card-station/batch", "version": 1, "applications": ["apps/app-000.json", '
        '"apps/app-000.json"]}',
        encoding="utf-8",
    )
    with pytest.raises(BatchListError, match="both have card number"):
        plan_applications(listing)
    listing.write_text("[]", encoding="utf-8")
    with pytest.raises(BatchListError, match="a batch list starts"):
        plan_applications(listing)
