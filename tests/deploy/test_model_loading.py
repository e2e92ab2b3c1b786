"""The Rasa server's model loading (deploy/speedups/model_loading.py): faster, and the same predictions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.stack import DEFAULT_MODEL

HELPER = Path(__file__).with_name("parse_with_model.py")


@pytest.fixture(scope="module")
def loaded() -> dict[str, dict]:
    """Both ways at once (one process each, so neither inherits the other's state)."""
    assert DEFAULT_MODEL.exists(), "train first (make train; make test does)"
    processes = {
        name: subprocess.Popen(
            [sys.executable, str(HELPER), str(DEFAULT_MODEL), *flags],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for name, flags in (("rasas_own", []), ("fast", ["--speedups"]))
    }
    results = {}
    for name, process in processes.items():
        out, err = process.communicate(timeout=900)
        assert process.returncode == 0, err[-3000:]
        results[name] = json.loads(out.strip().splitlines()[-1])
    return results


@pytest.fixture(scope="module")
def rasas_own(loaded) -> dict:
    return loaded["rasas_own"]


@pytest.fixture(scope="module")
def fast(loaded) -> dict:
    return loaded["fast"]


def test_rasa_trains_its_models_once_while_loading(rasas_own):
    # What the speed-up removes: DIET and the FAQ selector each run a training step on load.
    assert sorted(rasas_own["fits"]) == ["DIET", "DIET2BOW"]


def test_fast_loading_trains_nothing_and_never_falls_back(fast):
    assert fast["fits"] == []
    assert fast["warnings"] == []


def test_fast_loading_predicts_exactly_what_rasas_own_loading_predicts(rasas_own, fast):
    assert len(fast["parses"]) > 500
    differences = [
        (mine["text"], mine["ranking"][:2], theirs["ranking"][:2])
        for mine, theirs in zip(fast["parses"], rasas_own["parses"], strict=True)
        if mine != theirs
    ]
    assert differences == []
