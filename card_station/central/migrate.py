"""Schema migrations of the central database (Alembic), shipped in the package and run on start.

Why migrations and not ``create_all``: the centre's database outlives every release of the service, and
``create_all`` only ever adds missing tables; a changed column would silently differ between centres.
Why adopt an unversioned database: centres set up before migrations existed hold exactly the first
schema, made by ``create_all``; they are stamped at the first revision when their tables are exactly
that set, and anything else without a central revision is refused untouched.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, Engine, inspect

from card_station import alembic_scripts

MIGRATIONS = Path(__file__).parent / "migrations"
VERSION_TABLE = "central_alembic_version"
FIRST_REVISION = "c0001"
FIRST_SCHEMA_TABLES = frozenset({"stations", "events", "feed_items", "feed_head"})


class CentralSchemaError(RuntimeError):
    """The database is not a central database this program can open; nothing was changed."""


def head_revision() -> str:
    return alembic_scripts.head_revision(MIGRATIONS)


def current_revision(connection: Connection) -> str | None:
    context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
    return context.get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision``, adopting a first-schema ``create_all`` database."""
    with engine.begin() as connection:
        found = current_revision(connection)
        tables = set(inspect(connection).get_table_names()) - {VERSION_TABLE}
        if found is None and tables:
            if tables != FIRST_SCHEMA_TABLES:
                raise CentralSchemaError(
                    f"the database holds tables ({', '.join(sorted(tables)[:5])}) but no central schema "
                    "revision: it is not a Card Station central database (a station's database?); "
                    "give the central service its own database URL"
                )
            command.stamp(alembic_scripts.alembic_config(MIGRATIONS, connection), FIRST_REVISION)
        elif found is not None and found not in alembic_scripts.known_revisions(MIGRATIONS):
            raise CentralSchemaError(
                f"the central database is at revision {found!r}, which this Card Station does not know "
                f"(its newest is {head_revision()!r}); run the newer version that wrote it"
            )
        command.upgrade(alembic_scripts.alembic_config(MIGRATIONS, connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    with engine.begin() as connection:
        command.downgrade(alembic_scripts.alembic_config(MIGRATIONS, connection), revision)
