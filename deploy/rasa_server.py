"""`python -m deploy.rasa_server run ...`: Rasa's own command line with `deploy.rasa_speedups`.

Takes exactly the arguments of `python -m rasa` (`make run` and the production profile use
`run`). It also gives TensorFlow one thread per operation unless the environment says
otherwise: our networks are small (one message at a time), so TensorFlow's thread pools only
add hand-over and spinning, which on a 2-core machine takes CPU from the action server and the
other requests (`python -m bench cpu`, docs/benchmarks.md). And it keeps TensorFlow from importing
JAX (see `prepare_process`).
"""

from __future__ import annotations

import os
import sys

from deploy.rasa_speedups import install

TF_THREAD_SETTINGS = {"TF_INTRA_OP_PARALLELISM_THREADS": "1", "TF_INTER_OP_PARALLELISM_THREADS": "1"}


def prepare_process() -> None:
    """Settings that must come before TensorFlow is imported (see the module docstring)."""
    for key, value in TF_THREAD_SETTINGS.items():
        os.environ.setdefault(key, value)
    # TensorFlow 2.12 imports JAX, when installed (it is one of its requirements), only to offer
    # JAX functions to its TF-Lite converter, which a server never runs. A `None` entry makes that
    # optional import fail as if JAX were absent: about 80 MB and a second less per server.
    sys.modules.setdefault("jax", None)  # type: ignore[arg-type]


def main() -> None:
    prepare_process()
    install()
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
