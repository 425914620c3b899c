"""PcscTransport over the real PC/SC path: transmit, protocol choice, T=0 completion, reset, failures."""

from __future__ import annotations

import pytest

from apdu.emulator import DEV_TRANSPORT_KEY, EmulatedCard
from apdu.emulator.stack import EmulatorStack
from apdu.fcp import ALWAYS, Fcp, FileKind, Operation
from apdu.iso7816 import Iso7816
from apdu.transport import CardRemoved, Transport, TransportError
from apdu.transport.pcsc import CardWasReset, PcscTransport, wait_for_card, wait_for_removal

pytestmark = pytest.mark.pcsc
READER_64K, READER_32K, READER_T0, READER_EMPTY = range(4)
WAIT_S = 30.0
EF = 0x5F01
OPEN = {Operation.READ: ALWAYS, Operation.UPDATE: ALWAYS}
SELECT_MF_NO_FCI = bytes.fromhex("00A4000C023F00")
SELECT_MF_FCP = bytes.fromhex("00A40004023F0000")
SELECT_EF = bytes((0x00, 0xA4, 0x00, 0x0C, 0x02, EF >> 8, EF & 0xFF))
TRANSPORT_KEY_REF = 1


def _make_ef(transport: PcscTransport, content: bytes) -> Iso7816:
    """Create, select and fill a transparent EF under the MF (CREATE FILE needs the transport key)."""
    card = Iso7816(transport)
    card.select_mf()
    card.authenticate(TRANSPORT_KEY_REF, DEV_TRANSPORT_KEY)
    card.create_file(Fcp(EF, FileKind.TRANSPARENT, size=len(content), access=OPEN))
    card.select_fid(EF)
    card.update_binary(content)
    return card


def _live_card(stack: EmulatorStack, index: int) -> EmulatedCard:
    """The card object in the reader: a test may ask it directly what it answers (the bridge thread is
    idle between the test's own commands)."""
    card = stack.card(index)
    assert card is not None
    return card


def test_files_written_through_pcsc_read_back(pcsc_transport: PcscTransport) -> None:
    content = bytes(range(256)) * 3
    card = _make_ef(pcsc_transport, content)
    assert card.read_binary(0, len(content)) == content


def test_the_cards_are_isolated_from_each_other(
    pcsc_transport: PcscTransport, pcsc_transport_32k: PcscTransport
) -> None:
    _make_ef(pcsc_transport, b"64K card")
    assert pcsc_transport.transmit(SELECT_EF)[-2:] == b"\x90\x00"
    assert pcsc_transport_32k.transmit(SELECT_EF)[-2:] == b"\x6a\x82"


def test_t1_is_chosen_when_the_atr_offers_it(
    pcsc_transport: PcscTransport, pcsc_transport_t0: PcscTransport, pcsc_stack: EmulatorStack
) -> None:
    assert pcsc_transport.protocol == 1
    assert pcsc_transport_t0.protocol == 0
    assert pcsc_transport.atr == _live_card(pcsc_stack, READER_64K).atr
    assert pcsc_transport_t0.atr == _live_card(pcsc_stack, READER_T0).atr


def test_t0_61xx_is_completed_with_get_response(
    pcsc_transport_t0: PcscTransport, pcsc_stack: EmulatorStack
) -> None:
    direct = _live_card(pcsc_stack, READER_T0).process(SELECT_MF_FCP)
    assert direct[-2] == 0x61
    response = pcsc_transport_t0.transmit(SELECT_MF_FCP)
    assert response[-2:] == b"\x90\x00"
    assert len(response) - 2 == direct[-1]
    assert Fcp.parse(response[:-2]).fid == 0x3F00


