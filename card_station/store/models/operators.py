"""Operators: who works at the station, in which role, with a scrypt password (issue 5, "Roles and audit").

The password is kept only as scrypt(salt, password) with a per-operator salt; ``failed_logins`` and
``locked_until`` carry the lockout across restarts, so restarting the app does not reset an attacker's count.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Enum, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from card_station.store.models.base import Base
from card_station.store.roles import Role
from card_station.store.types import UtcDateTime


class Operator(Base):
    __tablename__ = "operators"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(Enum(Role, native_enum=False, length=16))
    password_salt: Mapped[bytes] = mapped_column(LargeBinary(16))
    password_hash: Mapped[bytes] = mapped_column(LargeBinary(32))
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)

    def __repr__(self) -> str:
        return f"Operator(id={self.id}, username={self.username!r}, role={self.role.name})"
