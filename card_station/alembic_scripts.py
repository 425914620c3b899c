"""An Alembic migration folder shipped in the package and run programmatically on an open connection:
the station store's (``card_station.store.migrate``) and the central database's
(``card_station.central.migrate``).

Why no alembic.ini: the migrations run inside the program, on the connection it already holds, so the
only setting is the folder; each folder's ``env.py`` reads the connection from the config's attributes.
"""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection


def alembic_config(folder: Path, connection: Connection) -> Config:
    """The Alembic config that runs the migrations in ``folder`` on ``connection``."""
    config = Config()
    config.set_main_option("script_location", str(folder))
    config.attributes["connection"] = connection
    return config


def head_revision(folder: Path) -> str:
    """The newest revision in ``folder``."""
    head = ScriptDirectory(str(folder)).get_current_head()
    if head is None:
        raise RuntimeError(f"no migrations found under {folder}")
    return head


def known_revisions(folder: Path) -> frozenset[str]:
    """Every revision in ``folder``: a database at any other was written by a newer program."""
    return frozenset(script.revision for script in ScriptDirectory(str(folder)).walk_revisions())
