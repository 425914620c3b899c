"""Opening the station database: SQLite in WAL mode with foreign keys on, migrated to the newest schema.

Why PRAGMAs on every connection: ``foreign_keys`` is per connection in SQLite and off by default, so a pool
that opened a connection without it would silently accept orphans. WAL lets the counter screen read while
the clerk writes; ``synchronous=FULL`` makes a commit survive power loss, not only a crash, because a
committed handover or block must not vanish. A write transaction (``Store.transaction``) starts with
``BEGIN IMMEDIATE``: writers queue at the start instead of failing mid-transaction, which also serialises
the per-member outbox sequence and the audit chain; a read (``Store.read``) starts deferred and never waits
for a writer.

Why refuse before migrating: an unreadable file, a foreign database or a newer schema revision is reported
as a typed error and the file is left exactly as it was; an older schema is copied to a backup beside the
database (SQLite online backup) before it is upgraded.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from card_station.store import migrate
from card_station.store.errors import CorruptDatabase, StoreError
from card_station.store.location import default_db_path

BUSY_TIMEOUT_MS = 30_000
_IMMEDIATE = "card_station_begin_immediate"


@dataclass(frozen=True)
class Store:
    """An open station database: the engine, a session factory, and the file it lives in."""

    engine: Engine
    sessions: sessionmaker[Session]
    readers: sessionmaker[Session]
    path: Path

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write session (BEGIN IMMEDIATE) that commits at the end of the block, or rolls back on any
        exception."""
        with self.sessions.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read session (deferred BEGIN, a WAL snapshot); it is rolled back at the end of the block."""
        with self.readers() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def _on_connect(dbapi_connection: sqlite3.Connection, record: ConnectionPoolEntry) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def _on_begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get(_IMMEDIATE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _path_of(target: str | Path | None) -> Path:
    if target is None:
        return default_db_path()
    text = str(target)
    if text.startswith("sqlite"):
        database = make_url(text).database
        if not database or database == ":memory:":
            raise StoreError("the station store needs a database file (WAL mode), not an in-memory database")
        return Path(database)
    if "://" in text:
        raise StoreError(
            f"the station store is SQLite only; give a file path or sqlite:/// URL, not {text!r}"
        )
    return Path(text)


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def backup_to(engine: Engine, destination: Path) -> None:
    """Copy the live database to ``destination`` with SQLite's online backup API (consistent while in use)."""
    raw = engine.raw_connection()
    try:
        target = sqlite3.connect(destination)
        try:
            raw.driver_connection.backup(target)  # type: ignore[union-attr]
        finally:
            target.close()
    finally:
        raw.close()


def open_store(target: str | Path | None = None, *, migrate_schema: bool = True) -> Store:
    """Open (creating if absent) the station database at ``target`` (a path or sqlite:/// URL; default:
    ``CARD_STATION_DB`` or the user data directory), check it, and bring its schema to the newest revision.

    Raises ``CorruptDatabase``, ``ForeignDatabase`` or ``UnknownSchema`` without changing the file.
    """
    path = _path_of(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        _check_readable(path)
    engine = make_engine(path)
    try:
        with engine.connect() as connection:
            revision = migrate.current_revision(connection)
            connection.rollback()
        if migrate_schema and revision != migrate.head_revision():
            if existed and revision is not None:
                backup_to(engine, path.with_name(f"{path.name}.before-{migrate.head_revision()}.bak"))
            with engine.begin() as connection:
                migrate.upgrade(connection)
    except DatabaseError as exc:
        engine.dispose()
        raise CorruptDatabase(f"{path}: SQLite cannot read it ({exc.orig}); restore a backup") from exc
    except BaseException:
        engine.dispose()
        raise
    writer = engine.execution_options(**{_IMMEDIATE: True})
    return Store(
        engine=engine,
        sessions=sessionmaker(writer, expire_on_commit=False),
        readers=sessionmaker(engine, expire_on_commit=False),
        path=path,
    )


def _check_readable(path: Path) -> None:
    """Before any PRAGMA can change the file: open it read-only, read the schema and the revision, and
    refuse a damaged file, a foreign database or an unknown revision."""
    try:
        probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in probe.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = None
            if "alembic_version" in tables:
                found = probe.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = None if found is None else str(found[0])
        finally:
            probe.close()
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabase(
            f"{path} is not a readable SQLite database ({exc}); nothing was changed. "
            "Restore the last backup (card-station db backup makes them) or run card-station db check."
        ) from exc
    migrate.check_revision(revision, tables)
