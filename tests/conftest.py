"""Shared fixtures: the live stack (action server + Rasa + web app on free loopback ports)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.stack import DEFAULT_MODEL, Stack, free_port  # noqa: E402

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")


def pytest_configure(config: pytest.Config) -> None:
    """Keep test runs away from the developer's own statistics database and logs."""
    if "RELATIEROUTE_DATA_DIR" not in os.environ:
        import tempfile

        os.environ["RELATIEROUTE_DATA_DIR"] = tempfile.mkdtemp(prefix="relatieroute-test-")


def ensure_model() -> Path:
    """The trained model; trains it (once) when the inputs changed or it is missing."""
    result = subprocess.run([sys.executable, "-m", "scripts.train_if_changed"], cwd=ROOT)
    assert result.returncode == 0, "training the assistant failed"
    return DEFAULT_MODEL


def make_stack(tmp_root: Path, web: bool = True, **env: str) -> Stack:
    """A stack on free ports with its own statistics database and logs."""
    data_dir = tmp_root / "data"
    data_dir.mkdir(parents=True, exist_ok=True)
    stack = Stack(
        model=ensure_model(),
        action_port=free_port(),
        rasa_port=free_port(),
        web_port=free_port(),
        log_dir=tmp_root / "logs",
        extra_env={"RELATIEROUTE_DATA_DIR": str(data_dir), **env},
    )
    return stack.start(web=web)


@pytest.fixture(scope="session")
def live_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """One running assistant for the whole test session (started once: Rasa loads in ~20 s)."""
    stack = make_stack(tmp_path_factory.mktemp("live_stack"))
    try:
        yield stack
    finally:
        stack.stop()
