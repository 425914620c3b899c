"""The central service's store: stations, received events, and the feeds stations pull.

Why each batch is one transaction: an acknowledgement means "all of these are held", so either the whole
batch is stored (and the feeds it changes are updated) or none of it is. Idempotency comes from the event
ID: an ID already held is acknowledged again and not stored twice, so a station may resend any batch
whose acknowledgement it never saw (docs/sync.md, "Idempotency").

Per-member order: a member's events must arrive as member_seq 1, 2, 3, ... from each station. The centre
REJECTS a gap (HTTP 409) rather than holding the event back: the station sends its outbox oldest first and
marks an event sent only once acknowledged, so a gap can only be a station bug or a restored station
database, and a person must look at it; held events would hide that and grow without bound.

Why the feed sequence is handed out from the one-row ``feed_head`` and not an identity column: identity
values are taken before commit, so on PostgreSQL a reader could see change 6 committed while change 5 is
still in flight, move its cursor past 5 and never see it. Taking the numbers by updating one row
serialises feed writers until commit, so changes become visible in sequence order.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, create_engine, event, func, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from card_station.central import migrate
from card_station.central.batch import BatchError, WireEvent
from card_station.central.credentials import (
    Credential,
    CredentialError,
    check_station_id,
    hash_secret,
    secret_matches,
)
from card_station.central.models import Event, Feed, FeedHead, FeedItem, Station
from card_station.central.projection import FeedChange, project

log = logging.getLogger(__name__)

_CONFLICT_RETRIES = 3
_SQLITE_BUSY_MS = 30_000


class OrderConflict(BatchError):
    """The batch breaks a member's event order or reuses a place in it; nothing of it was stored."""


class CentreBusy(Exception):
    """A batch kept racing concurrent requests; the station should retry it later (HTTP 503)."""


class StationExists(ValueError):
    """A station ID is registered already (rotate its credential instead)."""


class UnknownStation(ValueError):
    """No station is registered under this ID."""


class Unauthorized(Exception):
    """A request's credential is missing, malformed or wrong; the message is safe to send back."""


@dataclass(frozen=True)
class Ack:
    """What the centre holds after a batch: IDs newly stored and IDs it already held."""

    stored: tuple[str, ...]
    duplicates: tuple[str, ...]

    @property
    def acknowledged(self) -> tuple[str, ...]:
        return self.stored + self.duplicates


@dataclass(frozen=True)
class StoredEvent:
    received_seq: int
    event_id: str
    station_id: str
    kind: str
    member_key: str
    member_seq: int
    payload: dict[str, Any]


@dataclass(frozen=True)
class FeedEntry:
    seq: int
    feed: Feed
    key: str
    data: dict[str, Any] | None

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "feed": self.feed.value, "key": self.key, "data": self.data}


@dataclass(frozen=True)
class FeedPage:
    """Feed items after a cursor, oldest change first; ``cursor`` is where the next request starts."""

    items: tuple[FeedEntry, ...]
    cursor: int
    more: bool


