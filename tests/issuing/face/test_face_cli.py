"""``card-station face``: an application file to a PDF of its card faces (and the FMA marking), the
alignment test page, and clear one-line refusals for what is missing or wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from face_helpers import FIXTURES, decode_qr, page_png, page_text, pdf_info

from card_station.cli import main
from card_station.issuing.face import verify_face_qr
from card_station.keys import FileKeyStore
from card_station.services.clock import system_clock


@pytest.fixture
def keys_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh key store location; the working directory is ``tmp_path`` so relative paths land there."""
    folder = tmp_path / "keys"
    monkeypatch.setenv("CARD_STATION_KEYS", str(folder))
    monkeypatch.chdir(tmp_path)
    return folder


def test_the_faces_of_an_application_go_to_a_pdf(
    keys_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "widow.pdf"
    argv = ["face", "--application", str(FIXTURES / "war-widow.json"), "--card-number", "JM0505670000"]
    assert main([*argv, "--fma-from", "2019-07-01", "--pdf", str(pdf)]) == 0
    assert "wrote 3 cards of JM0505670000" in capsys.readouterr().out
    assert pdf_info(pdf)["Pages"] == "6"
    front = page_text(pdf, 1)
    assert "Parveen Kaur" in front and "JM0505670000" in front and "No OPD – 01 JUL 2019" in front
    keys = FileKeyStore.open(keys_dir, "card-station-development")
    verified = verify_face_qr(decode_qr(page_png(pdf, 2, tmp_path)), keys.root_certificate(), system_clock())
    assert verified.claim.card_number == "JM0505670000"
    assert verified.claim.serial == b""  # printed before a chip was chosen


def test_the_test_page_goes_to_a_pdf(keys_dir: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "align.pdf"
    assert main(["face", "--test-page", "--pdf", str(pdf)]) == 0
    assert pdf_info(pdf)["Pages"] == "1"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["face", "--application", "x.json"], "say where to: --pdf OUT.pdf and/or --printer NAME"),
        (["face", "--pdf", "x.pdf"], "give --application FILE.json"),
        (["face", "--pdf", "x.pdf", "--printer", "nowhere", "--test-page"], "no printer named 'nowhere'"),
        (["face", "--application", "/nonexistent.json", "--pdf", "x.pdf"], "/nonexistent.json"),
    ],
)
def test_what_is_missing_or_wrong_is_one_clear_line(
    argv: list[str], message: str, keys_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    assert not Path("x.pdf").exists(), "nothing is written when the command is refused"
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
