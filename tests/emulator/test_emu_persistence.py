"""Persistence (snapshot / restore / save / load) and tearing injection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from emu_helpers import CARD_KEY, Host, ef, records

from apdu.command import CommandApdu
from apdu.emulator import CardSize, EmulatedCard, PowerLost
from apdu.emulator.eeprom import PAGE_SIZE
from apdu.emulator.image import CardImageError
from apdu.fcp import FileKind, LifeCycle
from apdu.transport import CardRemoved, TransportError
from apdu.transport.loopback import LoopbackTransport


def _populate(host: Host) -> None:
    assert host.create(ef(0x5000, 100, sfi=2)) == 0x9000
    assert host.update_binary(10, b"persisted") == 0x9000
    host.select_mf()
    assert host.create(records(0x5400, 4, 3, kind=FileKind.CYCLIC)) == 0x9000
    for value in (b"a", b"b", b"c", b"d"):
        assert host.append_record(value) == 0x9000
    host.transport.reset()
    assert host.external(1, bytes(16)) == 0x63C2


def _check(host: Host) -> None:
    assert host.card.life_cycle is LifeCycle.INITIALISATION
    assert host.send(CommandApdu(0x00, 0xB0, 0x82, 10, ne=9)).data == b"persisted"
    host.select_mf()
    assert host.select(0x5400) == 0x9000
    assert [host.read_record(n).data for n in (1, 2, 3)] == [b"d", b"c", b"b"]
    assert host.external(1, bytes(16)) == 0x63C1  # the retry counter survived too
    assert host.external(1, CARD_KEY) == 0x9000


def test_save_and_load_round_trip(keyed: Host, tmp_path: Path) -> None:
    _populate(keyed)
    path = tmp_path / "card.json"
    keyed.card.save(path)
    assert [p.name for p in tmp_path.iterdir()] == ["card.json"]
    loaded = EmulatedCard.load(path)
    assert (loaded.serial, loaded.atr, loaded.free_memory) == (
        keyed.card.serial,
        keyed.card.atr,
        keyed.card.free_memory,
    )
    transport = LoopbackTransport(loaded)
    transport.connect()
    _check(Host(transport))
    document = json.loads(path.read_text())
    assert (document["format"], document["version"], document["size"]) == (
        "card-station-emulated-card",
        1,
        65536,
    )


def test_restore_puts_a_card_back(keyed: Host) -> None:
    _populate(keyed)
    state = keyed.card.snapshot()
    assert keyed.external(1, CARD_KEY) == 0x9000
    assert keyed.select(0x5000) == 0x9000
    assert keyed.update_binary(10, b"CHANGED!!") == 0x9000
    keyed.card.restore(state)
    _check(keyed)


def test_restore_a_blank_card_of_another_size(keyed: Host) -> None:
    blank = EmulatedCard(CardSize.K32, t0=True).snapshot()
    keyed.card.restore(blank)
    assert keyed.card.free_memory < 32 * 1024
    assert keyed.card.life_cycle is LifeCycle.CREATION


@pytest.mark.parametrize(
    "image",
    [
        b"",
        b"{}",
        b"[1]",
        b"\xff",
        b'{"format": "card-station-emulated-card", "version": 2}',
        b'{"format": "card-station-emulated-card", "version": 1, "size": 1000}',
    ],
)
def test_damaged_images_are_refused(image: bytes) -> None:
    card = EmulatedCard()
    with pytest.raises(CardImageError):
        card.restore(image)


def test_tearing_keeps_the_pages_written_so_far(keyed: Host) -> None:
    host = keyed
    assert host.create(ef(0x5000, 300)) == 0x9000
    assert host.sw(CommandApdu(0x00, 0xD6, 0x00, 0x00, b"\x11" * 255)) == 0x9000
    assert host.update_binary(255, b"\x11" * 45) == 0x9000
    host.card.tear_after_writes(2)
    with pytest.raises(CardRemoved, match="emu0"):
        host.sw(CommandApdu(0x00, 0xD6, 0x00, 0x00, b"\x22" * 255))
    with pytest.raises(TransportError):
        host.sw("00A4000C023F00")
    with pytest.raises(PowerLost):
        host.card.process(bytes.fromhex("00A4000C023F00"))
    host.transport.connect()
    assert host.select(0x5000) == 0x9000
    content = host.read_binary(0, 256).data + host.read_binary(256, 44).data
    assert content == b"\x22" * (2 * PAGE_SIZE) + b"\x11" * (300 - 2 * PAGE_SIZE)


def test_tearing_counts_pages_from_the_offset(keyed: Host) -> None:
    host = keyed
    assert host.create(ef(0x5000, 128)) == 0x9000
    host.card.tear_after_writes(1)
    with pytest.raises(CardRemoved):
        host.update_binary(60, b"\xee" * 10)
    host.transport.connect()
    assert host.select(0x5000) == 0x9000
    assert host.read_binary(56, 16).data == bytes(4) + b"\xee" * 4 + bytes(8)


def test_torn_cyclic_append_leaves_the_old_ring(keyed: Host) -> None:
    host = keyed
    assert host.create(records(0x5400, 100, 2, kind=FileKind.CYCLIC)) == 0x9000
    assert host.append_record(b"old" * 30) == 0x9000
    host.card.tear_after_writes(1)
    with pytest.raises(CardRemoved):
        host.append_record(b"new" * 30)
    host.transport.connect()
    assert host.select(0x5400) == 0x9000
    assert host.read_record(1).data == b"old" * 30
    assert host.read_record(2).sw == 0x6A83


def test_torn_authentication_still_costs_a_try(keyed: Host) -> None:
    host = keyed
    host.transport.reset()
    host.challenge()
    host.card.tear_after_writes(1)
    with pytest.raises(CardRemoved):
        host.external(1, CARD_KEY)
    host.transport.connect()
    assert host.external(1, bytes(16)) == 0x63C1


def test_unfired_tearing_does_not_disturb(keyed: Host) -> None:
    keyed.card.tear_after_writes(1000)
    assert keyed.create(ef(0x5000, 10)) == 0x9000
    assert keyed.update_binary(0, b"fine") == 0x9000
    with pytest.raises(ValueError, match="at least 1"):
        keyed.card.tear_after_writes(0)


def test_restore_clears_an_armed_tearing_injection(keyed: Host) -> None:
    host = keyed
    assert host.create(ef(0x5000, 128)) == 0x9000
    state = host.card.snapshot()
    host.card.tear_after_writes(1)
    host.card.restore(state)
    host.transport.connect()
    assert host.external(1, CARD_KEY) == 0x9000
    assert host.select(0x5000) == 0x9000
    assert host.update_binary(0, b"\x33" * 128) == 0x9000
