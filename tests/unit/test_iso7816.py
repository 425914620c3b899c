"""The bytes ``Iso7816`` puts on the wire (ISO/IEC 7816-4:2020 §11, ISO/IEC 7816-9), its limits
discovery, and its refusals of bad arguments. Real cards: the loopback emulator, or a crafted trace
replayed through ``ReplayTransport`` for card answers the emulator never gives."""

import logging

import pytest

from apdu.commands.limits import EXTENDED, SHORT, CardLimits
from apdu.emulator import DEV_TRANSPORT_KEY, CardSize, EmulatedCard
from apdu.fcp import ALWAYS, Fcp, FileKind, Operation, key
from apdu.iso7816 import Iso7816
from apdu.status import ApduError
from apdu.transport.loopback import LoopbackTransport
from apdu.transport.tracing import EntryKind, ReplayTransport, Trace, TraceEntry, TracingTransport

EXTENDED_ATR = EmulatedCard(CardSize.K64).atr.hex().upper()


def _card(**kwargs) -> tuple[Iso7816, Trace]:
    loopback = LoopbackTransport(EmulatedCard(CardSize.K64))
    loopback.connect()
    trace = Trace()
    return Iso7816(TracingTransport(loopback, trace), **kwargs), trace


def _sent(trace: Trace) -> list[str]:
    return [entry.command for entry in trace.exchanges]


