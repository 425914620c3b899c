"""The counting decorator the benchmarks use to report APDU economy."""

from __future__ import annotations

from apdu.emulator import CardSize, EmulatedCard
from apdu.transport import Transport
from apdu.transport.counting import CountingTransport
from apdu.transport.loopback import LoopbackTransport


def test_counts_apdus_bytes_sent_and_response_data_without_status_words() -> None:
    counting = CountingTransport(LoopbackTransport(EmulatedCard(CardSize.K32)))
    assert isinstance(counting, Transport)
    counting.connect()
    select_ef_atr_info = bytes.fromhex("00A40000022F0100")
    response = counting.transmit(select_ef_atr_info)
    counting.transmit(bytes.fromhex("00A4000C024242"))
    assert counting.apdus == 2
    assert counting.sent == len(select_ef_atr_info) + 7
    assert counting.received == len(response) - 2 > 0
    assert counting.name == "loopback" and counting.atr == counting.inner.atr
