"""deploy/speedups/debug_copies.py: Rasa's debug-line deep copies are made only when the line is
written; what the processor does with the events, and what a written debug line shows, stay
the same."""

from __future__ import annotations

import copy
import logging
import textwrap
from pathlib import Path

import pytest
import structlog
from rasa.core import processor as rasa_processor
from rasa.core.actions.action import action_for_name_or_text
from rasa.core.policies.policy import PolicyPrediction
from rasa.core.processor import MessageProcessor
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.log_utils import configure_structlog

from deploy.speedups import debug_copies
from deploy.speedups.debug_copies import DebugLineCopy, deepcopy_only_for_debug_lines

ROOT = Path(__file__).resolve().parents[2]


def _passes(source: str) -> bool:
    return deepcopy_only_for_debug_lines(textwrap.dedent(source))


def test_rasas_modules_use_deepcopy_only_for_debug_lines():
    assert [module.__name__ for module in debug_copies.modules_to_patch()] == list(debug_copies.MODULES)


def test_installed_in_each_module(rasa_speedups_installed):
    import importlib

    for name in debug_copies.MODULES:
        assert isinstance(importlib.import_module(name).copy, DebugLineCopy)


@pytest.mark.parametrize(
    "source",
    [
        "import copy\nstructlogger.debug('x', a=copy.deepcopy(b))",
        "import copy\ndef f(e):\n    structlogger.debug('x', a=copy.deepcopy(e), b=copy.deepcopy(e[0]))",
        "structlogger.debug('x', a=1)",  # no copy at all
    ],
)
def test_source_check_accepts_deepcopy_as_debug_argument(source):
    assert _passes(source)


@pytest.mark.parametrize(
    "source",
    [
        "import copy\nx = copy.deepcopy(y)",  # a copy the code works with
        "import copy\nstructlogger.info('x', a=copy.deepcopy(b))",  # written at INFO
        "import copy\nstructlogger.debug('x', a=len(copy.deepcopy(b)))",  # not the argument itself
        "import copy\nstructlogger.debug('x', copy.deepcopy(b))",  # positional: formatted
        "import copy\nx = copy.copy(y)",
        "import copy\nf(copy)",
        "from copy import deepcopy\nx = deepcopy(y)",
        "import copy as c\nx = c.deepcopy(y)",
        "import copy\nother.debug('x', a=copy.deepcopy(b))",
    ],
)
def test_source_check_refuses_any_other_use(source):
    assert not _passes(source)


@pytest.fixture
def structlog_level():
    """Configures structlog as Rasa does at a log level; the earlier setup is restored."""
    saved = structlog.get_config()
    root_level = logging.getLogger().level

    def configure(level: int) -> None:
        configure_structlog(level)
        logging.getLogger().setLevel(level)

    yield configure
    structlog.configure(**saved)
    logging.getLogger().setLevel(root_level)


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def _log_action(domain: Domain) -> tuple[DialogueStateTracker, list]:
    """Runs MessageProcessor._log_action_on_tracker as Rasa does after an action."""
    processor = MessageProcessor.__new__(MessageProcessor)  # only its domain is used here
    processor.domain = domain
    tracker = DialogueStateTracker.from_events("s", [
        ActionExecuted("action_listen", timestamp=1.0),
        UserUttered("/greet", {"name": "greet", "confidence": 1.0}, timestamp=2.0),
    ], domain.slots)
    events = [SlotSet("relationship_status", "separated", timestamp=3.0),
              SlotSet("requested_slot", "acute_danger", timestamp=4.0)]
    prediction = PolicyPrediction([1.0], "RulePolicy", events=[SlotSet("violence", False, timestamp=5.0)])
    action = action_for_name_or_text("utter_welcome", domain, None)
    processor._log_action_on_tracker(tracker, action, events, prediction)
    return tracker, events


def test_at_info_no_copies_and_the_same_tracker(domain, structlog_level, rasa_speedups_installed,
                                                monkeypatch):
    structlog_level(logging.INFO)
    monkeypatch.setattr(rasa_processor, "structlogger", structlog.get_logger())
    assert debug_copies.debug_lines_dropped()
    calls = []
    real_deepcopy = copy.deepcopy

    def counting(value, memo=None):
        calls.append(type(value).__name__)
        return real_deepcopy(value, memo)

    monkeypatch.setattr(copy, "deepcopy", counting)
    fast, _ = _log_action(domain)
    assert calls == []
    monkeypatch.setattr(rasa_processor, "copy", copy)  # Rasa's own: the standard module
    rasas, _ = _log_action(domain)
    assert calls  # Rasa's own code copied for the dropped debug lines
    # The action's own event gets the time of the run: compared without it.
    assert [e.as_dict() for e in fast.events if e.timestamp < 10] == [
        e.as_dict() for e in rasas.events if e.timestamp < 10]
    assert [type(e) for e in fast.events] == [type(e) for e in rasas.events]
    assert len(fast.events) == 6
    assert fast.current_slot_values() == rasas.current_slot_values()


def test_at_debug_the_line_gets_a_deep_copy(domain, structlog_level, rasa_speedups_installed,
                                            monkeypatch):
    structlog_level(logging.DEBUG)
    monkeypatch.setattr(rasa_processor, "structlogger", structlog.get_logger())
    assert not debug_copies.debug_lines_dropped()
    with structlog.testing.capture_logs() as lines:
        _, events = _log_action(domain)
    logged = [line for line in lines if line["event"] == "processor.actions.log"]
    assert len(logged) == 1
    copied = logged[0]["rasa_events"]
    assert copied == events and copied is not events
    assert all(mine is not theirs for mine, theirs in zip(copied, events, strict=True))


def test_unconfigured_structlog_counts_as_writing(structlog_level):
    structlog.reset_defaults()
    assert not debug_copies.debug_lines_dropped()
    value = {"a": [1, 2]}
    assert DebugLineCopy.deepcopy(value) == value and DebugLineCopy.deepcopy(value) is not value


def test_copy_copy_is_the_standard_one():
    value = [[1], [2]]
    shallow = DebugLineCopy.copy(value)
    assert shallow == value and shallow is not value and shallow[0] is value[0]
