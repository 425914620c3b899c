"""Helpers of the card face tests: read a rendered PDF the way a person or a scanner would, with
poppler-utils (pdfinfo, pdftotext, pdftoppm, pdffonts) and zbar (zbarimg)."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
SERIAL = bytes.fromhex("8027688311000042")
CR80_POINTS = (85.60 / 25.4 * 72, 53.98 / 25.4 * 72)
"""The CR80 card in PDF points, landscape: 242.65 × 153.01."""
FIXTURES = Path(__file__).resolve().parents[3] / "fixtures" / "applications"


def _run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def pdf_info(pdf: Path) -> dict[str, str]:
    lines = _run("pdfinfo", str(pdf)).splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


def page_size_points(pdf: Path) -> tuple[float, float]:
    found = re.match(r"([\d.]+) x ([\d.]+) pts", pdf_info(pdf)["Page size"])
    assert found is not None
    return float(found[1]), float(found[2])


def page_text(pdf: Path, page: int) -> str:
    """The text of one page (1-based), whitespace collapsed so wrapped text reads as one line."""
    text = _run("pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-")
    return " ".join(text.split())


def fonts(pdf: Path) -> str:
    return _run("pdffonts", str(pdf))


def page_png(pdf: Path, page: int, out: Path, dpi: int = 300) -> Path:
    prefix = out / f"page{page}"
    _run(
        "pdftoppm",
        "-r",
        str(dpi),
        "-f",
        str(page),
        "-l",
        str(page),
        "-singlefile",
        "-png",
        str(pdf),
        str(prefix),
    )
    return prefix.with_suffix(".png")


def decode_qr(png: Path) -> bytes:
    """The bytes of the one QR code in ``png``, as a scanner reads them (zbarimg, binary mode)."""
    done = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sbinary", "-Sqrcode.enable", str(png)],
        check=False,
        capture_output=True,
    )
    assert done.returncode == 0, f"zbarimg found no QR code in {png}: {done.stderr.decode(errors='replace')}"
    return done.stdout
