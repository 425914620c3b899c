"""The station's face renderer behind the run's ``FacePrinter``: card_station.issuing.face, a PDF per card
into an output folder (the default), or an installed card printer (a CUPS queue).

Why one lock: a station has one card printer, and Qt's text rendering outside the GUI thread is only safe
one painter at a time. benchmarks/batch.py measures what that costs a run of four readers.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

from card_station.card.personalise import Personalised
from card_station.domain.reference.reference_data import ReferenceData
from card_station.issuing import face
from card_station.issuing.batch.faces import FacePrintError
from card_station.issuing.face.qt_app import ensure_gui_application
from card_station.keys import KeyStore


def _file_name(card_number: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", card_number).strip("-") or "card"


class RenderedFaces:
    """The station's face renderer: a PDF per card into ``folder`` (``<card number>.pdf``), or, with
    ``printer``, the installed printer of that name (a CUPS queue). Create it in the main thread: it
    starts Qt's application object, which the renderer needs and Qt allows only there."""

    def __init__(
        self, keys: KeyStore, reference: ReferenceData, folder: Path, printer: str | None = None
    ) -> None:
        ensure_gui_application()
        self._keys = keys
        self._reference = reference
        self._folder = Path(folder)
        self._printer = printer
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"RenderedFaces(folder={self._folder}, printer={self._printer!r})"

    def print_face(self, done: Personalised) -> str:
        content = done.content
        try:
            with self._lock:
                if self._printer is not None:
                    face.print_family(content, self._keys, self._reference, self._printer)
                    return f"printer {self._printer}"
                self._folder.mkdir(parents=True, exist_ok=True)
                path = self._folder / f"{_file_name(content.member.card_number)}.pdf"
                face.render_family_pdf(content, self._keys, self._reference, path)
                return str(path)
        except (face.FaceError, face.FaceOutputError, OSError) as exc:
            raise FacePrintError(f"the card face could not be printed: {exc}") from exc
