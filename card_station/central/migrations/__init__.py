"""Alembic migrations of the central service's database (card_station.central.migrate runs them)."""
