"""The counter read and its decision, and forgeries made THROUGH the card (writes with the card key):
a byte flipped in any file, a file copied from another card, EF.SOD copied to another chip, a station
the scheme root never certified. All must be refused as not genuine."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from ops_helpers import NOW, Slot, Station

from apdu.emulator import CardSize, EmulatedCard
from apdu.iso7816 import Iso7816
from apdu.transport.loopback import LoopbackTransport
from card_station.card.compose import Issuer
from card_station.card.decision import CardVerdict
from card_station.card.files import card, dependants, endorse, member, photo, sod, status
from card_station.card.files.decl import FileDecl, Parent
from card_station.card.layout import APPLICATION_AID
from card_station.card.session import authenticate
from card_station.keys import FileKeyStore


def _active(station: Station, slot: Slot, name: str = "family-six-dependants") -> None:
    station.personalise(slot, name)
    station.hand_over(slot)
    station.endorse_fma(slot, date(2026, 3, 1))


def _open_for_writing(station: Station, slot: Slot, decl: FileDecl) -> Iso7816:
    """Select the file's DF and authenticate with the card's own key, as a forger with the key would."""
    iso = Iso7816(slot.transport)
    serial = station.read(slot, NOW).checked.reading.serial
    assert serial is not None
    iso.select_mf()
    authenticate(iso, station.card_keys(serial).write)
    if decl.parent is Parent.APPLICATION:
        iso.select_aid(APPLICATION_AID, fcp=False)
    return iso


def _files(station: Station, slot: Slot) -> dict[str, object]:
    return dict(station.read(slot, NOW, photos=True).checked.reading.files)


def test_son_past_25_is_not_eligible_but_the_rest_of_the_family_is(station: Station, blank_64k: Slot) -> None:
    _active(station, blank_64k)
    decision = station.decide(blank_64k, datetime(2027, 9, 1, 6, 0, tzinfo=UTC))
    by_name = {p.name: p for p in decision.persons}
    assert decision.verdict is CardVerdict.ACTIVE
    assert not by_name["Amit Kumar"].eligible
    assert "ended on 15 AUG 2027" in by_name["Amit Kumar"].reason
    assert by_name["Priya Kumari"].eligible and by_name["Rajesh Kumar"].eligible


def test_the_decision_reads_under_4_kb_and_no_photos(station: Station, blank_64k: Slot) -> None:
    _active(station, blank_64k)
    blank_64k.fresh_trace()
    result = station.read(blank_64k, NOW.replace(month=4))
    assert result.decision.verdict is CardVerdict.ACTIVE
    assert blank_64k.received < 4096
    assert photo.DECL.name not in result.checked.reading.files
    assert dict(result.checked.content.photos) == {}  # type: ignore[union-attr]
    with_photos = station.read(blank_64k, NOW.replace(month=4), photos=True)
    assert with_photos.decision.genuine
    assert set(with_photos.checked.content.photos) >= {"M", "D1"}  # type: ignore[union-attr]


FLIPS = [
    (card.DECL, 12),
    (status.DECL, 8),
    (member.DECL, 20),
    (dependants.DECL, 10),
    (endorse.DECL, 12),
    (photo.DECL, 300),
    (sod.DECL, 100),
    (sod.DECL, -10),
]


@pytest.mark.parametrize(("decl", "position"), FLIPS, ids=[f"{d.name}@{p}" for d, p in FLIPS])
def test_a_byte_flipped_in_any_file_is_not_genuine(
    station: Station, loopback_64k: Slot, decl: FileDecl, position: int
) -> None:
    _active(station, loopback_64k)
    original = _files(station, loopback_64k)[decl.name]
    iso = _open_for_writing(station, loopback_64k, decl)
    if isinstance(original, tuple):
        record = bytearray(original[0])
        record[position] ^= 0x01
        iso.update_record(1, bytes(record), decl.sfi)
    else:
        assert isinstance(original, bytes)
        offset = position % len(original)
        iso.update_binary(bytes((original[offset] ^ 0x01,)), offset, decl.sfi)
    decision = station.read(loopback_64k, NOW.replace(month=4), photos=decl is photo.DECL).decision
    assert decision.verdict is CardVerdict.NOT_GENUINE and not decision.genuine
    assert decision.reasons and not decision.persons


def _second_card(serial: bytes) -> Slot:
    transport = LoopbackTransport(EmulatedCard(CardSize.K64, serial=serial), name="second")
    transport.connect()
    return Slot(transport, transport.card)


def test_a_file_copied_from_another_card_is_not_genuine(station: Station, loopback_64k: Slot) -> None:
    _active(station, loopback_64k)
    other = _second_card(bytes.fromhex("8027688311000099"))
    station.personalise(other, "war-widow")
    foreign = _files(station, other)[member.DECL.name]
    assert isinstance(foreign, bytes)
    _open_for_writing(station, loopback_64k, member.DECL).update_binary(
        foreign + bytes(64), 0, member.DECL.sfi
    )
    decision = station.decide(loopback_64k, NOW.replace(month=4))
    assert decision.verdict is CardVerdict.NOT_GENUINE
    assert any("EF.MEMBER" in reason for reason in decision.reasons)


def test_a_whole_card_copied_to_another_chip_is_not_genuine(station: Station, loopback_64k: Slot) -> None:
    _active(station, loopback_64k)
    clone = _second_card(bytes.fromhex("8027688311000077"))
    _active(station, clone)
    original = _files(station, loopback_64k)
    for decl in (card.DECL, sod.DECL):
        data = original[decl.name]
        assert isinstance(data, bytes)
        _open_for_writing(station, clone, decl).update_binary(data + bytes(64), 0, decl.sfi)
    decision = station.decide(clone, NOW.replace(month=4))
    assert decision.verdict is CardVerdict.NOT_GENUINE
    assert any("8027688311000077" in reason for reason in decision.reasons)


def test_a_station_not_certified_by_the_root_is_not_genuine(
    station: Station, loopback_64k: Slot, other_root_keys: FileKeyStore, issuer: Issuer
) -> None:
    rogue = Station(other_root_keys, issuer, NOW)
    rogue.personalise(loopback_64k)
    decision = station.read(loopback_64k, NOW).decision
    assert decision.verdict is CardVerdict.NOT_GENUINE
    assert any("root" in reason or "issuer" in reason for reason in decision.reasons)


def test_a_card_read_against_another_root_is_not_genuine(
    station: Station, blank_64k: Slot, other_root_keys: FileKeyStore
) -> None:
    _active(station, blank_64k)
    result = station.read(blank_64k, NOW, root=other_root_keys.root_certificate())
    assert result.decision.verdict is CardVerdict.NOT_GENUINE
