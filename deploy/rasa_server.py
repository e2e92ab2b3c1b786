"""`python -m deploy.rasa_server run ...`: Rasa's own command line with `deploy.rasa_speedups`.

Takes exactly the arguments of `python -m rasa` (the production profile uses `run`).
"""

from __future__ import annotations

from deploy.rasa_speedups import install


def main() -> None:
    install()
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
