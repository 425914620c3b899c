"""Operator login: each role gets exactly the screens registered for it (issue 7 "Everyone"), and a
refused login says why and opens nothing."""

from __future__ import annotations

import pytest
from gui_helpers import USERS, log_in
from pytestqt.qtbot import QtBot

from card_station.store.roles import Role
from gui.app import CardStationApp
from gui.shell.catalogue import all_screens, screen_packages


def test_the_catalogue_finds_every_screen_package() -> None:
    assert {"gui.counter", "gui.technician"} <= set(screen_packages())
    keys = [spec.key for spec in all_screens()]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("username", sorted(USERS))
def test_login_shows_only_the_screens_of_the_role(
    qtbot: QtBot, gui_shell: CardStationApp, username: str
) -> None:
    role = USERS[username]
    main = log_in(qtbot, gui_shell, username)
    expected = {spec.key for spec in all_screens() if role in spec.roles}
    assert set(main.screens) == expected
    assert main.navigation.count() == len(expected)
    assert ("counter.read" in main.screens) is (role is Role.COUNTER)
    assert ("technician.selftest" in main.screens) is (role is Role.TECHNICIAN)
    assert not gui_shell.login.isVisible()
    assert main.status.operator.text() == f"Operator: {username.title()} ({role.value})"
    if not expected:
        assert main.stack.currentWidget() is main.empty
        assert "no screen for your role" in main.empty.text()


def test_the_counter_operator_starts_on_the_counter(qtbot: QtBot, gui_shell: CardStationApp) -> None:
    main = log_in(qtbot, gui_shell, "counter")
    assert main.current_key() == "counter.read"


def test_a_wrong_password_is_refused_with_the_reason(qtbot: QtBot, gui_shell: CardStationApp) -> None:
    login = gui_shell.login
    qtbot.keyClicks(login.username, "counter")
    qtbot.keyClicks(login.password, "not the password")
    qtbot.keyClick(login.password, "\r")
    assert gui_shell.main is None
    assert login.refusal.text() == "Unknown username or wrong password."
    assert login.password.text() == ""


def test_logging_out_returns_to_the_login_window(qtbot: QtBot, gui_shell: CardStationApp) -> None:
    main = log_in(qtbot, gui_shell, "technician")
    main.logout_action.trigger()
    assert gui_shell.main is None
    assert gui_shell.login.isVisible()
    again = log_in(qtbot, gui_shell, "counter")
    assert set(again.screens) >= {"counter.read"}
