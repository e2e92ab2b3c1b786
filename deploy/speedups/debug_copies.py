"""Deep copies for debug lines, made only when debug lines are written (`deploy/rasa_speedups.py`, 14).

Rasa 3.6 writes debug lines through structlog with arguments such as
`structlogger.debug("processor.actions.log", rasa_events=copy.deepcopy(events))`. Python
evaluates the arguments before the call, so every message paid for deep copies of events, of
the latest user message (its parse data with the intent ranking), of the rule states, ... also
at INFO, where structlog's filtering logger drops the line without looking at them: about 8 %
of the Rasa server's CPU at 20 concurrent conversations (py-spy, docs/benchmarks.md).

In the modules of `MODULES`, `copy.deepcopy` serves those debug lines and nothing else.
`install()` checks that in each module's source (`deepcopy_only_for_debug_lines`) and gives
the modules that pass a `copy` of their own (`DebugLineCopy`): its `deepcopy` returns the value
itself while structlog drops debug lines, and a deep copy as before when it writes them
(`--debug`, `LOG_LEVEL=DEBUG`). A module whose source does not pass (a new Rasa version) keeps
the standard `copy` module.
"""

from __future__ import annotations

import ast
import copy as _copy
import importlib
import inspect
import logging
from functools import cache, lru_cache
from types import ModuleType
from typing import Any

logger = logging.getLogger(__name__)

MODULES = ("rasa.core.processor", "rasa.core.actions.forms", "rasa.core.policies.rule_policy")
# Rasa names its structlog logger so in every module (`structlogger = structlog.get_logger()`).
STRUCTLOGGER = "structlogger"


@lru_cache(maxsize=1)
def _filtering_above_debug() -> frozenset[type]:
    import structlog

    # structlog (>= 22) returns one class per level, so these are the classes Rasa configures.
    return frozenset(
        structlog.make_filtering_bound_logger(level)
        for level in (logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL)
    )


def debug_lines_dropped() -> bool:
    """Whether structlog is configured to drop debug lines without processing them.

    Rasa configures structlog with `make_filtering_bound_logger(log level)`; any other setup
    (not configured yet, or configured otherwise) counts as writing them.
    """
    import structlog

    return structlog.get_config().get("wrapper_class") in _filtering_above_debug()


class DebugLineCopy:
    """The `copy` module as the modules of `MODULES` see it."""

    copy = staticmethod(_copy.copy)
    Error = _copy.Error

    @staticmethod
    def deepcopy(value: Any, memo: dict[int, Any] | None = None) -> Any:
        """A deep copy when debug lines are written; otherwise the value itself, unused."""
        if debug_lines_dropped():
            return value
        return _copy.deepcopy(value, memo)


def _is_call(node: ast.AST, owner: str, method: str) -> bool:
    """Whether `node` is a call `owner.method(...)`."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == method
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == owner
    )


def deepcopy_only_for_debug_lines(source: str) -> bool:
    """Whether every use of the name `copy` in `source` is `import copy` or a `copy.deepcopy(...)`
    written directly as a keyword argument of `structlogger.debug(...)`.
    """
    tree = ast.parse(source)
    allowed: set[int] = set()  # ids of the `copy` Name nodes inside allowed deepcopy calls
    for node in ast.walk(tree):
        if _is_call(node, STRUCTLOGGER, "debug"):
            for keyword in node.keywords:  # type: ignore[attr-defined]
                if _is_call(keyword.value, "copy", "deepcopy"):
                    allowed.add(id(keyword.value.func.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == "copy" and id(node) not in allowed:
            return False
        if isinstance(node, ast.ImportFrom) and node.module == "copy":
            return False
        if isinstance(node, ast.Import) and any(
            alias.name == "copy" and alias.asname not in (None, "copy") for alias in node.names
        ):
            return False
    return True


@cache
def _source_passes(name: str) -> bool:
    return deepcopy_only_for_debug_lines(inspect.getsource(importlib.import_module(name)))


def modules_to_patch() -> list[ModuleType]:
    """The modules of `MODULES` whose source passes `deepcopy_only_for_debug_lines`."""
    passing = []
    for name in MODULES:
        module = importlib.import_module(name)
        current = getattr(module, "copy", None)
        if current is not _copy and not isinstance(current, DebugLineCopy):
            logger.warning("%s has no `copy` module: its deep copies are left as they are", name)
        elif not _source_passes(name):
            logger.warning("%s uses copy.deepcopy outside debug lines: left as it is", name)
        else:
            passing.append(module)
    return passing
