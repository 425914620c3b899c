"""The technician's self-test (issue 7 "Technician") on the real PC/SC stack: the live checklist fills as
each check ends, the write/read round trip runs on a blank card and refuses an issued one (which it
leaves untouched), and the report exports as JSON and as a PDF that poppler reads back. The same checks
without the GUI: ``card-station selftest [--json]``."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from gui_helpers import issue_card, log_in
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from apdu.emulator.stack import EmulatorStack
from card_station.cli import main
from card_station.selftest import CHECKS, CheckStatus, SelfTestReport
from gui.app import CardStationApp
from gui.technician.screen import TechnicianScreen


def _run(qtbot: QtBot, shell: CardStationApp) -> tuple[TechnicianScreen, SelfTestReport]:
    main_window = log_in(qtbot, shell, "technician")
    screen = main_window.screens["technician.selftest"]
    assert isinstance(screen, TechnicianScreen)
    assert not screen.json_button.isEnabled()
    seen: list[str] = []
    screen._result.connect(lambda result: seen.append(result.key))
    with qtbot.waitSignal(screen.finished, timeout=60_000) as blocker:
        qtbot.keyClick(screen, Qt.Key.Key_F5)
    report = blocker.args[0]
    assert seen == [key for key, _ in CHECKS]
    return screen, report


def _status(report: SelfTestReport) -> dict[str, CheckStatus]:
    return {result.key: result.status for result in report.results}


def test_the_selftest_passes_on_a_blank_card_and_exports_json_and_pdf(
    qtbot: QtBot, gui_shell: CardStationApp, gui_stack: EmulatorStack, tmp_path: Path
) -> None:
    screen, report = _run(qtbot, gui_shell)
    status = _status(report)
    assert report.ok
    for key in ("pcscd", "readers", "round_trip", "crypto", "database", "clock"):
        assert status[key] is CheckStatus.PASS, key
    assert status["central"] is CheckStatus.SKIPPED
    assert status["disk"] in {CheckStatus.PASS, CheckStatus.WARN}
    assert screen.items["round_trip"].text(0) == "✔ PASS"
    assert "read back identical" in screen.items["round_trip"].text(2)
    assert "now this station's test card" in screen.items["round_trip"].text(2)
    assert "ATR 3B" in screen.items["readers"].text(2)
    assert screen.summary.text() == "No check failed."
    assert screen.json_button.isEnabled() and screen.pdf_button.isEnabled()

    screen.export_json(tmp_path / "selftest.json")
    exported = json.loads((tmp_path / "selftest.json").read_text(encoding="utf-8"))
    assert exported["ok"] is True
    assert exported["station_id"] == "DL-STN-01"
    assert [r["key"] for r in exported["results"]] == [key for key, _ in CHECKS]

    pdf = tmp_path / "selftest.pdf"
    screen.export_pdf(pdf)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Title:           Card Station self-test" in info
    assert "Pages:           1" in info
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    for expected in (
        "Card Station self-test",
        "Station DL-STN-01",
        "No check failed",
        "PC/SC service",
        "PASS",
    ):
        assert expected in text.stdout


def test_the_round_trip_refuses_an_issued_card_and_leaves_it_untouched(
    qtbot: QtBot, gui_shell: CardStationApp, gui_stack: EmulatorStack
) -> None:
    issue_card(gui_shell.station, gui_stack.reader_names[0])
    card = gui_stack.card(0)
    assert card is not None
    before = card.snapshot()
    screen, report = _run(qtbot, gui_shell)
    assert _status(report)["round_trip"] is CheckStatus.SKIPPED
    assert "refused" in screen.items["round_trip"].text(2)
    assert "the station's test card: insert one" in screen.items["round_trip"].text(2)
    assert card.snapshot() == before


def test_export_before_a_run_is_refused_with_what_to_do(qtbot: QtBot, gui_shell: CardStationApp) -> None:
    screen = log_in(qtbot, gui_shell, "technician").screens["technician.selftest"]
    assert isinstance(screen, TechnicianScreen)
    with pytest.raises(ValueError, match="run the self-test before exporting"):
        screen.export_json(Path("never.json"))


def test_the_cli_runs_the_same_checks(
    gui_stack: EmulatorStack, template_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "station.db"
    database.write_bytes(template_db.read_bytes())
    assert main(["selftest", "--json", "--db", str(database), "--reader", "0"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True
    assert [r["key"] for r in report["results"]] == [key for key, _ in CHECKS]
    assert {r["key"]: r["status"] for r in report["results"]}["round_trip"] == "pass"
    assert main(["selftest", "--db", str(database)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("[   PASS] PC/SC service: reachable at ")
    assert lines[-1] == "self-test: no check failed"


def test_the_cli_fails_on_a_damaged_database(gui_stack: EmulatorStack, tmp_path: Path) -> None:
    database = tmp_path / "station.db"
    database.write_bytes(b"this is not a database" * 100)
    assert main(["selftest", "--db", str(database)]) == 1
