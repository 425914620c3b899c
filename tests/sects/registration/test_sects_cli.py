"""``card-station sects``: the whole flow from the command line, OTPs and the password read from the
console SMS gateway's output (standard output), as a demo station's operator reads them, ending with the
printed card: a PDF whose QR code, scanned back with poppler and zbar, the counter's offline check
accepts."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sects_pdf import HAVE_SCANNER, decode_qr_from_pdf
from sects_reg_helpers import EMPLOYEE_AADHAAR, SectsStation, aadhaar, photo
from sqlalchemy import func, select
from station_fixtures import PASSWORD

from card_station.cli import main
from card_station.keys import FileKeyStore
from card_station.sects.print_route import PrintRoute
from card_station.sects.records import Relation
from card_station.sects.verify import SectsVerdict, verify_qr
from card_station.store.models.sects import SectsCardPrintRow

KEYS_PASSPHRASE = "sects-test-passphrase"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["sects", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _otp(text: str) -> str:
    found = re.findall(r"OTP (\d{6})", text)
    assert found, text
    return found[-1]


def _scanned(pdf: Path, page: int, folder: Path, keys: FileKeyStore) -> tuple[bytes, SectsVerdict, str]:
    """The QR code on ``page`` of the printed card, and what a counter's offline check makes of it now."""
    payload = decode_qr_from_pdf(pdf, page, folder)
    check = verify_qr(payload, keys.root_certificate(), datetime.now(UTC))
    return payload, check.verdict, check.persons[0].name if check.persons else ""


