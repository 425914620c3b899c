"""Reader listing, card events and the errors for missing readers, cards and service (docs/pcsc.md)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from apdu.emulator import CardSize, EmulatedCard
from apdu.emulator.stack import EmulatorStack
from apdu.transport import NoCard, NoPcscService, NoReader
from apdu.transport.pcsc import PcscTransport, WaitTimeout, list_readers, wait_for_card, wait_for_removal

pytestmark = pytest.mark.pcsc
READER_64K, READER_32K, READER_T0, READER_EMPTY = range(4)
"""The session stack's layout (tests/conftest.py)."""
WAIT_S = 30.0


def test_each_vpcd_slot_is_one_reader_showing_its_cards_atr(pcsc_stack: EmulatorStack) -> None:
    readers = {info.name: info for info in list_readers()}
    names = pcsc_stack.reader_names
    assert list(readers) == names
    assert names[1].endswith(" 0 00 01") and names[2].endswith(" 1 00 00")
    for index in (READER_64K, READER_32K, READER_T0):
        card = pcsc_stack.card(index)
        assert card is not None
        assert readers[names[index]].card_present
        assert readers[names[index]].atr == card.atr
    assert not readers[names[READER_EMPTY]].card_present
    assert readers[names[READER_EMPTY]].atr == b""


def test_wait_for_card_and_removal_follow_the_bridge(pcsc_stack: EmulatorStack) -> None:
    name = pcsc_stack.reader_names[READER_EMPTY]
    card = EmulatedCard(CardSize.K32, extended_length=False, t0=True)
    pcsc_stack.insert(READER_EMPTY, card)
    try:
        info = wait_for_card(name, timeout=WAIT_S)
        assert info.name == name
        assert info.atr == card.atr
    finally:
        pcsc_stack.remove(READER_EMPTY)
    wait_for_removal(name, timeout=WAIT_S)
    assert not {info.name: info for info in list_readers()}[name].card_present


def test_wait_for_any_reader_returns_a_reader_with_a_card(pcsc_stack: EmulatorStack) -> None:
    info = wait_for_card(timeout=WAIT_S)
    assert info.card_present
    assert info.name in pcsc_stack.reader_names


def test_waiting_on_an_empty_reader_times_out(pcsc_stack: EmulatorStack) -> None:
    with pytest.raises(WaitTimeout, match="no card was inserted"):
        wait_for_card(pcsc_stack.reader_names[READER_EMPTY], timeout=0.05)


def test_waiting_for_removal_of_a_card_that_stays_times_out(pcsc_stack: EmulatorStack) -> None:
    with pytest.raises(WaitTimeout, match="was not removed"):
        wait_for_removal(pcsc_stack.reader_names[READER_64K], timeout=0.05)


def test_unknown_reader_lists_the_readers_present(pcsc_stack: EmulatorStack) -> None:
    with pytest.raises(NoReader) as caught:
        PcscTransport("Acme Reader 9 00 00").connect()
    message = str(caught.value)
    assert "'Acme Reader 9 00 00'" in message
    for name in pcsc_stack.reader_names:
        assert repr(name) in message
    with pytest.raises(NoReader, match="Acme"):
        wait_for_card("Acme Reader 9 00 00", timeout=WAIT_S)


def test_connecting_to_an_empty_reader_raises_no_card(pcsc_stack: EmulatorStack) -> None:
    name = pcsc_stack.reader_names[READER_EMPTY]
    with pytest.raises(NoCard, match=f"no card in reader '{name}'"):
        PcscTransport(name).connect()


PROBE = """
from apdu.transport.pcsc import PcscTransport, list_readers
for attempt in (list_readers, lambda: PcscTransport("any").connect()):
    try:
        attempt()
    except Exception as exc:
        print(type(exc).__name__, exc)
"""


def test_a_wrong_socket_raises_no_pcsc_service_with_the_remedy(tmp_path: os.PathLike[str]) -> None:
    bogus = f"{tmp_path}/nothing/pcscd.comm"
    env = {**os.environ, "PCSCLITE_CSOCK_NAME": bogus}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True, timeout=60
    )
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    for line in lines:
        assert line.startswith(NoPcscService.__name__)
        assert f"not reachable at {bogus}" in line
        assert "start pcscd (systemctl start pcscd.socket) or run `card-station emulator`" in line


def test_a_second_process_reaches_the_stack_through_its_environ(pcsc_stack: EmulatorStack) -> None:
    script = "from apdu.transport import pcsc\nfor r in pcsc.list_readers():\n print(r.name, r.atr.hex())"
    env = {**os.environ, **pcsc_stack.environ()}
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True, timeout=60
    )
    card = pcsc_stack.card(READER_64K)
    assert card is not None
    assert f"{pcsc_stack.reader_names[READER_64K]} {card.atr.hex()}" in result.stdout.splitlines()
