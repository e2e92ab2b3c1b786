"""pytest setup for the signals tests.

No ``__init__.py`` here on purpose: with one, pytest would import this folder as a package
named ``signals`` and hide the real ``signals`` package. Shared test data lives in modules with
unique names (``signals_danger_cases``, ``signals_nlu_data``), because several test folders
have a ``conftest.py`` and ``from conftest import …`` could pick up another one.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # pytest does not put the repository root on sys.path
    sys.path.insert(0, str(REPO))
