"""deploy/speedups/rule_keys.py: the rules RulePolicy finds, the same as with its own walk.

The rules are those of the trained model (models/relatieroute.tar.gz). The conversations are made
of the rules' own states, strung together at random, so that many rules match at many turns.
"""

from __future__ import annotations

import json
import tarfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.core.policies.rule_policy import RulePolicy

from deploy.speedups.rule_keys import possible_keys
from scripts.stack import DEFAULT_MODEL


@pytest.fixture(scope="module")
def lookups() -> dict[str, dict[str, str]]:
    assert DEFAULT_MODEL.exists(), "train first (make train; make test does)"
    with tarfile.open(DEFAULT_MODEL) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith("RulePolicy0/rule_policy.json"))
        lookup = json.load(archive.extractfile(member))["lookup"]
    return {name: table for name, table in lookup.items() if isinstance(table, dict) and table}


@pytest.fixture(scope="module")
def policy() -> RulePolicy:
    return RulePolicy.__new__(RulePolicy)  # the methods used read no instance state


def test_the_model_has_rules_of_several_lengths(lookups):
    lengths = {len(json.loads(key)) for key in lookups["rules"]}
    assert len(lookups["rules"]) > 50 and max(lengths) >= 3 and min(lengths) <= 2


@given(data=st.data())
@settings(max_examples=300, deadline=None)
def test_same_rules_as_rasas_own_walk(lookups, policy, data):
    name = data.draw(st.sampled_from(sorted(lookups)))
    lookup = lookups[name]
    rules = sorted(lookup)
    picked = data.draw(st.lists(st.sampled_from(rules), min_size=1, max_size=8))
    states = [state for key in picked for state in json.loads(key)]
    states = states[data.draw(st.integers(0, len(states) - 1)):]  # also starting mid-rule
    assert possible_keys(policy, lookup, states) == RulePolicy._get_possible_keys(policy, lookup, states)


def test_a_long_conversation_ending_in_a_rule_finds_that_rule(lookups, policy):
    rules = sorted(lookups["rules"], key=len)
    last = rules[-1]
    states = [state for key in rules[:40] for state in json.loads(key)] + json.loads(last)
    found = possible_keys(policy, lookups["rules"], states)
    assert last in found
    assert found == RulePolicy._get_possible_keys(policy, lookups["rules"], states)


def test_installed_for_the_rule_policy(rasa_speedups_installed):
    assert RulePolicy._get_possible_keys is possible_keys


def test_a_changed_table_is_read_again(lookups, policy):
    table = dict(sorted(lookups["rules"].items())[:20])
    states = [state for key in sorted(table)[:3] for state in json.loads(key)]
    assert possible_keys(policy, table, states) == RulePolicy._get_possible_keys(policy, table, states)
    removed = sorted(table)[0]
    del table[removed]
    table[sorted(lookups["rules"])[30]] = "action_x"  # same size, other rules
    assert possible_keys(policy, table, states) == RulePolicy._get_possible_keys(policy, table, states)
    assert removed not in possible_keys(policy, table, states)
