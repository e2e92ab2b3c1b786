"""deploy/speedups/slot_copy.py: the same slot copies as `copy.copy`, made directly."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.slots import Slot
from rasa.shared.core.trackers import DialogueStateTracker

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def slots() -> list[Slot]:
    slots = Domain.load(str(ROOT / "domain.yml")).slots
    for index, slot in enumerate(slots):  # some with values, as in a conversation
        if index % 2:
            slot.value = {"list": [index]} if slot.type_name == "any" else slot.initial_value
    return slots


def test_our_domain_has_slots_of_several_kinds(slots):
    assert len(slots) > 30 and len({type(slot) for slot in slots}) >= 5


def test_same_copies_as_rasas_own(slots, rasa_speedups_installed):
    assert "__copy__" in Slot.__dict__
    fast = [copy.copy(slot) for slot in slots]
    del Slot.__copy__  # Rasa's own way (the fixture restores the speed-up's state afterwards)
    theirs = [copy.copy(slot) for slot in slots]
    for mine, rasas, original in zip(fast, theirs, slots, strict=True):
        assert type(mine) is type(rasas) is type(original)
        assert mine.__dict__ == rasas.__dict__ and mine is not original
        assert mine.value is original.value  # shallow, as copy.copy


def test_a_copied_slot_is_independent_of_the_original(slots, rasa_speedups_installed):
    tracker = DialogueStateTracker("s", slots)
    name = next(slot.name for slot in slots if slot.type_name == "text")
    before = next(slot for slot in slots if slot.name == name).value
    tracker.slots[name].value = "anders"
    assert next(slot for slot in slots if slot.name == name).value == before
    assert DialogueStateTracker("t", slots).slots[name].value == before
