"""Event classes looked up once per event name (`deploy/rasa_speedups.py`, 2)."""

from __future__ import annotations

from typing import Any


def cached_resolve_by_type(original: Any) -> Any:
    found: dict[str, Any] = {}

    def resolve_by_type(type_name: str, default: Any = None) -> Any:
        cls = found.get(type_name)
        if cls is not None:
            return cls
        cls = original(type_name, default)
        if cls is not None and getattr(cls, "type_name", None) == type_name:
            found[type_name] = cls
        return cls

    resolve_by_type.__doc__ = original.__doc__
    return resolve_by_type
