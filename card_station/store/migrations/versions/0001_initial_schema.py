"""Initial schema: members, applications, dependants, cards and their history, handovers, OTP
records, counter tokens, operators, the audit trail and the outbox (issue 5, "Store").

Revision ID: 0001
Revises:
Create Date: 2026-11-23 10:23:16.061465
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_entries",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("operator", sa.String(length=64), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_entries")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_entries_hash")),
    )
    op.create_table(
        "members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=36), nullable=False),
        sa.Column(
            "service",
            sa.Enum("ARMY", "NAVY", "AIR_FORCE", name="service", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("service_number", sa.String(length=32), nullable=False),
        sa.Column("rank", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_norm", sa.String(length=200), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=False),
        sa.Column(
            "gender",
            sa.Enum("MALE", "FEMALE", "OTHER", name="gender", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("date_of_retirement", sa.Date(), nullable=False),
        sa.Column(
            "pension_kind",
            sa.Enum(
                "SERVICE",
                "DISABILITY",
                "FAMILY_WIDOW",
                "FAMILY_NEXT_OF_KIN",
                "NOT_DRAWING",
                name="pensionkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("pension_from", sa.Date(), nullable=True),
        sa.Column("ppo_number", sa.String(length=64), nullable=True),
        sa.Column("basic_plus_dearness_pension_rs", sa.Integer(), nullable=False),
        sa.Column("record_office", sa.String(length=64), nullable=False),
        sa.Column("war_widow", sa.Boolean(), nullable=False),
        sa.Column("remarried", sa.Boolean(), nullable=False),
        sa.Column("other_medical_scheme", sa.String(length=200), nullable=True),
        sa.Column("contribution_deducted_at_source", sa.Boolean(), nullable=False),
        sa.Column("mobile_enc", sa.LargeBinary(), nullable=True),
        sa.Column("mobile_last4", sa.String(length=4), nullable=True),
        sa.Column("aadhaar_enc", sa.LargeBinary(), nullable=True),
        sa.Column("aadhaar_last4", sa.String(length=4), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_members")),
        sa.UniqueConstraint("key", name=op.f("uq_members_key")),
        sa.UniqueConstraint("service", "service_number", name="service_number"),
    )
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_members_name_norm"), ["name_norm"], unique=False)

    op.create_table(
        "operators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "CLERK",
                "VERIFIER",
                "COUNTER",
                "TECHNICIAN",
                "ADMIN",
                name="role",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("password_salt", sa.LargeBinary(length=16), nullable=False),
        sa.Column("password_hash", sa.LargeBinary(length=32), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.String(length=32), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operators")),
        sa.UniqueConstraint("username", name=op.f("uq_operators_username")),
    )
    op.create_table(
        "outbox_events",
        sa.Column("position", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("member_key", sa.String(length=64), nullable=False),
        sa.Column("member_seq", sa.Integer(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("sent_at", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("position", name=op.f("pk_outbox_events")),
        sa.UniqueConstraint("id", name=op.f("uq_outbox_events_id")),
        sa.UniqueConstraint("member_key", "member_seq", name="member_place"),
    )
    with op.batch_alter_table("outbox_events", schema=None) as batch_op:
        batch_op.create_index(
            "ix_outbox_events_pending", ["position"], unique=False, sqlite_where=sa.text("sent_at IS NULL")
        )

    op.create_table(
        "outbox_member_seq",
        sa.Column("member_key", sa.String(length=64), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("member_key", name=op.f("pk_outbox_member_seq")),
    )
    op.create_table(
        "applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "DRAFT",
                "SUBMITTED",
                "VERIFIED",
                "CARD_PERSONALISED",
                "OTP_SENT",
                "HANDED_OVER",
                "ACTIVE",
                "BLOCKED",
                "CHANGE_REQUESTED",
                "LOST",
                "DUPLICATE_ORDERED",
                name="applicationstate",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column(
            "card_size", sa.Enum("KB32", "KB64", name="cardsize", native_enum=False, length=8), nullable=False
        ),
        sa.Column("submitted_at_regional_centre", sa.String(length=64), nullable=False),
        sa.Column("add_on_cards", sa.Integer(), nullable=False),
        sa.Column("entered_by", sa.Integer(), nullable=False),
        sa.Column("verified_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.CheckConstraint(
            "verified_by IS NULL OR verified_by <> entered_by", name=op.f("ck_applications_maker_checker")
        ),
        sa.ForeignKeyConstraint(
            ["entered_by"], ["operators.id"], name=op.f("fk_applications_entered_by_operators")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_applications_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["verified_by"], ["operators.id"], name=op.f("fk_applications_verified_by_operators")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_applications")),
        sa.UniqueConstraint("key", name=op.f("uq_applications_key")),
    )
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.create_index("ix_applications_member_id", ["member_id"], unique=False)

    op.create_table(
        "counter_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("card_serial", sa.String(length=32), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("person_name", sa.String(length=200), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("token_no", sa.Integer(), nullable=True),
        sa.Column(
            "outcome",
            sa.Enum("ISSUED", "REFUSED", name="tokenoutcome", native_enum=False, length=8),
            nullable=False,
        ),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("opd_allowed", sa.Boolean(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_counter_tokens_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operators.id"], name=op.f("fk_counter_tokens_operator_id_operators")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_counter_tokens")),
    )
    with op.batch_alter_table("counter_tokens", schema=None) as batch_op:
        batch_op.create_index("ix_counter_tokens_issued_on", ["issued_on", "token_no"], unique=False)

    op.create_table(
        "application_transitions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column(
            "from_state",
            sa.Enum(
                "DRAFT",
                "SUBMITTED",
                "VERIFIED",
                "CARD_PERSONALISED",
                "OTP_SENT",
                "HANDED_OVER",
                "ACTIVE",
                "BLOCKED",
                "CHANGE_REQUESTED",
                "LOST",
                "DUPLICATE_ORDERED",
                name="applicationstate",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column(
            "to_state",
            sa.Enum(
                "DRAFT",
                "SUBMITTED",
                "VERIFIED",
                "CARD_PERSONALISED",
                "OTP_SENT",
                "HANDED_OVER",
                "ACTIVE",
                "BLOCKED",
                "CHANGE_REQUESTED",
                "LOST",
                "DUPLICATE_ORDERED",
                name="applicationstate",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "action",
            sa.Enum(
                "SUBMIT",
                "RETURN",
                "VERIFY",
                "PERSONALISE",
                "SEND_OTP",
                "HAND_OVER",
                "ACTIVATE",
                "BLOCK",
                "UNBLOCK",
                "REQUEST_CHANGE",
                "APPROVE_CHANGE",
                "REJECT_CHANGE",
                "REPORT_LOST",
                "ORDER_DUPLICATE",
                name="action",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("operator_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_application_transitions_application_id_applications"),
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operators.id"], name=op.f("fk_application_transitions_operator_id_operators")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_transitions")),
    )
    with op.batch_alter_table("application_transitions", schema=None) as batch_op:
        batch_op.create_index("ix_application_transitions_application_id", ["application_id"], unique=False)

    op.create_table(
        "cards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("serial", sa.String(length=32), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column(
            "size", sa.Enum("KB32", "KB64", name="cardsize", native_enum=False, length=8), nullable=False
        ),
        sa.Column("layout_version", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "PERSONALISED",
                "HANDED_OVER",
                "ACTIVE",
                "BLOCKED",
                "LOST",
                name="cardstatus",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("personalised_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"], ["applications.id"], name=op.f("fk_cards_application_id_applications")
        ),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_cards_member_id_members")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cards")),
        sa.UniqueConstraint("serial", name=op.f("uq_cards_serial")),
    )
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.create_index("ix_cards_member_id", ["member_id"], unique=False)

    op.create_table(
        "dependants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "relation",
            sa.Enum(
                "SPOUSE",
                "SON",
                "DAUGHTER",
                "FATHER",
                "MOTHER",
                "FATHER_IN_LAW",
                "MOTHER_IN_LAW",
                "GRANDPARENT",
                "GRANDCHILD",
                name="relation",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("date_of_birth", sa.Date(), nullable=False),
        sa.Column(
            "gender",
            sa.Enum("MALE", "FEMALE", "OTHER", name="gender", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("recorded_in_service_records", sa.Boolean(), nullable=False),
        sa.Column(
            "marital_status",
            sa.Enum(
                "UNMARRIED",
                "MARRIED",
                "DIVORCED",
                "WIDOWED",
                name="maritalstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("date_of_marriage", sa.Date(), nullable=True),
        sa.Column("employed", sa.Boolean(), nullable=False),
        sa.Column("monthly_income_rs", sa.Integer(), nullable=False),
        sa.Column("govt_or_psu_pension", sa.Boolean(), nullable=False),
        sa.Column(
            "disability_kind",
            sa.Enum("PHYSICAL", "MENTAL", name="disabilitykind", native_enum=False, length=32),
            nullable=True,
        ),
        sa.Column("disability_onset_on", sa.Date(), nullable=True),
        sa.Column("disability_certificate_no", sa.String(length=64), nullable=True),
        sa.Column("disability_proof_of_dependency", sa.Boolean(), nullable=True),
        sa.Column("part_ii_order_no", sa.String(length=64), nullable=True),
        sa.Column("from_present_husband", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"], ["applications.id"], name=op.f("fk_dependants_application_id_applications")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dependants")),
        sa.UniqueConstraint("application_id", "position", name="position"),
    )
    op.create_table(
        "otp_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("otp_hmac", sa.LargeBinary(length=32), nullable=False),
        sa.Column("sent_at", sa.String(length=32), nullable=False),
        sa.Column("expires_at", sa.String(length=32), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("consumed_at", sa.String(length=32), nullable=True),
        sa.Column("requested_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["application_id"], ["applications.id"], name=op.f("fk_otp_records_application_id_applications")
        ),
        sa.ForeignKeyConstraint(
            ["requested_by"], ["operators.id"], name=op.f("fk_otp_records_requested_by_operators")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_otp_records")),
    )
    with op.batch_alter_table("otp_records", schema=None) as batch_op:
        batch_op.create_index("ix_otp_records_application_id", ["application_id"], unique=False)

    op.create_table(
        "card_status_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("card_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "PERSONALISED",
                "HANDED_OVER",
                "ACTIVE",
                "BLOCKED",
                "LOST",
                name="cardstatus",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["card_id"], ["cards.id"], name=op.f("fk_card_status_changes_card_id_cards")),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operators.id"], name=op.f("fk_card_status_changes_operator_id_operators")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_card_status_changes")),
    )
    with op.batch_alter_table("card_status_changes", schema=None) as batch_op:
        batch_op.create_index("ix_card_status_changes_card_id", ["card_id"], unique=False)

    op.create_table(
        "endorsements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("card_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum("FMA_NO_OPD", "CHANGE_OF_DATA", name="endorsementkind", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("ceases_on", sa.Date(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["card_id"], ["cards.id"], name=op.f("fk_endorsements_card_id_cards")),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_endorsements_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operators.id"], name=op.f("fk_endorsements_operator_id_operators")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_endorsements")),
    )
    with op.batch_alter_table("endorsements", schema=None) as batch_op:
        batch_op.create_index("ix_endorsements_member_id", ["member_id"], unique=False)

    op.create_table(
        "handovers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("otp_id", sa.Integer(), nullable=True),
        sa.Column("operator_id", sa.Integer(), nullable=False),
        sa.Column("handed_over_at", sa.String(length=32), nullable=False),
        sa.Column("activation_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"], ["applications.id"], name=op.f("fk_handovers_application_id_applications")
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operators.id"], name=op.f("fk_handovers_operator_id_operators")
        ),
        sa.ForeignKeyConstraint(["otp_id"], ["otp_records.id"], name=op.f("fk_handovers_otp_id_otp_records")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handovers")),
    )
    with op.batch_alter_table("handovers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_handovers_application_id"), ["application_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("handovers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_handovers_application_id"))

    op.drop_table("handovers")
    with op.batch_alter_table("endorsements", schema=None) as batch_op:
        batch_op.drop_index("ix_endorsements_member_id")

    op.drop_table("endorsements")
    with op.batch_alter_table("card_status_changes", schema=None) as batch_op:
        batch_op.drop_index("ix_card_status_changes_card_id")

    op.drop_table("card_status_changes")
    with op.batch_alter_table("otp_records", schema=None) as batch_op:
        batch_op.drop_index("ix_otp_records_application_id")

    op.drop_table("otp_records")
    op.drop_table("dependants")
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.drop_index("ix_cards_member_id")

    op.drop_table("cards")
    with op.batch_alter_table("application_transitions", schema=None) as batch_op:
        batch_op.drop_index("ix_application_transitions_application_id")

    op.drop_table("application_transitions")
    with op.batch_alter_table("counter_tokens", schema=None) as batch_op:
        batch_op.drop_index("ix_counter_tokens_issued_on")

    op.drop_table("counter_tokens")
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.drop_index("ix_applications_member_id")

    op.drop_table("applications")
    op.drop_table("outbox_member_seq")
    with op.batch_alter_table("outbox_events", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_events_pending", sqlite_where=sa.text("sent_at IS NULL"))

    op.drop_table("outbox_events")
    op.drop_table("operators")
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_members_name_norm"))

    op.drop_table("members")
    op.drop_table("audit_entries")
