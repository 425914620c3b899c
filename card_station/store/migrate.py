"""Schema migrations (Alembic), shipped in the package and run programmatically.

Why check the revision before upgrading: a database written by a newer Card Station carries a revision
this program has never heard of; upgrading or even writing to it could destroy data the newer version
relies on, so it is refused with a clear error and left untouched.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from card_station.store.errors import ForeignDatabase, UnknownSchema

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    if head is None:
        raise RuntimeError(f"no migrations found under {MIGRATIONS}")
    return head


def known_revisions() -> frozenset[str]:
    return frozenset(script.revision for script in ScriptDirectory(str(MIGRATIONS)).walk_revisions())


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
    command.upgrade(alembic_config(connection), revision)


def downgrade(connection: Connection, revision: str) -> None:
    current_revision(connection)
    command.downgrade(alembic_config(connection), revision)
