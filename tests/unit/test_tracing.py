"""TracingTransport (redacted traces, JSON lines) and ReplayTransport, over the loopback emulator."""

from pathlib import Path

import pytest

from apdu.emulator import DEV_TRANSPORT_KEY, CardSize, EmulatedCard, key_record, pin_record
from apdu.fcp import ALWAYS, Fcp, FileKind, Operation, key
from apdu.iso7816 import Iso7816
from apdu.status import WrongParameters
from apdu.transport import CardRemoved, TransportError
from apdu.transport.loopback import LoopbackTransport
from apdu.transport.tracing import (
    DEFAULT_POLICY,
    EntryKind,
    RedactionPolicy,
    ReplayMismatch,
    ReplayTransport,
    Trace,
    TraceEntry,
    TraceFormatError,
    TracingTransport,
    load_trace,
)

CARD_KEY = bytes.fromhex("00112233445566778899AABBCCDDEEFF")
PIN = b"7319"
NEW_PIN = b"864250"
OTP = b"493817"


def _traced(policy: RedactionPolicy = DEFAULT_POLICY) -> tuple[Iso7816, Trace, LoopbackTransport]:
    loopback = LoopbackTransport(EmulatedCard(CardSize.K64))
    trace = Trace()
    traced = TracingTransport(loopback, trace, policy)
    traced.connect()
    return Iso7816(traced), trace, loopback


def _ef(size: int) -> Fcp:
    return Fcp(
        0x1001, FileKind.TRANSPARENT, size=size, access={Operation.READ: ALWAYS, Operation.UPDATE: key(1)}
    )


def _personalise(iso: Iso7816, *, key_file_fcp: bool) -> None:
    """Everything that carries a secret: transport key, a new key and PIN installed, PIN use and change."""
    iso.select_mf()
    iso.authenticate(1, DEV_TRANSPORT_KEY)
    iso.create_file(Fcp(0x4100, FileKind.DF, access={Operation.CREATE: key(1)}))
    iso.create_file(
        Fcp(
            0x0001,
            FileKind.INTERNAL_LINEAR_FIXED,
            record_length=36,
            record_count=3,
            access={Operation.UPDATE: key(1), Operation.APPEND: key(1)},
        )
    )
    iso.append_record(key_record(2, CARD_KEY))
    iso.select_fid(0x0001, fcp=key_file_fcp)
    iso.update_record(2, pin_record(1, PIN))
    iso.select_fid(0x4100)
    iso.verify(1, PIN)
    iso.change_reference_data(1, PIN, NEW_PIN)
    iso.authenticate(2, CARD_KEY)
    iso.internal_authenticate(2, bytes(8))


@pytest.mark.parametrize("key_file_fcp", [True, False])
def test_keys_and_pins_never_reach_the_saved_trace(tmp_path: Path, key_file_fcp: bool) -> None:
    iso, trace, _ = _traced()
    _personalise(iso, key_file_fcp=key_file_fcp)
    path = tmp_path / "trace.jsonl"
    trace.save(path)
    saved = path.read_text().upper()
    for secret in (DEV_TRANSPORT_KEY, CARD_KEY, PIN, NEW_PIN):
        assert secret.hex().upper() not in saved
    assert all(entry.sw == "9000" for entry in trace.exchanges)
    redacted = [e for e in trace.exchanges if e.command_redacted]
    assert [e.command[:4] for e in redacted] == ["0082", "00E2", "00DC", "0020", "0024", "0082"]
    assert redacted[0].command == "0082000110 <redacted 16 bytes>"


def test_internal_authenticate_response_is_redacted_challenge_kept() -> None:
    iso, trace, _ = _traced()
    rnd = iso.get_challenge()
    iso.internal_authenticate(1, bytes(8))
    challenge, internal = trace.exchanges[-2:]
    assert challenge.response == rnd.hex().upper() + "9000"
    assert internal.response == "<redacted 16 bytes> 9000"
    assert internal.response_redacted and not internal.command_redacted


def test_ordinary_exchanges_are_shown_whole() -> None:
    iso, trace, _ = _traced()
    iso.select_mf()
    iso.authenticate(1, DEV_TRANSPORT_KEY)
    iso.create_file(_ef(4))
    iso.update_binary(b"\x01\x02\x03\x04")
    iso.select_fid(0x1001, fcp=False)
    iso.update_binary(b"\x05", offset=3)
    entries = trace.exchanges
    assert entries[-3].command == "00D600000401020304"
    assert entries[-1].command == "00D6000301" + "05"
    assert entries[-1].meaning == "normal processing"
    assert entries[-1].duration_ms >= 0
    assert trace.entries[0].kind is EntryKind.CONNECT


