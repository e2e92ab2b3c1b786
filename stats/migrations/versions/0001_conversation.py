"""Create the conversation statistics table and its daily rollup.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TABLE = "stats_conversation"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("gemeente", sa.String(64)),
        sa.Column("channel", sa.String(8)),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("last_activity_at", sa.DateTime(), nullable=False),
        sa.Column("step", sa.SmallInteger(), nullable=False),
        sa.Column("safety", sa.String(20)),
        sa.Column("route", sa.String(20)),
        sa.Column("intensity", sa.String(8)),
        sa.Column("offer_fallback", sa.Boolean()),
        sa.Column("handoff", sa.Boolean(), nullable=False),
        sa.Column("outcome", sa.String(8)),
        sa.Column("seconds_to_route", sa.Integer()),
        sa.Column("turns_to_route", sa.Integer()),
        sa.Column("before_score", sa.SmallInteger()),
        sa.Column("useful", sa.Boolean()),
        sa.PrimaryKeyConstraint("key", name="pk_stats_conversation"),
        sa.CheckConstraint("channel IN ('web', 'intake')", name="ck_stats_conversation_channel"),
        sa.CheckConstraint("step BETWEEN 0 AND 4", name="ck_stats_conversation_step"),
        sa.CheckConstraint(
            "safety IN ('veiligheid_acuut', 'crisis', 'veiligheid')",
            name="ck_stats_conversation_safety",
        ),
        sa.CheckConstraint(
            "route IN ('veiligheid_acuut', 'crisis', 'veiligheid', 'rst', 'partnerprogramma', "
            "'online', 'relatie_apk')",
            name="ck_stats_conversation_route",
        ),
        sa.CheckConstraint("intensity IN ('zwaar', 'licht')", name="ck_stats_conversation_intensity"),
        sa.CheckConstraint("outcome IN ('route', 'stopped')", name="ck_stats_conversation_outcome"),
        sa.CheckConstraint("before_score BETWEEN 1 AND 10", name="ck_stats_conversation_before_score"),
    )
    op.create_index("ix_stats_conversation_gemeente_started_at", TABLE, ["gemeente", "started_at"])
    op.create_index("ix_stats_conversation_started_at", TABLE, ["started_at"])

    op.create_table(
        "stats_rollup",
        sa.Column("gemeente", sa.String(64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(8), nullable=False),
        sa.Column("metric", sa.String(24), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("gemeente", "day", "channel", "metric", name="pk_stats_rollup"),
    )
    op.create_index("ix_stats_rollup_day", "stats_rollup", ["day"])
    op.create_table(
        "stats_rollup_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("built_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("day", name="pk_stats_rollup_day"),
    )


def downgrade() -> None:
    op.drop_table("stats_rollup_day")
    op.drop_index("ix_stats_rollup_day", table_name="stats_rollup")
    op.drop_table("stats_rollup")
    op.drop_index("ix_stats_conversation_started_at", table_name=TABLE)
    op.drop_index("ix_stats_conversation_gemeente_started_at", table_name=TABLE)
    op.drop_table(TABLE)
