"""`python -m deploy.rasa_server run ...`: Rasa's own command line with `deploy.rasa_speedups`.

Takes exactly the arguments of `python -m rasa` (`make run` and the production profile use
`run`). It also gives TensorFlow one thread per operation unless the environment says
otherwise: our networks are small (one message at a time), so TensorFlow's thread pools only
add hand-over and spinning, which on a 2-core machine takes CPU from the action server and the
other requests (`python -m bench cpu`, docs/benchmarks.md).
"""

from __future__ import annotations

import os

from deploy.rasa_speedups import install

TF_THREAD_SETTINGS = {"TF_INTRA_OP_PARALLELISM_THREADS": "1", "TF_INTER_OP_PARALLELISM_THREADS": "1"}


def main() -> None:
    for key, value in TF_THREAD_SETTINGS.items():
        os.environ.setdefault(key, value)  # before TensorFlow is imported
    install()
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
