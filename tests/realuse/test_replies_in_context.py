"""Answers in context (issue #8): residents' replies to each question, through the trained model
and the actions together (parse → read against the question asked).

The tables are `tests/realuse/replies/*.yml` (6 292 replies to the 15 questions, at least
400 per question). Each row is
judged by `realuse_replies.judge`; the floors below are the measured figures of 2026-12-04 less
a small margin, so a change that makes the assistant understand residents worse fails here; the
closing note of each change gives the new figures (`docs/benchmarks.md`). A missed yes to a safety
question and a safety route for a reply that was no yes are counted on their own: recall first.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from pathlib import Path

import pytest
from realuse_model import SAFETY, Reader
from realuse_replies import SAFETY_FIELDS, judge, load_rows

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "relatieroute.tar.gz"
ROWS = load_rows()
FIELDS = sorted({row.field for row in ROWS})

# Share of replies read right, per question: the figures of 2026-12-04 on the grown tables
# (about 420 replies each, docs/benchmarks.md) less about 0.02, so that only a real step back
# fails. They are far from 1.0 for the situation questions: the second half of each table was
# written to find what the assistant does not understand yet.
FLOORS = {
    "acute_danger": 0.82, "violence": 0.85, "children_unsafe": 0.88, "self_harm": 0.85,
    "relationship_status": 0.65, "children_under_18": 0.82, "youngest_child_age": 0.81,
    "relationship_score": 0.82, "agreements_possible": 0.58, "legal_proceedings": 0.60,
    "other_problems": 0.70, "goal": 0.70, "partner_willing": 0.61, "preference": 0.68,
    "barriers": 0.59,
}
SAFETY_YES_RECALL = 0.92  # yes to a safety question read as yes (or the safety help)
# A safety route or help for a no, "weet ik niet" or unclear reply. The goal is 0.03; measured
# 0.05-0.10 per question on the grown tables, so this guards the measured level, not the goal.
SAFETY_FALSE_ROUTE = 0.11


@pytest.fixture(scope="module")
def reader():
    from scripts.stack import ensure_model

    ensure_model()
    reader = Reader(MODEL)
    yield reader
    reader.close()


@pytest.fixture(scope="module")
def judged(reader):
    """(row, outcome, what went wrong or None) for every row, per field."""
    results = defaultdict(list)
    for row in ROWS:
        outcome = reader.read(row.text, row.field)
        results[row.field].append((row, outcome, judge(row, outcome)))
    return results


def test_the_tables_cover_every_question_with_enough_replies():
    assert set(FIELDS) == set(FLOORS)
    counts = defaultdict(int)
    for row in ROWS:
        counts[row.field] += 1
    assert all(counts[f] >= 400 for f in FIELDS), dict(counts)


@pytest.mark.parametrize("field", FIELDS)
def test_replies_are_read_against_the_question(judged, field):
    rows = judged[field]
    wrong = [f"{row.text!r} (expect {row.expect!r}): {why}" for row, _, why in rows if why]
    share = 1 - len(wrong) / len(rows)
    assert share >= FLOORS[field], f"{share:.3f} < {FLOORS[field]}:\n" + "\n".join(wrong)


@pytest.mark.parametrize("field", SAFETY_FIELDS)
def test_a_yes_to_a_safety_question_is_not_lost(judged, field):
    yes = [(row, outcome) for row, outcome, _ in judged[field] if row.expect == "yes"]
    missed = [row.text for row, outcome in yes
              if outcome.kind != SAFETY and outcome.answers.get(field) is not True]
    assert 1 - len(missed) / len(yes) >= SAFETY_YES_RECALL, missed


@pytest.mark.parametrize("field", SAFETY_FIELDS)
def test_no_safety_route_for_a_reply_that_is_no_yes(judged, field):
    others = [(row, outcome) for row, outcome, _ in judged[field]
              if row.expect != "yes" and not row.also]
    routed = [row.text for row, outcome in others
              if outcome.kind == SAFETY or outcome.answers.get(field) is True]
    assert len(routed) / len(others) <= SAFETY_FALSE_ROUTE, routed


@pytest.mark.parametrize(
    ("field", "text"),
    # The issue's own examples: each must be read right, not only on average.
    [("self_harm", "eerlijk gezegd wel ja"), ("self_harm", "ik denk het wel"),
     ("self_harm", "heel soms"), ("acute_danger", "ok"), ("acute_danger", "goed"),
     ("acute_danger", "prima"), ("acute_danger", "alles is goed"),
     ("acute_danger", "ja hoor alles goed hier"), ("acute_danger", "vroeger"),
     ("acute_danger", "nee ik zit veilig thuis"), ("acute_danger", "ik ben veilig"),
     ("acute_danger", "op dit moment niet"), ("violence", "ja ruzie wel maar geen geweld hoor"),
     ("violence", "we twijfelen of we nog verder willen samen"),
     ("relationship_score", "een 8"), ("relationship_score", "9"),
     ("relationship_score", "een 6 of 7"), ("relationship_score", "de kleine is 3"),
     ("children_under_18", "2 meiden van 11 en 15"), ("children_under_18", "ze zijn 12 en 14"),
     ("goal", "we willen er samen aan werken"), ("relationship_status", "we zijn samen")],
)
def test_the_examples_of_the_issue(judged, field, text):
    _, outcome, why = next(item for item in judged[field] if item[0].text.lower() == text)
    assert why is None, f"{text!r}: {why} ({outcome})"


HELD_OUT = {
    # sha256 of the frozen held-out halves (tests/realuse/corpus/README.md): never edited.
    "stories_heldout.yml": "4b4dd629fef58c6304c2f2e2c84deb115c2d162853c3dc600b2fcec7f3c1a8ed",
    "safety_heldout.yml": "fccb87d4240a67e42c7fd0a234fbee32368fbdc99cdc4ac2c2a8a2b6729fd6f1",
}


@pytest.mark.parametrize("name", sorted(HELD_OUT))
def test_the_held_out_halves_are_frozen(name):
    digest = hashlib.sha256((ROOT / "tests" / "realuse" / "corpus" / name).read_bytes()).hexdigest()
    assert digest == HELD_OUT[name], f"{name} changed: the held-out half is frozen"
