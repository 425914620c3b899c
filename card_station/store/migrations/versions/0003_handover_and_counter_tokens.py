"""Handover and counter tokens (issue 6): the OTP record's id, channel, lock, replacement and delivery
status (docs/otp.md "Wiring for the store"); the card number on card rows (status lookups); the token
queue per polyclinic per day (docs/handover.md).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.add_column(sa.Column("card_number", sa.String(length=32), nullable=True))
        batch_op.create_index(batch_op.f("ix_cards_card_number"), ["card_number"], unique=False)

    with op.batch_alter_table("counter_tokens", schema=None) as batch_op:
        batch_op.add_column(sa.Column("polyclinic", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("person_id", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("care", sa.String(length=8), nullable=True))
        batch_op.create_index("ux_counter_tokens_queue", ["polyclinic", "issued_on", "token_no"], unique=True)

    with op.batch_alter_table("otp_records", schema=None) as batch_op:
        batch_op.add_column(sa.Column("uid", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("channel", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("locked_at", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("superseded_at", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("delivery", sa.String(length=300), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_otp_records_uid"), ["uid"])


def downgrade() -> None:
    with op.batch_alter_table("otp_records", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_otp_records_uid"), type_="unique")
        batch_op.drop_column("delivery")
        batch_op.drop_column("superseded_at")
        batch_op.drop_column("locked_at")
        batch_op.drop_column("channel")
        batch_op.drop_column("uid")

    with op.batch_alter_table("counter_tokens", schema=None) as batch_op:
        batch_op.drop_index("ux_counter_tokens_queue")
        batch_op.drop_column("care")
        batch_op.drop_column("person_id")
        batch_op.drop_column("polyclinic")

    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cards_card_number"))
        batch_op.drop_column("card_number")
