"""Where the station's files live: the platform's user data directory, overridable.

Why platformdirs: a station desktop runs Debian today and may run Windows tomorrow; the database and the
data key belong in the user's data directory, not the working directory. ``CARD_STATION_DB`` and
``CARD_STATION_DATA_KEY`` override them (tests, a second station on one machine, a mounted data disk).
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "card-station"
DB_ENV = "CARD_STATION_DB"
KEY_ENV = "CARD_STATION_DATA_KEY"


def data_dir() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    override = os.environ.get(DB_ENV)
    return Path(override) if override else data_dir() / "station.db"


def default_key_path() -> Path:
    override = os.environ.get(KEY_ENV)
    return Path(override) if override else data_dir() / "station-data.key"
