"""Fixtures of the card layout tests: development key stores made in a temporary directory."""

from __future__ import annotations

import pytest
from layout_samples import NOW

from card_station.keys import FileKeyStore

PASSPHRASE = "layout-tests-passphrase"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> FileKeyStore:
    """The issuing station's development key store (its root is the root counters trust)."""
    return FileKeyStore.create_development(tmp_path_factory.mktemp("keys") / "store", PASSPHRASE, NOW)


@pytest.fixture(scope="module")
def foreign_store(tmp_path_factory: pytest.TempPathFactory) -> FileKeyStore:
    """Another development store, with its own root: its station is not certified by ``store``'s root."""
    return FileKeyStore.create_development(
        tmp_path_factory.mktemp("foreign") / "store", PASSPHRASE, NOW, station_name="Rogue station"
    )
