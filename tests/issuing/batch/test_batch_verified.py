"""A run of the store's verified applications (``card-station batch --verified``): only what a second
operator verified is issued (maker-checker, seed 002 §4), and each card is recorded against its
application in the same transaction as the run's own record."""

from __future__ import annotations

from pathlib import Path

import pytest
from batch_helpers import NOW, StationKit, genuine_numbers, rendered_faces
from issuing_samples import blank_cards, enter_applications, write_applications
from sqlalchemy import select
from station_fixtures import data_key

from apdu.emulator.stack import EmulatorStack
from card_station.issuing.batch.emulated import EmulatedHopper
from card_station.issuing.batch.feed import Outcome
from card_station.issuing.batch.ledger import Ledger, RunError
from card_station.issuing.batch.readers import PcscReaders
from card_station.issuing.batch.run import BatchRun
from card_station.issuing.batch.sources import BatchListError, plan_verified
from card_station.services import operators
from card_station.store import Store
from card_station.store.lifecycle import ApplicationState
from card_station.store.models.cards import CardRow
from card_station.store.models.operators import Operator
from card_station.store.models.people import ApplicationRow
from card_station.store.roles import Role

PASSWORD = "correct horse battery"


def _staff(store: Store) -> dict[str, Operator]:
    with store.transaction() as session:
        admin = operators.bootstrap_admin(session, "admin", "Admin", PASSWORD, now=NOW)
        staff = {
            name: operators.create_operator(
                session, admin, name, display_name=name.title(), role=role, password=PASSWORD, now=NOW
            )
            for name, role in (("clerk", Role.CLERK), ("verifier", Role.VERIFIER))
        }
    return staff


def _enter(store: Store, staff: dict[str, Operator], files: list[Path], verify: int) -> list[str]:
    with store.transaction() as session:
        return enter_applications(
            session, staff["clerk"], staff["verifier"], files, verify=verify, data_key=data_key(), now=NOW
        )


def test_only_verified_applications_are_issued_and_each_card_is_recorded_against_its_application(
    readers: EmulatorStack, store: Store, kit: StationKit, tmp_path: Path
) -> None:
    files = write_applications(tmp_path / "apps", 6, first=500)
    staff = _staff(store)
    keys = _enter(store, staff, files, verify=4)
    planned = plan_verified(store, tmp_path / "apps")
    assert [entry.application_key for entry in planned] == keys[:4]

    ledger = Ledger.open(store, "verified", planned, NOW, staff["clerk"])
    hopper = EmulatedHopper(readers, blank_cards(8))
    run = BatchRun(
        ledger,
        personaliser=kit.personaliser(),
        faces=rendered_faces(kit, tmp_path / "faces"),
        feed=hopper,
        readers=PcscReaders(),
        clock=lambda: NOW,
    )
    summary = run.run(readers.reader_names)

    assert summary.complete
    with store.read() as session:
        states = {row.key: row.state for row in session.scalars(select(ApplicationRow))}
        cards = {row.serial: row for row in session.scalars(select(CardRow))}
    assert [states[key] for key in keys] == [ApplicationState.CARD_PERSONALISED] * 4 + [
        ApplicationState.SUBMITTED
    ] * 2
    assert {(card.serial, card.card_number) for card in cards.values()} == {
        (item.serial, item.card_number) for item in summary.items
    }
    numbers = genuine_numbers(hopper.trays[Outcome.ISSUED], kit.keys.root_certificate())
    assert numbers == {item.card_number: 1 for item in summary.items}


def test_a_verified_application_whose_file_differs_or_is_missing_is_refused_before_the_run(
    store: Store, tmp_path: Path
) -> None:
    files = write_applications(tmp_path / "apps", 2, first=600)
    staff = _staff(store)
    _enter(store, staff, files, verify=2)
    files[1].write_text(files[1].read_text(encoding="utf-8").replace('"rank": "', '"rank": "X'), "utf-8")
    with pytest.raises(BatchListError, match="differs from verified application"):
        plan_verified(store, tmp_path / "apps")
    files[1].unlink()
    with pytest.raises(BatchListError, match="has no application file in"):
        plan_verified(store, tmp_path / "apps")


def test_a_run_of_verified_applications_needs_an_operator(store: Store, tmp_path: Path) -> None:
    files = write_applications(tmp_path / "apps", 1, first=700)
    _enter(store, _staff(store), files, verify=1)
    with pytest.raises(RunError, match="name the operator"):
        Ledger.open(store, "verified", plan_verified(store, tmp_path / "apps"), NOW)
