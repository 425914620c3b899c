"""Shared pieces of the OTP and SMS tests: the real rule parameters, a station secret, an IST clock."""

from __future__ import annotations

from datetime import datetime

import pytest

from card_station.domain.handover import IST
from card_station.domain.parameters import load_rule_parameters
from card_station.handover import OtpPolicy, OtpSecret

ISSUED_AT = datetime(2026, 11, 23, 10, 0, tzinfo=IST)
FAMILY = "APP-2026-000123"
OTHER_FAMILY = "APP-2026-000456"


@pytest.fixture(scope="session")
def policy() -> OtpPolicy:
    return OtpPolicy(load_rule_parameters().parameters_on(ISSUED_AT.date()))


@pytest.fixture(scope="session")
def secret() -> OtpSecret:
    return OtpSecret(bytes(range(32)))
