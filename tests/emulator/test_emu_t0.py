"""T=0 behaviour: 61xx + GET RESPONSE for answers to commands with data, 6Cxx for a wrong Le; and the
loopback transport hiding both the way the PC/SC transport does."""

from __future__ import annotations

import pytest
from emu_helpers import Host, ef

from apdu.atr import parse_atr
from apdu.command import CommandApdu
from apdu.emulator import EmulatedCard
from apdu.fcp import Fcp
from apdu.transport.loopback import LoopbackTransport


@pytest.fixture
def t0_card() -> EmulatedCard:
    return EmulatedCard(t0=True)


def test_t0_card_offers_only_t0(t0_card: EmulatedCard) -> None:
    atr = parse_atr(t0_card.atr)
    assert atr.protocols == (0,)
    assert atr.extended_length


def test_case4_answer_waits_for_get_response(t0_card: EmulatedCard) -> None:
    response = t0_card.process(bytes.fromhex("00A40000023F00"))
    assert response[0] == 0x61
    length = response[1]
    fcp = t0_card.process(bytes.fromhex("00C00000") + bytes((length,)))
    assert fcp[-2:] == b"\x90\x00"
    assert Fcp.parse(fcp[:-2]).fid == 0x3F00
    assert t0_card.process(bytes.fromhex("00C0000010")) == b"\x69\x85"


def test_get_response_in_pieces(t0_card: EmulatedCard) -> None:
    response = t0_card.process(bytes.fromhex("00A40000023F00"))
    total = response[1]
    first = t0_card.process(bytes.fromhex("00C0000004"))
    assert first[-2:] == bytes((0x61, total - 4))
    rest = t0_card.process(bytes.fromhex("00C00000") + bytes((total - 4,)))
    assert rest[-2:] == b"\x90\x00"
    assert len(first) - 2 + len(rest) - 2 == total


def test_other_command_drops_the_pending_response(t0_card: EmulatedCard) -> None:
    assert t0_card.process(bytes.fromhex("00A40000023F00"))[0] == 0x61
    assert t0_card.process(bytes.fromhex("00A4000C023F00")) == b"\x90\x00"
    assert t0_card.process(bytes.fromhex("00C0000010")) == b"\x69\x85"


def test_case2_wrong_le_gets_6cxx(t0_card: EmulatedCard) -> None:
    assert t0_card.process(bytes.fromhex("00A4000C022F01")) == b"\x90\x00"
    wrong = t0_card.process(bytes.fromhex("00B0000000"))
    assert wrong[0] == 0x6C and len(wrong) == 2
    data = t0_card.process(bytes.fromhex("00B00000") + wrong[1:])
    assert len(data) == wrong[1] + 2 and data[-2:] == b"\x90\x00"
    assert t0_card.process(bytes.fromhex("0084000010")) == b"\x6c\x08"


def test_loopback_hides_t0(t0_card: EmulatedCard) -> None:
    transport = LoopbackTransport(t0_card)
    transport.connect()
    host = Host(transport)
    fcp = Fcp.parse(host.ok("00A40000023F0000"))
    assert fcp.fid == 0x3F00
    assert host.select(0x2F01) == 0x9000
    info = host.send(CommandApdu(0x00, 0xB0, 0x00, 0x00, ne=256))
    assert info.sw == 0x9000 and info.data.startswith(b"\x47\x03")
    host.install_card_key()
    assert host.create(ef(0x5000, 600)) == 0x9000
    assert host.update_binary(0, bytes(range(200))) == 0x9000
    assert host.read_binary(0, 256).data == bytes(range(200)) + bytes(56)


def test_t1_card_drops_data_without_le_and_answers_6cxx_to_a_short_le() -> None:
    card = EmulatedCard()
    assert card.process(bytes.fromhex("00A40000023F00")) == b"\x90\x00"
    full = card.process(bytes.fromhex("00A40004023F0000"))
    assert card.process(bytes.fromhex("00A40004023F0002")) == bytes((0x6C, len(full) - 2))
