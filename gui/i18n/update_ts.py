"""``python -m gui.i18n.update_ts``: bring ``hi.ts`` up to date with the code.

Collects every literal passed to ``tr(...)`` or ``mark(...)`` under ``gui/`` and the labels of the
station's closed sets that screens show (roles, relations, self-test checks and results), keeps every
translation already made, adds new texts as ``unfinished`` (shown in English until translated), and
marks texts no longer used as ``obsolete``. Why not ``pyside6-lupdate``: it finds ``self.tr`` and
``QCoreApplication.translate`` but not our ``tr`` helper with its fixed context.
"""

from __future__ import annotations

import ast
from pathlib import Path
from xml.etree import ElementTree

from card_station.card.decision import OPD_NOT_ALLOWED
from card_station.domain.records import Relation
from card_station.selftest import CHECKS, CheckStatus
from card_station.store.roles import Role
from gui.i18n import CONTEXT

GUI_DIR = Path(__file__).resolve().parents[1]
TS_PATH = Path(__file__).resolve().parent / "hi.ts"
MARKERS = {
    "tr": 0,
    "mark": 0,
    "bilingual": 0,
    "button": 0,
    "title_label": 0,
    "texted": 1,
    "line": 1,
    "labelled": 1,
}
"""The helpers that take a translatable English literal, and which positional argument it is (``gui.i18n``
and ``gui.sects.common``)."""


def labels() -> list[str]:
    """Texts the screens show from enums and tables outside ``gui`` (translated by ``tr(value)``)."""
    texts = [role.value for role in Role]
    texts += [relation.value for relation in Relation]
    texts += ["Member", OPD_NOT_ALLOWED]
    texts += [title for _key, title in CHECKS]
    texts += [status.value.upper() for status in CheckStatus]
    return texts


def texts_in(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else ""
        index = MARKERS.get(name)
        if index is None or len(node.args) <= index:
            continue
        text = node.args[index]
        if isinstance(text, ast.Constant) and isinstance(text.value, str):
            found.append(text.value)
    return found


def source_texts(gui_dir: Path = GUI_DIR) -> list[str]:
    """Every translatable text, in first-seen order, without repeats."""
    seen: dict[str, None] = {}
    for path in sorted(gui_dir.rglob("*.py")):
        for text in texts_in(path):
            seen.setdefault(text, None)
    for text in labels():
        seen.setdefault(text, None)
    return list(seen)


def _existing(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    root = ElementTree.parse(path).getroot()  # noqa: S314 - our own committed file
    return {
        message.findtext("source") or "": message.findtext("translation") or ""
        for message in root.iter("message")
        if (
            message.find("translation") is not None
            and message.find("translation").get("type") != "unfinished"
        )
    }


def update(path: Path = TS_PATH) -> tuple[int, int]:
    """Rewrite ``path``; returns (texts, untranslated)."""
    done = _existing(path)
    texts = source_texts()
    root = ElementTree.Element("TS", version="2.1", language="hi_IN", sourcelanguage="en")
    context = ElementTree.SubElement(root, "context")
    ElementTree.SubElement(context, "name").text = CONTEXT
    untranslated = 0
    for text in [*texts, *sorted(set(done) - set(texts))]:
        message = ElementTree.SubElement(context, "message")
        ElementTree.SubElement(message, "source").text = text
        translation = ElementTree.SubElement(message, "translation")
        if text not in texts:
            translation.set("type", "obsolete")
            translation.text = done[text]
        elif text in done:
            translation.text = done[text]
        else:
            translation.set("type", "unfinished")
            untranslated += 1
    ElementTree.indent(root)
    body = ElementTree.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return len(texts), untranslated


if __name__ == "__main__":
    total, missing = update()
    print(f"{TS_PATH}: {total} texts, {missing} not yet translated")
