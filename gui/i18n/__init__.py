"""English and Hindi for the desktop app (docs/gui.md "Translations").

The English text is the key. Hindi lives in ``hi.ts``, Qt Linguist's XML (edit it with
``pyside6-linguist``; ``python -m gui.i18n.update_ts`` adds new strings from the code as unfinished).
``TsTranslator`` reads the ``.ts`` directly instead of a compiled ``.qm``: one committed source, no
build step that a station install could skip, and the same ``QTranslator`` machinery
(``installTranslator`` sends every widget a LanguageChange event, so the switch is live).
"""

from __future__ import annotations

from enum import Enum
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

from PySide6.QtCore import QCoreApplication, QEvent, QTranslator
from PySide6.QtGui import QFontDatabase

CONTEXT = "gui"
_NOT_IN_USE = frozenset({"unfinished", "obsolete", "vanished"})
_HERE = Path(__file__).resolve().parent


class Language(Enum):
    ENGLISH = "en"
    HINDI = "hi"

    @property
    def native_name(self) -> str:
        return {Language.ENGLISH: "English", Language.HINDI: "हिन्दी"}[self]


def tr(text: str, context: str = CONTEXT) -> str:
    """``text`` in the current language (English when there is no translation)."""
    return QCoreApplication.translate(context, text)


def mark(text: str) -> str:
    """Marks ``text`` for translation where it is defined (a table of labels) and returns it unchanged;
    ``tr`` translates it where it is shown. ``gui.i18n.update_ts`` collects both."""
    return text


@cache
def _hindi_table() -> dict[tuple[str, str], str]:
    return load_ts(_HERE / f"{Language.HINDI.value}.ts")


def in_hindi(text: str, context: str = CONTEXT) -> str:
    """``text`` in Hindi whatever the current language (English when there is no translation): for
    documents printed in both languages, Hindi first (the SECTS forms, seed 001)."""
    return _hindi_table().get((context, text), text)


def missing_devanagari_font() -> str | None:
    """Why Hindi would show as boxes (no installed font covers Devanagari), or None when one does."""
    if QFontDatabase.families(QFontDatabase.WritingSystem.Devanagari):
        return None
    return (
        "no font with Devanagari is installed, so Hindi shows as boxes: install fonts-lohit-deva "
        "(apt-get install fonts-lohit-deva; bootstrap.sh does)"
    )


def load_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation for every finished message of a Qt Linguist ``.ts`` file."""
    try:
        root = ElementTree.parse(path).getroot()  # noqa: S314 - our own committed file
    except (OSError, ElementTree.ParseError) as exc:
        raise ValueError(f"cannot read the translation file {path}: {exc}") from exc
    table: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or translation.get("type") in _NOT_IN_USE:
                continue
            if translation.text:
                table[(name, source)] = translation.text
    return table


class TsTranslator(QTranslator):
    """A ``QTranslator`` answering from a ``.ts`` table."""

    def __init__(self, table: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self._table = table

    def isEmpty(self) -> bool:
        return not self._table

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        """None (a null QString) makes Qt fall back to the English source; "" would blank the label."""
        return self._table.get((context, source))


class Translations:
    """Installs the chosen language's translator in the application; switchable at runtime. The
    LanguageChange event Qt posts is delivered at once, so every window shows the new language when
    ``switch`` returns."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._current = Language.ENGLISH
        self._translator: TsTranslator | None = None

    @property
    def language(self) -> Language:
        return self._current

    def switch(self, language: Language) -> None:
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator = None
        if language is not Language.ENGLISH:
            self._translator = TsTranslator(load_ts(_HERE / f"{language.value}.ts"))
            self._app.installTranslator(self._translator)
        self._current = language
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
