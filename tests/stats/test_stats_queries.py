from datetime import date, datetime, timedelta
from itertools import count

from stats.db import transaction
from stats.queries import Filters, collect, gemeenten
from stats.store import new_record, upsert

NOW = datetime(2025, 3, 20, 15)  # a Thursday, local hour
_keys = count()


def conv(started, last=None, **columns):
    record = new_record({}, started)
    record.update(columns)
    record["last_activity_at"] = last or started
    return dict(record, key=f"conv-{next(_keys):08d}")


def load(engine, rows):
    with transaction(engine) as session:
        upsert(session, rows)


def figures(engine, **filters):
    base = {"since": date(2025, 3, 1), "until": date(2025, 3, 31)}
    return collect(engine, Filters(**(base | filters)), NOW)


def test_status_is_derived_from_route_outcome_and_silence(engine):
    load(
        engine,
        [
            conv(NOW - timedelta(hours=5), route="online", outcome="route"),
            conv(NOW - timedelta(hours=5), route="rst", outcome="stopped"),  # a route: counts as route
            conv(NOW - timedelta(hours=5), outcome="stopped"),
            conv(NOW - timedelta(hours=5), last=NOW - timedelta(hours=2)),  # silent >= 1 hour
            conv(NOW - timedelta(hours=5), last=NOW - timedelta(hours=1)),  # maybe still typing
            conv(NOW, outcome="route"),  # outcome without a route: still going on
        ],
    )
    f = figures(engine)
    assert (f.total, f.routed, f.stopped, f.abandoned, f.active) == (6, 2, 1, 1, 2)


def test_period_gemeente_and_channel_filters(engine):
    load(
        engine,
        [
            conv(datetime(2025, 2, 28, 23), gemeente="zwolle", channel="web"),  # before the period
            conv(datetime(2025, 3, 1, 0), gemeente="zwolle", channel="web"),
            conv(datetime(2025, 3, 31, 23), gemeente="zwolle", channel="intake"),  # last day counts
            conv(datetime(2025, 4, 1, 0), gemeente="zwolle", channel="web"),  # after
            conv(datetime(2025, 3, 10, 12), gemeente="eindhoven", channel="web"),
            conv(datetime(2025, 3, 10, 12), gemeente=None, channel=None),
        ],
    )
    assert figures(engine).total == 4
    assert figures(engine, gemeente="zwolle").total == 2
    assert figures(engine, gemeente="zwolle", channel="intake").total == 1
    web = figures(engine, channel="web").channels
    assert (web["web"], web["intake"]) == (2, 0)
    everything = figures(engine).channels
    assert (everything["web"], everything["intake"], everything[""]) == (2, 1, 1)
    assert figures(engine, gemeente="tilburg").total == 0
    assert gemeenten(engine) == ["eindhoven", "zwolle"]


def test_weeks_start_on_monday(engine):
    load(
        engine,
        [
            conv(datetime(2025, 3, 9, 23)),  # Sunday: week of Monday 3 March
            conv(datetime(2025, 3, 10, 0), route="online"),  # Monday
            conv(datetime(2025, 3, 16, 22), route="rst", intensity="zwaar"),
            conv(datetime(2025, 3, 17, 8)),
        ],
    )
    assert figures(engine).weeks == {
        date(2025, 3, 3): (1, 0),
        date(2025, 3, 10): (2, 2),
        date(2025, 3, 17): (1, 0),
    }


def test_counts_routes_safety_funnel_and_feedback(engine):
    day = datetime(2025, 3, 12, 10)
    load(
        engine,
        [
            conv(
                day,
                step=3,
                route="rst",
                intensity="zwaar",
                offer_fallback=True,
                handoff=True,
                seconds_to_route=600,
                turns_to_route=20,
                before_score=3,
            ),
            conv(
                day,
                step=4,
                route="rst",
                intensity="licht",
                offer_fallback=False,
                seconds_to_route=200,
                turns_to_route=9,
                before_score=5,
                useful=True,
            ),
            conv(
                day,
                step=4,
                route="online",
                offer_fallback=False,
                seconds_to_route=200,
                turns_to_route=10,
                useful=False,
            ),
            conv(day, step=1, safety="veiligheid", route="veiligheid", handoff=True, seconds_to_route=90),
            conv(day, step=1, safety="crisis"),
            conv(day, step=0),
        ],
    )
    f = figures(engine)
    assert f.furthest_step == [1, 2, 0, 1, 2]
    assert {r: n for r, n in f.routes.items() if n} == {"rst": 2, "online": 1, "veiligheid": 1}
    assert f.rst_intensity == {"zwaar": 1, "licht": 1}
    assert f.safety == {"veiligheid_acuut": 0, "crisis": 1, "veiligheid": 1}
    assert (f.handoff, f.offers, f.fallbacks) == (2, 3, 1)
    assert (f.useful_yes, f.useful_no) == (1, 1)
    assert f.seconds_to_route == {600: 1, 195: 2, 90: 1}  # 15-second buckets
    assert f.turns_to_route == {20: 1, 9: 1, 10: 1}
    assert f.before_score == {3: 1, 5: 1}


def test_signal_kind_and_level_are_counted_per_pair(engine):
    load(
        engine,
        [
            conv(NOW - timedelta(hours=3), signal_kind="control", signal_level="possible"),
            conv(NOW - timedelta(hours=3), signal_kind="control", signal_level="possible"),
            conv(NOW - timedelta(hours=3), signal_kind="violence", signal_level="explicit"),
            conv(NOW - timedelta(hours=3)),
        ],
    )
    signals = figures(engine).signals
    assert signals[("control", "possible")] == 2 and signals[("violence", "explicit")] == 1
    assert sum(signals.values()) == 3
