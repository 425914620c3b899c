"""Printing a card's face, as the run sees it: one small protocol (the station's renderer is
``rendered_faces.RenderedFaces``).

Why the renderer is behind a protocol: the run only needs "print this personalised card and say where it
went"; the renderer (Qt, fonts, printers) is another module's business, a card printer with its own SDK
would be another implementation, and the run's modules stay free of Qt.
"""

from __future__ import annotations

from typing import Protocol

from card_station.card.personalise import Personalised


class FacePrintError(Exception):
    """The face could not be printed; the chip is issued and genuine, the face is printed again on
    request (``card-station batch --retry``)."""


class FacePrinter(Protocol):
    def print_face(self, done: Personalised) -> str:
        """Print the face(s) of the card just personalised; returns where they went (a file, a queue).
        Raises ``FacePrintError`` with the reason when they could not be printed."""
        ...
