"""Fixtures of the card face tests: development key stores (the issuing station's, whose root counters
trust, and a rogue station's with its own root), the issuer, and a family's card content composed exactly
as personalisation composes it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from face_helpers import FIXTURES, NOW, SERIAL

from card_station.applications import ApplicationFile, load_application
from card_station.card.compose import Issuer
from card_station.card.content import CardContent
from card_station.domain.parameters import load_rule_parameters
from card_station.domain.reference.reference_data import default_fixtures_dir, load_reference_data
from card_station.issuing.face.from_application import content_from_application
from card_station.keys import FileKeyStore

PASSPHRASE = "face-tests-passphrase"


@pytest.fixture(scope="session")
def face_keys(tmp_path_factory: pytest.TempPathFactory) -> FileKeyStore:
    return FileKeyStore.create_development(
        tmp_path_factory.mktemp("face-keys") / "store", PASSPHRASE, NOW - timedelta(days=1)
    )


@pytest.fixture(scope="session")
def rogue_keys(tmp_path_factory: pytest.TempPathFactory) -> FileKeyStore:
    """Another station with its own root: the scheme root never certified it."""
    return FileKeyStore.create_development(
        tmp_path_factory.mktemp("rogue-keys") / "store",
        PASSPHRASE,
        NOW - timedelta(days=1),
        station_name="Rogue",
    )


@pytest.fixture(scope="session")
def issuer() -> Issuer:
    return Issuer("DL-STN-01", load_rule_parameters(), load_reference_data(default_fixtures_dir()))


@pytest.fixture(scope="session")
def family() -> ApplicationFile:
    """An Army JCO (Sub) with spouse, son, two daughters, father and mother, all with photos."""
    return load_application(FIXTURES / "family-six-dependants.json")


@pytest.fixture(scope="session")
def family_content(family: ApplicationFile, issuer: Issuer) -> CardContent:
    return content_from_application(family, issuer, NOW, serial=SERIAL)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path


@pytest.fixture(autouse=True)
def _qt_application(qapp: object) -> object:
    """pytest-qt's QApplication, made before any face code runs: the renderer then uses it rather than
    creating a QGuiApplication of its own, which would stop later widget tests in the same session."""
    return qapp
