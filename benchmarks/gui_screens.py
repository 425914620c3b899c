"""The desktop app's screens and two timings, on the demo station (gui.demo: private pcscd, emulated
readers and cards, demo database).

    python benchmarks/gui_screens.py OUT_DIR

Saves a PNG of every main screen in English and in Hindi to OUT_DIR (the login window; for each role,
each of its screens; the counter green, red and after a token; the self-test after a run) and prints
JSON:

- ``cold_start_ms``: from just before a new Python process is started to its login window shown (the
  median of ``COLD_RUNS`` runs; each run in ``cold_start_runs_ms``). The child builds the station from
  the demo's database and key store and starts the app as ``card-station gui`` does.
- ``insert_to_counter_screen_ms``: from a card inserted into a reader (the emulator connecting to vpcd)
  to the counter showing its decision (median of ``INSERT_RUNS``), split into pcscd noticing the card
  (``insert_to_event_ms``, pcscd polls readers every 400 ms) and the read, verification and display
  (``event_to_screen_ms``).

Runs offscreen unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from gui.app import CardStationApp, application
from gui.counter.screen import CounterScreen
from gui.demo import (
    DEMO_PASSWORD,
    OPERATORS,
    READER_ACTIVE,
    READER_NOT_HANDED_OVER,
    DemoEnvironment,
    demo_environment,
)
from gui.i18n import Language
from gui.shell.main_window import MainWindow
from gui.technician.screen import TechnicianScreen

COLD_RUNS = 3
INSERT_RUNS = 5
TIMEOUT_S = 30.0

CHILD = """
import sys, time
started = float(sys.argv[1])
from pathlib import Path
from PySide6.QtCore import QTimer
from card_station.card.session import DEVELOPMENT_TRANSPORT_KEY
from card_station.cli.station import issuer
from card_station.keys import FileKeyStore
from card_station.services.clock import system_clock
from card_station.sms import ConsoleGateway
from card_station.store import open_store
from card_station.store.pii import DataKey
from gui.app import CardStationApp, application, build_station
from gui.demo import DEMO_KEY_PASSPHRASE
folder = Path(sys.argv[2])
app = application()
store = open_store(folder / "station.db")
keys = FileKeyStore.open_or_create_development(folder / "keys", DEMO_KEY_PASSPHRASE, system_clock())
station = build_station(store=store, keys=keys, issuer=issuer(), clock=system_clock, sms=ConsoleGateway(),
    transport_key=DEVELOPMENT_TRANSPORT_KEY, central_url=None, data_dir=folder,
    data_key=DataKey.load_or_create(folder / "station-data.key"))
shell = CardStationApp(station, app)
def shown():
    if shell.login.isVisible():
        print((time.time() - started) * 1000)
        shell.stop()
        app.quit()
    else:
        QTimer.singleShot(1, shown)
shell.start()
QTimer.singleShot(0, shown)
app.exec()
store.close()
"""


def cold_start(folder: Path) -> list[float]:
    runs = []
    for _ in range(COLD_RUNS):
        started = time.time()
        done = subprocess.run(
            [sys.executable, "-c", CHILD, repr(started), str(folder)],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        runs.append(float(done.stdout.strip().splitlines()[-1]))
    return runs


def pump(predicate: Callable[[], bool], what: str) -> None:
    """Run the event loop until ``predicate`` holds."""
    deadline = time.monotonic() + TIMEOUT_S
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        QApplication.processEvents()
        time.sleep(0.002)


def log_in(shell: CardStationApp, username: str) -> MainWindow:
    shell.login.username.setText(username)
    shell.login.password.setText(DEMO_PASSWORD)
    shell.login.attempt()
    if shell.main is None:
        raise RuntimeError(f"{username} could not log in: {shell.login.refusal.text()}")
    return shell.main


class Shots:
    """Saves window grabs as OUT_DIR/<name>.png and remembers the names."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.saved: list[str] = []

    def save(self, widget: QWidget, name: str) -> None:
        QApplication.processEvents()
        path = self.out_dir / f"{name}.png"
        widget.grab().save(str(path))
        self.saved.append(path.name)


