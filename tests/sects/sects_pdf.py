"""Reading a printed SECTS card back as a counter's scanner would: a page of the PDF rasterised with poppler
(pdftoppm) and its QR code decoded with zbar (zbarimg), binary mode. Shared by the face tests and the
command-line flow."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

HAVE_SCANNER = bool(shutil.which("pdftoppm") and shutil.which("zbarimg"))


def decode_qr_from_pdf(pdf: Path, page: int, folder: Path) -> bytes:
    """Rasterise ``page`` with poppler and decode its QR code with zbar (binary mode)."""
    png = folder / f"page{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "300",
            "-f",
            str(page),
            "-l",
            str(page),
            "-png",
            "-singlefile",
            str(pdf),
            str(png),
        ],
        check=True,
    )
    out = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sbinary", "-Sqrcode.enable", f"{png}.png"],
        check=True,
        capture_output=True,
    )
    return out.stdout
