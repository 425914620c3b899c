"""A Qt application and the fonts for rendering without the GUI package (issue 8: the CLI and the batch run
render card faces headless).

Why offscreen by default: a station's command line may run without a display (a print server, a test
machine); Qt aborts without a platform, so when neither ``QT_QPA_PLATFORM`` nor ``DISPLAY`` is set the
``offscreen`` platform is chosen (/work/shared/notes/qt.md). The Devanagari font is loaded from
fonts-lohit-deva (or Noto) so Hindi labels never print as boxes. Why a QApplication (widgets) and not a
bare QGuiApplication: a process holds one Qt application for its life, and the desktop app, which renders
faces too, needs widgets; a QGuiApplication made first by a render would make every later widget abort.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

DEVANAGARI_FONTS = (
    Path("/usr/share/fonts/truetype/lohit-devanagari/Lohit-Devanagari.ttf"),
    Path("/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf"),
)
LATIN_FAMILY = "DejaVu Sans"
DEVANAGARI_BLOCK = range(0x0900, 0x0980)


class NoDevanagariFont(RuntimeError):
    """No installed font has Devanagari: Hindi labels would print as boxes."""


@dataclass(frozen=True)
class FaceFonts:
    """The two families a face is set in. Text with Devanagari is set in the Devanagari family first (it
    has Latin too), so Qt never asks the Latin font to shape Hindi."""

    latin: str
    devanagari: str

    def for_text(self, text: str) -> tuple[str, ...]:
        if any(ord(ch) in DEVANAGARI_BLOCK for ch in text):
            return (self.devanagari, self.latin)
        return (self.latin, self.devanagari)


def ensure_gui_application() -> QGuiApplication:
    """The process's Qt application, created (offscreen when there is no display) if there is none."""
    existing = QGuiApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QApplication([])


def face_fonts() -> FaceFonts:
    """The face's fonts, loading a Devanagari font file if fontconfig does not already offer one."""
    ensure_gui_application()
    devanagari = list(QFontDatabase.families(QFontDatabase.WritingSystem.Devanagari))
    if not devanagari:
        for path in DEVANAGARI_FONTS:
            if path.is_file() and QFontDatabase.addApplicationFont(str(path)) >= 0:
                devanagari = list(QFontDatabase.families(QFontDatabase.WritingSystem.Devanagari))
                break
    if not devanagari:
        raise NoDevanagariFont(
            "no Devanagari font is installed, so Hindi labels cannot be printed: install fonts-lohit-deva"
        )
    preferred = [f for f in devanagari if "Lohit" in f] or devanagari
    return FaceFonts(LATIN_FAMILY, preferred[0])
