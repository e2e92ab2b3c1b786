"""CPU cost per message: how much work one resident's message costs each server.

`python -m bench cpu` starts the assistant as `make run` does (on free ports, own data folder),
plays full scripted conversations at a low concurrency and divides the CPU seconds each process
used by the number of messages. Unlike latency and throughput, this figure hardly moves when other
jobs share the machine, so it is the one to compare before and after a change (issue 7): a
server that needs C ms of CPU per message can answer at most 1000 / C messages per second per
core it gets.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from contextlib import ExitStack
from pathlib import Path

from bench.latency import LOAD_ENV, relatieroute_runner, run_level
from bench.resources import load_average, tree_cpu_seconds, tree_peak_rss_mb


def measure(
    conversations: int = 60, concurrency: int = 4, seed: int = 5, env: dict[str, str] | None = None,
    production: bool = False,
) -> dict[str, float]:
    """Starts a stack, warms it up, and returns CPU ms per message for Rasa and the action server
    (and their peak memory).

    `env`: extra environment for the servers (to compare settings such as TensorFlow's threads).
    `production`: the production profile with one Rasa instance (Redis tracker and lock store,
    nginx, statistics on PostgreSQL) instead of the stack of `make run`.
    """
    from scripts.stack import DEFAULT_MODEL, start_isolated

    with tempfile.TemporaryDirectory(prefix="relatieroute-cpu-") as tmp, ExitStack() as cleanup:
        if production:
            from bench.prod import production_stack

            stack = cleanup.enter_context(production_stack(DEFAULT_MODEL, 1, 1, Path(tmp)))
            rasa = "rasa0"
        else:
            stack = start_isolated(Path(tmp), web=False, **LOAD_ENV, **(env or {}))
            cleanup.callback(stack.stop)
            rasa = "rasa"
        warm = relatieroute_runner(stack.webhook_url, seed + 1, 8, "warm")
        asyncio.run(run_level("warm-up", 2, 8, warm))
        pids = {"rasa": stack.processes[rasa].pid, "action": stack.processes["action"].pid}
        before = {name: tree_cpu_seconds(pid) for name, pid in pids.items()}
        runner = relatieroute_runner(stack.webhook_url, seed, conversations, "cpu")
        result = asyncio.run(run_level("relatieroute", concurrency, conversations, runner))
        used = {name: tree_cpu_seconds(pid) - before[name] for name, pid in pids.items()}
        peak = {name: tree_peak_rss_mb(pid) for name, pid in pids.items()}
    messages = max(1, result.messages)
    return {
        "messages": result.messages,
        "failed_conversations": result.failed,
        "rasa_cpu_ms_per_message": 1000 * used["rasa"] / messages,
        "action_cpu_ms_per_message": 1000 * used["action"] / messages,
        "rasa_peak_rss_mb": peak["rasa"],
        "action_peak_rss_mb": peak["action"],
        "p50_ms": result.ms(0.50),
        "p95_ms": result.ms(0.95),
    }


def main(argv: list[str] | None = None) -> int:
    """Prints the figures; exit 1 when a conversation failed."""
    parser = argparse.ArgumentParser(prog="python -m bench cpu", description=__doc__)
    parser.add_argument("--conversations", type=int, default=60)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--env", action="append", default=[], metavar="KEY=VALUE",
                        help="extra environment for the servers (repeatable; not with --production)")
    parser.add_argument("--production", action="store_true",
                        help="the production profile, one Rasa instance (needs Redis, PostgreSQL, nginx)")
    parser.add_argument("--by-kind", action="store_true",
                        help="CPU per message kind (first or later message, button or typed), "
                        "--conversations messages of each (bench/message_kinds.py)")
    args = parser.parse_args(argv)
    if args.by_kind:
        from bench import message_kinds

        return message_kinds.main(args.conversations)
    env = dict(item.split("=", 1) for item in args.env)
    if env and args.production:
        parser.error("--env applies to the make-run stack only")
    load = load_average()
    figures = measure(args.conversations, args.concurrency, env=env, production=args.production)
    print(f"CPU per message ({'production profile' if args.production else 'make run'}; "
          f"{args.conversations} conversations, {args.concurrency} at a time; "
          f"extra environment {env or 'none'}; load average before {load}):")
    for key, value in figures.items():
        print(f"  {key}: {value:.1f}" if isinstance(value, float) else f"  {key}: {value}")
    return 1 if figures["failed_conversations"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