def counter_shots(
    shell: CardStationApp, demo: DemoEnvironment, main: MainWindow, shots: Shots, name: str
) -> None:
    """Green, red, then a token issued on the green card."""
    screen = main.screens["counter.read"]
    assert isinstance(screen, CounterScreen)
    names = demo.reader_names
    for index, state in ((READER_ACTIVE, "green"), (READER_NOT_HANDED_OVER, "red"), (READER_ACTIVE, "token")):
        shell.worker.select(names[index])
        pump(lambda n=names[index]: screen.read is not None and screen.reader_name == n, "the counter read")
        if state == "token":
            screen.issue_for_current()
        shots.save(main, f"{name}-{state}")


def screenshots(shell: CardStationApp, demo: DemoEnvironment, shots: Shots) -> None:
    for language in (Language.ENGLISH, Language.HINDI):
        shell.switch_language(language)
        tag = language.value
        shots.save(shell.login, f"{tag}-login")
        for username in OPERATORS:
            main = log_in(shell, username)
            for spec in main.specs:
                main.show_screen(spec.key)
                screen = main.screens[spec.key]
                name = f"{tag}-{username}-{spec.key}"
                if isinstance(screen, CounterScreen):
                    counter_shots(shell, demo, main, shots, name)
                    continue
                if isinstance(screen, TechnicianScreen):
                    shell.worker.select(demo.reader_names[0])
                    screen.run()
                    pump(lambda s=screen: s.report is not None, "the self-test")
                shots.save(main, name)
            if not main.specs:
                shots.save(main, f"{tag}-{username}-no-screens")
            shell.logout()
    shell.switch_language(Language.ENGLISH)


def insert_timings(shell: CardStationApp, demo: DemoEnvironment) -> tuple[list[float], list[float]]:
    """(insert -> counter screen, insert -> card_inserted event) in ms, per run."""
    main = log_in(shell, "counter")
    screen = main.screens["counter.read"]
    assert isinstance(screen, CounterScreen)
    name = demo.reader_names[READER_ACTIVE]
    shell.worker.select(name)
    seen: dict[str, float] = {}
    shown: list[float] = []
    shell.worker.card_inserted.connect(lambda reader, _atr: seen.setdefault(reader, time.perf_counter()))
    screen.shown.connect(lambda _decision: shown.append(time.perf_counter()))
    to_screen, to_event = [], []
    for _ in range(INSERT_RUNS):
        demo.stack.remove(READER_ACTIVE)
        pump(lambda: screen.read is None and screen.reader_name is None, "the card removed")
        seen.clear()
        shown.clear()
        start = time.perf_counter()
        demo.stack.insert(READER_ACTIVE)
        pump(lambda: bool(shown), "the counter screen")
        to_screen.append((shown[0] - start) * 1000)
        to_event.append((seen[name] - start) * 1000)
    shell.logout()
    return to_screen, to_event


def main(out_dir: Path) -> dict[str, object]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out_dir.mkdir(parents=True, exist_ok=True)
    shots = Shots(out_dir)
    with (
        tempfile.TemporaryDirectory(prefix="cs-bench-gui-") as temp,
        demo_environment(Path(temp), sms_sink=io.StringIO()) as demo,
    ):
        cold_runs = cold_start(demo.folder)
        shell = CardStationApp(demo.station, application())
        shell.start()
        pump(lambda: len(shell.worker.readers()) == len(demo.reader_names), "the readers")
        screenshots(shell, demo, shots)
        to_screen, to_event = insert_timings(shell, demo)
        shell.stop()
    return {
        "cold_start_ms": round(statistics.median(cold_runs), 1),
        "cold_start_runs_ms": [round(run, 1) for run in cold_runs],
        "insert_to_counter_screen_ms": round(statistics.median(to_screen), 1),
        "insert_to_counter_screen_runs_ms": [round(run, 1) for run in to_screen],
        "insert_to_event_ms": round(statistics.median(to_event), 1),
        "event_to_screen_ms": round(
            statistics.median([s - e for s, e in zip(to_screen, to_event, strict=True)]), 1
        ),
        "screens_saved": len(shots.saved),
        "out_dir": str(out_dir),
        "files": shots.saved,
    }


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python benchmarks/gui_screens.py OUT_DIR")
    print(json.dumps(main(Path(sys.argv[1])), indent=2))
