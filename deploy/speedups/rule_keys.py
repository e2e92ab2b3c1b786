"""RulePolicy's rule matching stops where the rules end (`deploy/rasa_speedups.py`, 10).

To find the rules that fit the conversation, `RulePolicy._get_possible_keys` walks back through
*every* state of the conversation and filters all rules at each one. A rule of n states is
applicable at any turn n or more back (`_is_rule_applicable` returns True there without looking),
so once the walk is further back than the longest rule, the filter keeps every rule left, for
each remaining state. Our rules are at most five states long and a conversation has dozens of
states: the rest of the walk was about 5 % of the Rasa server's CPU (py-spy,
docs/benchmarks.md). `possible_keys` stops there and returns the same set. It also reads each
rule's states once per lookup table instead of once per rule, turn and prediction, and checks
them as `_is_rule_applicable` does (the hypothesis test in tests/deploy/test_rule_keys.py compares
the two on the trained model's rules).

Even so, the full check of every rule against the last state was most of RulePolicy's work. A
rule state that names a previous action or a user intent (almost all do) matches only a state
with that same action or intent (`_does_rule_match_state` compares every set value), so the
rules are also indexed, per turn back, by the action and intent their state names; only the
rules filed under the conversation state's own action and intent, or under none, get the full
check.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rasa.shared.core.constants import PREVIOUS_ACTION, SHOULD_NOT_BE_SET, USER
from rasa.shared.nlu.constants import ACTION_NAME, INTENT

# (previous action, user intent) that a state names; None where it names none.
Filing = tuple["str | None", "str | None"]
_ANY: Filing = (None, None)


@dataclass
class _Table:
    """One rule lookup table, read once."""

    lookup: dict[str, str]
    keys: set[str]
    rules: dict[str, list[dict[str, Any]]]  # each rule's states, last first
    longest: int
    # Per turn back: the rules that end before it, and the others filed by their state there.
    shorter: list[frozenset[str]]
    filed: list[dict[Filing, frozenset[str]]]


# Per lookup table (RulePolicy keeps two; a new model brings new tables).
_TABLES: dict[int, _Table] = {}


def _named(state: dict[str, Any], sub_state: str, feature: str) -> str | None:
    """The value a state requires for one feature, when it is a plain name: a rule state that
    requires it matches only a conversation state with that same value."""
    value = state.get(sub_state, {}).get(feature)
    return value if isinstance(value, str) and value and value != SHOULD_NOT_BE_SET else None


def filing(state: dict[str, Any]) -> Filing:
    """The (previous action, intent) under which a rule state is filed."""
    return _named(state, PREVIOUS_ACTION, ACTION_NAME), _named(state, USER, INTENT)


def _table(self: Any, lookup: dict[str, str], keys: set[str]) -> _Table:
    cached = _TABLES.get(id(lookup))
    if cached is not None and cached.lookup is lookup and cached.keys == keys:
        return cached
    # New or changed table.
    rules = {key: list(reversed(self._rule_key_to_state(key))) for key in keys}
    longest = max((len(rule) for rule in rules.values()), default=0)
    shorter, filed = [], []
    for turn in range(longest):
        shorter.append(frozenset(key for key, rule in rules.items() if len(rule) <= turn))
        groups: dict[Filing, set[str]] = {}
        for key, rule in rules.items():
            if len(rule) > turn:
                groups.setdefault(filing(rule[turn]), set()).add(key)
        filed.append({name: frozenset(group) for name, group in groups.items()})
    cached = _TABLES[id(lookup)] = _Table(lookup, set(keys), rules, longest, shorter, filed)
    return cached


def _candidates(filed: dict[Filing, frozenset[str]], state: dict[str, Any]) -> set[str]:
    """The rules whose state at this turn can match `state`: filed under its action and intent,
    under one of them, or under none."""
    action = state.get(PREVIOUS_ACTION, {}).get(ACTION_NAME)
    intent = state.get(USER, {}).get(INTENT)
    found: set[str] = set()
    for name in {(action, intent), (action, None), (None, intent), _ANY}:
        found.update(filed.get(name, ()))
    return found


def possible_keys(self: Any, lookup: dict[str, str], states: list[dict[str, Any]]) -> set[str]:
    """`RulePolicy._get_possible_keys`, without the turns that cannot filter any rule out."""
    keys = set(lookup.keys())
    table = _table(self, lookup, keys)
    rules = table.rules
    matches = self._does_rule_match_state
    for turn, state in enumerate(reversed(states)):
        if turn >= table.longest:
            break  # every rule left is applicable at this turn and at every earlier one
        current_previous_action = state.get(PREVIOUS_ACTION)
        # `RulePolicy._is_rule_applicable`, step by step: a rule shorter than the way back to
        # this turn stays; a rule filed under another action or intent cannot match.
        kept = keys & table.shorter[turn]
        # A conversation start (no previous action) keeps every rule state that is a start too,
        # whatever else it names: no index for that.
        candidates = (_candidates(table.filed[turn], state) if current_previous_action
                      else keys - table.shorter[turn])
        for key in keys & candidates:
            rule_state = rules[key][turn]
            rule_previous_action = rule_state.get(PREVIOUS_ACTION)
            if not rule_previous_action and not current_previous_action:
                kept.add(key)  # both a conversation start
            elif rule_previous_action and current_previous_action and matches(rule_state, state):
                kept.add(key)  # neither a start (one start only: no match) and the features match
        keys = kept
    return keys
