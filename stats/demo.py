"""Synthetic conversations, so the dashboard shows something right after install.

A year (up to yesterday) of made-up conversations for three gemeenten. The distributions follow
the product's expectations, not real data:

* most routes are ``online``, ``partnerprogramma`` or ``relatie_apk``; about 1 in 5 ``rst``
  (more in intake); a few percent safety escalations;
* people drop off at every step; some press "stop", the others just leave;
* more conversations in January, fewer in the summer holidays and at Christmas, and a clear
  peak in the Week van de Relatie (:data:`WEEK_VAN_DE_RELATIE`, an assumption: set it to the
  week in the gemeente catalogue);
* before-scores around 5 (lower for RST zwaar, higher for the Relatie-APK);
* Eindhoven has no RST and Zwolle no group programme, so those routes get a fallback offer.

Demo keys start with ``demo-``. Loading replaces earlier demo data and refuses a database that
holds real conversations.
"""

from __future__ import annotations

import bisect
import csv
import io
import itertools
import math
import random
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Engine

from stats import rollup
from stats.db import transaction
from stats.fields import COLUMNS, Route, Step
from stats.models import conversations

DEMO_PREFIX = "demo-"
DEFAULT_CONVERSATIONS = 6_000
DEFAULT_SEED = 2025
#: ISO week of the Week van de Relatie (assumed; adjust to the gemeente catalogue).
WEEK_VAN_DE_RELATIE = 41
#: Share of the conversations per gemeente.
GEMEENTEN = {"eindhoven": 0.45, "zwolle": 0.35, "voorbeeld": 0.20}
#: Offers a gemeente's catalogue lacks: the resident gets the fallback offer.
MISSING_OFFERS = {"eindhoven": {"rst"}, "zwolle": {"partnerprogramma"}, "voorbeeld": set()}

_SAFETY = (("veiligheid", 0.65), ("crisis", 0.22), ("veiligheid_acuut", 0.13))
_ROUTES = {
    "web": (("online", 0.33), ("partnerprogramma", 0.26), ("relatie_apk", 0.23), ("rst", 0.18)),
    "intake": (("online", 0.18), ("partnerprogramma", 0.22), ("relatie_apk", 0.10), ("rst", 0.50)),
}
_BEFORE_MEAN = {
    "rst_zwaar": 3.4,
    "rst_licht": 4.4,
    "online": 5.0,
    "partnerprogramma": 5.2,
    "relatie_apk": 6.6,
    "safety": 3.0,
}
_HOUR_WEIGHTS = (
    1,
    0.5,
    0.3,
    0.2,
    0.2,
    0.3,
    0.6,
    1.2,
    2,
    2.5,
    2.6,
    2.8,
    3,
    2.8,
    2.6,
    2.6,
    2.5,
    2.4,
    2.6,
    3.4,
    4.2,
    4.6,
    3.8,
    2.2,
)


def _cumulative(weights: Iterable[float]) -> list[float]:
    return list(itertools.accumulate(weights))


def _day_weight(day: date) -> float:
    weight = 0.75 if day.weekday() >= 5 else 1.0
    if day.month == 1:
        weight *= 1.35  # "after the holidays": the busiest month for separation questions
    elif day.month in (7, 8):
        weight *= 0.7
    elif day.month == 12 and day.day >= 20:
        weight *= 0.55
    if day.isocalendar()[1] == WEEK_VAN_DE_RELATIE:
        weight *= 2.6
    return weight


