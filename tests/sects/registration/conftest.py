"""Fixtures of the SECTS registration tests (seed 001): the station database (tests/station_fixtures.py: a
real SQLite file with the Alembic migrations, holding one operator per role) and the real console SMS
gateway writing to a file the tests read the OTPs from (helpers in ``sects_reg_helpers``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sects_reg_helpers import Phone, SectsStation
from station_fixtures import FixedClock, StationDb, data_key

from card_station.sects.services.desk import SectsDesk
from card_station.sms.console import ConsoleGateway


@pytest.fixture
def sects(station_db: StationDb, tmp_path: Path) -> SectsStation:
    sms = tmp_path / "sms.txt"
    desk = SectsDesk(data_key(), ConsoleGateway(sms))
    return SectsStation(station_db.store, FixedClock(), desk, Phone(sms), station_db.ops)
