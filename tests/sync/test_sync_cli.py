"""The ``card-station central``, ``sync`` and ``fma-reconcile`` commands, end to end on loopback."""

from __future__ import annotations

import csv
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from card_station.central.credentials import Credential
from card_station.central.server import bind_loopback
from card_station.cli import main
from card_station.store.centre import is_hotlisted
from card_station.store.database import Store
from card_station.store.outbox import record_event
from tests.sync.conftest import Central, record_events

START_LIMIT_S = 60.0


def central_db(central: Central) -> str:
    return central.store.url


def test_station_add_prints_a_credential_once_and_refuses_a_second_add(tmp_path: Path, capsys) -> None:
    db = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    assert main(["central", "--db", db, "station", "add", "stn-agra", "--name", "Stn HQ Agra"]) == 0
    out, err = capsys.readouterr()
    assert Credential.parse(out).station_id == "stn-agra"
    assert "shown once" in err
    assert main(["central", "--db", db, "station", "add", "stn-agra", "--name", "again"]) == 2
    assert "registered already; use 'rotate'" in capsys.readouterr().err
    assert main(["central", "--db", db, "station", "rotate", "stn-agra"]) == 0
    assert Credential.parse(capsys.readouterr().out) != Credential.parse(out)
    assert main(["central", "--db", db, "station", "add", "Bad ID", "--name", "x"]) == 2
    assert "is not valid" in capsys.readouterr().err
    assert main(["central", "--db", db, "station", "list"]) == 0
    assert capsys.readouterr().out == "stn-agra\tStn HQ Agra\n"


def test_sync_sends_the_outbox_and_applies_a_published_hotlist_entry(
    central: Central, station_store: Store, tmp_path: Path, capsys
) -> None:
    record_events(station_store, 30, members=3)
    assert (
        main(
            [
                "central",
                "--db",
                central_db(central),
                "publish",
                "hotlist",
                "SN-9",
                "--data",
                '{"reason": "stolen"}',
            ]
        )
        == 0
    )
    credential_file = tmp_path / "credential"
    credential_file.write_text(central.credential.token + "\n")
    capsys.readouterr()
    args = [
        "sync",
        "--central",
        central.url,
        "--credential-file",
        str(credential_file),
        "--db",
        str(station_store.path),
    ]
    assert main(args) == 0
    assert capsys.readouterr().out.startswith("sent 30 events in 1 batches; applied 1 items from the centre")
    with station_store.transaction() as session:
        assert is_hotlisted(session, "SN-9")


@pytest.mark.parametrize(
    "case",
    [
        ([], None, "no central service: give --central URL"),
        (["--central", "http://127.0.0.1:9"], None, "cannot read the station credential"),
        (["--central", "http://127.0.0.1:9"], "not a credential", "has the form 'cs1:<station ID>:<secret>'"),
    ],
)
def test_sync_misconfiguration_is_one_clear_line(
    station_store: Store, tmp_path: Path, capsys, monkeypatch, case: tuple[list[str], str | None, str]
) -> None:
    extra, credential, words = case
    monkeypatch.delenv("CARD_STATION_CENTRAL_URL", raising=False)
    credential_file = tmp_path / "credential"
    if credential is not None:
        credential_file.write_text(credential)
    args = ["sync", *extra, "--credential-file", str(credential_file), "--db", str(station_store.path)]
    assert main(args) == 2
    assert words in capsys.readouterr().err


def test_fma_reconcile_writes_the_differences_and_exits_1(
    central: Central, station_store: Store, tmp_path: Path, capsys
) -> None:
    payload = {"member_key": "m-unendorsed", "applied_on": "2026-05-10", "commences_on": "2026-07-01"}
    with station_store.transaction() as session:
        record_event(
            session, kind="fma.granted", member_key="m-unendorsed", payload=payload, now=datetime.now(UTC)
        )
    data = '{"applied_on": "2026-05-10", "commences_on": "2026-07-01"}'
    main(["central", "--db", central_db(central), "publish", "fma", "m-other-station", "--data", data])
    credential_file = tmp_path / "credential"
    credential_file.write_text(central.credential.token)
    common = [
        "--central",
        central.url,
        "--credential-file",
        str(credential_file),
        "--db",
        str(station_store.path),
    ]
    assert main(["sync", *common]) == 0
    out = tmp_path / "fma.csv"
    capsys.readouterr()
    assert main(["fma-reconcile", *common, "--out", str(out)]) == 1
    summary = capsys.readouterr().out
    assert "station holds 0 grants, centre holds 1" in summary and "at centre, not in station: 1" in summary
    assert list(csv.reader(out.open())) == [
        ["member_key", "difference", "field", "station", "centre"],
        ["m-unendorsed", "at centre, not in station", "", "", ""],
    ]


def test_central_serve_answers_on_its_port_and_stops_on_sigterm(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    added = subprocess.run(
        [sys.executable, "-m", "card_station.cli", "central", "--db", db,
         "station", "add", "stn-x", "--name", "X"],
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    token = added.stdout.strip()
    with bind_loopback() as probe:
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "card_station.cli", "central", "--db", db, "serve", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        answer = None
        deadline = time.monotonic() + START_LIMIT_S
        while answer is None and server.poll() is None and time.monotonic() < deadline:
            try:
                answer = httpx.get(
                    f"http://127.0.0.1:{port}/v1/ping", headers={"Authorization": f"Bearer {token}"}
                )
            except httpx.TransportError:
                time.sleep(0.05)
        assert answer is not None and answer.json() == {"station": "stn-x"}
        assert httpx.get(f"http://127.0.0.1:{port}/v1/ping").status_code == 401
    finally:
        server.send_signal(signal.SIGTERM)
        out, _err = server.communicate(timeout=60)
    # uvicorn shuts down gracefully, then re-raises the signal (uvicorn >= 0.29); older ones exit 0.
    assert server.returncode in (0, -signal.SIGTERM)
    assert f"central service on http://127.0.0.1:{port}" in out
