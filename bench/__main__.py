"""`python -m bench` (what `make bench` runs): the benchmarks of Relatieroute.

Suites:
  scale   latency and throughput through the REST webhook at 1, 20 and 100 concurrent full
          conversations, side by side with the stock `rasa init` assistant; training time, model
          size, cold start, peak memory; a py-spy profile; one vs two Rasa instances behind nginx
          (bench/scale.py, issue 7)
  cpu     CPU milliseconds per message of the Rasa server and the action server (bench/cpu_cost.py;
          steady when other jobs share the machine: the figure to compare before and after;
          `--production` for the production profile, `--by-kind` per kind of message,
          `python -m bench cpu --help`)
  nlu     NLU cross-validation (bench/nlu_cv.py)
  realuse the residents' real-use corpus through the webhook: not understood, answers filled,
          control words misfired (bench/realuse.py, issue 8)
  safety  the safety corpus through the webhook: recall per kind and level, false interrupts,
          confirm questions on ordinary messages, wrong kind (bench/realuse.py, issue 9)
  stats   statistics dashboard queries on PostgreSQL (bench/stats_bench.py)
  all     all of them (default)

Figures are printed as Markdown; `--update-docs` writes the scale figures into their own section
of docs/benchmarks.md ("## Scale and latency (issue 7)").
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["cpu"]:  # its own options (`python -m bench cpu --help`)
        from bench import cpu_cost

        return cpu_cost.main(argv[1:])
    if argv[:1] in (["realuse"], ["safety"]):
        from bench import realuse

        return realuse.main(argv)
    parser = argparse.ArgumentParser(
        prog="python -m bench", description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("suite", nargs="?", default="all", choices=("all", "scale", "cpu", "nlu", "stats"))
    from bench import scale

    scale.add_arguments(parser)
    args = parser.parse_args(argv)
    status = 0
    if args.suite in ("all", "scale"):
        status |= scale.run(args)
    if args.suite in ("all", "cpu"):
        from bench import cpu_cost

        status |= cpu_cost.main([])
    if args.suite in ("all", "nlu"):
        from bench import nlu_cv

        status |= nlu_cv.main() or 0
    if args.suite in ("all", "stats"):
        command = [sys.executable, str(ROOT / "bench" / "stats_bench.py")]
        status |= subprocess.run(command, cwd=ROOT, check=False).returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
