"""The SECTS application personalised, read and verified through the real PC/SC stack (pyscard ->
private pcscd -> vpcd -> emulated card), alone and beside ECHS on one chip; a forged byte is refused;
a torn personalisation is finished by running it again (loopback, where power loss can be injected)."""

from __future__ import annotations

from datetime import datetime

import pytest
from sects_samples import NOW, STATION, health_card

from apdu.emulator import CardSize, EmulatedCard
from apdu.iso7816 import Iso7816
from apdu.transport import CardRemoved, Transport
from apdu.transport.loopback import LoopbackTransport
from card_station.applications import sample
from card_station.card.compose import Issuer, card_content
from card_station.card.decision import CardVerdict
from card_station.card.errors import CapacityError
from card_station.card.operation_errors import WrongCard
from card_station.card.personalise import personalise
from card_station.card.profile import CardProfile
from card_station.card.session import DEVELOPMENT_TRANSPORT_KEY, CardKeys, authenticate
from card_station.keys import FileKeyStore
from card_station.sects.card.compose import sects_content
from card_station.sects.card.files import HOLDER, SECTS_AID
from card_station.sects.card.layout import beside_bytes
from card_station.sects.card.personalise import SectsPersonalised, Start, personalise_sects
from card_station.sects.verify import SectsVerdict, verify_card
from card_station.services.counter import CounterService

pytestmark = pytest.mark.pcsc
LATER = datetime(2026, 3, 2, 9, 0, tzinfo=NOW.tzinfo)


def put_sects(transport: Transport, keys: FileKeyStore, family: int = 3) -> SectsPersonalised:
    card = health_card(family)
    return personalise_sects(
        Iso7816(transport),
        lambda serial, profile: sects_content(card, serial, profile, STATION, NOW),
        keys,
        DEVELOPMENT_TRANSPORT_KEY,
        NOW,
    )


def put_echs(
    transport: Transport, keys: FileKeyStore, issuer: Issuer, profile: CardProfile, reserve: int
) -> None:
    application = sample("family-six-dependants")
    personalise(
        Iso7816(transport),
        lambda serial: card_content(application, serial, profile, issuer, NOW),
        keys,
        DEVELOPMENT_TRANSPORT_KEY,
        NOW,
        reserved_bytes=reserve,
    )


def test_sects_on_a_blank_64k_card_reads_back_valid(pcsc_transport: Transport, keys: FileKeyStore) -> None:
    done = put_sects(pcsc_transport, keys)
    assert done.start is Start.BLANK and done.verdict.ok
    check = verify_card(Iso7816(pcsc_transport), keys.root_certificate(), LATER)
    assert check.verdict is SectsVerdict.VALID and check.genuine
    assert check.card_number == "UPE00000042-01"
    assert [p.name for p in check.persons] == ["रमेश चन्द्र वर्मा", "सुनीता वर्मा", "अमित वर्मा", "प्रिया वर्मा"]
    assert [p.aadhaar_masked for p in check.persons][:2] == ["XXXX XXXX 4821", "XXXX XXXX 1937"]
    assert set(done.content.photos) == {"M", "D1", "D2", "D3"}


def test_sects_on_a_blank_32k_card(pcsc_transport_32k: Transport, keys: FileKeyStore) -> None:
    done = put_sects(pcsc_transport_32k, keys, family=2)
    assert done.content.info.size is CardProfile.K32
    assert verify_card(Iso7816(pcsc_transport_32k), keys.root_certificate(), LATER).valid


def test_the_card_is_not_an_echs_card(
    pcsc_transport: Transport, keys: FileKeyStore, echs_issuer: Issuer
) -> None:
    put_sects(pcsc_transport, keys)
    echs = CounterService(keys.root_certificate(), lambda: LATER).read(pcsc_transport)
    assert echs.decision.verdict is CardVerdict.NOT_ECHS


def test_a_forged_byte_in_ef_holder_is_refused(pcsc_transport: Transport, keys: FileKeyStore) -> None:
    done = put_sects(pcsc_transport, keys)
    card = Iso7816(pcsc_transport)
    card.select_mf()
    authenticate(card, CardKeys.derive(keys, done.serial).write)
    card.select_aid(SECTS_AID, fcp=False)
    raw = card.read_binary(0, 40, sfi=HOLDER.sfi)
    position = raw.index(b"-01") + 2
    card.update_binary(b"2", position, sfi=HOLDER.sfi)
    check = verify_card(card, keys.root_certificate(), LATER)
    assert check.verdict is SectsVerdict.NOT_GENUINE and not check.genuine and not check.persons
    assert any("EF.HOLDER was changed" in reason for reason in check.reasons)


