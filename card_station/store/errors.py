"""The store's typed errors; each says what is wrong and what to do, and none loses data."""

from __future__ import annotations


class StoreError(Exception):
    """The station database cannot be used as asked."""


class CorruptDatabase(StoreError):
    """The file is not an SQLite database, or SQLite reports it damaged."""


class UnknownSchema(StoreError):
    """The database is at a schema revision this program does not know (written by a newer version?)."""


class ForeignDatabase(StoreError):
    """The file is an SQLite database but not a Card Station one."""
