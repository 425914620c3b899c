"""``card-station demo --gui``'s station (gui.demo): its own private pcscd with four emulated readers, the
demo database and operators, the console SMS gateway. It runs in a child process: libpcsclite reads the
pcscd socket once per process, and this test process already talks to the session's pcscd."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from card_station.cli import build_parser

CHILD = textwrap.dedent(
    """
    import io, json, sys
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import func, select
    from gui.app import CardStationApp, application
    from gui.demo import DEMO_PASSWORD, READER_ACTIVE, READER_NOT_HANDED_OVER, demo_environment
    from card_station.store.models.people import ApplicationRow
    from card_station.store.models.operators import Operator

    def wait(app, predicate, seconds=20):
        import time
        end = time.monotonic() + seconds
        while not predicate():
            if time.monotonic() > end:
                raise SystemExit("timed out")
            app.processEvents()
            time.sleep(0.01)

    out = {}
    with demo_environment(sms_sink=io.StringIO()) as demo:
        app = application()
        shell = CardStationApp(demo.station, app)
        shell.start()
        shell.login.username.setText("counter")
        shell.login.password.setText(DEMO_PASSWORD)
        shell.login.attempt()
        screen = shell.main.screens["counter.read"]
        for index in (READER_ACTIVE, READER_NOT_HANDED_OVER):
            name = demo.reader_names[index]
            wait(app, lambda: any(s.name == name and s.card_present for s in shell.worker.readers()))
            shell.worker.select(name)
            wait(app, lambda: screen.read is not None and screen.reader_name == name)
            out[str(index)] = screen.banner.message
        screen.issue_for_current()
        out["token"] = screen.token.text()
        with demo.station.store.read() as session:
            out["applications"] = session.scalar(select(func.count()).select_from(ApplicationRow))
            out["operators"] = sorted(session.scalars(select(Operator.username)))
        out["folder"] = str(demo.folder)
        shell.stop()
    print(json.dumps(out))
    """
)


def test_the_demo_station_has_operators_applications_and_green_and_red_cards(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PCSCLITE_CSOCK_NAME", None)
    done = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["2"] == "ACTIVE: GENUINE CARD"
    assert out["3"].startswith("NOT YET HANDED OVER\n")
    assert out["token"] == ""
    assert out["applications"] == 5
    assert out["operators"] == ["admin", "clerk", "counter", "technician", "verifier"]
    assert not Path(out["folder"]).exists()


def test_demo_has_a_gui_flag_and_gui_is_a_command() -> None:
    parser = build_parser()
    assert parser.parse_args(["demo", "--gui"]).gui is True
    assert parser.parse_args(["demo"]).gui is False
    args = parser.parse_args(["gui", "--lang", "hi", "--polyclinic", "Delhi Cantt"])
    assert (args.lang, args.polyclinic) == ("hi", "Delhi Cantt")
