"""Alembic environment for the station database, driven only programmatically (card_station.store.migrate).

Why no alembic.ini: migrations ship inside the package and run on the connection the store opened (with
its PRAGMAs), so a station upgrades itself without any file at the working directory.
"""

from __future__ import annotations

from alembic import context

from card_station.store.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
