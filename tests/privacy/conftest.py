"""Shared fixtures for the privacy tests.

The project is not an installed package (``[tool.uv] package = false``) and pytest's default
import mode only puts this test directory on ``sys.path``, so the repository root is added here
to make ``import privacy`` work under ``.venv/bin/pytest``.
"""

from __future__ import annotations

import io
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))


class Captured:
    """A real StreamHandler writing formatted records to a string buffer."""

    def __init__(self, handler: logging.StreamHandler, stream: io.StringIO) -> None:
        self.handler = handler
        self.stream = stream

    @property
    def text(self) -> str:
        return self.stream.getvalue()

    def lines(self) -> list[str]:
        """Non-empty output lines, without the privacy package's own status messages."""
        return [
            line
            for line in self.text.splitlines()
            if line.strip() and line.split(" ", 2)[1:2] != ["privacy.logging"]
        ]


@pytest.fixture
def captured_root() -> Iterator[Captured]:
    """A handler on the root logger at DEBUG, removed (with the privacy filters) afterwards."""
    from privacy import logging as privacy_logging
    from privacy import scrub_mode

    scrub_mode()  # load the scrubber (and log its mode) before we start capturing
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield Captured(handler, stream)
    finally:
        privacy_logging.uninstall()
        root.removeHandler(handler)
        root.setLevel(old_level)
