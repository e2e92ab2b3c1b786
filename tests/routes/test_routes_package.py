"""Package-level promises: the public API, no Rasa, no work at import."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import routes

PACKAGE = Path(routes.__file__).resolve().parent
PUBLIC = {
    "SAFETY_FIELDS", "SITUATION_FIELDS", "FIELDS", "Route", "SAFETY_ROUTES", "AnswersError",
    "validate_answers", "decide", "next_question", "needed_fields", "Decision", "Catalogue",
    "Offer", "Contact", "Event", "CatalogueError", "load_catalogue", "load_catalogues",
    "DEFAULT_GEMEENTE", "explain",
}


def test_public_api_is_importable():
    assert set(routes.__all__) >= PUBLIC
    for name in PUBLIC:
        assert getattr(routes, name) is not None


def test_no_rasa_import_anywhere():
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not [n for n in names if n.split(".")[0] in ("rasa", "rasa_sdk")], path


def test_importing_does_not_load_rasa_or_read_catalogues():
    code = (
        "import sys, builtins, io\n"
        "opened = []\n"
        "real_open = io.open\n"
        "def spy(f, *a, **k):\n"
        "    opened.append(str(f))\n"
        "    return real_open(f, *a, **k)\n"
        "builtins.open = io.open = spy\n"
        "import routes\n"
        "assert not any(m.startswith('rasa') for m in sys.modules), 'rasa imported'\n"
        "assert not [f for f in opened if f.endswith(('.yml', '.yaml'))], opened\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=PACKAGE.parent,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
