"""The demo data must look like a plausible year, and must never mix with real data."""

from collections import Counter
from datetime import date
from statistics import mean, median

import pytest
from sqlalchemy import func, select, text

from stats import demo
from stats.db import transaction
from stats.models import conversations

TODAY = date(2025, 11, 30)


@pytest.fixture(scope="module")
def rows():
    return list(demo.generate(20_000, seed=11, today=TODAY))


def test_a_year_for_three_gemeenten(rows):
    starts = [row["started_at"].date() for row in rows]
    assert min(starts) >= date(2024, 11, 30) and max(starts) < TODAY
    assert set(Counter(row["gemeente"] for row in rows)) == {"voorbeeld", "zwolle", "eindhoven"}
    assert all(row["key"].startswith(demo.DEMO_PREFIX) for row in rows)
    assert len({row["key"] for row in rows}) == len(rows)
    assert list(demo.generate(50, seed=11, today=TODAY)) == rows[:50]  # reproducible


def test_routes_safety_and_drop_off_are_plausible(rows):
    routes = Counter(row["route"] for row in rows if row["route"])
    routed = sum(routes.values())
    common = routes["online"] + routes["partnerprogramma"] + routes["relatie_apk"]
    assert common / routed > 0.6 and 0.1 < routes["rst"] / routed < 0.35
    safety = sum(1 for row in rows if row["safety"]) / len(rows)
    assert 0.01 < safety < 0.08
    reached = [sum(1 for row in rows if row["step"] >= rank) for rank in range(5)]
    assert reached == sorted(reached, reverse=True) and reached[4] < 0.6 * reached[0]
    furthest = Counter(row["step"] for row in rows)
    assert all(furthest[rank] > 0.03 * len(rows) for rank in range(5))  # drop-off at each step


def test_peak_in_the_week_van_de_relatie_and_scores_around_five(rows):
    weeks = Counter(row["started_at"].isocalendar()[1] for row in rows)
    assert weeks[demo.WEEK_VAN_DE_RELATIE] > 1.8 * median(weeks.values())
    scores = [row["before_score"] for row in rows if row["before_score"]]
    assert 4.5 < mean(scores) < 5.5 and set(scores) <= set(range(1, 11))


def test_fallbacks_follow_the_missing_offers(rows):
    def share(gemeente, route):
        offered = [r for r in rows if r["gemeente"] == gemeente and r["route"] == route]
        return sum(1 for r in offered if r["offer_fallback"]) / len(offered)

    assert share("eindhoven", "rst") == 1 and share("zwolle", "partnerprogramma") == 1
    assert share("voorbeeld", "rst") < 0.1


def test_load_replaces_demo_data_and_refuses_real_data(engine):
    assert demo.load(engine, demo.generate(300, seed=1, today=TODAY)) == 300
    assert demo.load(engine, demo.generate(200, seed=2, today=TODAY)) == 200
    with transaction(engine) as session:
        assert session.execute(select(func.count()).select_from(conversations)).scalar_one() == 200
        session.execute(
            text(
                "INSERT INTO stats_conversation (key, started_at, last_activity_at, step, handoff) "
                "VALUES ('real-0000001', '2025-01-06 10:00:00', '2025-01-06 10:00:00', 0, false)"
            )
        )
    with pytest.raises(RuntimeError):
        demo.load(engine, demo.generate(10, seed=3, today=TODAY))
    with transaction(engine) as session:
        assert session.execute(select(func.count()).select_from(conversations)).scalar_one() == 201
