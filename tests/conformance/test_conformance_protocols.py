"""T=0 and short-only cards, the 32 KB card, and the same scripted session through loopback and PC/SC
giving the same status words and data (ISO/IEC 7816-3 §10.3 T=0 case 4 via GET RESPONSE, 7816-4 §5.3)."""

import contextlib

import pytest
from conformance_tools import TRANSPORT_KEY_REF, pattern, records, transparent, unlock

from apdu.commands.limits import SHORT
from apdu.emulator import CardSize, EmulatedCard
from apdu.fcp import FileKind
from apdu.iso7816 import Iso7816
from apdu.status import ApduError
from apdu.transport import Transport
from apdu.transport.loopback import LoopbackTransport
from apdu.transport.tracing import Trace, TracingTransport


def test_t0_card_uses_short_apdus(card_t0) -> None:
    iso = card_t0.iso
    assert iso.limits == SHORT
    iso.select_mf()
    unlock(iso)
    iso.create_file(transparent(0x1001, 1000))
    before = card_t0.apdus
    iso.update_binary(pattern(1000))
    iso.select_fid(0x1001)
    assert iso.read_binary() == pattern(1000)
    assert card_t0.apdus - before == 4 + 1 + 4


def test_t0_card_case_4_and_short_records(card_t0) -> None:
    iso = card_t0.iso
    iso.select_mf()
    unlock(iso)
    iso.create_file(records(0x2001, FileKind.LINEAR_FIXED, 32, 2))
    iso.update_record(1, b"shorter than 32")
    assert iso.read_record(1) == b"shorter than 32"
    assert iso.select_fid(0x2001).record_length == 32


def test_extended_length_on_the_32k_card(card_32k) -> None:
    iso = card_32k.iso
    assert iso.limits.extended
    iso.select_mf()
    unlock(iso)
    iso.create_file(transparent(0x1001, 30000))
    iso.update_binary(pattern(30000))
    iso.select_fid(0x1001)
    before = card_32k.apdus
    assert iso.read_binary() == pattern(30000)
    assert card_32k.apdus - before == 15


def script(iso: Iso7816) -> None:
    """A session touching every command family, including refusals; each refusal is part of the script."""

    def attempt(action) -> None:
        with contextlib.suppress(ApduError):
            action()

    iso.select_mf()
    attempt(lambda: iso.select_fid(0x5555))
    attempt(lambda: iso.create_file(transparent(0x1001, 5000)))
    attempt(lambda: iso.authenticate(TRANSPORT_KEY_REF, bytes(16)))
    unlock(iso)
    iso.create_file(transparent(0x1001, 5000, sfi=1))
    iso.update_binary(pattern(5000))
    iso.select_fid(0x1001)
    iso.read_binary()
    attempt(lambda: iso.read_binary(5000, 1))
    iso.select_mf()
    iso.create_file(records(0x2001, FileKind.CYCLIC, 20, 3))
    for n in range(5):
        iso.append_record(bytes([n]) * (n + 1))
    iso.read_all_records()
    attempt(lambda: iso.read_record(4))
    iso.select_mf()
    attempt(lambda: iso.create_file(transparent(0x1002, 65000)))
    iso.read_binary(sfi=1)
    iso.select_mf()
    iso.activate_file()


def _run(transport: Transport) -> Trace:
    trace = Trace()
    script(Iso7816(TracingTransport(transport, trace)))
    return trace


def _observable(trace: Trace) -> list[tuple[str, str, str]]:
    """Command, response and SW of each exchange; challenges and cryptograms differ by design."""
    random = ("0084", "0082")
    return [(e.command, "" if e.command.startswith(random) else e.response, e.sw) for e in trace.exchanges]


def _compare(card: EmulatedCard, pcsc: Transport) -> None:
    loopback = LoopbackTransport(card)
    loopback.connect()
    through_loopback = _observable(_run(loopback))
    through_pcsc = _observable(_run(pcsc))
    assert [sw for _, _, sw in through_pcsc] == [sw for _, _, sw in through_loopback]
    assert through_pcsc == through_loopback
    assert {"6A82", "6982", "63C9", "6B00", "6A83", "6A84"} <= {sw for _, _, sw in through_pcsc}


@pytest.mark.pcsc
def test_same_session_through_loopback_and_pcsc(pcsc_transport: Transport) -> None:
    _compare(EmulatedCard(CardSize.K64, extended_length=True, t0=False), pcsc_transport)


@pytest.mark.pcsc
def test_same_session_through_loopback_and_pcsc_t0(pcsc_transport_t0: Transport) -> None:
    _compare(EmulatedCard(CardSize.K64, extended_length=False, t0=True), pcsc_transport_t0)


def test_t0_card_odd_ins_past_32767(card_t0) -> None:
    iso = card_t0.iso
    iso.select_mf()
    unlock(iso)
    iso.create_file(transparent(0x1001, 40000))
    iso.update_binary(pattern(3000), offset=34000)
    iso.select_fid(0x1001)
    assert iso.read_binary(34000, 3000) == pattern(3000)
    assert iso.read_binary(39990) == bytes(10)
