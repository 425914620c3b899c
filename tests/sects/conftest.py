"""Fixtures of the SECTS card and face tests: a development key store, another root, and the ECHS issuer
for cards holding both applications. ``sects_samples`` (beside this file) builds the health cards."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sects_samples import NOW

from card_station.card.compose import Issuer
from card_station.domain.parameters import load_rule_parameters
from card_station.domain.reference.reference_data import default_fixtures_dir, load_reference_data
from card_station.keys import FileKeyStore


@pytest.fixture(scope="session")
def keys(tmp_path_factory: pytest.TempPathFactory) -> FileKeyStore:
    folder: Path = tmp_path_factory.mktemp("sects-keys") / "store"
    return FileKeyStore.create_development(folder, "sects-test-passphrase", NOW - timedelta(days=1))


@pytest.fixture(scope="session")
def other_keys(tmp_path_factory: pytest.TempPathFactory) -> FileKeyStore:
    """Another development store: another root, a station the scheme never certified."""
    folder: Path = tmp_path_factory.mktemp("sects-other-keys") / "store"
    return FileKeyStore.create_development(folder, "sects-test-passphrase", NOW - timedelta(days=1))


@pytest.fixture(scope="session")
def echs_issuer() -> Issuer:
    return Issuer("UP-LKO-01", load_rule_parameters(), load_reference_data(default_fixtures_dir()))
