"""``card-station sects personalise-chip`` and ``read-chip`` as the state cell runs them: separate
processes on the session's real PC/SC stack (pyscard -> private pcscd -> vpcd -> emulated card; they
inherit its socket), the test's station database, data key and key store. A verified registration goes on
a blank chip alone, or beside ECHS on an ECHS card; the wrong card or the wrong operator is refused with
nothing written; every write and read is audited (issue 9 "The health card")."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sects_flow import verified_user
from sects_reg_helpers import SectsStation
from sects_samples import NOW
from sqlalchemy import select
from station_fixtures import cli_env

from apdu.emulator.stack import EmulatorStack
from apdu.iso7816 import Iso7816
from apdu.transport.pcsc import PcscTransport
from card_station.applications import sample
from card_station.audit import AuditAction
from card_station.card.compose import Issuer, card_content
from card_station.card.personalise import personalise
from card_station.card.profile import CardProfile
from card_station.card.session import DEVELOPMENT_TRANSPORT_KEY
from card_station.keys import FileKeyStore
from card_station.sects.card.layout import beside_bytes
from card_station.sects.verify import SectsVerdict, verify_card
from card_station.store.models import AuditRow

pytestmark = pytest.mark.pcsc
CLI = [sys.executable, "-m", "card_station.cli", "sects"]
TIMEOUT_S = 120
READER_64K = 0
KEYS_PASSPHRASE = "sects-test-passphrase"


def _env(sects: SectsStation, keys: FileKeyStore, tmp_path: Path) -> dict[str, str]:
    return cli_env(tmp_path, sects.store.path, keys.directory, KEYS_PASSPHRASE)


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args], capture_output=True, text=True, timeout=TIMEOUT_S, env=env, check=False
    )


def _audit(sects: SectsStation, action: AuditAction) -> list[AuditRow]:
    with sects.store.read() as s:
        return list(s.scalars(select(AuditRow).where(AuditRow.action == action.value).order_by(AuditRow.seq)))


def _check(transport: PcscTransport, keys: FileKeyStore) -> SectsVerdict:
    transport.connect()
    try:
        return verify_card(Iso7816(transport), keys.root_certificate(), datetime.now(UTC)).verdict
    finally:
        transport.disconnect()


def test_a_health_card_on_a_blank_chip_then_read_back(
    sects: SectsStation,
    keys: FileKeyStore,
    pcsc_transport: PcscTransport,
    pcsc_stack: EmulatorStack,
    tmp_path: Path,
) -> None:
    user = verified_user(sects)
    pcsc_transport.disconnect()
    env = _env(sects, keys, tmp_path)
    reader = pcsc_stack.reader_names[READER_64K]

    refused = _run(env, "personalise-chip", "--reader", reader, user, "-u", "coordinator")
    assert refused.returncode == 2
    assert (
        "may not print SECTS health cards at state level; that needs the role: state_cell" in refused.stderr
    )
    beside = _run(env, "personalise-chip", "--reader", reader, user, "-u", "statecell", "--beside-echs")
    assert beside.returncode == 2
    assert "this card holds no ECHS application" in beside.stderr
    assert _check(pcsc_transport, keys) is SectsVerdict.BLANK
    failed = _audit(sects, AuditAction.CARD_WRITE)
    assert [(row.operator, row.subject) for row in failed] == [("statecell", reader)]
    assert "holds no ECHS application" in json.loads(failed[0].details)["failed"]

    done = _run(env, "personalise-chip", "--reader", reader, user, "-u", "statecell")
    assert done.returncode == 0, done.stderr
    assert f"card {user}-01, 3 persons" in done.stdout and "verified genuine" in done.stdout
    written = _audit(sects, AuditAction.CARD_WRITE)[-1]
    details = json.loads(written.details)
    assert (written.operator, details["user_id"], details["start"]) == ("statecell", user, "BLANK")
    assert done.stdout.split("on chip ")[1].startswith(written.subject)

    read = _run(env, "read-chip", "--reader", reader, "-u", "statecell", "--json")
    assert read.returncode == 0, read.stderr
    shown = json.loads(read.stdout)
    assert (shown["verdict"], shown["genuine"], shown["card_number"]) == ("VALID", True, f"{user}-01")
    assert [p["name"] for p in shown["persons"]] == ["रमेश चन्द्र वर्मा", "सुनीता वर्मा", "अमित वर्मा"]
    assert shown["persons"][0]["aadhaar"].startswith("XXXX XXXX ")
    reads = _audit(sects, AuditAction.SECTS_CHIP_READ)
    assert [(row.subject, json.loads(row.details)["verdict"]) for row in reads] == [(f"{user}-01", "VALID")]

    again = _run(env, "personalise-chip", "--reader", reader, user, "-u", "statecell")
    assert again.returncode == 0, again.stderr
    assert "already held this health card: nothing was written" in again.stdout
    denied = _run(env, "read-chip", "--reader", reader, "-u", "clerk")
    assert denied.returncode == 2 and "may not print SECTS health cards" in denied.stderr
    assert len(_audit(sects, AuditAction.SECTS_CHIP_READ)) == 1


def test_sects_beside_echs_on_an_echs_card(
    *,
    sects: SectsStation,
    keys: FileKeyStore,
    echs_issuer: Issuer,
    pcsc_transport: PcscTransport,
    pcsc_stack: EmulatorStack,
    tmp_path: Path,
) -> None:
    user = verified_user(sects)
    application = sample("family-six-dependants")
    personalise(
        Iso7816(pcsc_transport),
        lambda serial: card_content(application, serial, CardProfile.K32, echs_issuer, NOW),
        keys,
        DEVELOPMENT_TRANSPORT_KEY,
        NOW,
        reserved_bytes=beside_bytes(CardProfile.K64),
    )
    pcsc_transport.disconnect()
    env = _env(sects, keys, tmp_path)
    reader = pcsc_stack.reader_names[READER_64K]

    alone = _run(env, "personalise-chip", "--reader", reader, user, "-u", "statecell")
    assert alone.returncode == 2 and "this card holds the ECHS application" in alone.stderr
    assert _check(pcsc_transport, keys) is SectsVerdict.NOT_SECTS

    done = _run(env, "personalise-chip", "--reader", reader, user, "-u", "statecell", "--beside-echs")
    assert done.returncode == 0, done.stderr
    assert "SECTS application beside the ECHS application on chip" in done.stdout
    start = json.loads(_audit(sects, AuditAction.CARD_WRITE)[-1].details)["start"]
    assert start == "BESIDE"

    read = _run(env, "read-chip", "--reader", reader, "-u", "statecell")
    assert read.returncode == 0, read.stderr
    assert read.stdout.startswith(f"chip: valid ({user}-01)")
    assert f"M {user}-01: रमेश चन्द्र वर्मा" in read.stdout