def test_writes_to_files_never_described_are_redacted() -> None:
    iso, trace, _ = _traced()
    iso.select_mf()
    iso.authenticate(1, DEV_TRANSPORT_KEY)
    iso.select_fid(0x0001, fcp=False)
    iso.update_record(1, key_record(1, CARD_KEY))
    assert trace.exchanges[-1].command == "00DC010414 <redacted 20 bytes>"


def test_registered_secret_fid_and_otp_rule() -> None:
    policy = (
        RedactionPolicy()
        .with_secret_fids(0x1001)
        .with_rule(lambda apdu: apdu.ins == 0xCB and apdu.p2 == 0x42)
    )
    iso, trace, _ = _traced(policy)
    iso.select_mf()
    iso.authenticate(1, DEV_TRANSPORT_KEY)
    iso.create_file(_ef(6))
    iso.update_binary(OTP)
    assert iso.read_binary() == OTP
    traced = iso.transport
    traced.transmit(bytes.fromhex("00CB0042") + bytes((len(OTP),)) + OTP)
    saved = "\n".join(entry.to_json() for entry in trace)
    assert OTP.hex().upper() not in saved.upper()
    assert trace.exchanges[-2].response == "<redacted 6 bytes> 9000"


def test_malformed_command_is_redacted_after_the_header() -> None:
    iso, trace, _ = _traced()
    iso.transport.transmit(bytes.fromhex("0020000105313233"))
    assert trace.exchanges[-1].command == "00200001 <redacted 4 bytes>"
    assert trace.exchanges[-1].sw == "6700"


def test_replay_reproduces_a_session(tmp_path: Path) -> None:
    iso, trace, _ = _traced()
    _personalise(iso, key_file_fcp=True)
    trace.save(tmp_path / "t.jsonl")
    entries = load_trace(tmp_path / "t.jsonl")
    assert entries == trace.entries
    replay = ReplayTransport(entries)
    replay.connect()
    assert replay.atr == iso.transport.atr
    again = Iso7816(replay)
    again.select_mf()
    assert again.limits == iso.limits


def test_replay_mismatch_names_the_entry() -> None:
    iso, trace, _ = _traced()
    iso.select_mf()
    replay = ReplayTransport(trace)
    replay.connect()
    with pytest.raises(
        ReplayMismatch, match="trace entry 2 recorded the command 00A4080C022F01, the code sent 00A4"
    ):
        replay.transmit(bytes.fromhex("00A40000023F00"))


def test_replay_of_redacted_command_checks_header_and_length() -> None:
    iso, trace, _ = _traced()
    iso.get_challenge()
    iso.internal_authenticate(1, bytes(8))
    with pytest.raises(WrongParameters, match="6A88 to VERIFY PIN 9"):
        iso.verify(9, b"0000")
    replay = ReplayTransport(trace)
    replay.connect()
    exchanges = trace.exchanges
    for entry in exchanges[:-2]:
        replay.transmit(bytes.fromhex(entry.command))
    assert replay.transmit(bytes.fromhex("0088000108") + bytes(8) + b"\x00") == bytes(16) + b"\x90\x00"
    with pytest.raises(
        ReplayMismatch,
        match=r"redacted command 00200009\.\.\. of 9 bytes, the code sent 00200009\.\.\. of 10",
    ):
        replay.transmit(bytes.fromhex("002000090531323334FF"))


def test_replay_past_the_end_and_wrong_kind() -> None:
    replay = ReplayTransport([])
    with pytest.raises(ReplayMismatch, match="the trace has ended, but the code sent connect"):
        replay.connect()
    replay = ReplayTransport([TraceEntry(EntryKind.CONNECT, 0.0, response="3B00")])
    with pytest.raises(ReplayMismatch, match="recorded a connect, but the code sent reset"):
        replay.reset()


def test_transport_errors_are_traced_and_replayed() -> None:
    iso, trace, loopback = _traced()
    iso.select_mf()
    loopback.card.tear_after_writes(1)
    with pytest.raises(CardRemoved):
        iso.authenticate(1, DEV_TRANSPORT_KEY)
    failed = trace.exchanges[-1]
    assert failed.error.startswith("CardRemoved: reader loopback: the card lost power")
    assert failed.sw == "" and failed.command_redacted
    replay = ReplayTransport(trace)
    replay.connect()
    again = Iso7816(replay)
    again.select_mf()
    with pytest.raises(TransportError, match="trace entry 6: replayed error: CardRemoved"):
        again.authenticate(1, bytes(16))
    assert replay.remaining == 0


@pytest.mark.parametrize("line", ["{}", "not json", '{"kind": "warp", "time": 0}'])
def test_bad_trace_lines(line: str) -> None:
    with pytest.raises(TraceFormatError, match="not a trace entry"):
        TraceEntry.from_json(line)
