"""SECTS: DDO/TO officers and offices, employee/pensioner registrations and family members, SECTS OTPs and
card prints (seed 001; issue 9).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_INSTANT = sa.String(length=32)


def upgrade() -> None:
    op.create_table(
        "sects_otps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column(
            "purpose",
            sa.Enum(
                "OFFICER_FORM",
                "BENEFICIARY_FORM",
                "SELF_PRINT_LOGIN",
                name="otppurpose",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("subject", sa.String(length=40), nullable=False),
        sa.Column("mac", sa.LargeBinary(length=32), nullable=False),
        sa.Column("issued_at", _INSTANT, nullable=False),
        sa.Column("expires_at", _INSTANT, nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("locked_at", _INSTANT, nullable=True),
        sa.Column("used_at", _INSTANT, nullable=True),
        sa.Column("superseded_at", _INSTANT, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sects_otps")),
        sa.UniqueConstraint("uid", name=op.f("uq_sects_otps_uid")),
    )
    op.create_index("ix_sects_otps_subject_purpose", "sects_otps", ["subject", "purpose"], unique=False)
    op.create_table(
        "sects_officers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column(
            "kind", sa.Enum("DDO", "TO", name="officerkind", native_enum=False, length=8), nullable=False
        ),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("designation", sa.String(length=200), nullable=False),
        sa.Column("controlling_officer", sa.String(length=200), nullable=False),
        sa.Column(
            "mobile_kind",
            sa.Enum("CUG", "PERSONAL", name="mobilekind", native_enum=False, length=8),
            nullable=False,
        ),
        sa.Column("mobile_encrypted", sa.LargeBinary(), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "SUBMITTED",
                "OTP_SENT",
                "FORM_RELEASED",
                "VERIFIED",
                name="officerstatus",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("registered_by", sa.String(length=64), nullable=False),
        sa.Column("registered_at", _INSTANT, nullable=False),
        sa.Column("verified_by", sa.String(length=64), nullable=True),
        sa.Column("verified_at", _INSTANT, nullable=True),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operators.id"], name=op.f("fk_sects_officers_operator_id_operators")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sects_officers")),
        sa.UniqueConstraint("code", name=op.f("uq_sects_officers_code")),
    )
    op.create_table(
        "sects_offices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("department", sa.String(length=200), nullable=False),
        sa.Column("district", sa.String(length=200), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["sects_officers.id"], name=op.f("fk_sects_offices_officer_id_sects_officers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sects_offices")),
        sa.UniqueConstraint("officer_id", "number", name="uq_sects_offices_officer_number"),
    )
    op.create_table(
        "sects_registrations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("EMPLOYEE", "PENSIONER", name="beneficiarykind", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("designation", sa.String(length=200), nullable=False),
        sa.Column("department", sa.String(length=200), nullable=False),
        sa.Column("district", sa.String(length=200), nullable=False),
        sa.Column("mobile_encrypted", sa.LargeBinary(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "OTP_SENT",
                "FORM_RELEASED",
                "VERIFIED",
                name="beneficiarystatus",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("entered_by", sa.String(length=64), nullable=False),
        sa.Column("registered_at", _INSTANT, nullable=False),
        sa.Column("user_id", sa.String(length=16), nullable=True),
        sa.Column("verified_by", sa.String(length=64), nullable=True),
        sa.Column("verified_at", _INSTANT, nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["officer_id"],
            ["sects_officers.id"],
            name=op.f("fk_sects_registrations_officer_id_sects_officers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sects_registrations")),
        sa.UniqueConstraint("key", name=op.f("uq_sects_registrations_key")),
        sa.UniqueConstraint("user_id", name=op.f("uq_sects_registrations_user_id")),
    )
    op.create_index(
        op.f("ix_sects_registrations_officer_id"), "sects_registrations", ["officer_id"], unique=False
    )
    op.create_table(
        "sects_card_prints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column(
            "route", sa.Enum("STATE", "SELF", name="printroute", native_enum=False, length=8), nullable=False
        ),
        sa.Column("printed_by", sa.String(length=64), nullable=False),
        sa.Column("printed_at", _INSTANT, nullable=False),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["sects_registrations.id"],
            name=op.f("fk_sects_card_prints_registration_id_sects_registrations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sects_card_prints")),
    )
    op.create_index(
        op.f("ix_sects_card_prints_registration_id"), "sects_card_prints", ["registration_id"], unique=False
    )
    op.create_table(
        "sects_family_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "relation",
            sa.Enum(
                "SELF",
                "SPOUSE",
                "SON",
                "DAUGHTER",
                "FATHER",
                "MOTHER",
                name="relation",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("date_of_birth", sa.Date(), nullable=False),
        sa.Column(
            "gender",
            sa.Enum("MALE", "FEMALE", "OTHER", name="gender", native_enum=False, length=8),
            nullable=False,
        ),
        sa.Column("aadhaar_encrypted", sa.LargeBinary(), nullable=False),
        sa.Column("aadhaar_index", sa.LargeBinary(length=32), nullable=False),
        sa.Column("photo", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["sects_registrations.id"],
            name=op.f("fk_sects_family_members_registration_id_sects_registrations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sects_family_members")),
        sa.UniqueConstraint("aadhaar_index", name=op.f("uq_sects_family_members_aadhaar_index")),
        sa.UniqueConstraint("registration_id", "number", name="uq_sects_family_members_registration_number"),
    )


def downgrade() -> None:
    op.drop_table("sects_family_members")
    op.drop_index("ix_sects_card_prints_registration_id", table_name="sects_card_prints")
    op.drop_table("sects_card_prints")
    op.drop_index("ix_sects_registrations_officer_id", table_name="sects_registrations")
    op.drop_table("sects_registrations")
    op.drop_table("sects_offices")
    op.drop_table("sects_officers")
    op.drop_index("ix_sects_otps_subject_purpose", table_name="sects_otps")
    op.drop_table("sects_otps")
