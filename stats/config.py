"""Where the statistics live: ``DATABASE_URL`` or an SQLite file in the data directory."""

from __future__ import annotations

import os
from pathlib import Path

#: The project root (``stats/`` sits directly under it).
PROJECT_ROOT = Path(__file__).resolve().parent.parent
SQLITE_FILE = "stats.db"
#: Conversations older than this are deleted by ``python -m stats purge`` (retention).
DEFAULT_RETENTION_MONTHS = 24


def data_dir() -> Path:
    """``$RELATIEROUTE_DATA_DIR``, or ``var/`` in the project root."""
    configured = os.environ.get("RELATIEROUTE_DATA_DIR")
    return Path(configured) if configured else PROJECT_ROOT / "var"


def database_url() -> str:
    """``$DATABASE_URL`` (PostgreSQL), or the SQLite file ``stats.db`` in the data directory."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        # Heroku-style URLs use the scheme name SQLAlchemy 1.4 no longer accepts.
        if url.startswith("postgres://"):
            url = "postgresql://" + url[len("postgres://") :]
        return url
    return f"sqlite:///{data_dir() / SQLITE_FILE}"
