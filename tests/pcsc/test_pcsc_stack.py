"""The private pcscd and the emulator stack: ports, driver copies, isolation, state_dir, errors.

These start their own private pcscd next to the session's; they never talk PC/SC to it (this process's
libpcsclite is pinned to the session stack's socket), only check what it set up.
"""

from __future__ import annotations

import random
import socket
from pathlib import Path

import pytest

from apdu.emulator import CardSize, EmulatedCard
from apdu.emulator import stack as stack_module
from apdu.emulator.stack import (
    EmulatorStack,
    Isolation,
    PrivatePcscd,
    StackError,
    free_port_block,
    reader_name,
    socket_path_for,
)

pytestmark = pytest.mark.pcsc
SELECT_MF = bytes.fromhex("00A40000023F00")


def _listening_ports() -> set[int]:
    return {port for port, state, _ in stack_module._tcp_sockets() if state == "0A"}


def test_a_free_block_avoids_every_port_in_use() -> None:
    used = {port for port, _, _ in stack_module._tcp_sockets()}
    for seed in range(20):
        base = free_port_block(6, random.Random(seed))
        assert used.isdisjoint(range(base, base + 6))


def test_pcscd_runs_isolated_with_one_driver_copy_per_vpcd_entry(tmp_path: Path) -> None:
    with PrivatePcscd(3, workdir=tmp_path / "w", isolation=Isolation.NAMESPACE) as pcscd:
        assert pcscd.socket_path == socket_path_for(tmp_path / "w")
        assert pcscd.socket_path.is_socket()
        assert pcscd.environ() == {"PCSCLITE_CSOCK_NAME": str(pcscd.socket_path)}
        assert pcscd.reader_names == [reader_name(i) for i in range(3)]
        assert set(pcscd.ports) <= _listening_ports()
        copies = sorted((tmp_path / "w" / "drivers").iterdir())
        assert len(copies) == 2, "three readers are the two slots of one vpcd entry and one of a second"
        assert len({copy.stat().st_ino for copy in copies}) == 2
        assert (tmp_path / "w" / "run" / "pcscd" / "pcscd.pid").exists()
        ports = pcscd.ports
    assert not pcscd.running
    assert sorted(path.name for path in (tmp_path / "w").iterdir()) == []
    assert _listening_ports().isdisjoint(ports)


def test_two_stacks_side_by_side_get_their_own_ports_and_sockets() -> None:
    with PrivatePcscd(1) as first, PrivatePcscd(1) as second:
        assert first.socket_path != second.socket_path
        assert set(first.ports).isdisjoint(second.ports)
        workdir = first.workdir
    assert not workdir.exists()


def test_reader_count_is_checked() -> None:
    with pytest.raises(StackError, match="1 to 16 virtual readers, not 17"):
        PrivatePcscd(17)
    with pytest.raises(StackError, match="not 0"):
        PrivatePcscd(0)


def test_a_missing_vpcd_driver_names_the_packages(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(stack_module, "_DRIVER_GLOBS", (str(tmp_path / "none" / "libifdvpcd.so"),))
    with pytest.raises(StackError, match="apt-get install pcscd vsmartcard-vpcd"):
        PrivatePcscd(1, workdir=tmp_path / "w").start()


def test_a_too_long_socket_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StackError, match="too long for AF_UNIX"):
        PrivatePcscd(1, workdir=tmp_path / ("x" * 120))


def test_more_cards_than_readers_is_refused() -> None:
    card = EmulatedCard(CardSize.K32, extended_length=True, t0=False)
    with pytest.raises(StackError, match="2 cards for 1 readers"):
        EmulatorStack(1, [card, card])


def test_state_dir_keeps_cards_across_restarts(tmp_path: Path) -> None:
    state = tmp_path / "state"
    card = EmulatedCard(CardSize.K32, extended_length=True, t0=False)
    with EmulatorStack(2, [card], state_dir=state) as stack:
        assert stack.card(0) is card
        assert stack.bridge(0).inserted
        assert not stack.bridge(1).inserted
        with pytest.raises(StackError, match=r"reader 1 \(.*\) has no card to insert"):
            stack.insert(1)
    assert sorted(path.name for path in state.iterdir()) == ["reader0.card"]
    with EmulatorStack(2, [], state_dir=state) as again:
        restored = again.card(0)
        assert restored is not None
        assert restored.snapshot() == card.snapshot()
        assert again.card(1) is None


def test_reader_index_is_checked() -> None:
    stack = EmulatorStack(1)
    with pytest.raises(StackError, match=r"reader index 1 outside 0\.\.0"):
        stack.card(1)
    with pytest.raises(StackError, match="not running"):
        stack.bridge(0)


def test_a_port_held_by_another_process_is_reported(tmp_path: Path) -> None:
    base = free_port_block(2)
    with socket.create_server(("127.0.0.1", base + 1)):
        pcscd = PrivatePcscd(1, base_port=base, workdir=tmp_path / "w")
        with pytest.raises(StackError, match=rf"vpcd ports \[{base + 1}\] are held by another process"):
            pcscd.start()
    assert not pcscd.running