def test_a_card_signed_under_another_root_is_not_genuine(
    pcsc_transport: Transport, keys: FileKeyStore, other_keys: FileKeyStore
) -> None:
    put_sects(pcsc_transport, other_keys)
    check = verify_card(Iso7816(pcsc_transport), keys.root_certificate(), LATER)
    assert check.verdict is SectsVerdict.NOT_GENUINE
    assert any("chains to the scheme root: NO" in reason for reason in check.reasons)


def test_both_applications_on_one_card_are_both_readable(
    pcsc_transport: Transport, keys: FileKeyStore, echs_issuer: Issuer
) -> None:
    put_echs(pcsc_transport, keys, echs_issuer, CardProfile.K32, beside_bytes(CardProfile.K64))
    done = put_sects(pcsc_transport, keys)
    assert done.start is Start.BESIDE
    check = verify_card(Iso7816(pcsc_transport), keys.root_certificate(), LATER)
    assert check.valid and len(check.persons) == 4
    echs = CounterService(keys.root_certificate(), lambda: LATER).read(pcsc_transport)
    assert echs.decision.genuine and echs.decision.card_number == "DL0101234567"
    assert echs.decision.verdict is CardVerdict.NOT_HANDED_OVER
    again = put_sects(pcsc_transport, keys)
    assert again.start is Start.PERSONALISED and again.bytes_written == 0


def test_sects_beside_a_full_size_echs_card_is_refused_before_any_write(
    pcsc_transport: Transport, keys: FileKeyStore, echs_issuer: Issuer
) -> None:
    put_echs(pcsc_transport, keys, echs_issuer, CardProfile.K64, 0)
    with pytest.raises(CapacityError, match=r"the card has \d+ free: .* bytes short"):
        put_sects(pcsc_transport, keys)
    echs = CounterService(keys.root_certificate(), lambda: LATER).read(pcsc_transport)
    assert echs.decision.genuine


def test_a_second_different_sects_card_is_refused(pcsc_transport: Transport, keys: FileKeyStore) -> None:
    put_sects(pcsc_transport, keys, family=3)
    with pytest.raises(WrongCard, match="already holds a SECTS application"):
        put_sects(pcsc_transport, keys, family=1)


@pytest.mark.parametrize("writes", [3, 9, 14])
def test_a_torn_personalisation_is_finished_by_running_it_again(keys: FileKeyStore, writes: int) -> None:
    card = EmulatedCard(CardSize.K64, serial=bytes.fromhex("8027688311000099"))
    transport = LoopbackTransport(card, name="loopback")
    transport.connect()
    card.tear_after_writes(writes)
    with pytest.raises(CardRemoved):
        put_sects(transport, keys)
    transport.reset()
    assert not verify_card(Iso7816(transport), keys.root_certificate(), LATER).valid
    done = put_sects(transport, keys)
    assert done.start is (Start.BLANK if writes < 5 else Start.TORN)
    assert verify_card(Iso7816(transport), keys.root_certificate(), LATER).valid


@pytest.mark.parametrize("writes", [2, 8, 12])
def test_a_torn_addition_beside_echs_is_finished_and_echs_is_untouched(
    keys: FileKeyStore, echs_issuer: Issuer, writes: int
) -> None:
    card = EmulatedCard(CardSize.K64, serial=bytes.fromhex("8027688311000098"))
    transport = LoopbackTransport(card, name="loopback")
    transport.connect()
    put_echs(transport, keys, echs_issuer, CardProfile.K32, beside_bytes(CardProfile.K64))
    card.tear_after_writes(writes)
    with pytest.raises(CardRemoved):
        put_sects(transport, keys)
    transport.reset()
    counter = CounterService(keys.root_certificate(), lambda: LATER)
    assert counter.read(transport).decision.genuine
    assert verify_card(Iso7816(transport), keys.root_certificate(), LATER).verdict is SectsVerdict.NOT_SECTS
    assert put_sects(transport, keys).start is (Start.BESIDE if writes < 5 else Start.TORN_BESIDE)
    assert verify_card(Iso7816(transport), keys.root_certificate(), LATER).valid
    assert counter.read(transport).decision.genuine
