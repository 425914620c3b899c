"""Running one service call for the logged-in operator in one write transaction, and reading the store as
that operator (the lists of the clerk's screens).

Why: every service takes the ORM ``Operator`` and the caller's session (docs/store.md); the shell's
``AppContext`` holds a plain ``OperatorInfo``. The row is loaded inside the same transaction, so a
deactivated operator is refused at once, and a refusal rolls everything back.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy.orm import Session

from card_station.store.lifecycle import ApplicationState
from card_station.store.models.operators import Operator
from gui.clerk.queries import ApplicationLine, find_applications
from gui.shell.context import AppContext

T = TypeVar("T")


def as_operator(ctx: AppContext, work: Callable[[Session, Operator], T]) -> T:
    """``work(session, operator)`` in one transaction; any exception rolls it back and propagates."""
    with ctx.store.transaction() as session:
        return work(session, _logged_in(ctx, session))


@contextmanager
def read_as_operator(ctx: AppContext) -> Iterator[tuple[Session, Operator]]:
    """A read-only session and the logged-in operator's row, for the screens' lists (the queries filter by
    the operator's role)."""
    with ctx.store.read() as session:
        yield session, _logged_in(ctx, session)


def applications_in(ctx: AppContext, states: Collection[ApplicationState]) -> list[ApplicationLine]:
    """The newest applications the operator may see (``find_applications``) that are in one of ``states``:
    what a screen working on one step of the lifecycle offers."""
    with read_as_operator(ctx) as (session, operator):
        return [line for line in find_applications(session, operator) if line.state in states]


def _logged_in(ctx: AppContext, session: Session) -> Operator:
    operator = session.get(Operator, ctx.operator.id)
    if operator is None:
        raise PermissionError(f"operator {ctx.operator.username!r} no longer exists: log in again")
    return operator
