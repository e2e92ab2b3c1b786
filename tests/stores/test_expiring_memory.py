"""The default tracker store forgets conversations and keeps memory bounded."""

import json
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from stores.expiring_memory import ExpiringInMemoryTrackerStore

ROOT = Path(__file__).resolve().parents[2]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def tracker(sender: str, domain: Domain) -> DialogueStateTracker:
    t = DialogueStateTracker.from_events(sender, [], slots=domain.slots)
    t.update(UserUttered("hoi", {"name": "greet", "confidence": 1.0}))
    return t


async def test_conversation_is_forgotten_after_the_ttl(domain):
    clock = Clock()
    store = ExpiringInMemoryTrackerStore(domain, ttl_seconds=60, clock=clock)
    await store.save(tracker("a", domain))
    assert await store.retrieve("a") is not None
    clock.now += 61
    assert await store.retrieve("a") is None
    assert list(await store.keys()) == []


async def test_activity_keeps_a_conversation_alive(domain):
    clock = Clock()
    store = ExpiringInMemoryTrackerStore(domain, ttl_seconds=60, clock=clock)
    for _ in range(5):
        await store.save(tracker("a", domain))
        clock.now += 50
    assert await store.retrieve("a") is not None


async def test_thousands_of_senders_keep_memory_bounded(domain):
    store = ExpiringInMemoryTrackerStore(domain, max_conversations=100, clock=Clock())
    for i in range(2000):
        await store.save(tracker(f"sender-{i}", domain))
    keys = list(await store.keys())
    assert len(keys) == 100
    assert keys[-1] == "sender-1999" and "sender-0" not in keys


async def test_endpoints_file_configures_it(domain):
    from rasa.core.tracker_store import create_tracker_store
    from rasa.utils.endpoints import read_endpoint_config

    config = read_endpoint_config(str(ROOT / "endpoints.yml"), "tracker_store")
    store = create_tracker_store(config, domain)
    inner = getattr(store, "_tracker_store", store)
    assert isinstance(inner, ExpiringInMemoryTrackerStore)
    assert inner.ttl_seconds == 3600 and inner.max_conversations == 10000


async def test_stop_erases_the_conversation_at_once(domain):
    store = ExpiringInMemoryTrackerStore(domain, clock=Clock())
    conversation = tracker("a", domain)
    await store.save(conversation)
    conversation.update(UserUttered("snel weg", {"name": "stop", "confidence": 1.0}))
    conversation.update(ActionExecuted("action_stop"))
    conversation.update(ActionExecuted("action_listen"))
    await store.save(conversation)
    assert await store.retrieve("a") is None
    assert list(await store.keys()) == []


def _conversation(domain: Domain, sender: str, sessions: int = 2) -> DialogueStateTracker:
    """Sessions with most kinds of event, free text with emoji, quotes, "/" and HTML; before the
    first one, the channel's metadata (as the channel sends it)."""
    from rasa.shared.core.events import (
        ActiveLoop,
        BotUttered,
        SessionStarted,
        SlotSet,
        UserUtteranceReverted,
    )

    events = [SlotSet("session_started_metadata", {"gemeente": "zwolle"})]
    for session in range(max(1, sessions)):
        events += [
            *([ActionExecuted("action_session_start"), SessionStarted()] if sessions else []),
            SlotSet("gemeente", "'s-Hertogenbosch"), ActionExecuted("action_listen"),
            UserUttered(f"Hij slaat me 😢 </script> \"nu\" / {session}",
                        {"name": "danger_violence", "confidence": 0.987654321},
                        parse_data={"intent_ranking": [{"name": "inform", "confidence": 1e-7}]},
                        metadata={"gemeente": "zwolle"}),
            ActiveLoop("triage_form"), SlotSet("requested_slot", "in_danger"),
            BotUttered("Ben je nu in gevaar?", {"buttons": [{"title": "Ja", "payload": "/affirm"}]}),
            ActionExecuted("action_listen"), UserUttered("eh", {"name": "nlu_fallback", "confidence": 0.3}),
            UserUtteranceReverted(), ActiveLoop(None),
        ]
    return DialogueStateTracker.from_events(sender, events, slots=domain.slots)


def _same_tracker(mine: DialogueStateTracker, theirs: DialogueStateTracker) -> None:
    """Every attribute equal, the slots attribute by attribute."""
    mine_vars, their_vars = dict(vars(mine)), dict(vars(theirs))
    mine_slots, their_slots = mine_vars.pop("slots"), their_vars.pop("slots")
    assert mine_vars == their_vars
    assert list(mine_slots) == list(their_slots)
    for name, slot in mine_slots.items():
        assert vars(slot) == vars(their_slots[name]), name


@pytest.mark.parametrize("sessions", [0, 1, 2, 3])
async def test_conversations_come_back_exactly_as_from_rasas_own_store(domain, sessions):
    from rasa.core.tracker_store import InMemoryTrackerStore

    ours, rasas = ExpiringInMemoryTrackerStore(domain), InMemoryTrackerStore(domain)
    conversation = _conversation(domain, "s1", sessions)
    for store in (ours, rasas):
        await store.save(conversation)
    assert ours.store["s1"].as_dict() == json.loads(rasas.store["s1"])
    for fetch in ("retrieve", "retrieve_full_tracker"):
        mine, theirs = await getattr(ours, fetch)("s1"), await getattr(rasas, fetch)("s1")
        assert mine.events == theirs.events and len(mine.events) > 5
        assert mine.current_state() == theirs.current_state()
        _same_tracker(mine, theirs)
    if sessions >= 1:  # the slot event before the first session start is a session of its own
        assert len((await ours.retrieve_full_tracker("s1")).events) > len((await ours.retrieve("s1")).events)


async def test_what_happens_after_saving_or_retrieving_stays_out_of_the_store(domain):
    store = ExpiringInMemoryTrackerStore(domain)
    conversation = _conversation(domain, "s2")
    await store.save(conversation)
    kept = store.store["s2"].as_dict()
    conversation.update(UserUttered("nog iets", {"name": "inform", "confidence": 1.0}))
    retrieved = await store.retrieve("s2")
    retrieved.update(ActionExecuted("action_listen"))
    retrieved.slots["gemeente"].value = "anders"
    assert store.store["s2"].as_dict() == kept
    again = await store.retrieve("s2")
    assert again is not retrieved and again.events == (await store.retrieve("s2")).events
    assert again.get_slot("gemeente") == "'s-Hertogenbosch" and len(again.events) == len(retrieved.events) - 1
