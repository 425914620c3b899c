"""The card commands end to end through the real PC/SC stack (pyscard -> private pcscd -> vpcd ->
emulated card), with a development key store created on first use in a temporary directory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from apdu.emulator.stack import EmulatorStack
from apdu.transport.pcsc import PcscTransport
from card_station.applications import FIXTURES_DIR
from card_station.cli import main
from card_station.cli.station import KEYS_ENV

pytestmark = pytest.mark.pcsc
FAMILY = str(FIXTURES_DIR / "family-six-dependants.json")


@pytest.fixture
def reader(
    pcsc_transport: PcscTransport, pcsc_stack: EmulatorStack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> str:
    """Reader 0 with a blank 64 KB card, released for the command to connect to it."""
    pcsc_transport.disconnect()
    monkeypatch.setenv(KEYS_ENV, str(tmp_path / "keys"))
    return pcsc_stack.reader_names[0]


def _read_json(reader: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, object]]:
    capsys.readouterr()
    code = main(["read", "--reader", reader, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_personalise_read_endorse_block(
    reader: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["personalise", "--reader", reader, "--application", FAMILY]) == 0
    captured = capsys.readouterr()
    assert "personalised card DL0101234567" in captured.out
    assert "DEVELOPMENT keys" in captured.err and "NOT FOR ISSUE" in captured.err

    code, decision = _read_json(reader, capsys)
    assert code == 1 and decision["verdict"] == "not yet handed over" and decision["genuine"] is True
    assert len(decision["persons"]) == 7  # type: ignore[arg-type]

    assert main(["endorse-fma", "--reader", reader, "--from", "2026-03-01"]) == 0
    assert "No OPD – 01 MAR 2026" in capsys.readouterr().out

    photos = tmp_path / "photos"
    assert main(["read", "--reader", reader, "--photos", str(photos)]) == 1
    assert sorted(p.name for p in photos.iterdir())[:2] == ["D1.jpg", "D2.jpg"]

    assert main(["block", "--reader", reader, "--reason", "lost"]) == 0
    code, decision = _read_json(reader, capsys)
    assert code == 1 and decision["verdict"] == "blocked"


def test_a_wrong_card_is_one_clear_line(reader: str, capsys: pytest.CaptureFixture[str]) -> None:
    widow = str(FIXTURES_DIR / "widow-pensioner-parents-in-law.json")
    assert main(["personalise", "--reader", reader, "--application", widow]) == 2
    assert "64 KB card" in capsys.readouterr().err
    assert main(["endorse-fma", "--reader", reader, "--from", "2026-03-01"]) == 2
    assert "blank card" in capsys.readouterr().err


def test_a_broken_application_file_is_one_clear_line(
    reader: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text(Path(FAMILY).read_text(encoding="utf-8").replace('"1970-06-15"', '"15/06/1970"'))
    assert main(["personalise", "--reader", reader, "--application", str(broken)]) == 2
    assert "member.date_of_birth: must be a date written YYYY-MM-DD" in capsys.readouterr().err
