"""A read-only health check of a station database file (``card-station db check``).

Why read-only and outside the ORM: the check must work on exactly the files the store refuses to open (a
damaged file, a newer schema) and must never change them, so it opens the file with SQLite's ``mode=ro``
and reads only the header, ``PRAGMA integrity_check``, the Alembic revision and the outbox depth.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from card_station.store import migrate


@dataclass(frozen=True)
class HealthReport:
    path: Path
    integrity: str
    revision: str | None
    head: str
    outbox_depth: int | None
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(path: Path) -> HealthReport:
    head = migrate.head_revision()
    if not path.exists():
        return HealthReport(path, "not checked", None, head, None, (f"{path} does not exist",))
    problems: list[str] = []
    revision = None
    depth = None
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return HealthReport(path, "not checked", None, head, None, (f"cannot open {path}: {exc}",))
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
        integrity = "; ".join(str(row[0]) for row in rows[:10])
        if integrity != "ok":
            problems.append(f"integrity check failed: {integrity}; restore the last backup")
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "alembic_version" in tables:
            found = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = None if found is None else str(found[0])
        if revision is None:
            problems.append("no Card Station schema revision: not a station database, or never opened")
        elif revision not in migrate.known_revisions():
            problems.append(
                f"schema revision {revision} is unknown to this program (written by a newer version?); "
                "do not use this file with this version"
            )
        if "outbox_events" in tables:
            depth = int(
                connection.execute("SELECT count(*) FROM outbox_events WHERE sent_at IS NULL").fetchone()[0]
            )
    except sqlite3.DatabaseError as exc:
        integrity = f"unreadable: {exc}"
        problems.append(f"SQLite cannot read {path} ({exc}); restore the last backup")
    finally:
        connection.close()
    return HealthReport(path, integrity, revision, head, depth, tuple(problems))
