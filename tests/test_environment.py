"""The environment `make env` builds: what the servers' start time depends on."""

from __future__ import annotations

import importlib.util
from pathlib import Path


def _compiled(module: str) -> bool:
    # Finds the source file without importing the package (TensorFlow takes seconds to import).
    top, *rest = module.split(".")
    spec = importlib.util.find_spec(top)
    assert spec is not None and spec.origin is not None
    source = Path(spec.origin).parent.joinpath(*rest).with_suffix(".py")
    assert source.exists(), source
    return Path(importlib.util.cache_from_source(str(source))).exists()


def test_installed_packages_are_compiled_to_bytecode():
    # PYTHONDONTWRITEBYTECODE is set on these machines; without `uv sync --compile-bytecode`
    # every Rasa start and test process would compile TensorFlow and Rasa from source again.
    for module in ("tensorflow.python.ops.array_ops", "rasa.core.processor", "spacy.language",
                   "rasa_sdk.executor", "sqlalchemy.orm.session"):
        assert _compiled(module), f"{module} has no bytecode: run `make env`"
