"""Running one service call for the logged-in operator in one write transaction.

Why: every service takes the ORM ``Operator`` and the caller's session (docs/store.md); the shell's
``AppContext`` holds a plain ``OperatorInfo``. The row is loaded inside the same transaction, so a
deactivated operator is refused at once, and a refusal rolls everything back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.orm import Session

from card_station.store.models.operators import Operator
from gui.shell.context import AppContext

T = TypeVar("T")


def as_operator(ctx: AppContext, work: Callable[[Session, Operator], T]) -> T:
    """``work(session, operator)`` in one transaction; any exception rolls it back and propagates."""
    with ctx.store.transaction() as session:
        operator = session.get(Operator, ctx.operator.id)
        if operator is None:
            raise PermissionError(f"operator {ctx.operator.username!r} no longer exists: log in again")
        return work(session, operator)
