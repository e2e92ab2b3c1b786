"""deploy/speedups/gc_freeze.py: what the loaded model holds is frozen for the garbage collector;
garbage is not, and a model replaced by another one is collected."""

from __future__ import annotations

import gc
import weakref

import pytest

from deploy.speedups.gc_freeze import freeze_after_loading


class Model:
    """Stands in for a loaded model: objects in a reference cycle (only the collector frees them)."""

    def __init__(self, size: int) -> None:
        self.parts = [[i] for i in range(size)]  # (lists: tracked by the collector)
        self.me = self


class Agent:
    def load_model(self, size: int) -> None:
        self.model = Model(size)


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_the_loaded_model_is_frozen(unfrozen):
    load = freeze_after_loading(Agent.load_model)
    agent = Agent()
    load(agent, 50_000)
    assert gc.get_freeze_count() >= 50_000
    assert load.__wrapped__ is Agent.load_model


def test_garbage_from_before_is_collected_not_frozen(unfrozen):
    garbage = Model(10)
    gone = weakref.ref(garbage)
    del garbage  # a cycle: still alive until a collection
    freeze_after_loading(Agent.load_model)(Agent(), 10)
    assert gone() is None


def test_a_replaced_model_is_collected(unfrozen):
    load = freeze_after_loading(Agent.load_model)
    agent = Agent()
    load(agent, 1000)
    first = weakref.ref(agent.model)
    load(agent, 1000)  # the first model was frozen; now it is garbage
    assert first() is None
    assert agent.model is not None


def test_installed_on_the_agent(rasa_speedups_installed, unfrozen):
    from rasa.core.agent import Agent as RasaAgent

    assert RasaAgent.load_model.__wrapped__ is rasa_speedups_installed(RasaAgent, "load_model")
