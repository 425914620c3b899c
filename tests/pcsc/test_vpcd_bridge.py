"""The vpcd bridge against a stand-in vpcd server: framing, controls, tearing, hang-ups.

The server side here plays vpcd's part of the wire protocol (2-byte big-endian length framing; 1-byte
controls 00/01/02/04), so these tests need no pcscd; the full path is in test_transport.py.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from apdu.emulator import CardSize, EmulatedCard, PowerLost
from apdu.emulator.vpcd import BridgeError, VpcdBridge

SELECT_MF = bytes.fromhex("00A40000023F00")
SAFETY_TIMEOUT_S = 30.0


class FakeVpcd:
    """A listening socket that speaks vpcd's side of the protocol, one card connection at a time."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(SAFETY_TIMEOUT_S)
        self.port: int = self.server.getsockname()[1]

    def accept(self) -> socket.socket:
        connection, _ = self.server.accept()
        connection.settimeout(SAFETY_TIMEOUT_S)
        return connection

    @staticmethod
    def send(connection: socket.socket, payload: bytes, *, split: bool = False) -> None:
        header = len(payload).to_bytes(2, "big")
        if split:
            connection.sendall(header)
            connection.sendall(payload)
        else:
            connection.sendall(header + payload)

    @staticmethod
    def receive(connection: socket.socket) -> bytes | None:
        header = FakeVpcd._exactly(connection, 2)
        return None if header is None else FakeVpcd._exactly(connection, int.from_bytes(header, "big"))

    @staticmethod
    def _exactly(connection: socket.socket, size: int) -> bytes | None:
        data = b""
        while len(data) < size:
            chunk = connection.recv(size - len(data))
            if not chunk:
                return None
            data += chunk
        return data

    def close(self) -> None:
        self.server.close()


class TornCard(EmulatedCard):
    """Loses power on the first command, as ``tear_after_writes`` does on a write."""

    def process(self, apdu: bytes) -> bytes:
        raise PowerLost("torn for the test")


class BrokenCard(EmulatedCard):
    def process(self, apdu: bytes) -> bytes:
        raise RuntimeError("emulator bug")


@pytest.fixture
def vpcd() -> Iterator[FakeVpcd]:
    server = FakeVpcd()
    yield server
    server.close()


def _powered(card: EmulatedCard) -> EmulatedCard:
    card.power_on()
    return card


def test_atr_request_power_and_apdu_are_answered(vpcd: FakeVpcd) -> None:
    card = EmulatedCard(CardSize.K64, extended_length=True, t0=False)
    twin = _powered(EmulatedCard(CardSize.K64, extended_length=True, t0=False))
    bridge = VpcdBridge(card, vpcd.port)
    bridge.insert()
    connection = vpcd.accept()
    try:
        vpcd.send(connection, b"\x04")
        assert vpcd.receive(connection) == card.atr
        vpcd.send(connection, b"\x01")
        vpcd.send(connection, SELECT_MF, split=True)
        assert vpcd.receive(connection) == twin.process(SELECT_MF)
        vpcd.send(connection, b"\x02")
        vpcd.send(connection, b"\x04")
        assert vpcd.receive(connection) == card.atr
    finally:
        bridge.stop()
        connection.close()
    assert not bridge.inserted


def test_remove_disconnects_and_insert_reconnects(vpcd: FakeVpcd) -> None:
    bridge = VpcdBridge(EmulatedCard(CardSize.K32, extended_length=True, t0=False), vpcd.port)
    bridge.insert()
    first = vpcd.accept()
    bridge.remove()
    assert not bridge.inserted
    assert vpcd.receive(first) is None
    bridge.insert()
    second = vpcd.accept()
    vpcd.send(second, b"\x04")
    assert vpcd.receive(second) == bridge.card.atr
    bridge.stop()
    first.close()
    second.close()


def test_power_lost_drops_the_connection_without_an_answer(vpcd: FakeVpcd) -> None:
    bridge = VpcdBridge(TornCard(CardSize.K64, extended_length=True, t0=False), vpcd.port)
    bridge.insert()
    connection = vpcd.accept()
    vpcd.send(connection, b"\x01")
    vpcd.send(connection, SELECT_MF)
    assert vpcd.receive(connection) is None
    assert bridge.wait_out(SAFETY_TIMEOUT_S)
    connection.close()


def test_a_card_bug_answers_6f00_and_keeps_the_card_in(vpcd: FakeVpcd) -> None:
    bridge = VpcdBridge(BrokenCard(CardSize.K64, extended_length=True, t0=False), vpcd.port)
    bridge.insert()
    connection = vpcd.accept()
    vpcd.send(connection, SELECT_MF)
    assert vpcd.receive(connection) == b"\x6f\x00"
    assert bridge.inserted
    bridge.stop()
    connection.close()


def test_vpcd_hanging_up_ends_the_thread_cleanly(vpcd: FakeVpcd) -> None:
    bridge = VpcdBridge(EmulatedCard(CardSize.K64, extended_length=True, t0=False), vpcd.port)
    bridge.insert()
    connection = vpcd.accept()
    connection.close()
    assert bridge.wait_out(SAFETY_TIMEOUT_S)


def test_swap_puts_the_new_card_in(vpcd: FakeVpcd) -> None:
    old = EmulatedCard(CardSize.K64, extended_length=True, t0=False)
    new = EmulatedCard(CardSize.K64, extended_length=False, t0=True)
    bridge = VpcdBridge(old, vpcd.port)
    bridge.insert()
    first = vpcd.accept()
    bridge.swap(new)
    assert vpcd.receive(first) is None
    second = vpcd.accept()
    vpcd.send(second, b"\x04")
    assert vpcd.receive(second) == new.atr
    assert bridge.card is new
    bridge.stop()
    first.close()
    second.close()


def test_insert_without_vpcd_names_the_port() -> None:
    with socket.create_server(("127.0.0.1", 0)) as placeholder:
        port = placeholder.getsockname()[1]
    bridge = VpcdBridge(EmulatedCard(CardSize.K64, extended_length=True, t0=False), port)
    with pytest.raises(BridgeError, match=f"127.0.0.1:{port}"):
        bridge.insert()
    assert not bridge.inserted


def test_insert_without_a_card_says_so() -> None:
    with pytest.raises(BridgeError, match="no card to insert"):
        VpcdBridge(None, 1).insert()
