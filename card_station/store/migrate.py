"""Schema migrations (Alembic), shipped in the package and run programmatically.

Why check the revision before upgrading: a database written by a newer Card Station carries a revision
this program has never heard of; upgrading or even writing to it could destroy data the newer version
relies on, so it is refused with a clear error and left untouched.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, inspect

from card_station import alembic_scripts
from card_station.store.errors import ForeignDatabase, UnknownSchema

MIGRATIONS = Path(__file__).parent / "migrations"


def head_revision() -> str:
    return alembic_scripts.head_revision(MIGRATIONS)


def known_revisions() -> frozenset[str]:
    return alembic_scripts.known_revisions(MIGRATIONS)


def check_revision(revision: str | None, tables: set[str]) -> None:
    """Refuse a database that is not ours (tables but no revision) or is at a revision we do not know."""
    if revision is None:
        if tables - {"alembic_version"}:
            raise ForeignDatabase(
                f"the database holds tables ({', '.join(sorted(tables)[:5])}) but no Card Station schema "
                "revision; it is not a Card Station database; open the right file"
            )
        return
    if revision not in known_revisions():
        raise UnknownSchema(
            f"the database is at schema revision {revision!r}, which this Card Station does not know "
            f"(its newest is {head_revision()!r}); it was probably written by a newer version. "
            "Nothing was changed: run that newer version, or restore a backup made by this one."
        )


def current_revision(connection: Connection) -> str | None:
    """The database's schema revision; None for an empty database. Refuses a database that is not ours."""
    revision = MigrationContext.configure(connection).get_current_revision()
    check_revision(revision, set(inspect(connection).get_table_names()))
    return revision


def upgrade(connection: Connection, revision: str = "head") -> None:
    current_revision(connection)
    command.upgrade(alembic_scripts.alembic_config(MIGRATIONS, connection), revision)


def downgrade(connection: Connection, revision: str) -> None:
    current_revision(connection)
    command.downgrade(alembic_scripts.alembic_config(MIGRATIONS, connection), revision)
