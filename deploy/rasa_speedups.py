"""Behaviour-preserving speed-ups for the Rasa server (Rasa Open Source 3.6).

Each found with py-spy or cProfile under load (docs/benchmarks.md, issue 7); the code of each is in
`deploy/speedups/`: 1 and 4 `action_responses`, 2 `event_classes`, 3 and 8 `model_loading`, 5
`action_sessions` (8: with `json_text`), 6 `tracker_merge`, 7 `graph_runner`, 9 `slot_copy`,
10 `rule_keys`, 11 `payload_parse`, 12 `applied_events`, 13 `gc_freeze`, 14 `debug_copies`,
15 `loop_state`, 16 `empty_domain`. (17, a per-conversation replay cache, was removed: it kept
what residents typed after "stop" and after the tracker's expiry; docs/privacy.md.)
`install()` applies them all (`deploy/rasa_server.py` calls it).

1. Rasa checks every action server response against its JSON schema with `jsonschema.validate`,
   which checks the (large) events schema itself against the meta-schema and builds a new
   validator on every call: about 30 ms of CPU per custom action call, two or three calls per
   message, 70% of the Rasa server's CPU time. `install()` makes Rasa build that validator once
   per process. The schema, the checks and the error for an invalid response stay the same.
2. Every event read from a tracker or an action response looks up its class by walking all
   subclasses of `Event` (`Event.resolve_by_type`): about 8% of the CPU time once (1) is fixed.
   `install()` remembers the class found for each event name; unknown names go the original way.
3. Loading a trained DIET or ResponseSelector model, Rasa first *trains it on one example* (to
   create its weights), then overwrites those weights from the model file and traces the
   prediction graph: the training step's graph costs about 7 s and 330 MB of the Rasa server's
   start (cold start and peak memory, docs/benchmarks.md). For serving, `install()` loads the
   weights straight into the model instead (TensorFlow restores each weight when the prediction
   graph creates it) and checks that every weight the model uses came from the file; otherwise,
   and for fine-tuning or eager mode, Rasa's own loading runs. The weights, and so every
   prediction, are the same (tests/deploy/test_model_loading.py compares them).
4. Even built once, the validator checks every event against all 23 event schemas (the schema's
   `oneOf`), about a tenth of the CPU time. Each of those schemas admits one event name only (its
   `"event": {"const": ...}`), so an event named X is valid exactly when it matches the
   common part and X's schema. `install()` checks that first; only a response that fails it goes
   through the full validator, which raises Rasa's own error (or, should the reasoning ever
   not hold, accepts it).
5. Rasa opens a new HTTP session, so a new TCP connection, for every action server call
   (`EndpointConfig.request`). `install()` keeps one session per endpoint and event loop, with
   keep-alive connections that the client lets go after 2 s, before the action server's own
   5 s keep-alive timeout would close them under it.
6. Saving a conversation to the Redis tracker store (the production profile), Rasa reads the
   stored one back and merges the two. Our channel passes metadata (gemeente, channel), so the
   stored conversation starts with a slot event that the tracker Rasa works with (the last
   session) lacks; the merge then compares every new event with every stored one (`as_dict`):
   28% of the Rasa server's CPU at 20 conversations. `install()` makes the same merge with one
   lookup per event (`tracker_merge`).
7. Rasa runs the prediction graph (NLU, then the policies) through dask, twice per message: a new
   minimal schema, a new dask graph and dask's scheduler each time, about a tenth of the CPU per
   message for a dozen nodes in one thread. `install()` makes the message processor load the
   graph into a runner that orders the same nodes once and calls them in that order
   (`graph_runner`); the nodes get the same arguments and their errors the same wrapping.
8. Calling the traced DIET or FAQ selector, TensorFlow matched the batch to the function's
   signature again each time, which took longer than running the graph. `install()` (with 3)
   calls the traced function directly with the batch's tensors when they fit its signature
   (`model_loading.FlatPredictStep`); anything else goes the usual way. The action server call's
   tracker JSON is written with ujson (5; `json_text`). (The in-memory tracker store keeps the
   events themselves instead of JSON text: `stores/expiring_memory.py`.)
9. Every tracker copies each of our 35 slots with `copy.copy`, through the pickle protocol.
   `install()` gives Rasa's `Slot` a `__copy__` that makes the same copy directly (`slot_copy`).
10. RulePolicy matched its rules against every state of the conversation, although a rule of n
    states fits whatever lies more than n turns back, and read each rule's states again for every
    rule, turn and prediction. `install()` stops at the longest rule, reads the states once
    per rule table, and checks in full only the rules filed under the state's own previous
    action and intent (`rule_keys`); the rules found are the same.
11. A button payload (`/affirm`, `/inform{"barriers": "time"}`) went through the whole NLU graph
    (spaCy, featurizers, DIET, FAQ selector, guards: about 7 ms of CPU), after which the last
    node, `RegexMessageHandler`, replaced the message by a new one built from the payload alone.
    `install()` feeds such a payload straight to that node (`payload_parse`); every other text,
    and a payload the handler would not unpack, goes through the whole graph.
12. A tracker's applied events (those not undone by a rewind, restart or repeated form run) were
    worked out from the first event on every call, several times per message on the same
    tracker with a few more events each time. `install()` continues from the previous answer
    when the tracker has only gained events that activate no new loop (`applied_events`).
13. Python's full garbage collections walked the loaded model's objects (about 550 000 that the
    collector tracks) each time: about 300 ms, with every message in progress waiting.
    `install()` freezes what is alive once the model is loaded (`gc.freeze()`, `gc_freeze`):
    collections skip it, a full one takes milliseconds, and what conversations create is
    collected as before.
14. Rasa's debug lines take deep copies as arguments (`rasa_events=copy.deepcopy(events)`, the
    latest user message, the rule states), which Python makes before structlog drops the line
    at INFO: about 8 % of the CPU. In the three modules where `copy.deepcopy` serves nothing
    else (checked in their source at install), `install()` makes it return the value itself
    while debug lines are dropped, and copy as before when they are written (`debug_copies`).
15. Every action server call writes the tracker's state, including the active form as
    `dataclasses.asdict(active_loop)`, which deep-copies the parse data of the message that
    opened the form value by value through `copy.deepcopy`: about 5 % of the CPU while a form is
    active. `install()` makes that dictionary directly when it holds only JSON values, the same
    as `asdict` makes it; anything else still goes through `asdict` (`loop_state`).
16. `Domain.is_empty()` built a whole empty domain to compare with, twice for every parsed message:
    1.8 % of the CPU. `install()` compares with one made once per process (`empty_domain`).
"""

