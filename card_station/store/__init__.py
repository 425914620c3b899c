"""The station's store: SQLite (WAL, foreign keys on) through SQLAlchemy 2, Alembic migrations, the outbox
and what arrives from the centre (docs/store.md)."""

from card_station.store.database import Store, open_store
from card_station.store.errors import CorruptDatabase, ForeignDatabase, StoreError, UnknownSchema

__all__ = ["CorruptDatabase", "ForeignDatabase", "Store", "StoreError", "UnknownSchema", "open_store"]
