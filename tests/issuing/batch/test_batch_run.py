"""A run of applications across the four emulated readers of the real PC/SC stack (issue 8 "Tests")."""

from __future__ import annotations

from pathlib import Path

from batch_helpers import StationKit, genuine_numbers, rendered_faces, run_batch
from issuing_samples import blank_cards, write_applications
from sqlalchemy import select

from apdu.emulator.stack import EmulatorStack
from card_station import audit
from card_station.issuing.batch.emulated import EmulatedHopper
from card_station.issuing.batch.feed import Outcome
from card_station.store import Store
from card_station.store.models.audit import AuditRow
from card_station.store.models.issuing import ItemState


def test_twenty_applications_on_four_readers_are_each_issued_once_and_verify(
    readers: EmulatorStack, store: Store, kit: StationKit, tmp_path: Path
) -> None:
    paths = write_applications(tmp_path / "apps", 20)
    hopper = EmulatedHopper(readers, blank_cards(24))
    faces = rendered_faces(kit, tmp_path / "faces")
    summary = run_batch(store, kit, readers, hopper, tmp_path / "apps", faces=faces)

    assert summary.complete
    assert [item.state for item in summary.items] == [ItemState.ISSUED] * 20
    assert {item.source for item in summary.items} == {str(path.resolve()) for path in paths}
    assert len({item.serial for item in summary.items}) == 20
    assert {item.reader for item in summary.items} == set(readers.reader_names)
    issued = hopper.trays[Outcome.ISSUED]
    assert genuine_numbers(issued, kit.keys.root_certificate()) == {
        item.card_number: 1 for item in summary.items
    }
    assert {card.serial.hex().upper() for card in issued} == {item.serial for item in summary.items}
    for item in summary.items:
        assert item.face == str(tmp_path / "faces" / f"{item.card_number}.pdf")
        assert Path(item.face).read_bytes().startswith(b"%PDF")
    assert summary.rate.issued_now == 20
    assert summary.refusals == ()
    with store.read() as session:
        written = session.scalars(select(AuditRow.subject).where(AuditRow.action == "card.write")).all()
        assert audit.verify(session).ok
    assert sorted(written) == sorted(item.serial for item in summary.items)


def test_a_finished_run_started_again_writes_nothing(
    readers: EmulatorStack, store: Store, kit: StationKit, tmp_path: Path
) -> None:
    write_applications(tmp_path / "apps", 4)
    hopper = EmulatedHopper(readers, blank_cards(8))
    faces = rendered_faces(kit, tmp_path / "faces")
    run_batch(store, kit, readers, hopper, tmp_path / "apps", faces=faces)
    fed = len(hopper.fed)

    again = run_batch(store, kit, readers, hopper, tmp_path / "apps", faces=faces)

    assert again.complete and again.rate.issued_now == 0
    assert len(hopper.fed) == fed