from __future__ import annotations

import logging
from typing import Any

from deploy.speedups import (
    action_responses,
    action_sessions,
    applied_events,
    debug_copies,
    empty_domain,
    event_classes,
    gc_freeze,
    graph_runner,
    loop_state,
    model_loading,
    payload_parse,
    rule_keys,
    slot_copy,
    tracker_merge,
)

logger = logging.getLogger(__name__)
_installed = False


def patches() -> list[tuple[type, str, Any]]:
    """(Rasa class, attribute, replacement) for each speed-up; the replacements wrap what the
    attribute holds now."""
    from rasa.core import processor
    from rasa.core.actions.action import RemoteAction
    from rasa.core.agent import Agent
    from rasa.core.policies.rule_policy import RulePolicy
    from rasa.core.tracker_store import RedisTrackerStore
    from rasa.shared.core import trackers
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import Event
    from rasa.shared.core.slots import Slot
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.utils.endpoints import EndpointConfig
    from rasa.utils.tensorflow.models import RasaModel

    return [
        (RemoteAction, "_validate_action_result", action_responses.validate_action_result),  # 1, 4
        (Event, "resolve_by_type",
         staticmethod(event_classes.cached_resolve_by_type(Event.resolve_by_type))),  # 2
        (RasaModel, "load", model_loading.load_for_inference(RasaModel.load.__func__)),  # 3
        (EndpointConfig, "session", action_sessions.shared_session),  # 5
        (RedisTrackerStore, "_merge_trackers",
         tracker_merge.linear_merge(RedisTrackerStore._merge_trackers)),  # 6
        (processor, "DaskGraphRunner", graph_runner.SequentialGraphRunner),  # 7
        (processor.MessageProcessor, "_parse_message_with_graph",
         payload_parse.parse_payloads_directly(processor.MessageProcessor._parse_message_with_graph)),  # 11
        (Slot, "__copy__", slot_copy.shallow_copy),  # 9
        (RulePolicy, "_get_possible_keys", rule_keys.possible_keys),  # 10
        (DialogueStateTracker, "applied_events",
         applied_events.remembering_applied_events(DialogueStateTracker.applied_events)),  # 12
        (Agent, "load_model", gc_freeze.freeze_after_loading(Agent.load_model)),  # 13
        *((module, "copy", debug_copies.DebugLineCopy())
          for module in debug_copies.modules_to_patch()),  # 14
        (trackers, "dataclasses", loop_state.TrackerDataclasses(trackers.TrackerActiveLoop)),  # 15
        (Domain, "is_empty", empty_domain.is_empty),  # 16
    ]


def install() -> None:
    """Applies the speed-ups (idempotent)."""
    global _installed
    if _installed:
        return
    applied = patches()
    for owner, name, replacement in applied:
        setattr(owner, name, replacement)
    _installed = True
    logger.debug("Rasa speed-ups installed (deploy/speedups/): %s",
                 ", ".join(f"{owner.__name__}.{name}" for owner, name, _ in applied))
