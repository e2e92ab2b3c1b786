"""The public contact data of a gemeente, for the widget (``GET /api/gemeente/{id}``).

Only what a resident may see is served: the gemeente's name, its general contact, the wijkteam
contact with hours, and the national safety numbers. The catalogues come from ``routes``
(loaded once, at start: a bad catalogue stops the web app from starting).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

GEMEENTE_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")

# The national numbers, the same everywhere in the Netherlands. The widget has them baked in
# as well, for when this app cannot be reached.
NATIONAL_CONTACTS: tuple[dict[str, str], ...] = (
    {"id": "112", "name": "Alarmnummer", "phone": "112", "text": "Direct gevaar? Bel 112."},
    {
        "id": "veilig_thuis",
        "name": "Veilig Thuis",
        "phone": "0800-2000",
        "text": "Niet veilig thuis? Bel Veilig Thuis: 0800-2000 (gratis, dag en nacht).",
    },
    {
        "id": "113",
        "name": "113 Zelfmoordpreventie",
        "phone": "0800-0113",
        "text": "Denk je aan zelfdoding? Bel 113 of 0800-0113 (gratis, dag en nacht).",
    },
)

WIJKTEAM_FIELDS = ("name", "phone", "email", "url", "hours", "outside_hours")
GENERAL_CONTACT_FIELDS = ("phone", "url")

CatalogueLoader = Callable[[], tuple[Mapping[str, Any], str]]


def _jsonable(value: Any) -> Any:
    """Turn catalogue values (dataclasses, pydantic models, URLs, dates) into JSON values."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    for method in ("model_dump", "dict"):  # pydantic v2 / v1
        dump = getattr(value, method, None)
        if callable(dump) and hasattr(value, "__fields__"):
            return _jsonable(dump())
    if hasattr(value, "__dataclass_fields__"):
        return {name: _jsonable(getattr(value, name)) for name in value.__dataclass_fields__}
    return str(value)


def _pick(obj: Any, names: tuple[str, ...]) -> dict[str, Any] | None:
    if obj is None:
        return None
    if isinstance(obj, Mapping):
        return {name: _jsonable(obj.get(name)) for name in names}
    return {name: _jsonable(getattr(obj, name, None)) for name in names}


def public_gemeente(catalogue: Any) -> dict[str, Any]:
    """The resident-facing part of one catalogue, as JSON."""
    return {
        "id": str(catalogue.id),
        "name": str(catalogue.name),
        "general_contact": _pick(getattr(catalogue, "general_contact", None),
                                 GENERAL_CONTACT_FIELDS),
        "wijkteam": _pick(getattr(catalogue, "wijkteam", None), WIJKTEAM_FIELDS),
        "national": [dict(contact) for contact in NATIONAL_CONTACTS],
    }


def load_from_routes() -> tuple[Mapping[str, Any], str]:
    """The real catalogues, from the ``routes`` package (imported here, not at module load)."""
    from routes import DEFAULT_GEMEENTE, load_catalogues

    return load_catalogues(), DEFAULT_GEMEENTE


@dataclass
class GemeenteDirectory:
    """All gemeenten this app knows, as public JSON, built once."""

    gemeenten: dict[str, dict[str, Any]]
    default_id: str

    @classmethod
    def load(cls, loader: CatalogueLoader = load_from_routes) -> GemeenteDirectory:
        catalogues, default_id = loader()
        gemeenten = {str(key): public_gemeente(cat) for key, cat in catalogues.items()}
        if default_id not in gemeenten:
            raise ValueError(f"de standaardgemeente {default_id!r} staat niet in de catalogi")
        return cls(gemeenten=gemeenten, default_id=default_id)

    def get(self, gemeente_id: str) -> dict[str, Any] | None:
        return self.gemeenten.get(gemeente_id)

    def names(self) -> list[tuple[str, str]]:
        """(id, name) pairs, sorted by name, for the demo page's switcher."""
        return sorted(((g["id"], g["name"]) for g in self.gemeenten.values()),
                      key=lambda pair: pair[1])

    def resolve(self, gemeente_id: str | None) -> str:
        """A known id, or the default one."""
        return gemeente_id if gemeente_id in self.gemeenten else self.default_id
