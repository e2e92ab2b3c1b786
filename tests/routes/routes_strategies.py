"""Hypothesis strategies for answer dicts (spec section 4), shared by the property tests."""

from __future__ import annotations

from hypothesis import strategies as st

from routes.constants import BOOL_FIELDS, CHOICE_VALUES, FIELDS, INT_RANGES, LIST_VALUES


def value_strategy(field: str) -> st.SearchStrategy:
    """Every valid value of one field, ``None`` ("weet ik niet") included."""
    if field in BOOL_FIELDS:
        return st.sampled_from([True, False, None])
    if field in CHOICE_VALUES:
        return st.sampled_from([*CHOICE_VALUES[field], None])
    if field in INT_RANGES:
        low, high = INT_RANGES[field]
        extra = [st.just("expecting")] if field == "youngest_child_age" else []
        return st.one_of(st.none(), st.integers(low, high), *extra)
    return st.one_of(st.none(), st.lists(st.sampled_from(LIST_VALUES[field]), max_size=6))


# Every field present (the conversation is over).
full_answers = st.fixed_dictionaries({f: value_strategy(f) for f in FIELDS})
# Any subset of fields present (the conversation is somewhere in the middle).
partial_answers = st.fixed_dictionaries({}, optional={f: value_strategy(f) for f in FIELDS})
