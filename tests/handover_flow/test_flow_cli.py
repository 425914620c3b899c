"""``card-station handover``, ``status`` and ``counter`` as an operator runs them: separate processes on the
session's real PC/SC stack (they inherit its socket), the test's store, keys and data key, and piped
standard input for the counter. The commands use the system clock, so the family is handed over two days
ago (in process, with the station clock) where the counter must see an active card."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from flow_station import Family, Station, ready_family
from sqlalchemy import select
from station_fixtures import cli_env

from apdu.emulator.stack import EmulatorStack
from apdu.transport.pcsc import PcscTransport
from card_station.applications import ApplicationFile
from card_station.store.centre import apply_hotlist
from card_station.store.models import CounterTokenRow

pytestmark = pytest.mark.pcsc
CLI = [sys.executable, "-m", "card_station.cli"]
TIMEOUT_S = 60
READER_64K, READER_T0 = 0, 2


@dataclass(frozen=True)
class ReadyTwoDaysAgo:
    """The family's cards personalised and recorded two days ago (station clock), the transports let go."""

    family: Family
    at: datetime


@pytest.fixture
def env(station: Station, tmp_path: Path) -> dict[str, str]:
    return cli_env(tmp_path, station.store.path, station.keys.directory, "flow-test-passphrase")


@pytest.fixture
def ready_two_days_ago(
    station: Station, family: ApplicationFile, pcsc_transport: PcscTransport, pcsc_transport_t0: PcscTransport
) -> ReadyTwoDaysAgo:
    two_days_ago = datetime.now(UTC) - timedelta(days=2)
    station.clock.set(two_days_ago)
    cards = (pcsc_transport, pcsc_transport_t0)
    readied = ready_family(station, family, *cards)
    for card in cards:
        card.disconnect()
    return ReadyTwoDaysAgo(readied, two_days_ago)


def _run(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args], input=stdin, capture_output=True, text=True, timeout=TIMEOUT_S, env=env, check=False
    )


def test_counter_command_prints_the_decision_and_issues_tokens_from_stdin(
    *,
    station: Station,
    ready_two_days_ago: ReadyTwoDaysAgo,
    env: dict[str, str],
    pcsc_transport: PcscTransport,
    pcsc_transport_t0: PcscTransport,
    pcsc_stack: EmulatorStack,
) -> None:
    readied = ready_two_days_ago.family
    pcsc_transport.connect()
    pcsc_transport_t0.connect()
    assert readied.service.send_otp(station.ops["clerk"], readied.key).sent
    run = readied.service.hand_over(
        station.ops["clerk"], readied.key, station.last_sms_otp(), [pcsc_transport, pcsc_transport_t0]
    )
    assert run.progress is not None and run.progress.complete
    pcsc_transport.disconnect()
    pcsc_transport_t0.disconnect()
    reader = pcsc_stack.reader_names[READER_64K]

    result = _run(
        env, "counter", "--reader", reader, "--operator", "counter", "--cards", "1", stdin="M\nd1 ipd\nX9\n\n"
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert f"card {readied.card_number} (chip {readied.serials[0]}): TOKEN ALLOWED" in out
    assert "  M Rajesh Kumar (Member): eligible; OPD allowed; IPD referral allowed" in out
    assert "TOKEN 1 (OPD) for Rajesh Kumar: OPD token" in out
    assert "TOKEN 2 (IPD) for Sunita Devi: IPD referral token" in out
    assert "NO TOKEN for X9: no person 'X9' on this card" in out
    with station.store.read() as session:
        tokens = session.scalars(select(CounterTokenRow).order_by(CounterTokenRow.id)).all()
    assert [(t.token_no, t.person_id, t.care) for t in tokens] == [
        (1, "M", "OPD"),
        (2, "D1", "IPD"),
        (None, "X9", "OPD"),
    ]
    assert tokens[0].at > ready_two_days_ago.at

    with station.store.transaction() as session:
        apply_hotlist(session, readied.serials[0], {"reason": "lost"}, seq=1, now=datetime.now(UTC))
    refused = _run(env, "counter", "--reader", reader, "--operator", "counter", "--cards", "1")
    assert refused.returncode == 0, refused.stderr
    assert "REFUSED: blocked" in refused.stdout and "the card is on the hotlist: lost" in refused.stdout
    assert "token for" not in refused.stdout

    denied = _run(env, "counter", "--reader", reader, "--operator", "clerk", "--cards", "1", stdin="M\n")
    assert denied.returncode == 2
    assert "may not issue a counter token" in denied.stderr
    wrong = _run(dict(env, CARD_STATION_PASSWORD="not the password"), "counter", "--operator", "counter")
    assert wrong.returncode == 2 and "unknown username or wrong password" in wrong.stderr


def test_handover_and_status_commands_from_send_to_handed_over(
    family: ApplicationFile,
    ready_two_days_ago: ReadyTwoDaysAgo,
    env: dict[str, str],
    pcsc_stack: EmulatorStack,
) -> None:
    service_no = family.application.member.service_number
    card_number, key = ready_two_days_ago.family.card_number, ready_two_days_ago.family.key

    sent = _run(env, "handover", "send", card_number, "--operator", "clerk")
    assert sent.returncode == 0, sent.stderr
    assert "[DEVELOPMENT SMS, not sent] from DEVSMS to XXXXXX1234" in sent.stdout
    assert "SMS OTP sent; valid until" in sent.stdout
    sms_otp = re.findall(r"OTP (\d{6})", sent.stdout)[-1]
    status = _run(env, "status", service_no)
    assert status.returncode == 0 and f"Rajesh Kumar ({card_number}): SMS OTP sent" in status.stdout

    wrong = f"{(int(sms_otp) + 1) % 1_000_000:06d}"
    refused = _run(env, "handover", "check", key, "--operator", "clerk", "--otp", wrong)
    assert refused.returncode == 1 and "OTP wrong: wrong OTP: 4 attempts left" in refused.stdout
    not_yours = _run(env, "handover", "reissue", key, "--operator", "clerk")
    assert not_yours.returncode == 2 and "may not verify or return an application" in not_yours.stderr

    requested = _run(env, "handover", "request", service_no, "--operator", "counter")
    assert requested.returncode == 0, requested.stderr
    shown = re.search(r"\(shown once, to counter only\): (\d{6})", requested.stdout)
    assert shown is not None
    readers = [pcsc_stack.reader_names[i] for i in (READER_64K, READER_T0)]
    handed = _run(
        env, "handover", "check", service_no, "--operator", "counter", "--otp", shown.group(1),
        "--reader", readers[0], "--reader", readers[1],
    )  # fmt: skip
    assert handed.returncode == 0, handed.stdout + handed.stderr
    assert "OTP accepted: OTP accepted" in handed.stdout
    assert handed.stdout.count(": written") == 2
    assert "cards handed over; Active from" in handed.stdout
    after = _run(env, "status", card_number)
    assert "Cards handed over" in after.stdout and "Active from" in after.stdout
    unknown = _run(env, "status", "NOSUCH1")
    assert unknown.returncode == 1 and "no card number or service number 'NOSUCH1'" in unknown.stderr
