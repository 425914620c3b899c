"""Issuing runs: the run, its applications and the cards its readers refused (issue 8).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "issuing_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("finished_at", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issuing_runs")),
        sa.UniqueConstraint("name", name=op.f("uq_issuing_runs_name")),
    )
    op.create_table(
        "issuing_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("card_number", sa.String(length=32), nullable=False),
        sa.Column(
            "card_size", sa.Enum("KB32", "KB64", name="cardsize", native_enum=False, length=8), nullable=False
        ),
        sa.Column("application_key", sa.String(length=36), nullable=True),
        sa.Column(
            "state",
            sa.Enum(
                "PENDING",
                "WRITING",
                "INTERRUPTED",
                "ISSUED",
                "FAILED",
                name="itemstate",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("reader", sa.String(length=200), nullable=True),
        sa.Column("serial", sa.String(length=32), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("interruptions", sa.Integer(), nullable=False),
        sa.Column(
            "failure_kind",
            sa.Enum("CARD", "PRINT", "RECORD", name="failurekind", native_enum=False, length=8),
            nullable=True,
        ),
        sa.Column("failure", sa.Text(), nullable=True),
        sa.Column("face", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["issuing_runs.id"], name=op.f("fk_issuing_items_run_id_issuing_runs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issuing_items")),
        sa.UniqueConstraint("run_id", "card_number", name="card_number"),
        sa.UniqueConstraint("run_id", "position", name="position"),
    )
    op.create_index("ix_issuing_items_serial", "issuing_items", ["serial"], unique=False)
    op.create_index("ix_issuing_items_run_id_state", "issuing_items", ["run_id", "state"], unique=False)
    op.create_table(
        "issuing_refusals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("reader", sa.String(length=200), nullable=False),
        sa.Column("serial", sa.String(length=32), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["issuing_runs.id"], name=op.f("fk_issuing_refusals_run_id_issuing_runs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issuing_refusals")),
    )
    op.create_index("ix_issuing_refusals_run_id", "issuing_refusals", ["run_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_issuing_refusals_run_id", table_name="issuing_refusals")
    op.drop_table("issuing_refusals")
    op.drop_index("ix_issuing_items_run_id_state", table_name="issuing_items")
    op.drop_index("ix_issuing_items_serial", table_name="issuing_items")
    op.drop_table("issuing_items")
    op.drop_table("issuing_runs")
