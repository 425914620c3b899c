"""``card-station batch`` as a real process on the real PC/SC stack, with this test as the operator who
feeds the readers as the progress display asks; the process is killed (SIGKILL) mid-run and started again
(issue 8 "killing the process mid-run and restarting")."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from batch_helpers import StationKit
from issuing_samples import blank_cards, card_number_if_genuine, write_applications

from apdu.emulator.stack import EmulatorStack
from card_station.cli import main
from card_station.issuing.batch.emulated import EmulatedHopper
from card_station.issuing.batch.feed import Outcome
from card_station.issuing.batch.ledger import Ledger
from card_station.store import open_store
from card_station.store.models.issuing import ItemState

PASSPHRASE = "batch-test-passphrase"
"""The test key store's (batch_helpers.station_kit)."""
_INSERT = re.compile(
    r"^(?P<reader>.+?): insert a blank card(?: or the interrupted card with chip (?P<chips>.+))?$"
)
_TAKE = re.compile(r"^(?P<reader>.+?): take the card out \((?P<outcome>.+)\)$")
_OUTCOMES = {outcome.value: outcome for outcome in Outcome}


class Operator:
    """Reads the progress display of one ``card-station batch`` process and does what it asks."""

    def __init__(self, process: subprocess.Popen[str], hopper: EmulatedHopper) -> None:
        self.process = process
        self.hopper = hopper
        self.lines: list[str] = []
        self.issued = threading.Semaphore(0)
        self._thread = threading.Thread(target=self._follow, daemon=True)
        self._thread.start()

    def _follow(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            line = raw.rstrip("\n")
            self.lines.append(line)
            text = line.split("  [", 1)[0]
            if found := _INSERT.match(text):
                chips = (found["chips"] or "").split(" / ") if found["chips"] else []
                self.hopper.feed(found["reader"], chips)
            elif found := _TAKE.match(text):
                self.hopper.take(found["reader"], _OUTCOMES[found["outcome"]])
            if " issued, face: " in text:
                self.issued.release()

    def wait_issued(self, count: int) -> None:
        """Until ``count`` more cards are issued; fails at once if the process ends first."""
        for _ in range(count):
            while not self.issued.acquire(timeout=0.5):
                assert self.process.poll() is None, "\n".join(self.lines)

    def finish(self, timeout: float = 120) -> int:
        try:
            code = self.process.wait(timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
        self._thread.join(timeout)
        return code


def _start(folder: Path, db: Path, kit: StationKit, faces: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "card_station.cli", "batch", "--applications", str(folder)]
    command += ["--run", "killed", "--db", str(db), "--keys", str(kit.keys.directory), "--faces", str(faces)]
    env = {**os.environ, "CARD_STATION_KEY_PASSPHRASE": PASSPHRASE, "CARD_STATION_ID": "BATCH-TEST"}
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)


def test_a_run_killed_mid_way_resumes_and_issues_every_application_exactly_once(
    readers: EmulatorStack, kit: StationKit, tmp_path: Path
) -> None:
    write_applications(tmp_path / "apps", 20)
    hopper = EmulatedHopper(readers, blank_cards(30))
    db = tmp_path / "station.db"

    first = Operator(_start(tmp_path / "apps", db, kit, tmp_path / "faces"), hopper)
    first.wait_issued(6)
    first.process.kill()
    assert first.finish() == -9

    second = Operator(_start(tmp_path / "apps", db, kit, tmp_path / "faces"), hopper)
    assert second.finish() == 0, "\n".join(second.lines)
    assert "run complete: every application issued" in second.lines

    store = open_store(db)
    try:
        items = Ledger.open(store, "killed", None, datetime.now(UTC)).items()
    finally:
        store.close()
    assert [item.state for item in items] == [ItemState.ISSUED] * 20
    root = kit.keys.root_certificate()
    cards = {id(card): card for card in hopper.fed}.values()
    genuine = Counter(card_number_if_genuine(card, root, datetime.now(UTC)) for card in cards)
    genuine.pop(None, None)
    assert genuine == Counter({item.card_number: 1 for item in items})


def test_the_command_says_what_is_missing_before_touching_a_reader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "station.db")
    assert main(["batch", "--db", db]) == 2
    assert "give --applications FILE|DIR or --verified to start a run" in capsys.readouterr().err
    assert main(["batch", "--verified", "--db", db]) == 2
    assert "--verified needs --from DIR" in capsys.readouterr().err
    assert main(["batch", "--run", "nothing", "--db", db]) == 2
    assert "there is no issuing run named 'nothing'" in capsys.readouterr().err
    (tmp_path / "list.json").write_text("{}", encoding="utf-8")
    assert main(["batch", "--applications", str(tmp_path / "list.json"), "--db", db]) == 2
    assert "a batch list starts" in capsys.readouterr().err