def database_url(url: str) -> str:
    """Accept plain ``postgresql://`` URLs and use the psycopg 3 driver the project installs."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(engine: Engine) -> None:
    """WAL, foreign keys, a busy timeout, and BEGIN IMMEDIATE so that a batch's check-then-insert holds
    the write lock from its first read (SQLAlchemy's documented pysqlite transaction recipe)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={_SQLITE_BUSY_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


class CentralStore:
    """The centre's database behind the operations the HTTP service and the admin CLI need."""

    def __init__(self, url: str) -> None:
        self.url = database_url(url)
        self.engine = create_engine(self.url, pool_pre_ping=True)
        if make_url(self.url).get_backend_name() == "sqlite":
            _sqlite_pragmas(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        migrate.upgrade(self.engine)
        with self._sessions.begin() as session:
            if session.get(FeedHead, 1) is None:
                session.add(FeedHead(id=1, last_seq=0))

    def close(self) -> None:
        self.engine.dispose()

    # stations -----------------------------------------------------------------------------------------

    def register_station(self, station_id: str, name: str, *, rotate: bool = False) -> Credential:
        """Create a station (or, with ``rotate``, replace its secret) and return the credential, whose
        secret the centre does not keep: it is shown once and stored only as its hash."""
        credential = Credential.new(check_station_id(station_id))
        with self._sessions.begin() as session:
            station = session.get(Station, station_id)
            if rotate:
                if station is None:
                    raise UnknownStation(f"no station {station_id!r} is registered; add it first")
                station.secret_hash = hash_secret(credential.secret)
            elif station is not None:
                raise StationExists(
                    f"station {station_id!r} is registered already; use 'rotate' to issue a new secret"
                )
            else:
                session.add(
                    Station(
                        station_id=station_id,
                        name=name,
                        secret_hash=hash_secret(credential.secret),
                        registered_at=datetime.now(UTC),
                    )
                )
        return credential

    def stations(self) -> list[tuple[str, str]]:
        with self._sessions() as session:
            rows = session.execute(select(Station.station_id, Station.name).order_by(Station.station_id))
            return [(row.station_id, row.name) for row in rows]

    def authenticate(self, authorization: str | None) -> str:
        """The station ID an ``Authorization`` header proves, or ``Unauthorized`` saying what is wrong."""
        if not authorization:
            raise Unauthorized(
                "no credential: send 'Authorization: Bearer <station credential>' as issued by "
                "'card-station central station add'"
            )
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise Unauthorized("the Authorization header must be 'Bearer <station credential>'")
        try:
            credential = Credential.parse(token)
        except CredentialError as exc:
            raise Unauthorized(str(exc)) from None
        with self._sessions() as session:
            stored = session.scalar(
                select(Station.secret_hash).where(Station.station_id == credential.station_id)
            )
        # Compare against a dummy hash for unknown stations too, so the answer takes the same path.
        matches = secret_matches(credential.secret, stored or bytes(32))
        if stored is None or not matches:
            raise Unauthorized(
                f"the credential for station {credential.station_id!r} was refused: unknown station or "
                "wrong secret; ask the central administrator for a new one"
            )
        return credential.station_id

    # events -------------------------------------------------------------------------------------------

    def accept(self, station_id: str, events: Sequence[WireEvent]) -> Ack:
        """Store a batch in one transaction, idempotently; see the module docstring for the rules."""
        for attempt in range(1, _CONFLICT_RETRIES + 1):
            try:
                with self._sessions.begin() as session:
                    return self._accept(session, station_id, events)
            except IntegrityError:
                # Another request stored some of these events between our check and our insert (the same
                # batch resent while the first attempt was still running). Re-run: they are now duplicates.
                log.info("batch from %s raced another request (attempt %d); re-checking", station_id, attempt)
        raise CentreBusy(
            f"the batch from station {station_id!r} kept racing concurrent requests; resend it later"
        )

    def _accept(self, session: Session, station_id: str, events: Sequence[WireEvent]) -> Ack:
        ids = [e.id for e in events]
        members = sorted({e.member_key for e in events})
        held = {
            row.event_id: (row.station_id, row.member_key, row.member_seq)
            for row in session.execute(
                select(Event.event_id, Event.station_id, Event.member_key, Event.member_seq).where(
                    Event.event_id.in_(ids)
                )
            )
        }
        heads: dict[str, int] = {
            row.member_key: row.head
            for row in session.execute(
                select(Event.member_key, func.max(Event.member_seq).label("head"))
                .where(Event.station_id == station_id, Event.member_key.in_(members))
                .group_by(Event.member_key)
            )
        }
        stored: list[str] = []
        duplicates: list[str] = []
        rows: list[dict[str, Any]] = []
        changes: list[FeedChange] = []
        now = datetime.now(UTC)
        for e in events:
            place = (station_id, e.member_key, e.member_seq)
            if e.id in held:
                if held[e.id] != place:
                    raise OrderConflict(
                        f"event {e.id}: the centre holds this ID as station {held[e.id][0]!r}, member "
                        f"{held[e.id][1]!r}, seq {held[e.id][2]}, not as {place}; event IDs must be unique"
                    )
                duplicates.append(e.id)
                continue
            expected = heads.get(e.member_key, 0) + 1
            if e.member_seq != expected:
                what = "a gap" if e.member_seq > expected else "a place already taken by another event"
                raise OrderConflict(
                    f"event {e.id}: member {e.member_key!r} seq {e.member_seq} is {what}; the centre "
                    f"expects seq {expected} next from station {station_id!r}. Events must be sent oldest "
                    "first and never renumbered; nothing of this batch was stored"
                )
            heads[e.member_key] = e.member_seq
            held[e.id] = place
            stored.append(e.id)
            rows.append(
                {
                    "event_id": e.id,
                    "station_id": station_id,
                    "kind": e.kind,
                    "member_key": e.member_key,
                    "member_seq": e.member_seq,
                    "payload": e.payload,
                    "created_at": e.created_at,
                    "received_at": now,
                }
            )
            change = project(station_id, e)
            if change is not None:
                changes.append(change)
        if rows:
            session.execute(insert(Event), rows)
        self._publish(session, changes)
        return Ack(tuple(stored), tuple(duplicates))

    def events(self, station_id: str | None = None) -> list[StoredEvent]:
        """Every held event in the order received (for inspection and tests)."""
        query = select(Event).order_by(Event.received_seq)
        if station_id is not None:
            query = query.where(Event.station_id == station_id)
        with self._sessions() as session:
            return [
                StoredEvent(
                    e.received_seq, e.event_id, e.station_id, e.kind, e.member_key, e.member_seq, e.payload
                )
                for e in session.scalars(query)
            ]

    # feeds --------------------------------------------------------------------------------------------

    def publish(self, changes: Iterable[FeedChange]) -> None:
        """Changes made at the centre itself (an administrator's hotlist entry, a district notice)."""
        with self._sessions.begin() as session:
            self._publish(session, list(changes))

    def _publish(self, session: Session, changes: Sequence[FeedChange]) -> None:
        if not changes:
            return
        merged: dict[tuple[Feed, str], FeedChange] = {}
        for incoming in changes:
            before = merged.pop((incoming.feed, incoming.key), None)
            change = incoming
            if before is not None and incoming.merge:
                if before.data is None or incoming.data is None:
                    change = replace(incoming, merge=False)
                else:
                    change = replace(incoming, data={**before.data, **incoming.data}, merge=before.merge)
            merged[(change.feed, change.key)] = change
        last = session.execute(
            update(FeedHead)
            .where(FeedHead.id == 1)
            .values(last_seq=FeedHead.last_seq + len(merged))
            .returning(FeedHead.last_seq)
        ).scalar_one()
        for seq, change in enumerate(merged.values(), start=last - len(merged) + 1):
            item = session.get(FeedItem, (change.feed.value, change.key))
            data = change.data
            if item is None:
                item = FeedItem(feed=change.feed.value, key=change.key, seq=seq, station_id=change.station_id)
                item.data = data
                session.add(item)
                continue
            if change.merge and data is not None and item.data is not None:
                data = {**item.data, **data}
            item.data = data
            item.seq = seq
            item.station_id = change.station_id or item.station_id
        session.flush()

    def updates_since(self, cursor: int, limit: int) -> FeedPage:
        """Items whose latest change is after ``cursor``, oldest change first, at most ``limit``."""
        with self._sessions() as session:
            query = select(FeedItem).where(FeedItem.seq > cursor).order_by(FeedItem.seq).limit(limit + 1)
            items = list(session.scalars(query))
        more = len(items) > limit
        entries = tuple(FeedEntry(i.seq, Feed(i.feed), i.key, i.data) for i in items[:limit])
        return FeedPage(entries, entries[-1].seq if entries else cursor, more)

    def fma_list(self, station_id: str | None = None) -> list[tuple[str, dict[str, Any]]]:
        """The FMA list the centre holds, as (member key, data), for the monthly reconciliation."""
        query = select(FeedItem).where(FeedItem.feed == Feed.FMA.value, FeedItem.data.is_not(None))
        if station_id is not None:
            query = query.where(FeedItem.station_id == station_id)
        with self._sessions() as session:
            return [(i.key, dict(i.data or {})) for i in session.scalars(query.order_by(FeedItem.key))]
