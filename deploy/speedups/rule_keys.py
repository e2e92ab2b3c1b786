"""RulePolicy's rule matching stops where the rules end (`deploy/rasa_speedups.py`, 10).

To find the rules that fit the conversation, `RulePolicy._get_possible_keys` walks back through
*every* state of the conversation and filters all rules at each one. A rule of n states is
applicable at any turn n or more back (`_is_rule_applicable` returns True there without looking),
so once the walk is further back than the longest rule, the filter keeps every rule left, for
each remaining state. Our rules are at most five states long and a conversation has dozens of
states: the rest of the walk was about 5 % of the Rasa server's CPU (py-spy,
docs/benchmarks.md). `possible_keys` stops there and returns the same set.
"""

from __future__ import annotations

from typing import Any


def possible_keys(self: Any, lookup: dict[str, str], states: list[dict[str, Any]]) -> set[str]:
    """`RulePolicy._get_possible_keys`, without the turns that cannot filter any rule out."""
    keys = set(lookup.keys())
    longest = max((len(self._rule_key_to_state(key)) for key in keys), default=0)
    for turn, state in enumerate(reversed(states)):
        if turn >= longest:
            break  # every rule left is applicable at this turn and at every earlier one
        keys = {key for key in keys if self._is_rule_applicable(key, turn, state)}
    return keys
