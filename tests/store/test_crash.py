"""A writer process killed with SIGKILL at random points: after restart every committed change has its
outbox event, nothing half-written remains, and SQLite's integrity check passes (issue 5, "Tests").

The kill points are random in progress (after the Nth committed step, N drawn from a seeded generator),
not in time, so the test needs no timing threshold.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

from sqlalchemy import select, text

from card_station.store import open_store
from card_station.store.lifecycle import ApplicationState
from card_station.store.models import ApplicationRow, AuditRow, CardRow, OutboxEvent, TransitionRow
from tests.store.conftest import Station

WRITER = Path(__file__).with_name("crash_writer.py")
ITERATIONS = 4
EXPECTED = {
    ApplicationState.DRAFT: ["application.entered"],
    ApplicationState.SUBMITTED: ["application.entered", "application.submit"],
    ApplicationState.CARD_PERSONALISED: [
        "application.entered",
        "application.submit",
        "application.verify",
        "application.personalise",
        "card.personalised",
    ],
}


def _run_writer_until(path: Path, steps: int) -> list[str]:
    """Start the writer, read ``steps`` commit lines, SIGKILL it at once; return the lines read."""
    process = subprocess.Popen(
        [sys.executable, str(WRITER), str(path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
    )
    assert process.stdout is not None
    lines = []
    try:
        while len(lines) < steps:
            line = process.stdout.readline()
            assert line, f"the writer stopped by itself after {len(lines)} steps (exit {process.poll()})"
            lines.append(line.strip())
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stdout.close()
    assert process.returncode == -signal.SIGKILL
    return lines


def _check_consistent(path: Path, committed: list[str]) -> None:
    store = open_store(path)
    try:
        with store.transaction() as s:
            assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            applications = s.scalars(select(ApplicationRow)).all()
            events: dict[str, list[OutboxEvent]] = {}
            for event in s.scalars(select(OutboxEvent).order_by(OutboxEvent.position)):
                events.setdefault(event.member_key, []).append(event)
            states = {a.key: a.state for a in applications}
            for application in applications:
                member_events = events.pop(application.member.key, [])
                assert [e.kind for e in member_events] == EXPECTED[application.state], application.key
                assert [e.member_seq for e in member_events] == list(range(1, len(member_events) + 1))
                transitions = s.scalars(
                    select(TransitionRow.to_state).where(TransitionRow.application_id == application.id)
                ).all()
                assert len(transitions) == len(
                    [e for e in member_events if e.kind.startswith("application.")]
                )
            assert events == {}, "events without their change"
            cards = s.scalars(select(CardRow)).all()
            assert len(cards) == Counter(states.values())[ApplicationState.CARD_PERSONALISED]
            assert (
                s.scalar(select(AuditRow).where(AuditRow.action == "card.write").limit(1)) is not None
                or not cards
            )
        for line in committed:
            step, key = line.split()
            assert key in states, f"committed {line!r} was lost"
            minimum = {
                "entered": ApplicationState.DRAFT,
                "submitted": ApplicationState.SUBMITTED,
                "personalised": ApplicationState.CARD_PERSONALISED,
            }[step]
            order = list(EXPECTED)
            assert order.index(states[key]) >= order.index(minimum)
    finally:
        store.close()


def test_killed_writer_leaves_every_committed_change_with_its_event(station: Station) -> None:
    path = station.store.path
    station.store.close()
    rng = random.Random(5)
    committed: list[str] = []
    for _ in range(ITERATIONS):
        committed += _run_writer_until(path, rng.randint(1, 40))
        _check_consistent(path, committed)
    from card_station import audit

    store = open_store(path)
    with store.transaction() as s:
        assert audit.verify(s).ok
    store.close()