class _Generator:
    def __init__(self, seed: int, today: date) -> None:
        self.rng = random.Random(seed)
        self.days = [today - timedelta(days=offset) for offset in range(365, 0, -1)]
        self.day_cum = _cumulative(_day_weight(d) for d in self.days)
        self.hour_cum = _cumulative(_HOUR_WEIGHTS)
        self.gemeenten = list(GEMEENTEN)
        self.gemeente_cum = _cumulative(GEMEENTEN.values())
        self.now = datetime.combine(today, datetime.min.time())

    def pick(self, cumulative: list[float]) -> int:
        return bisect.bisect(cumulative, self.rng.random() * cumulative[-1])

    def choose(self, table: tuple[tuple[str, float], ...]) -> str:
        r = self.rng.random() * sum(w for _, w in table)
        for value, weight in table:
            r -= weight
            if r < 0:
                return value
        return table[-1][0]

    def conversation(self) -> dict[str, Any]:
        rng = self.rng
        day = self.days[self.pick(self.day_cum)]
        start = datetime.combine(day, datetime.min.time()) + timedelta(hours=self.pick(self.hour_cum))
        gemeente = self.gemeenten[self.pick(self.gemeente_cum)]
        channel = "intake" if rng.random() < 0.12 else "web"
        row: dict[str, Any] = dict.fromkeys(COLUMNS)
        row.update(
            key=f"{DEMO_PREFIX}{rng.getrandbits(96):024x}",
            gemeente=gemeente,
            channel=channel,
            started_at=start,
            handoff=False,
            step=Step.WELCOME.rank,
        )
        minutes = 2.0
        # Intake is a script during a conversation: nobody drops off half-way.
        if channel == "web" and rng.random() > 0.88:
            return self._ended(row, start, minutes)
        row["step"] = Step.SAFETY.rank
        minutes += 1.5
        if rng.random() < 0.045:
            return self._safety(row, start)
        if channel == "web" and rng.random() > 0.86:
            return self._ended(row, start, minutes)
        if rng.random() < 0.03:  # a possible signal that the resident answered with no
            row["signal_kind"] = rng.choice(("violence", "control", "threat", "children", "self_harm"))
            row["signal_level"] = "possible"
        row["step"] = Step.SITUATION.rank
        # The before-measurement is asked with the situation questions; not everyone answers.
        answers_score = rng.random() < (0.7 if channel == "intake" else 0.45)
        if channel == "web" and rng.random() > 0.80:
            if answers_score and rng.random() < 0.5:
                row["before_score"] = self._score(4.8)
            return self._ended(row, start, minutes + 2)
        return self._routed(row, start, answers_score)

    def _score(self, mean: float) -> int:
        return min(10, max(1, round(self.rng.gauss(mean, 1.6))))

    def _ended(self, row: dict[str, Any], start: datetime, minutes: float) -> dict[str, Any]:
        if self.rng.random() < 0.35:
            row["outcome"] = "stopped"
        row["last_activity_at"] = _hour(start + timedelta(minutes=minutes))
        return row

    def _safety(self, row: dict[str, Any], start: datetime) -> dict[str, Any]:
        rng = self.rng
        kind = self.choose(_SAFETY)
        seconds = int(rng.lognormvariate(math.log(150), 0.5))
        row.update(
            safety=kind,
            route=kind,
            outcome="route",
            step=Step.OUTCOME.rank,
            handoff=rng.random() < 0.55,
            seconds_to_route=seconds,
            turns_to_route=max(3, round(seconds / 25)),
        )
        if rng.random() < 0.3:
            row["step"] = Step.FEEDBACK.rank
            row["useful"] = rng.random() < 0.8
        if rng.random() < 0.2:
            row["before_score"] = self._score(_BEFORE_MEAN["safety"])
        # The signal that led here: mostly explicit; a confirmed possible one now and then.
        row["signal_kind"] = {"veiligheid_acuut": "acute", "crisis": "self_harm"}.get(
            kind, rng.choice(("violence", "violence", "control", "threat", "children")))
        row["signal_level"] = "explicit" if rng.random() < 0.8 else "possible"
        row["last_activity_at"] = _hour(start + timedelta(seconds=seconds + 120))
        return row

    def _routed(self, row: dict[str, Any], start: datetime, asked_score: bool) -> dict[str, Any]:
        rng = self.rng
        route = self.choose(_ROUTES[row["channel"]])
        intensity = None
        if route == Route.RST.value:
            intensity = "zwaar" if rng.random() < 0.4 else "licht"
        median = 900 if row["channel"] == "intake" else 240
        seconds = int(rng.lognormvariate(math.log(median), 0.55))
        handoff_chance = 0.25 if route == "rst" else 0.07
        fallback = route in MISSING_OFFERS[row["gemeente"]] or rng.random() < 0.03
        row.update(
            route=route,
            intensity=intensity,
            outcome="route",
            step=Step.OUTCOME.rank,
            offer_fallback=fallback,
            handoff=rng.random() < handoff_chance,
            seconds_to_route=seconds,
            turns_to_route=max(5, round(seconds / 20 + rng.gauss(0, 3))),
        )
        score_key = f"rst_{intensity}" if intensity else route
        row["before_score"] = self._score(_BEFORE_MEAN[score_key]) if asked_score else None
        if rng.random() < 0.6:
            row["step"] = Step.FEEDBACK.rank
            if rng.random() < 0.85:
                row["useful"] = rng.random() < (0.86 if route == "relatie_apk" else 0.78)
        row["last_activity_at"] = _hour(start + timedelta(seconds=seconds + 90))
        return row


def _hour(moment: datetime) -> datetime:
    return moment.replace(minute=0, second=0, microsecond=0)


def generate(count: int, seed: int = DEFAULT_SEED, today: date | None = None) -> Iterator[dict[str, Any]]:
    """``count`` synthetic conversation rows (key plus every column)."""
    generator = _Generator(seed, today or date.today())
    for _ in range(count):
        yield generator.conversation()


def has_real_data(engine: Engine) -> bool:
    c = conversations.c
    with transaction(engine) as session:
        found = session.execute(select(c.key).where(c.key.notlike(f"{DEMO_PREFIX}%")).limit(1)).first()
    return found is not None


def load(engine: Engine, rows: Iterable[dict[str, Any]], *, batch: int = 10_000) -> int:
    """Replace the demo data in ``engine`` by ``rows``; returns how many were loaded.

    Raises RuntimeError when the database holds real (non-demo) conversations.
    """
    if has_real_data(engine):
        raise RuntimeError("the database holds real conversations; demo data is not loaded")
    loaded = 0
    with transaction(engine, write=True) as session:
        session.execute(delete(conversations).where(conversations.c.key.like(f"{DEMO_PREFIX}%")))
        rollup.clear(session)
        copy = _copy_postgresql if engine.dialect.name == "postgresql" else None
        for chunk in _chunks(rows, batch):
            if copy is not None:
                copy(session, chunk)
            else:
                session.execute(insert(conversations), chunk)
            loaded += len(chunk)
    return loaded


def _copy_postgresql(session, chunk: list[dict[str, Any]]) -> None:
    # COPY is an order of magnitude faster than INSERT for a million rows (the benchmark).
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    columns = ("key", *COLUMNS)
    for row in chunk:
        writer.writerow(["" if row[col] is None else _pg_text(row[col]) for col in columns])
    buffer.seek(0)
    cursor = session.connection().connection.cursor()
    cursor.copy_expert(
        f"COPY {conversations.name} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv)", buffer
    )


def _pg_text(value: Any) -> str:
    if isinstance(value, bool):
        return "t" if value else "f"
    return str(value)


def _chunks(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
