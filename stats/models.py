"""The one statistics table: one row per conversation, merged as the conversation goes on.

Nothing in it can identify a resident: a random key, a gemeente id, closed sets of values,
numbers, and two times rounded down to the hour (Dutch local time).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
)
from sqlalchemy.orm import declarative_base

from stats.fields import Channel, Intensity, Outcome, Route, Safety, SignalKind, SignalLevel, Step

TABLE_NAME = "stats_conversation"
ROLLUP_TABLE = "stats_rollup"
ROLLUP_DAY_TABLE = "stats_rollup_day"
#: Stands for "not recorded" (NULL) in the rollup's key columns.
UNKNOWN = ""
#: Alembic bookkeeping of this package, apart from any other component's migrations.
VERSION_TABLE = "stats_alembic_version"

# Fixed constraint names, so migrations look the same on SQLite and PostgreSQL.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "pk": "pk_%(table_name)s",
    }
)
Base = declarative_base(metadata=metadata)


def _one_of(column: str, kind: type) -> str:
    values = ", ".join(f"'{member.value}'" for member in kind)
    return f"{column} IN ({values})"


class Conversation(Base):
    """Route statistics of one conversation."""

    __tablename__ = TABLE_NAME

    key = Column(String(64), primary_key=True)
    gemeente = Column(String(64))
    channel = Column(String(8))
    #: Earliest known start, Dutch local time rounded down to the hour.
    started_at = Column(DateTime, nullable=False)
    #: Latest update, same precision; "abandoned" is derived from it (see stats.queries).
    last_activity_at = Column(DateTime, nullable=False)
    #: Furthest funnel step reached: Step.rank (0 welcome … 4 feedback).
    step = Column(SmallInteger, nullable=False, default=0)
    safety = Column(String(20))
    route = Column(String(20))
    intensity = Column(String(8))
    offer_fallback = Column(Boolean)
    handoff = Column(Boolean, nullable=False, default=False)
    outcome = Column(String(8))
    seconds_to_route = Column(Integer)
    turns_to_route = Column(Integer)
    before_score = Column(SmallInteger)
    useful = Column(Boolean)
    #: The latest danger signal's kind and level (stats.fields.SignalKind / SignalLevel).
    signal_kind = Column(String(12))
    signal_level = Column(String(8))

    __table_args__ = (
        CheckConstraint(_one_of("channel", Channel), name="channel"),
        CheckConstraint(f"step BETWEEN 0 AND {len(Step) - 1}", name="step"),
        CheckConstraint(_one_of("safety", Safety), name="safety"),
        CheckConstraint(_one_of("route", Route), name="route"),
        CheckConstraint(_one_of("intensity", Intensity), name="intensity"),
        CheckConstraint(_one_of("outcome", Outcome), name="outcome"),
        CheckConstraint("before_score BETWEEN 1 AND 10", name="before_score"),
        CheckConstraint(_one_of("signal_kind", SignalKind), name="signal_kind"),
        CheckConstraint(_one_of("signal_level", SignalLevel), name="signal_level"),
        # Every dashboard query filters on gemeente and period.
        Index(None, "gemeente", "started_at"),
        # Dashboard over all gemeenten, and the retention purge.
        Index(None, "started_at"),
    )


class RollupCount(Base):
    """Pre-aggregated counts of one closed day (see stats.rollup): derived data, no keys."""

    __tablename__ = ROLLUP_TABLE

    gemeente = Column(String(64), primary_key=True)  # UNKNOWN when not recorded
    day = Column(Date, primary_key=True)
    channel = Column(String(8), primary_key=True)  # UNKNOWN when not recorded
    metric = Column(String(24), primary_key=True)  # see stats.queries
    n = Column(Integer, nullable=False)

    __table_args__ = (Index(None, "day"),)


class RollupDay(Base):
    """The days whose counts are in the rollup and still valid."""

    __tablename__ = ROLLUP_DAY_TABLE

    day = Column(Date, primary_key=True)
    built_at = Column(DateTime, nullable=False)


conversations = Conversation.__table__
rollup = RollupCount.__table__
rollup_days = RollupDay.__table__
