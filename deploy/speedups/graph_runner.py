"""The prediction graph run node after node, without dask (`deploy/rasa_speedups.py`, 7).

Rasa runs its prediction graph twice per message (NLU, then the policies) through dask: each run
derives the minimal schema for the targets, builds a dask graph, and dask's scheduler orders and
dispatches the tasks. For a graph of a dozen nodes that always runs in one thread, that
bookkeeping costs about a tenth of the Rasa server's CPU per message (py-spy, docs/benchmarks.md).
`SequentialGraphRunner` computes the order once per set of targets and inputs and then calls the
same `GraphNode`s with the same arguments, so the components see exactly what dask gave them.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner

Plan = tuple[tuple[str, tuple[str, ...]], ...]


class SequentialGraphRunner(DaskGraphRunner):
    """`DaskGraphRunner` with the same results, order of dependencies and errors, minus dask."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._plans: dict[tuple[tuple[str, ...], frozenset[str]], tuple[Plan, frozenset[str]]] = {}

    def _plan(self, targets: list[str], input_names: frozenset[str]) -> tuple[Plan, frozenset[str]]:
        """The nodes to call, each after the nodes it needs, with the names of its arguments; and
        the names of the minimal schema's nodes.

        Like dask, this calls every node of the minimal schema for the targets, except a node that
        an input of the same name replaces; a needed name that is neither a node nor an input is
        passed on as the bare name (the node then reports it as not resolved).
        """
        key = (tuple(targets), input_names)
        cached = self._plans.get(key)
        if cached is not None:
            return cached
        nodes = self._graph_schema.minimal_graph_schema(targets).nodes
        order: list[tuple[str, tuple[str, ...]]] = []
        done: set[str] = set()

        # No cycle check: `minimal_graph_schema` has already walked the same dependencies.
        def visit(name: str) -> None:
            if name in input_names or name not in nodes or name in done:
                return
            done.add(name)
            needs = tuple(nodes[name].needs.values())
            for needed in needs:
                visit(needed)
            order.append((name, needs))

        for name in nodes:
            visit(name)
        cached = self._plans[key] = (tuple(order), frozenset(nodes))
        return cached

    def run(
        self, inputs: dict[str, Any] | None = None, targets: list[str] | None = None
    ) -> dict[str, Any]:
        """Runs the graph (see `GraphRunner.run`): same inputs, targets and result as dask's."""
        run_targets = targets if targets else self._graph_schema.target_names
        inputs = inputs or {}
        plan, node_names = self._plan(run_targets, frozenset(inputs))
        values: dict[str, Any] = {}
        for input_name, input_value in inputs.items():
            # As DaskGraphRunner: a string input naming a node (or an earlier input) would have
            # been read by dask as a reference to it.
            if isinstance(input_value, str) and (input_value in node_names or input_value in values):
                raise GraphRunError(
                    f"Input value '{input_value}' clashes with a node name. Make sure "
                    f"that none of the input names passed to the `run` method are the "
                    f"same as node names in the graph schema."
                )
            values[input_name] = (input_name, input_value)
        try:
            for name, needs in plan:
                node = self._instantiated_nodes[name]
                values[name] = node(*[values.get(needed, needed) for needed in needs])
            return dict(values[target] for target in run_targets)
        except RuntimeError as e:
            raise GraphRunError("Error running runner.") from e
