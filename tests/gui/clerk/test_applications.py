"""Enter an application on the form, see each dependant's decision as it is typed, submit it, and verify it
as a second operator (maker-checker, seed 002 §4)."""

from __future__ import annotations

from collections.abc import Callable

from clerk_helpers import decision, shown, type_dependant, type_member
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from card_station.store.lifecycle import ApplicationState
from gui.clerk.applications import ApplicationsScreen
from gui.shell.context import AppContext

SON = ("Arjun Singh", "Son", "2001-06-01", "M", "yes", "unmarried")


def test_decisions_show_as_typed_and_money_and_lookups_fill_in(
    qtbot: QtBot, context_for: Callable[[str], AppContext]
) -> None:
    screen = ApplicationsScreen(context_for("clerk"))
    shown(qtbot, screen)
    form = screen.form
    type_member(qtbot, form)
    assert form.regional_centre.text() == "Delhi"
    assert form.ward.text() == "semi-private"
    assert form.contribution.text().startswith("Rs ")
    assert form.fees.text().startswith("Rs ")
    row = type_dependant(qtbot, form, ("Arjun Singh", "Son", "2001-06-01", "M", "yes"))
    text, rule = decision(form, row)
    assert text.startswith("eligible (until 2026-06-01)") is False
    assert "NOT eligible" in text and "§1(d)(ii)" in rule
    form.dependants.item(row, 2).setText("2003-06-01")
    text, rule = decision(form, row)
    assert text.startswith("eligible (until 2028-06-01)") and "§1(d)(ii)" in rule
    form.dependants.item(row, 2).setText("2003-13-01")
    assert "type a date as YYYY-MM-DD" in decision(form, row)[0]


def test_enter_submit_and_verify_by_a_second_operator(
    qtbot: QtBot, context_for: Callable[[str], AppContext]
) -> None:
    clerk = ApplicationsScreen(context_for("clerk"))
    shown(qtbot, clerk)
    type_member(qtbot, clerk.form)
    type_dependant(
        qtbot, clerk.form, ("Sita Devi", "Spouse", "1970-05-01", "F", "yes", "married", "1990-02-01")
    )
    qtbot.keyClick(clerk, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert clerk.outcome.ok, clerk.outcome.text()
    assert clerk.selected().state is ApplicationState.DRAFT  # type: ignore[union-attr]
    assert clerk.selected().mobile == "XXXXXX1234"  # type: ignore[union-attr]
    qtbot.keyClick(clerk, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert clerk.selected().state is ApplicationState.SUBMITTED  # type: ignore[union-attr]

    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(clerk, Qt.Key.Key_V, modifiers)
    assert clerk.outcome.ok is False
    assert "verify" in clerk.outcome.text().lower()

    checker = ApplicationsScreen(context_for("verifier"))
    shown(qtbot, checker)
    qtbot.keyClicks(checker.search, "ram s")
    assert [line.name for line in checker._lines] == ["Ram Singh"]
    qtbot.keyClick(checker, Qt.Key.Key_V, modifiers)
    assert checker.outcome.ok, checker.outcome.text()
    assert checker.selected().state is ApplicationState.VERIFIED  # type: ignore[union-attr]


def test_a_bad_field_is_named_and_nothing_is_saved(
    qtbot: QtBot, context_for: Callable[[str], AppContext]
) -> None:
    screen = ApplicationsScreen(context_for("clerk"))
    shown(qtbot, screen)
    type_member(qtbot, screen.form, pension_rs="twenty")
    qtbot.keyClick(screen, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert screen.outcome.ok is False
    assert "Basic + dearness pension: type a whole number" in screen.outcome.text()
    assert screen._lines == []
