"""A large coloured banner, readable from a metre away: green for go, red for stop, grey for waiting."""

from __future__ import annotations

import html
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


class BannerTone(Enum):
    GO = "#1b7f3b"
    STOP = "#b00020"
    WAIT = "#5f6368"


class Banner(QLabel):
    """The first line large; further lines (the reason) smaller, so that a long reason still leaves the
    verdict readable at a glance. ``message`` is the plain text shown."""

    def __init__(self, point_size: int = 34) -> None:
        super().__init__()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setMinimumHeight(120)
        self.setTextFormat(Qt.TextFormat.RichText)
        self._point_size = point_size
        self.tone = BannerTone.WAIT
        self.message = ""
        self.show_text(BannerTone.WAIT, "")

    def show_text(self, tone: BannerTone, text: str) -> None:
        self.tone = tone
        self.message = text
        self.setStyleSheet(
            f"QLabel {{ background: {tone.value}; color: white; border-radius: 8px; padding: 16px; }}"
        )
        head, _, rest = text.partition("\n")
        detail_size = max(12, self._point_size * 5 // 9)
        body = f"<div style='font-size: {self._point_size}pt; font-weight: bold;'>{html.escape(head)}</div>"
        if rest:
            lines = "<br/>".join(html.escape(line) for line in rest.splitlines())
            body += f"<div style='font-size: {detail_size}pt; font-weight: bold;'>{lines}</div>"
        self.setText(body)
