"""Scale-out test support: the `scale` marker."""

from __future__ import annotations


def pytest_configure(config) -> None:
    config.addinivalue_line(
        "markers",
        "scale: starts the production profile (2 Rasa instances + nginx + Redis + PostgreSQL)",
    )
