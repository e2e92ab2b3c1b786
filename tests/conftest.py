"""Shared fixtures: the live stack (action server + Rasa + web app on free loopback ports)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.stack import Stack, start_isolated  # noqa: E402

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")


def pytest_configure(config: pytest.Config) -> None:
    """Keep test runs away from the developer's own statistics database and logs."""
    if "RELATIEROUTE_DATA_DIR" not in os.environ:
        import tempfile

        os.environ["RELATIEROUTE_DATA_DIR"] = tempfile.mkdtemp(prefix="relatieroute-test-")


@pytest.fixture(scope="session")
def live_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """One running assistant for the whole test session (started once: Rasa loads in ~20 s)."""
    # Every test talks from 127.0.0.1, as no two residents do: the per-address limit (600 a
    # minute) would be used up by the live tests together, so it is lifted here; the per-sender
    # limit stays as shipped (tests/integration/test_robustness_live.py), and the address limit
    # is tested on the channel itself (tests/channels/test_relatieroute_gate.py).
    stack = start_isolated(tmp_path_factory.mktemp("live_stack"),
                           RELATIEROUTE_RATE_ADDRESS="1000000")
    try:
        yield stack
    finally:
        stack.stop()


@pytest.fixture
def rasa_speedups_installed(monkeypatch: pytest.MonkeyPatch):
    """deploy/rasa_speedups.py installed for one test, Rasa's own code restored afterwards.

    Yields `original(owner, name)`: what Rasa had there (for comparing with it)."""
    from deploy import rasa_speedups

    missing = object()  # a speed-up may add what Rasa does not define (`Slot.__copy__`)
    saved = {(owner, name): owner.__dict__.get(name, missing)
             for owner, name, _ in rasa_speedups.patches()}
    for (owner, name), value in saved.items():
        if value is missing:  # deleted again at teardown
            monkeypatch.setattr(owner, name, None, raising=False)
            monkeypatch.delattr(owner, name)
        else:
            monkeypatch.setattr(owner, name, value)  # restored at teardown
    monkeypatch.setattr(rasa_speedups, "_installed", False)
    rasa_speedups.install()

    def original(owner: type, name: str):
        value = saved[(owner, name)]
        return None if value is missing else value.__get__(None, owner)

    yield original
