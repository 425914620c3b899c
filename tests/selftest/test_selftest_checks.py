"""The self-test's checks without Qt (card_station.selftest): the write/read round trip over the loopback
transport (tearing injection lives there), the crypto known answers, the clock and the database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from apdu.emulator import CardSize, EmulatedCard
from apdu.transport import CardRemoved
from apdu.transport.loopback import LoopbackTransport
from card_station.applications import sample
from card_station.card.compose import Issuer
from card_station.card.session import DEVELOPMENT_TRANSPORT_KEY
from card_station.domain.parameters import load_rule_parameters
from card_station.domain.reference.reference_data import default_fixtures_dir, load_reference_data
from card_station.keys import FileKeyStore
from card_station.selftest import CheckStatus
from card_station.selftest.crypto_kat import _kat, check_crypto
from card_station.selftest.round_trip import round_trip
from card_station.selftest.system_checks import check_clock, check_database_health
from card_station.services.personalisation import PersonalisationService
from card_station.store import open_store

NOW = datetime(2026, 11, 23, 4, 30, tzinfo=UTC)


@pytest.fixture
def card() -> EmulatedCard:
    return EmulatedCard(CardSize.K64)


@pytest.fixture
def transport(card: EmulatedCard) -> LoopbackTransport:
    transport = LoopbackTransport(card, name="test reader")
    transport.connect()
    return transport


def _personalisation(tmp_path: Path) -> PersonalisationService:
    keys = FileKeyStore.create_development(tmp_path / "keys", "selftest-passphrase", NOW - timedelta(days=1))
    issuer = Issuer("DL-STN-01", load_rule_parameters(), load_reference_data(default_fixtures_dir()))
    return PersonalisationService(keys, issuer, DEVELOPMENT_TRANSPORT_KEY, lambda: NOW)


def test_a_blank_test_card_passes_and_can_be_used_again(transport: LoopbackTransport) -> None:
    first = round_trip(transport, DEVELOPMENT_TRANSPORT_KEY)
    second = round_trip(transport, DEVELOPMENT_TRANSPORT_KEY)
    assert (first.status, second.status) == (CheckStatus.PASS, CheckStatus.PASS)
    assert first.summary.endswith(
        "the blank card is now this station's test card: keep it apart from the stock"
    )
    assert second.summary == "200 bytes written and read back identical (test reader)"


def test_an_issued_card_is_refused_and_not_written(
    card: EmulatedCard, transport: LoopbackTransport, tmp_path: Path
) -> None:
    _personalisation(tmp_path).personalise(transport, sample("war-widow"))
    before = card.snapshot()
    result = round_trip(transport, DEVELOPMENT_TRANSPORT_KEY)
    assert result.status is CheckStatus.SKIPPED
    assert result.summary.startswith("refused: the card in test reader is")
    assert result.summary.endswith("writes only on a blank card or the station's test card: insert one")
    assert card.snapshot() == before


@pytest.mark.parametrize("writes", [3, 6, 20, 40])
def test_an_interrupted_personalisation_is_refused_and_not_written(
    card: EmulatedCard, transport: LoopbackTransport, tmp_path: Path, writes: int
) -> None:
    card.tear_after_writes(writes)
    with pytest.raises(CardRemoved):
        _personalisation(tmp_path).personalise(transport, sample("war-widow"))
    transport.reset()
    before = card.snapshot()
    result = round_trip(transport, DEVELOPMENT_TRANSPORT_KEY)
    assert result.status is CheckStatus.SKIPPED
    assert result.summary.startswith("refused: the card in test reader")
    assert card.snapshot() == before


def test_the_crypto_known_answers_pass_and_a_wrong_answer_is_named() -> None:
    result = check_crypto()
    assert result.status is CheckStatus.PASS
    assert result.summary == "KDF, AES-CMAC, ECDSA sign/verify, HMAC: correct"
    assert _kat("AES-CMAC", bytes(16), "00" * 15 + "01") == (
        f"AES-CMAC: got {'00' * 16}, expected {'00' * 15}01"
    )


def test_the_clock_is_shown_in_ist_and_a_clock_in_the_past_fails() -> None:
    good = check_clock(NOW)
    assert good.status is CheckStatus.PASS
    assert good.summary.startswith("23 Nov 2026 10:00:00 IST")
    bad = check_clock(datetime(2001, 1, 1, tzinfo=UTC))
    assert bad.status is CheckStatus.FAIL
    assert "set the date and time" in bad.summary


def test_the_database_check_passes_on_a_migrated_store_and_fails_on_garbage(tmp_path: Path) -> None:
    store = open_store(tmp_path / "station.db")
    store.close()
    assert check_database_health(tmp_path / "station.db").status is CheckStatus.PASS
    (tmp_path / "garbage.db").write_bytes(b"not a database" * 200)
    assert check_database_health(tmp_path / "garbage.db").status is CheckStatus.FAIL
