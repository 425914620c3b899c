"""Fixtures of the key tests."""

from __future__ import annotations

import pytest
from keys_pki import Pki, make_pki


@pytest.fixture(scope="module")
def pki() -> Pki:
    """One root and station, shared by a module's tests (building keys is the slow part)."""
    return make_pki()
