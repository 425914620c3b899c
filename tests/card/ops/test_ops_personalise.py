"""Personalisation on loopback and the real PC/SC stack: success, read-back, APDU economy, wrong cards."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from ops_helpers import FAMILY, NOW, Slot, Station

from apdu.iso7816 import Iso7816
from apdu.status import FileNotFound
from card_station.applications import FIXTURES_DIR, sample
from card_station.card.compose import card_content
from card_station.card.decision import CardVerdict
from card_station.card.layout import APPLICATION_AID
from card_station.card.operation_errors import UnknownCardKey, WrongCard
from card_station.card.personalise import personalise
from card_station.card.profile import CardProfile
from card_station.card.session import DEVELOPMENT_TRANSPORT_KEY

WRITE_INS = {"D6", "D7", "DC", "E2"}


def test_family_on_64k_is_genuine_and_waits_for_handover(station: Station, blank_64k: Slot) -> None:
    done = station.personalise(blank_64k)
    assert done.verdict.ok and not done.resumed
    assert len(done.content.dependants) == 6
    assert set(done.content.photos) == {"M", "D1", "D2", "D3", "D4", "D5", "D6"}
    decision = station.decide(blank_64k, NOW)
    assert decision.verdict is CardVerdict.NOT_HANDED_OVER
    assert decision.genuine and decision.card_number == "DL0101234567"
    assert [p.name for p in decision.persons][:2] == ["Rajesh Kumar", "Sunita Devi"]


def test_family_on_32k_carries_no_photos(station: Station, blank_32k: Slot) -> None:
    done = station.personalise(blank_32k, FAMILY, CardProfile.K32)
    assert done.content.info.size is CardProfile.K32
    assert dict(done.content.photos) == {}
    assert station.decide(blank_32k, NOW).genuine


@pytest.mark.parametrize("name", sorted(p.stem for p in FIXTURES_DIR.glob("*.json")))
def test_every_sample_personalises(
    station: Station, name: str, loopback_64k: Slot, loopback_32k: Slot
) -> None:
    wanted = CardProfile.for_card_size(sample(name).application.card_size)
    slot = loopback_64k if wanted is CardProfile.K64 else loopback_32k
    done = station.personalise(slot, name)
    assert done.verdict.ok
    eligible = station.decide(slot, NOW).persons
    assert all(person.eligible for person in eligible)


def test_remarried_widow_card_leaves_out_the_present_husband_and_his_child(
    station: Station, loopback_32k: Slot
) -> None:
    done = station.personalise(loopback_32k, "remarried-widow")
    assert [d.name for d in done.content.dependants] == ["Rohan Joshi"]


def test_apdus_stay_within_five_percent_of_the_minimum(station: Station, blank_64k: Slot) -> None:
    blank_64k.fresh_trace()
    done = station.personalise(blank_64k)
    commands = [entry.command for entry in blank_64k.trace.exchanges]
    limit = 2048 - 4  # the odd-INS DO overhead is at most 4 bytes (ISO 7816-4 §11.3.3)
    data_apdus = 0
    for data in done.files.values():
        units = data if isinstance(data, tuple) else (data,)
        data_apdus += sum(math.ceil(len(unit) / limit) for unit in units if unit)
    # SELECT, GET CHALLENGE, INTERNAL / EXTERNAL AUTHENTICATE, CREATE FILE, ACTIVATE FILE, plus the two key
    # records and the two one-APDU reads of EF.ATR/INFO and EF.GDO:
    fixed = sum(1 for c in commands if c[2:4] not in WRITE_INS | {"B0", "B1", "B2"}) + 4
    minimum = fixed + 2 * data_apdus + 1  # every file written and read back once; EF.STATUS written twice
    assert len(commands) <= math.ceil(minimum * 1.05)


def test_a_32k_card_given_the_64k_layout_is_refused_before_any_write(
    station: Station, blank_32k: Slot
) -> None:
    blank_32k.fresh_trace()
    with pytest.raises(WrongCard, match=r"32 KB card .* 64 KB card"):
        station.personalise(blank_32k, FAMILY, CardProfile.K64)
    assert not [e for e in blank_32k.trace.exchanges if e.command[2:4] in WRITE_INS | {"E0", "82"}]


def test_a_card_personalised_for_someone_else_is_refused(station: Station, blank_64k: Slot) -> None:
    station.personalise(blank_64k)
    blank_64k.fresh_trace()
    with pytest.raises(WrongCard, match="already personalised"):
        station.personalise(blank_64k, "war-widow")
    assert not [e for e in blank_64k.trace.exchanges if e.command[2:4] in WRITE_INS | {"E0", "82"}]


def test_personalising_the_same_application_again_writes_nothing(station: Station, blank_64k: Slot) -> None:
    first = station.personalise(blank_64k)
    blank_64k.fresh_trace()
    again = station.personalise(blank_64k)
    assert again.resumed and again.bytes_written == 0 and again.content == first.content
    assert not [e for e in blank_64k.trace.exchanges if e.command[2:4] in WRITE_INS | {"E0", "82"}]


def test_a_card_of_another_application_is_refused(station: Station, loopback_64k: Slot) -> None:
    card = Iso7816(loopback_64k.transport)
    card.select_mf()
    card.authenticate(1, DEVELOPMENT_TRANSPORT_KEY)
    other = bytes.fromhex("610B4F06A000000001015001") + b"X"
    from apdu.fcp import ALWAYS, Fcp, FileKind, Operation, key

    card.create_file(
        Fcp(
            fid=0x2F00,
            kind=FileKind.LINEAR_FIXED,
            record_length=32,
            record_count=2,
            sfi=30,
            access={Operation.READ: ALWAYS, Operation.APPEND: key(1)},
        )
    )
    card.append_record(other[:13])
    card.activate_file(0x3F00)
    with pytest.raises(WrongCard, match="another application"):
        station.personalise(loopback_64k)
    assert station.decide(loopback_64k, NOW).verdict is CardVerdict.NOT_ECHS


def test_an_unknown_card_key_is_refused_without_any_authentication(
    station: Station, loopback_64k: Slot
) -> None:
    card = Iso7816(loopback_64k.transport)
    card.select_mf()
    card.authenticate(1, DEVELOPMENT_TRANSPORT_KEY)
    card.select_fid(0x0001, fcp=False)
    card.update_record(1, bytes((1, 1, 10, 16)) + b"another-issuer-k")
    loopback_64k.transport.reset()
    loopback_64k.fresh_trace()
    with pytest.raises(UnknownCardKey, match="no authentication was tried"):
        station.personalise(loopback_64k)
    assert not [e for e in loopback_64k.trace.exchanges if e.command[2:4] in WRITE_INS | {"82", "E0"}]


def test_a_content_built_for_another_serial_is_refused(station: Station, loopback_64k: Slot) -> None:
    application = sample(FAMILY)

    def build(serial: bytes):  # type: ignore[no-untyped-def]
        content = card_content(application, serial, CardProfile.K64, station.issuer, NOW)
        return replace(content, info=replace(content.info, serial=b"\x01" * 8))

    with pytest.raises(ValueError, match="another card serial"):
        personalise(Iso7816(loopback_64k.transport), build, station.keys, DEVELOPMENT_TRANSPORT_KEY, NOW)


def test_the_blank_card_reads_as_blank(station: Station, blank_64k: Slot) -> None:
    decision = station.decide(blank_64k, NOW)
    assert decision.verdict is CardVerdict.BLANK and not decision.genuine
    with pytest.raises(FileNotFound):
        Iso7816(blank_64k.transport).select_aid(APPLICATION_AID)