@pytest.mark.skipif(not HAVE_SCANNER, reason="needs poppler (pdftoppm) and zbar (zbarimg)")
@pytest.mark.usefixtures("qapp")
def test_the_flow_from_the_command_line(
    sects: SectsStation,
    keys: FileKeyStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = str(sects.store.path)
    monkeypatch.setenv("CARD_STATION_DATA_KEY", str(tmp_path / "data.key"))
    monkeypatch.setenv("CARD_STATION_PASSWORD", PASSWORD)
    monkeypatch.setenv("CARD_STATION_KEY_PASSPHRASE", KEYS_PASSPHRASE)
    with_keys = ("--keys", str(keys.directory))
    as_coordinator = ("--db", db, "-u", "coordinator")
    printing_at_state_cell = ("--db", db, "-u", "statecell", *with_keys)
    code, out, err = _run(
        capsys,
        "register-officer",
        *as_coordinator,
        "--code",
        "ddo-6601-00023",
        "--name",
        "श्याम सुन्दर मिश्र",
        "--designation",
        "CMO",
        "--controlling-officer",
        "Director",
        "--cug",
        "9415012345",
    )
    assert (code, err) == (0, ""), err
    assert "DDO-6601-00023" in out and "XXXXXX2345" in out
    code, out, err = _run(
        capsys,
        "add-office",
        "DDO-6601-00023",
        *as_coordinator,
        "--office-name",
        "CMO Office",
        "--department",
        "Health",
        "--district",
        "लखनऊ",
        "--address",
        "Lucknow",
    )
    assert code == 0 and "OTP sent by SMS to XXXXXX2345" in out
    pdf = tmp_path / "ddo.pdf"
    code, out, err = _run(
        capsys, "officer-form", "DDO-6601-00023", *as_coordinator, "--otp", _otp(out), "--pdf", str(pdf)
    )
    assert code == 0 and pdf.read_bytes().startswith(b"%PDF"), err
    code, out, err = _run(capsys, "verify-officer", "DDO-6601-00023", "--db", db, "-u", "statecell")
    assert code == 0, err
    ddo_password = re.search(r"password (\S+)", out)
    assert ddo_password is not None

    photos = []
    for number in range(2):
        path = tmp_path / f"p{number}.jpg"
        path.write_bytes(photo(number * 50))
        photos.append(path)
    code, out, err = _run(
        capsys,
        "register",
        *as_coordinator,
        "--ddo",
        "DDO-6601-00023",
        "--designation",
        "Senior Assistant",
        "--department",
        "Health",
        "--district",
        "लखनऊ",
        "--mobile",
        "9839098765",
        "--member",
        f"रमेश|self|1972-03-14|M|{aadhaar(EMPLOYEE_AADHAAR[0])}|{photos[0]}",
        "--member",
        f"सुनीता|spouse|1976-08-02|F|{aadhaar(EMPLOYEE_AADHAAR[1])}|{photos[1]}",
    )
    assert code == 0, err
    assert aadhaar(EMPLOYEE_AADHAAR[0]) not in out
    registration = re.search(r"registration (\d+)", out)
    assert registration is not None
    number = registration.group(1)
    code, out, err = _run(capsys, "form", number, *as_coordinator, "--otp", "000000")
    assert code == 1 and "wrong OTP: 4 attempts left" in out
    code, out, err = _run(capsys, "form-otp", number, *as_coordinator)
    code, out, err = _run(capsys, "form", number, *as_coordinator, "--otp", _otp(out))
    assert code == 0, err

    monkeypatch.setenv("CARD_STATION_PASSWORD", ddo_password.group(1))
    code, out, err = _run(capsys, "verify", number, "--db", db, "-u", "DDO-6601-00023")
    assert code == 0, err
    user = re.search(r"User ID (UPE\d{8})", out)
    assert user is not None

    monkeypatch.setenv("CARD_STATION_PASSWORD", PASSWORD)
    state_pdf = tmp_path / "state-card.pdf"
    code, out, err = _run(
        capsys, "print-card", user.group(1), *printing_at_state_cell, "--pdf", str(state_pdf)
    )
    assert code == 0, err
    assert f"wrote 2 cards of {user.group(1)} (front and back) to {state_pdf}" in out
    payload, verdict, name = _scanned(state_pdf, 4, tmp_path, keys)
    assert (verdict, name) == (SectsVerdict.VALID, "सुनीता")
    assert f"{user.group(1)}-02".encode() in payload

    code, out, err = _run(capsys, "login-otp", user.group(1), "--db", db)
    assert code == 0, err
    card_pdf = tmp_path / "my-card.pdf"
    code, out, err = _run(
        capsys,
        "self-print",
        user.group(1),
        "--db",
        db,
        "--otp",
        _otp(out),
        *with_keys,
        "--pdf",
        str(card_pdf),
    )
    assert code == 0, err
    assert f"{user.group(1)}-01: रमेश" in out
    assert f"Aadhaar XXXX XXXX {aadhaar(EMPLOYEE_AADHAAR[0])[-4:]}" in out
    assert card_pdf.read_bytes().startswith(b"%PDF")
    payload, verdict, name = _scanned(card_pdf, 2, tmp_path, keys)
    assert (verdict, name) == (SectsVerdict.VALID, "रमेश")
    check = verify_qr(payload, keys.root_certificate(), datetime.now(UTC))
    assert check.card_number == f"{user.group(1)}-01" and check.persons[0].relation is Relation.SELF
    assert check.persons[0].aadhaar_masked == f"XXXX XXXX {aadhaar(EMPLOYEE_AADHAAR[0])[-4:]}"
    assert aadhaar(EMPLOYEE_AADHAAR[0]).encode() not in payload
    with sects.store.read() as session:
        routes = session.scalars(select(SectsCardPrintRow.route).order_by(SectsCardPrintRow.id)).all()
    assert routes == [PrintRoute.STATE, PrintRoute.SELF]

    code, out, err = _run(
        capsys, "print-card", user.group(1), *printing_at_state_cell, "--printer", "no-such"
    )
    assert code == 2 and "no printer named 'no-such' is installed" in err
    missing_folder = tmp_path / "no-folder" / "card.pdf"
    code, out, err = _run(
        capsys, "print-card", user.group(1), *printing_at_state_cell, "--pdf", str(missing_folder)
    )
    assert code == 2 and "the folder" in err and "does not exist" in err
    with sects.store.read() as session:
        assert session.scalar(select(func.count()).select_from(SectsCardPrintRow)) == 2


def test_errors_are_one_line_with_what_to_do(
    sects: SectsStation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CARD_STATION_DATA_KEY", str(tmp_path / "data.key"))
    monkeypatch.setenv("CARD_STATION_PASSWORD", PASSWORD)
    code, _, err = _run(
        capsys,
        "register-officer",
        "--db",
        str(sects.store.path),
        "-u",
        "clerk",
        "--code",
        "DDO-66-1",
        "--name",
        "x",
        "--designation",
        "y",
        "--controlling-officer",
        "z",
        "--cug",
        "9415012345",
    )
    assert code == 2
    assert err.startswith("card-station sects register-officer: DDO/TO code: 'DDO-66-1' is not a DDO/TO code")
    code, _out, err = _run(
        capsys, "verify-officer", "DDO-6601-00023", "--db", str(sects.store.path), "-u", "clerk"
    )
    assert code == 2 and "may not mark a DDO/TO registration verified" in err