def _replay(*exchanges: tuple[str, str], atr: str = EXTENDED_ATR) -> ReplayTransport:
    entries = [TraceEntry(EntryKind.CONNECT, 0.0, response=atr)]
    entries += [
        TraceEntry(EntryKind.EXCHANGE, 0.0, command=c, command_length=len(c) // 2, response=r, sw=r[-4:])
        for c, r in exchanges
    ]
    replay = ReplayTransport(entries)
    replay.connect()
    return replay


def test_discovery_comes_first_and_once() -> None:
    iso, trace = _card()
    iso.select_mf(fcp=False)
    iso.select_mf(fcp=False)
    assert _sent(trace) == ["00A4080C022F01", "00B0000000", "00A4000C023F00", "00A4000C023F00"]
    assert iso.limits == CardLimits(True, 2048, 2048)


@pytest.mark.parametrize("kwargs", [{"extended": False}, {"limits": SHORT}, {"limits": EXTENDED}])
def test_no_discovery_when_told(kwargs: dict) -> None:
    iso, trace = _card(**kwargs)
    iso.select_mf(fcp=False)
    assert _sent(trace) == ["00A4000C023F00"]


def test_card_without_extended_length_needs_no_discovery() -> None:
    loopback = LoopbackTransport(EmulatedCard(CardSize.K64, extended_length=False))
    loopback.connect()
    trace = Trace()
    assert Iso7816(TracingTransport(loopback, trace)).limits == SHORT
    assert trace.exchanges == []


def test_no_ef_atr_info_means_iso_maxima() -> None:
    assert Iso7816(_replay(("00A4080C022F01", "6A82"))).limits == EXTENDED


def test_malformed_ef_atr_info_means_short(caplog: pytest.LogCaptureFixture) -> None:
    replay = _replay(("00A4080C022F01", "9000"), ("00B0000000", "7F6601029000"))
    with caplog.at_level(logging.WARNING):
        assert Iso7816(replay).limits == SHORT
    assert "EF.ATR/INFO unusable" in caplog.text


def test_malformed_atr_means_short(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert Iso7816(_replay(atr="3B")).limits == SHORT
    assert "ATR unusable" in caplog.text


def test_get_challenge_of_the_wrong_length() -> None:
    iso = Iso7816(_replay(("0084000008", "01029000")), limits=SHORT)
    with pytest.raises(ApduError, match="GET CHALLENGE returned 2 bytes, 8 were asked for"):
        iso.get_challenge()


def test_malformed_odd_ins_answer() -> None:
    iso = Iso7816(_replay(("00B100000454028000" + "0C", "54019000")), limits=SHORT)
    with pytest.raises(ApduError, match="READ BINARY at offset 32768: the card's DO 53 is malformed"):
        iso.read_binary(32768, 10)


def _with_files(iso: Iso7816) -> None:
    iso.select_mf()
    iso.authenticate(1, DEV_TRANSPORT_KEY)
    access = {Operation.READ: ALWAYS, Operation.UPDATE: key(1), Operation.APPEND: key(1)}
    iso.create_file(Fcp(0x1001, FileKind.TRANSPARENT, size=40000, sfi=5, access=access))
    iso.select_mf()
    iso.create_file(Fcp(0x2001, FileKind.LINEAR_FIXED, record_length=8, record_count=2, sfi=6, access=access))


def test_golden_commands() -> None:
    iso, trace = _card(extended=False)
    _with_files(iso)
    calls = [
        (lambda: iso.select_path([0x2001]), "00A40804022001" + "00"),
        (lambda: iso.select_path([0x2001], from_mf=False, fcp=False), "00A4090C022001"),
        (lambda: iso.update_record(1, b"abc", sfi=6), "00DC0134" + "03616263"),
        (lambda: iso.append_record(b"d", sfi=6), "00E20030" + "0164"),
        (lambda: iso.read_record(1, sfi=6), "00B20134" + "00"),
        (lambda: iso.select_fid(0x2001), "00A40004022001" + "00"),
        (lambda: iso.read_record(2), "00B20204" + "08"),
        (lambda: iso.update_binary(b"\x01\x02", offset=40, sfi=5), "00D68528" + "020102"),
        (lambda: iso.read_binary(300, 2, sfi=5), "00B10005" + "045402012C" + "04"),
        (lambda: iso.update_binary(b"\x07", offset=33000, sfi=5), "00D70005" + "07" + "540280E8" + "530107"),
        (lambda: iso.read_binary(33000, 1), "00B10000" + "04540280E8" + "03"),
        (lambda: iso.read_binary(32767, 1), "00B07FFF01"),
    ]
    for call, expected in calls:
        call()
        assert _sent(trace)[-1] == expected
        assert trace.exchanges[-1].sw in ("9000", "6282")


def test_extended_chunks_use_extended_apdus() -> None:
    iso, trace = _card()
    _with_files(iso)
    iso.select_fid(0x1001)
    iso.read_binary(0, 3000)
    assert _sent(trace)[-2:] == ["00B00000000800", "00B0080000" + "03B8"]
    iso.read_binary(34000, 3000)
    assert _sent(trace)[-2][:22] == "00B10000000004540284D0"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda iso: iso.select_fid(0x10000), "file identifier 0x10000 is not two bytes"),
        (lambda iso: iso.select_path([]), "at least one file identifier"),
        (lambda iso: iso.select_aid(bytes(17)), "an AID has 1 to 16 bytes, got 17"),
        (lambda iso: iso.read_binary(-1), "must not be negative"),
        (lambda iso: iso.read_binary(sfi=31), "short EF identifier 31 outside 1..30"),
        (lambda iso: iso.update_binary(b"x", offset=-5), "offset -5 must not be negative"),
        (lambda iso: iso.append_record(b"x", sfi=0), "short EF identifier 0"),
        (lambda iso: iso.verify(256, b"1234"), "PIN reference 256 is not one byte"),
        (lambda iso: iso.external_authenticate(-1, bytes(16)), "key reference -1 is not one byte"),
        (lambda iso: iso.update_record(1, bytes(300)), "300 data bytes / Ne None need an extended APDU"),
        (lambda iso: iso.authenticate(1, b"short"), "an AES key has 16, 24 or 32 bytes, got 5"),
    ],
)
def test_bad_arguments_are_refused_before_sending(call, message: str) -> None:
    iso, trace = _card(extended=False)
    with pytest.raises(ValueError, match=message):
        call(iso)
    assert trace.exchanges == []


def test_read_beyond_a_known_end() -> None:
    iso, _ = _card()
    _with_files(iso)
    iso.select_fid(0x1001)
    with pytest.raises(ValueError, match="offset 40001 is beyond the end of the 40000-byte file"):
        iso.read_binary(40001)
    assert iso.read_binary(40000) == b""


def test_repr_names_the_reader() -> None:
    iso, _ = _card()
    assert repr(iso) == "Iso7816('loopback')"
