"""Alembic environment for the central database, driven only programmatically (card_station.central.migrate).

Why its own version table: a station database and a central database must never be taken for each other.
With ``central_alembic_version`` a station file opened as the centre shows tables but no central revision,
and is refused as foreign instead of being "upgraded".
"""

from __future__ import annotations

from alembic import context

from card_station.central.migrate import VERSION_TABLE
from card_station.central.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    version_table=VERSION_TABLE,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
