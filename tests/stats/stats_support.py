"""Helpers shared by the statistics tests (a uniquely named module: every test area has its
own conftest.py, so ``from conftest import ...`` could pick up another area's)."""

import socket
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the project is not installed as a package
    sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
