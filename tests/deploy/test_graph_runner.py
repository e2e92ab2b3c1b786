"""The sequential graph runner (deploy/speedups/graph_runner.py) against Rasa's DaskGraphRunner.

Both run the same small graphs; every call a node gets is recorded, so the tests compare what
each node received, how often it ran, the results and the errors, not only the final output.
"""

from __future__ import annotations

from typing import Any

import pytest
from rasa.engine.exceptions import GraphComponentException
from rasa.engine.graph import ExecutionContext, GraphComponent, GraphSchema, SchemaNode
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.engine.storage.local_model_storage import LocalModelStorage

from deploy.speedups.graph_runner import SequentialGraphRunner

CALLS: list[tuple[str, dict[str, Any]]] = []


class Recorder(GraphComponent):
    """Returns its name joined with its inputs; records every call."""

    def __init__(self, name: str, fail: bool) -> None:
        self.name, self.fail = name, fail

    @classmethod
    def create(cls, config, model_storage, resource, execution_context) -> Recorder:
        return cls(config["name"], config.get("fail", False))

    def run(self, **inputs: Any) -> str:
        CALLS.append((self.name, dict(inputs)))
        if self.fail:
            raise ValueError(f"{self.name} failed")
        return self.name + "(" + ",".join(f"{k}={inputs[k]}" for k in sorted(inputs)) + ")"


def node(name: str, needs: dict[str, str], *, target: bool = False, fail: bool = False) -> SchemaNode:
    return SchemaNode(needs=needs, uses=Recorder, constructor_name="create", fn="run",
                      config={"name": name, "fail": fail}, eager=True, is_target=target)


def schema(fail: str = "") -> GraphSchema:
    """A diamond (a → b, c → d) fed by a placeholder, plus a branch (e → f) that d does not need."""
    nodes = {
        "a": node("a", {"x": "__input__"}),
        "b": node("b", {"x": "a"}),
        "c": node("c", {"x": "a", "y": "__other__"}),
        "d": node("d", {"left": "b", "right": "c"}, target=True),
        "e": node("e", {}),
        "f": node("f", {"x": "e"}, target=True),
    }
    if fail:
        nodes[fail] = node(fail, nodes[fail].needs, target=nodes[fail].is_target, fail=True)
    return GraphSchema(nodes)


def run(runner_class: type, graph: GraphSchema, tmp_path, **kwargs: Any) -> tuple[Any, list]:
    CALLS.clear()
    runner = runner_class.create(graph, LocalModelStorage(tmp_path), ExecutionContext(graph, "m"))
    try:
        result = runner.run(**kwargs)
    except Exception as error:  # compared below: same class, same message, same cause
        result = (type(error), str(error), type(error.__cause__))
    return result, sorted(CALLS, key=lambda call: call[0])


CASES = [
    {"inputs": {"__input__": "in", "__other__": "o"}, "targets": ["d"]},
    {"inputs": {"__input__": "in", "__other__": "o"}, "targets": ["d", "f"]},
    {"inputs": {"__input__": "in", "__other__": "o"}},  # the schema's own targets
    {"inputs": {"__input__": "in", "__other__": "o"}, "targets": ["a"]},
    {"inputs": {"__input__": "in"}, "targets": ["d"]},  # a placeholder not given: c's input missing
    {"inputs": {"__input__": "in", "__other__": "o", "b": "given"}, "targets": ["d"]},  # input replaces b
    {"inputs": {"__input__": "in", "__other__": "o", "b": "given"}, "targets": ["b"]},
    {"inputs": {"__input__": "a", "__other__": "o"}, "targets": ["d"]},  # clashes with node a
    {"inputs": {"__input__": "e", "__other__": "o"}, "targets": ["d"]},  # e is not in d's graph
    {"targets": ["f"]},
]


@pytest.mark.parametrize("case", CASES, ids=[str(i) for i in range(len(CASES))])
def test_same_results_calls_and_errors_as_dask(case, tmp_path):
    graph = schema()
    assert run(SequentialGraphRunner, graph, tmp_path, **case) == run(
        DaskGraphRunner, graph, tmp_path, **case)


@pytest.mark.parametrize("failing", ["a", "c", "d"])
def test_a_failing_node_fails_the_run_the_same_way(failing, tmp_path):
    graph = schema(fail=failing)
    case = {"inputs": {"__input__": "in", "__other__": "o"}, "targets": ["d"]}
    mine, theirs = run(SequentialGraphRunner, graph, tmp_path, **case), run(
        DaskGraphRunner, graph, tmp_path, **case)
    assert mine[0] == theirs[0] == (GraphComponentException,
                                    f"Error running graph component for node {failing}.", ValueError)
    # Nodes that do not depend on the failing one may run in another order under dask, but
    # nothing that needs the failed node runs in either.
    needs_failed = {"a": {"b", "c", "d"}, "c": {"d"}, "d": set()}[failing]
    assert not {name for name, _ in mine[1]} & needs_failed


def test_each_node_runs_once_and_after_what_it_needs(tmp_path):
    graph = schema()
    _, calls = run(SequentialGraphRunner, graph, tmp_path,
                   inputs={"__input__": "in", "__other__": "o"}, targets=["d", "f"])
    assert sorted(name for name, _ in calls) == ["a", "b", "c", "d", "e", "f"]
    CALLS.clear()
    runner = SequentialGraphRunner.create(graph, LocalModelStorage(tmp_path), ExecutionContext(graph, "m"))
    runner.run(inputs={"__input__": "in", "__other__": "o"}, targets=["d", "f"])
    order = [name for name, _ in CALLS]
    for before, after in [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("e", "f")]:
        assert order.index(before) < order.index(after)


def test_the_plan_is_made_once_per_targets_and_inputs(tmp_path, monkeypatch):
    graph = schema()
    runner = SequentialGraphRunner.create(graph, LocalModelStorage(tmp_path), ExecutionContext(graph, "m"))
    made = []
    original = GraphSchema.minimal_graph_schema
    monkeypatch.setattr(GraphSchema, "minimal_graph_schema",
                        lambda self, targets=None: made.append(targets) or original(self, targets))
    for _ in range(3):
        first = runner.run(inputs={"__input__": "1", "__other__": "o"}, targets=["d"])
        second = runner.run(inputs={"__input__": "2", "__other__": "o"}, targets=["d"])
        runner.run(targets=["f"])
    assert made == [["d"], ["f"]]
    # Reusing the plan does not reuse values: each run sees its own input.
    assert first["d"] != second["d"] and "a(x=2)" in second["d"]


def test_the_message_processor_loads_its_graph_into_the_sequential_runner(rasa_speedups_installed):
    from rasa.core import processor

    assert processor.DaskGraphRunner is SequentialGraphRunner
