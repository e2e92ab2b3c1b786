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
"""

from __future__ import annotations

from typing import Any

from rasa.shared.core.constants import PREVIOUS_ACTION

# Per lookup table (RulePolicy keeps two; a new model brings new tables): its rule keys, each
# rule's states last first, and the length of the longest rule.
_TABLES: dict[int, tuple[dict[str, Any], set[str], dict[str, list[dict[str, Any]]], int]] = {}


def _reversed_rules(self: Any, lookup: dict[str, str], keys: set[str]) -> tuple[dict[str, list], int]:
    cached = _TABLES.get(id(lookup))
    if cached is None or cached[0] is not lookup or cached[1] != keys:  # new or changed table
        reversed_states = {key: list(reversed(self._rule_key_to_state(key))) for key in keys}
        longest = max((len(rule) for rule in reversed_states.values()), default=0)
        cached = _TABLES[id(lookup)] = (lookup, set(keys), reversed_states, longest)
    return cached[2], cached[3]


def possible_keys(self: Any, lookup: dict[str, str], states: list[dict[str, Any]]) -> set[str]:
    """`RulePolicy._get_possible_keys`, without the turns that cannot filter any rule out."""
    keys = set(lookup.keys())
    rules, longest = _reversed_rules(self, lookup, keys)
    matches = self._does_rule_match_state
    for turn, state in enumerate(reversed(states)):
        if turn >= longest:
            break  # every rule left is applicable at this turn and at every earlier one
        current_previous_action = state.get(PREVIOUS_ACTION)
        kept = set()
        for key in keys:
            rule = rules[key]
            # `RulePolicy._is_rule_applicable`, step by step:
            if turn >= len(rule):
                kept.add(key)  # the rule is shorter than the way back to this turn
                continue
            rule_state = rule[turn]
            rule_previous_action = rule_state.get(PREVIOUS_ACTION)
            if not rule_previous_action and not current_previous_action:
                kept.add(key)  # both a conversation start
            elif rule_previous_action and current_previous_action and matches(rule_state, state):
                kept.add(key)  # neither a start (one start only: no match) and the features match
        keys = kept
    return keys
