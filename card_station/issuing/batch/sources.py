"""Which applications a run issues: a directory of application files (docs/applications.md), a batch
list file naming them, or the store's verified applications with their files (``plan_verified``); each is
loaded and checked before the run starts so that a typing error is reported at once, not half-way through
a run.

The batch list format (JSON): ``{"format": "card-station/batch", "version": 1, "applications":
["a.json", "b.json"]}``; paths are relative to the list file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from card_station.applications import ApplicationFile, ApplicationFileError, load_application
from card_station.domain.records import CardSize, Service
from card_station.store.database import Store
from card_station.store.lifecycle import ApplicationState
from card_station.store.mapping import application_from_row
from card_station.store.models.people import ApplicationRow

FORMAT = "card-station/batch"
VERSION = 1


class BatchListError(ValueError):
    """A batch list that cannot be used: names the file and what to write instead."""


@dataclass(frozen=True)
class Planned:
    """One application of a run: its file, card number and the card size it asks for."""

    source: Path
    card_number: str
    card_size: CardSize
    application_key: str | None = None
    """The verified application in the store (``plan_verified``), recorded as personalised on issue."""


def _listed(path: Path) -> list[Path]:
    if path.is_dir():
        found = sorted(p for p in path.glob("*.json") if p.is_file())
        if not found:
            raise BatchListError(f"{path} holds no application files (*.json)")
        return found
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BatchListError(f"{path}: cannot be read: {exc.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BatchListError(f"{path}: not a JSON batch list ({exc})") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT or raw.get("version") != VERSION:
        start = f'{{"format": "{FORMAT}", "version": {VERSION}, "applications": [...]}}'
        raise BatchListError(f"{path}: a batch list starts {start}")
    entries = raw.get("applications")
    if not isinstance(entries, list) or not entries or not all(isinstance(e, str) for e in entries):
        raise BatchListError(f'{path}: "applications" must be a non-empty list of application file paths')
    return [(path.parent / entry).resolve() for entry in entries]


def _load(source: Path) -> ApplicationFile:
    try:
        return load_application(source)
    except ApplicationFileError as exc:
        raise BatchListError(f"application {source}: {exc.field}: {exc.problem}") from None


def plan_applications(path: Path) -> list[Planned]:
    """Every application of the directory or batch list ``path``, loaded and checked, in order; two with
    the same card number are refused (a card number is issued once)."""
    planned = []
    for source in _listed(path):
        loaded = _load(source)
        planned.append(Planned(source.resolve(), loaded.card.card_number, loaded.application.card_size))
    return _unique(planned)


def plan_verified(store: Store, folder: Path) -> list[Planned]:
    """The store's verified applications (maker-checker done, seed 002 §4), oldest first, each with its
    application file from ``folder`` (the file carries what the store does not: card number, polyclinic,
    photos), matched by service and service number.

    A file that differs from what was verified, a verified application without a file, and one that asks
    for add-on cards (issued together at the clerk's screen, seed 002 §3(a)) are refused before the run.
    """
    files: dict[tuple[Service, str], tuple[Path, ApplicationFile]] = {}
    for path in sorted(folder.glob("*.json")):
        loaded = _load(path)
        member = loaded.application.member
        files[(member.service, member.service_number)] = (path, loaded)
    planned: list[Planned] = []
    with store.read() as session:
        rows = session.scalars(
            select(ApplicationRow)
            .where(ApplicationRow.state == ApplicationState.VERIFIED)
            .order_by(ApplicationRow.updated_at, ApplicationRow.id)
        ).all()
        if not rows:
            raise BatchListError("no application is verified and waiting for its card: verify some first")
        for row in rows:
            verified = application_from_row(row)
            member = verified.member
            who = f"{member.service.label} {member.service_number} ({row.key})"
            found = files.get((member.service, member.service_number))
            if found is None:
                raise BatchListError(f"verified application {who} has no application file in {folder}")
            path, loaded = found
            if loaded.application != verified:
                raise BatchListError(
                    f"{path} differs from verified application {who}: correct the file, or return the "
                    "application for a change and verify it again"
                )
            if row.add_on_cards:
                raise BatchListError(
                    f"verified application {who} asks for {row.add_on_cards} add-on card(s): issue it at "
                    "the clerk's screen, where its cards are personalised together"
                )
            planned.append(Planned(path.resolve(), loaded.card.card_number, row.card_size, row.key))
    return _unique(planned)


def _unique(planned: list[Planned]) -> list[Planned]:
    seen: dict[str, Path] = {}
    for entry in planned:
        if entry.card_number in seen:
            first = seen[entry.card_number]
            raise BatchListError(
                f"{entry.source} and {first} both have card number {entry.card_number}: fix one"
            )
        seen[entry.card_number] = entry.source
    return planned
