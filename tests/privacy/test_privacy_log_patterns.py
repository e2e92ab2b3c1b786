"""The catalogue of Rasa log messages that carry conversation data matches the installed Rasa.

These tests read the installed sources (without importing Rasa), so an upgrade that adds,
moves or rewords a message that logs user text fails here instead of leaking silently.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

from privacy.log_patterns import (
    STDLIB_PATTERNS,
    STRUCTLOG_EVENT_NAMES,
    STRUCTLOG_EVENTS,
    STRUCTLOG_SENSITIVE_KEYS,
)

SITE_PACKAGES = Path(importlib.util.find_spec("rasa").submodule_search_locations[0]).parent
STRUCTLOG_METHODS = {"debug", "info", "warning", "warn", "error", "exception", "critical"}


def _lines(source: str) -> tuple[list[str], int]:
    file, line = source.rsplit(":", 1)
    return (SITE_PACKAGES / file).read_text(encoding="utf-8").splitlines(), int(line)


@pytest.mark.parametrize(
    "pattern", [p for p in STDLIB_PATTERNS if p.source], ids=lambda p: p.id
)
def test_documented_stdlib_message_is_still_at_its_source_line(pattern) -> None:
    lines, line = _lines(pattern.source)
    window = "\n".join(lines[max(0, line - 4): line + 6])
    assert pattern.snippet in window


@pytest.mark.parametrize("event", STRUCTLOG_EVENTS, ids=lambda e: e.event)
def test_documented_structlog_event_is_still_at_its_source_line(event) -> None:
    lines, line = _lines(event.source)
    window = "\n".join(lines[max(0, line - 4): line + 6])
    assert f'"{event.event}"' in window
    for key in event.keys:
        assert f"{key}=" in window
        assert key in STRUCTLOG_SENSITIVE_KEYS


def _structlog_calls():
    for path in (SITE_PACKAGES / "rasa").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "structlogger"
                and node.func.attr in STRUCTLOG_METHODS
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                yield path, node


def test_every_rasa_structlog_event_with_user_data_is_catalogued() -> None:
    calls = list(_structlog_calls())
    assert calls, "found no structlog calls: did Rasa change its logging?"
    missing = sorted(
        f"{node.args[0].value} ({path.relative_to(SITE_PACKAGES)}:{node.lineno})"
        for path, node in calls
        if {k.arg for k in node.keywords} & STRUCTLOG_SENSITIVE_KEYS
        and node.args[0].value not in STRUCTLOG_EVENT_NAMES
    )
    assert missing == []


def test_our_sensitive_keys_include_everything_rasa_anonymizes() -> None:
    tree = ast.parse((SITE_PACKAGES / "rasa/utils/log_utils.py").read_text(encoding="utf-8"))
    function = next(
        n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "_anonymizer"
    )
    assignment = next(
        n for n in ast.walk(function)
        if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "anonymizable_keys"
    )
    rasa_keys = {elt.value for elt in assignment.value.elts}
    assert rasa_keys
    assert rasa_keys <= STRUCTLOG_SENSITIVE_KEYS


def test_rasa_sdk_still_returns_the_request_body_on_errors() -> None:
    # The reason exception values are stripped at INFO+: if this changes, revisit the docs.
    source = (SITE_PACKAGES / "rasa_sdk/endpoint.py").read_text(encoding="utf-8")
    assert '"request_body": request.json' in source
    endpoints = (SITE_PACKAGES / "rasa/utils/endpoints.py").read_text(encoding="utf-8")
    assert "body='{text}'" in endpoints
