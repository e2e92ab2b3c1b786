"""The loaded model kept out of Python's full garbage collections (`deploy/rasa_speedups.py`, 13).

After loading, the Rasa server holds about 550 000 objects that the collector tracks and that
live as long as the model (TensorFlow, spaCy, the domain, the graph; `gc.get_freeze_count()`
after loading the trained model). Python's collector walks all of them in every full
collection, which it starts by itself as conversations leave surviving objects behind: each
took about 300 ms on the reference machine, with every message in progress waiting (seen as the
p95 at 20 concurrent conversations, docs/benchmarks.md). `gc.freeze()` right after loading moves
the objects alive then into a generation that collections skip; what the conversations create
later is collected as before, and a full collection takes a few milliseconds.

Before freezing, a model loaded earlier (one replaced through Rasa's HTTP API) is unfrozen and
collected, so replacing a model does not keep the old one in memory.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from typing import Any

logger = logging.getLogger(__name__)


def freeze_after_loading(original: Callable[..., Any]) -> Callable[..., Any]:
    """`Agent.load_model` that freezes what is alive once the model is loaded."""

    def load_model(self: Any, *args: Any, **kwargs: Any) -> Any:
        result = original(self, *args, **kwargs)
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        logger.debug("Loaded model: %d objects frozen for the garbage collector", gc.get_freeze_count())
        return result

    load_model.__wrapped__ = original  # type: ignore[attr-defined]
    return load_model
