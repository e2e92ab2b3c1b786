"""The kind and level of a conversation's danger signal (issue #9), no text.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TABLE = "stats_conversation"
KINDS = ("acute", "violence", "control", "threat", "children", "self_harm")
LEVELS = ("explicit", "possible")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    # Batch mode: SQLite cannot add a check constraint to an existing table in place.
    with op.batch_alter_table(TABLE) as batch:
        batch.add_column(sa.Column("signal_kind", sa.String(12)))
        batch.add_column(sa.Column("signal_level", sa.String(8)))
        batch.create_check_constraint("ck_stats_conversation_signal_kind", _one_of("signal_kind", KINDS))
        batch.create_check_constraint("ck_stats_conversation_signal_level", _one_of("signal_level", LEVELS))


def downgrade() -> None:
    with op.batch_alter_table(TABLE) as batch:
        batch.drop_constraint("ck_stats_conversation_signal_level", type_="check")
        batch.drop_constraint("ck_stats_conversation_signal_kind", type_="check")
        batch.drop_column("signal_level")
        batch.drop_column("signal_kind")
