"""Shared fixtures for the routes tests.

No ``__init__.py`` here on purpose: with one, pytest would import this folder as a package
named ``routes`` and hide the real ``routes`` package.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # pytest does not put the repository root on sys.path
    sys.path.insert(0, str(REPO))

from routes import load_catalogues  # noqa: E402
from routes.models import Catalogue  # noqa: E402

# A small valid catalogue as plain data; tests copy it and break one thing at a time.
BASE_CATALOGUE: dict[str, Any] = {
    "id": "testdorp",
    "name": "Gemeente Testdorp",
    "fictional": True,
    "notice": "Verzonnen gegevens voor tests.",
    "general_contact": {"phone": "099-000 00 00", "url": "https://www.testdorp.example"},
    "wijkteam": {
        "name": "Wijkteam Testdorp",
        "phone": "099-000 00 01",
        "email": "wijkteam@testdorp.example",
        "hours": "Maandag tot en met vrijdag van 9.00 tot 17.00 uur",
        "outside_hours": "Mail ons, we bellen de volgende werkdag terug.",
    },
    "offers": [
        {
            "id": "rst_testdorp",
            "route": "rst",
            "name": "RST Testdorp",
            "provider": "Wijkteam Testdorp",
            "description": "Eén team, één plan.",
            "signup": {"phone": "099-000 00 02"},
            "cost": "Gratis",
            "waiting_time": "2 weken",
            "languages": ["Nederlands"],
            "opening_hours": "Werkdagen",
        },
        {
            "id": "groep_testdorp",
            "route": "partnerprogramma",
            "name": "Groep Testdorp",
            "provider": "Welzijn Testdorp",
            "description": "Samen in een groep.",
            "signup": {"email": "groep@testdorp.example"},
            "cost": "Gratis",
            "waiting_time": "Voorjaar",
            "languages": ["Nederlands"],
            "opening_hours": "Avonden",
        },
        {
            "id": "online_testdorp",
            "route": "online",
            "name": "Online Testdorp",
            "provider": "Stichting Testdorp",
            "description": "Thuis aan de slag.",
            "signup": {"url": "https://online.testdorp.example"},
            "cost": "Gratis",
            "waiting_time": "Meteen",
            "languages": ["Nederlands"],
            "opening_hours": "Altijd",
        },
        {
            "id": "apk_testdorp",
            "route": "relatie_apk",
            "name": "Relatie-APK Testdorp",
            "provider": "Bibliotheek Testdorp",
            "description": "Eén avond.",
            "signup": {"url": "https://apk.testdorp.example"},
            "cost": "Gratis",
            "waiting_time": "Maandelijks",
            "languages": ["Nederlands"],
            "opening_hours": "Avond",
        },
    ],
    "events": [
        {
            "kind": "relatie_apk",
            "title": "Relatie-APK",
            "date": "2026-03-12",
            "place": "Bibliotheek",
            "offer": "apk_testdorp",
        }
    ],
}


@pytest.fixture
def base_data() -> dict[str, Any]:
    """A fresh deep copy of :data:`BASE_CATALOGUE`."""
    return copy.deepcopy(BASE_CATALOGUE)


@pytest.fixture(scope="session")
def shipped() -> dict[str, Catalogue]:
    """The catalogues shipped in routes/catalogues."""
    return load_catalogues()


@pytest.fixture(scope="session")
def voorbeeld(shipped: dict[str, Catalogue]) -> Catalogue:
    return shipped["voorbeeld"]


@pytest.fixture(scope="session")
def full_catalogue() -> Catalogue:
    """A catalogue with an offer for every route (no fallbacks)."""
    return Catalogue.parse_obj(copy.deepcopy(BASE_CATALOGUE))
