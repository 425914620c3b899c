"""Fixtures for the reference-data tests: the shipped data, and a writable copy to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from card_station.domain.reference import ReferenceData, default_fixtures_dir, load_reference_data


@pytest.fixture(scope="session")
def reference() -> ReferenceData:
    return load_reference_data(default_fixtures_dir())


@pytest.fixture
def fixtures_copy(tmp_path: Path) -> Path:
    """A copy of the shipped fixtures folder that a test may break."""
    target = tmp_path / "fixtures"
    shutil.copytree(default_fixtures_dir(), target)
    return target
