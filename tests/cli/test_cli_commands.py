"""The ``card-station`` command as an operator runs it: separate processes, the real PC/SC stack."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from apdu.transport import NoReader
from card_station.cli.reader_choice import resolve_reader

pytestmark = pytest.mark.pcsc
CLI = [sys.executable, "-m", "card_station.cli"]
TIMEOUT_S = 60


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args], capture_output=True, text=True, timeout=TIMEOUT_S, env=env, check=False
    )


def test_demo_runs_the_main_job_end_to_end() -> None:
    """README's first command: the main job on the embedded default (private pcscd, emulated 64 KB cards,
    a temporary SQLite store, the console SMS gateway), one line per step, exit 0."""
    result = _run("demo")
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    steps = [line.split(".", 1)[0] for line in out.splitlines() if line[:1].isdigit()]
    assert steps == ["1", "2", "3", "4", "4", "5", "6", "7", "8"]
    assert "readers: Card Station Virtual 0 00 00, Card Station Virtual 0 00 01" in out
    assert "entered by clerk, verified by verifier" in out
    assert out.count("on a 64 KB card in Card Station Virtual") == 2
    assert "[DEVELOPMENT SMS, not sent] from DEVSMS to XXXXXX1234" in out
    assert "status of DL0101234567: SMS OTP sent" in out
    assert "2 cards handed over; Cards handed over, Active from" in out
    assert "counter at 12:30 IST: NOT YET ACTIVE: the card is active from" in out
    assert "counter at 13:05 IST: ACTIVE" in out and "token 1 (OPD) for Rajesh Kumar" in out


@pytest.fixture
def emulator() -> Iterator[dict[str, str]]:
    process = subprocess.Popen(
        [*CLI, "emulator", "--readers", "2", "--card", "64K", "--card", "32K,t0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    first = process.stdout.readline().strip()
    assert first.startswith("PCSCLITE_CSOCK_NAME="), process.stderr.read() if process.stderr else first
    env = dict(os.environ, PCSCLITE_CSOCK_NAME=first.split("=", 1)[1])
    try:
        yield env
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(TIMEOUT_S)


def test_emulator_is_reachable_from_another_process(emulator: dict[str, str]) -> None:
    env = emulator
    result = _run("readers", env=env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("0: Card Station Virtual 0 00 00: card present, ATR 3B")
    assert lines[1].startswith("1: Card Station Virtual 0 00 01: card present, ATR 3B")

    result = _run("apdu", "--reader", "1", "00A40000022F01", "00B0000004", "00A4000C024242", env=env)
    assert result.returncode == 1, "the last SELECT fails, so the exit code reports it"
    out = result.stdout
    assert out.count("9000 (normal processing)") == 2
    assert "6A82 (file or application not found)" in out


def test_emulator_saves_cards_in_the_state_directory(tmp_path: Path) -> None:
    state = tmp_path / "cards"
    process = subprocess.Popen(
        [*CLI, "emulator", "--readers", "1", "--card", "64K", "--state", str(state)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().startswith("PCSCLITE_CSOCK_NAME=")
    process.send_signal(signal.SIGTERM)
    assert process.wait(TIMEOUT_S) == 0
    assert (state / "reader0.card").is_file()


def test_apdu_refuses_malformed_hex_before_touching_a_reader() -> None:
    result = _run("apdu", "00A4")
    assert result.returncode == 2
    assert "00A4" in result.stderr and "4 header bytes" in result.stderr


def test_no_pcscd_says_how_to_start_one(tmp_path: Path) -> None:
    env = dict(os.environ, PCSCLITE_CSOCK_NAME=str(tmp_path / "nothing.comm"))
    result = _run("readers", env=env)
    assert result.returncode == 2
    assert "card-station readers:" in result.stderr
    assert "pcscd" in result.stderr and "card-station emulator" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("0", "Acme A 00 00"),
        ("1", "Acme B 00 00"),
        ("Acme B 00 00", "Acme B 00 00"),
        ("b 00", "Acme B 00 00"),
    ],
)
def test_a_reader_is_named_by_index_name_or_unique_part(spec: str, expected: str) -> None:
    assert resolve_reader(spec, ["Acme A 00 00", "Acme B 00 00"]) == expected


@pytest.mark.parametrize(
    ("spec", "message"), [("5", "there is no reader 5"), ("Zeta", "no reader matches"), ("Acme", "several")]
)
def test_an_unclear_reader_name_lists_the_readers(spec: str, message: str) -> None:
    with pytest.raises(NoReader, match=message) as caught:
        resolve_reader(spec, ["Acme A 00 00", "Acme B 00 00"])
    assert "Acme" in str(caught.value)