def test_t0_6cxx_is_resent_with_the_right_le(
    pcsc_transport_t0: PcscTransport, pcsc_stack: EmulatorStack
) -> None:
    content = b"ten bytes!"
    wrong_le = bytes.fromhex("00B0000020")
    _make_ef(pcsc_transport_t0, content)
    assert _live_card(pcsc_stack, READER_T0).process(wrong_le) == bytes((0x6C, len(content)))
    assert pcsc_transport_t0.transmit(wrong_le) == content + b"\x90\x00"


def test_reset_returns_the_atr_and_forgets_the_selection(
    pcsc_transport: PcscTransport, pcsc_stack: EmulatorStack
) -> None:
    _make_ef(pcsc_transport, b"abc")
    assert pcsc_transport.transmit(bytes.fromhex("00B0000003")) == b"abc\x90\x00"
    assert pcsc_transport.reset() == _live_card(pcsc_stack, READER_64K).atr
    assert pcsc_transport.transmit(bytes.fromhex("00B0000003"))[-2:] != b"\x90\x00"


def test_a_card_torn_mid_write_raises_card_removed_naming_the_reader(
    pcsc_transport: PcscTransport, pcsc_stack: EmulatorStack
) -> None:
    card = _make_ef(pcsc_transport, bytes(100))
    _live_card(pcsc_stack, READER_64K).tear_after_writes(1)
    name = pcsc_stack.reader_names[READER_64K]
    with pytest.raises(CardRemoved, match=f"reader '{name}'"):
        card.update_binary(b"x" * 100)
    assert pcsc_stack.bridge(READER_64K).wait_out(WAIT_S)
    wait_for_removal(name, timeout=WAIT_S)
    with pytest.raises(CardRemoved, match=f"reader '{name}'.*removed"):
        pcsc_transport.transmit(SELECT_MF_NO_FCI)


def test_a_card_pulled_between_commands_raises_card_removed(
    pcsc_transport: PcscTransport, pcsc_stack: EmulatorStack
) -> None:
    name = pcsc_stack.reader_names[READER_64K]
    pcsc_stack.remove(READER_64K)
    wait_for_removal(name, timeout=WAIT_S)
    with pytest.raises(CardRemoved, match=f"the card in reader '{name}' was removed"):
        pcsc_transport.transmit(SELECT_MF_NO_FCI)


def test_a_reset_by_another_application_is_reported_once(pcsc_stack: EmulatorStack) -> None:
    name = pcsc_stack.reader_names[READER_32K]
    wait_for_card(name, timeout=WAIT_S)
    with PcscTransport(name, shared=True) as mine, PcscTransport(name, shared=True) as other:
        assert mine.transmit(SELECT_MF_NO_FCI)[-2:] == b"\x90\x00"
        other.reset()
        with pytest.raises(CardWasReset, match=f"'{name}' was reset by another application"):
            mine.transmit(SELECT_MF_NO_FCI)
        assert mine.transmit(SELECT_MF_NO_FCI)[-2:] == b"\x90\x00"


def test_an_exclusive_connection_keeps_others_out(pcsc_transport: PcscTransport) -> None:
    with pytest.raises(TransportError, match="in use by another application"):
        PcscTransport(pcsc_transport.name).connect()


def test_using_a_transport_before_connect_says_so(pcsc_stack: EmulatorStack) -> None:
    transport = PcscTransport(pcsc_stack.reader_names[READER_64K])
    assert isinstance(transport, Transport)
    assert transport.atr == b""
    with pytest.raises(TransportError, match="call connect"):
        _ = transport.protocol
    with pytest.raises(TransportError, match="call connect"):
        transport.transmit(SELECT_MF_NO_FCI)


@pytest.mark.parametrize("round_", [1, 2])
def test_every_test_gets_a_blank_card_back_in_its_reader(
    round_: int, pcsc_transport: PcscTransport, pcsc_stack: EmulatorStack
) -> None:
    """Round 2 fails with 6A89 (file exists) or NoCard unless the fixture restored and re-inserted."""
    _make_ef(pcsc_transport, f"round {round_}".encode())
    pcsc_transport.disconnect()
    pcsc_stack.remove(READER_64K)
