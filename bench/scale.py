"""Scale and latency benchmark (issue 7): our assistant next to the stock `rasa init` assistant.

In one run on one machine:

1. training time and model size (our assistant trained afresh into a temporary folder, and with
   `--candidate CONFIG` another configuration too; the stock assistant's `rasa train` in its
   own folder);
2. the servers started side by side: ours as `make run` starts it (one Rasa server, one action
   server, Rasa started with deploy/rasa_speedups.py, selective domain), optionally ours with
   the candidate model, and the stock one; cold start = process start until the first answer; then,
   per load level (1, 20 and 100 concurrent full conversations, no think time), each of them in
   turn, so all see the same machine; latency p50/p95/p99 per message and messages per second;
   then "paced" levels, where residents think 2-6 s before each answer and arrive spread out;
3. a py-spy profile of our Rasa server and action server at 20 concurrent conversations (in a
   separate pass, so the sampling does not touch the figures above);
4. peak memory (VmHWM) of every server;
5. the production profile (scripts/prod_stack.py: Redis tracker and lock store, nginx) with one
   and with two Rasa instances: the scaling ratio.

All load comes from one loopback address, so the channel's per-address and per-sender rate limits
are raised for the benchmark (RELATIEROUTE_RATE_*); everything else is the product as shipped.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import profile as spy
from bench.latency import LOAD_ENV, LevelResult, relatieroute_runner, run_level
from bench.resources import (
    cpu_seconds,
    first_answer,
    load_average,
    machine,
    model_size_mb,
    tree_cpu_seconds,
    tree_peak_rss_mb,
)
from bench.stock import StockAssistant, stock_runner
from bench.stock import webhook_url as stock_webhook_url

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "results" / "bench"
DOCS = ROOT / "docs" / "benchmarks.md"
SECTION = "## Scale and latency (issue 7)"
GOAL_RATIO = 2.0
PACED_MESSAGES = 8  # about the number of messages of one of our conversations
# (label, Rasa instances, Sanic workers per instance) for the scale-out part.
SCALING_SETUPS = (
    ("1 instance", 1, 1),
    ("2 instances", 2, 1),
    ("1 instance, 2 workers", 1, 2),
)
GOAL_P95_MS = 300
GOAL_TRAIN_S = 90
GOAL_COLD_S = 20
GOAL_RASA_MB = 1024


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("scale suite")
    group.add_argument("--levels", default="1,20,100", help="concurrent conversations per level")
    group.add_argument("--conversations", default="10,60,150",
                       help="conversations per level (same order as --levels)")
    group.add_argument("--quick", action="store_true", help="fewer conversations (5,20,100)")
    group.add_argument("--paced-levels", default="20,100",
                       help="concurrent residents who think between messages ('' for none)")
    group.add_argument("--think", default="2,6",
                       help="think time of a paced resident before each answer: min,max seconds")
    group.add_argument("--seed", type=int, default=11)
    group.add_argument("--skip-training", action="store_true",
                       help="do not time a fresh training of our assistant")
    group.add_argument("--fresh-stock", action="store_true",
                       help="create and train the stock assistant again (var/bench/stock/)")
    group.add_argument("--candidate", type=Path, default=None, metavar="CONFIG",
                       help="also train and measure a candidate NLU configuration (e.g. a copy of "
                       "config.yml with other settings) as `candidate`")
    group.add_argument("--no-profile", action="store_true")
    group.add_argument("--no-scaling", action="store_true", help="skip the 1 vs 2 instances part")
    group.add_argument("--update-docs", action="store_true",
                       help=f"write the figures into docs/benchmarks.md under '{SECTION}'")


# -- helpers ---------------------------------------------------------------------------------


def _levels(args: argparse.Namespace) -> list[tuple[int, int]]:
    levels = [int(x) for x in args.levels.split(",")]
    counts = [int(x) for x in ("5,20,100" if args.quick else args.conversations).split(",")]
    if len(counts) < len(levels):
        counts += [max(counts[-1], levels[len(counts) + i]) for i in range(len(levels) - len(counts))]
    return list(zip(levels, counts[: len(levels)], strict=True))


def _ensure_model() -> Path:
    result = subprocess.run([sys.executable, "-m", "scripts.train_if_changed"], cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit("training the assistant failed")
    from scripts.stack import DEFAULT_MODEL

    return DEFAULT_MODEL


def _time_training(folder: Path, config: Path = ROOT / "config.yml") -> tuple[float, float, Path]:
    """Trains our assistant afresh into `folder`; (seconds, model MB, model path)."""
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "rasa", "train", "--force", "--config", str(config),
         "--fixed-model-name", "bench", "--out", str(folder)],
        cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    model = folder / "bench.tar.gz"
    return time.monotonic() - started, model_size_mb(model), model


def _level(name: str, concurrency: int, conversations: int, runner, budget: float = 420,
           mode: str = "saturated") -> LevelResult:
    result = asyncio.run(run_level(name, concurrency, conversations, runner, budget=budget, mode=mode))
    row = result.row()
    print(f"  {name:<13} {mode:<9} c={concurrency:<3} conv={conversations:<4} failed={row['failed']:<3} "
          + (f"not started={row['not_started']} " if row["not_started"] else "")
          + f"p50={row['p50_ms']} ms p95={row['p95_ms']} ms p99={row['p99_ms']} ms "
          f"{row['msg_per_s']} msg/s  (load {load_average()})", flush=True)
    for error in result.errors[:3]:
        print(f"    error: {error}", flush=True)
    return result


def _fmt(value: float | None, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    return f"{value:.{digits}f}"


# -- the parts -------------------------------------------------------------------------------


def _start_ours(stack, name: str, figures: dict) -> None:
    started = time.monotonic()
    stack.start_action_server()
    figures[f"{name}_action_cold_s"] = time.monotonic() - started
    started = time.monotonic()
    stack.start_rasa()
    figures[f"{name}_cold_s"] = first_answer(
        stack.webhook_url, {"sender": "coldstart", "message": "/greet"},
        stack.processes["rasa"], 240, since=started,
    )


def _single_instances(
    args: argparse.Namespace, model: Path, candidate: Path | None, stock: StockAssistant, work: Path,
    figures: dict,
) -> list[LevelResult]:
    """Our assistant as `make run` starts it, optionally with the candidate model, and the stock one."""
    from scripts.stack import Stack, free_port

    variants: list[tuple[str, Any, Path]] = [("relatieroute", Stack, model)]
    if candidate is not None:
        variants.append(("candidate", Stack, candidate))
    ours: dict[str, Any] = {}
    for name, cls, variant_model in variants:
        data = work / name / "data"
        data.mkdir(parents=True, exist_ok=True)
        # As `make run` does before it starts the servers (`make nl-pipeline`), so the cold start
        # below is a server start, not the one-time build of the Dutch pipeline.
        subprocess.run([sys.executable, "-m", "components.dutch_pipeline"], cwd=ROOT, check=True,
                       env={**os.environ, "RELATIEROUTE_DATA_DIR": str(data)}, stdout=subprocess.DEVNULL)
        ours[name] = cls(
            model=variant_model, action_port=free_port(), rasa_port=free_port(), web_port=free_port(),
            log_dir=work / name / "logs", extra_env={"RELATIEROUTE_DATA_DIR": str(data), **LOAD_ENV},
        )
    stock_port = free_port()
    stock_url = stock_webhook_url(stock_port)
    results: list[LevelResult] = []
    try:
        for name, stack in ours.items():  # one after the other: each cold start on a quiet CPU
            _start_ours(stack, name, figures)
        started = time.monotonic()
        stock_process = stock.spawn(stock_port, work / "stock.log")
        figures["stock_cold_s"] = first_answer(
            stock_url, {"sender": "coldstart", "message": "hello"}, stock_process, 240, since=started,
        )
        print("  cold start: " + ", ".join(
            f"{k[:-7]} {v:.1f} s" for k, v in figures.items() if k.endswith("_cold_s")), flush=True)
        # Warm-up (not measured): the first requests build TensorFlow's call graphs.
        for name, stack in ours.items():
            _level(f"warm-up {name}", 2, 4, relatieroute_runner(stack.webhook_url, 1, 4, "warm"))
        _level("warm-up stock", 2, 4, stock_runner(stock_url, 1, "warm"))

        for concurrency, conversations in _levels(args):
            for name, stack in ours.items():
                results.append(_level(
                    name, concurrency, conversations,
                    relatieroute_runner(stack.webhook_url, args.seed + concurrency, conversations),
                ))
            results.append(_level("stock", concurrency, conversations,
                                  stock_runner(stock_url, args.seed + concurrency)))

        think = tuple(float(x) for x in args.think.split(","))
        # Residents arrive spread over about one conversation's length, not all in the same second.
        spread = PACED_MESSAGES * sum(think) / 2
        for concurrency in [int(x) for x in args.paced_levels.split(",") if x.strip()]:
            for name, stack in ours.items():
                results.append(_level(
                    name, concurrency, concurrency,
                    relatieroute_runner(stack.webhook_url, args.seed + 3 * concurrency, concurrency,
                                        "paced", think=think, spread=spread),
                    mode="paced",
                ))
            results.append(_level("stock", concurrency, concurrency,
                                  stock_runner(stock_url, args.seed + 3 * concurrency, "paced", think=think,
                                               spread=spread),
                                  mode="paced"))

        if not args.no_profile:
            figures["profiles"] = []
            for name, stack in ours.items():
                if name != "candidate":
                    figures["profiles"] += _profile(stack, name)

        for name, stack in ours.items():
            figures[f"{name}_rasa_peak_mb"] = tree_peak_rss_mb(stack.processes["rasa"].pid)
            figures[f"{name}_action_peak_mb"] = tree_peak_rss_mb(stack.processes["action"].pid)
        figures["stock_rasa_peak_mb"] = tree_peak_rss_mb(stock_process.pid)
    finally:
        for stack in ours.values():
            stack.stop()
        if stock.process is not None and stock.process.poll() is None:
            import signal

            os.killpg(stock.process.pid, signal.SIGTERM)
            try:
                stock.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(stock.process.pid, signal.SIGKILL)
    return results


def _profile(ours, variant: str, seconds: float = 25) -> list[str]:
    """py-spy on our Rasa server and action server while 20 conversations run at a time."""
    rasa_pid, action_pid = ours.processes["rasa"].pid, ours.processes["action"].pid
    raw = {"Rasa server": OUT / f"profile-{variant}-rasa.txt",
           "action server": OUT / f"profile-{variant}-action.txt"}
    spies = {
        "Rasa server": spy.start(rasa_pid, seconds, raw["Rasa server"]),
        "action server": spy.start(action_pid, seconds, raw["action server"]),
    }
    cpu_before = {"Rasa server": cpu_seconds(rasa_pid), "action server": cpu_seconds(action_pid)}
    time.sleep(1.0)  # py-spy attaches
    level = _level("profiled", 20, 400, relatieroute_runner(ours.webhook_url, 99, 400, "prof"),
                   budget=seconds)
    reports = [
        f"#### {variant}",
        "",
        f"Load while profiling: {level.messages} messages in {level.wall:.0f} s at 20 concurrent "
        f"conversations ({level.messages_per_second:.1f} msg/s, p95 {level.ms(0.95):.0f} ms; "
        f"slower than above because of the sampling)."
    ]
    for name, process in spies.items():
        try:
            _, err = process.communicate(timeout=seconds + 60)
        except subprocess.TimeoutExpired:
            process.kill()
            err = "py-spy did not finish"
        cpu = cpu_seconds(rasa_pid if name == "Rasa server" else action_pid) - cpu_before[name]
        if raw[name].exists():
            summary = spy.summarise(f"{name} ({variant})", raw[name], seconds)
            used = f"\nCPU seconds used by the {name} in this pass: {cpu:.1f}\n"
            reports.append(spy.report(summary) + used)
        else:
            reports.append(f"**{name}**: no profile ({(err or '').strip()[:200]})\n")
    return reports


def _scaling(args, model: Path, work: Path) -> list[LevelResult]:
    """The production profile with one and with two Rasa instances, same load."""
    from bench.prod import production_stack

    results = []
    for label, instances, workers in SCALING_SETUPS:
        tag = f"{instances}x{workers}"
        with production_stack(model, instances, workers, work / f"prod{tag}") as stack:
            _level(f"warm-up {tag}", 2, 4, relatieroute_runner(stack.webhook_url, 3, 4, f"warm{tag}"))
            for concurrency in (20, 100):
                conversations = max(concurrency, 30 if args.quick else 60)
                parts = {part: process.pid for part, process in stack.processes.items()}
                before = {part: tree_cpu_seconds(pid) for part, pid in parts.items()}
                client_before = time.process_time()
                result = _level(
                    label, concurrency, conversations,
                    relatieroute_runner(stack.webhook_url, args.seed + 7 * concurrency, conversations,
                                        f"s{tag}"),
                )
                result.cpu = {part: tree_cpu_seconds(pid) - before[part] for part, pid in parts.items()}
                result.cpu["load generator"] = time.process_time() - client_before
                results.append(result)
    return results


# -- report ----------------------------------------------------------------------------------


def _markdown(info: dict, figures: dict, levels: list[LevelResult], scaling: list[LevelResult],
              command: str) -> str:
    lines = [
        f"Measured {info['date']} with `{command}` on {info['cpu']}, {info['cores']} cores, "
        f"{info['memory']} RAM ({info['os']}; Python {info['python']}, Rasa {info['rasa']}, "
        f"rasa-sdk {info['rasa_sdk']}; commit {info['commit']}). Load average (1/5/15 min) before: "
        f"{figures['load_before']}, after: {figures['load_after']}. The load generator (aiohttp) "
        "runs on the same machine. `relatieroute` is our assistant as `make run` starts it (one "
        "Rasa server started through `deploy.rasa_server`, with the speed-ups of "
        "`deploy/rasa_speedups.py` and `enable_selective_domain`, one action server, in-memory "
        "tracker store); `candidate` (only with `--candidate CONFIG`) is the same with a model trained "
        "from another configuration; `stock` is what `rasa init --no-prompt` creates, "
        "trained with `rasa train` in its own folder and driven through Rasa's REST channel with "
        "its own dialogue (greeting, mood, \"did that help?\"). Our residents answer every "
        "question the assistant asks, with buttons or free text (bench/dialogues.py); every "
        "reply is checked. All servers run side by side; per load level they are measured one "
        "after the other. A failed conversation is one with a wrong, missing or doubled reply "
        "(for example the channel's 'assistant unavailable' text).",
        "",
        "### Latency and throughput per message (REST webhook, full conversations)",
        "",
        "Saturated: every resident sends the next answer as soon as the reply is in (no think "
        "time), so messages/s is the capacity of one server and the latency includes the queue.",
        "",
        "| assistant | concurrent conversations | conversations (failed) | messages per conversation "
        "| p50 ms | p95 ms | p99 ms | messages/s | conversations/s |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    saturated = [r for r in levels if r.mode == "saturated"]
    paced = [r for r in levels if r.mode == "paced"]
    for result in saturated:
        r = result.row()
        lines.append(
            f"| {r['assistant']} | {r['concurrency']} | {r['conversations']} ({r['failed']}) | "
            f"{r['msgs_per_conv']} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | "
            f"{r['msg_per_s']} | {r['conv_per_s']} |"
        )
    if paced:
        lines += [
            "",
            f"Paced: every resident reads and thinks {figures.get('think', '?')} s before each answer "
            "(quick for people), and the residents arrive at random moments within about one "
            "conversation's length, so the latency is what a resident waits; messages/s is the "
            "load offered, not the capacity.",
            "",
            "| assistant | concurrent residents | conversations (failed) | p50 ms | p95 ms | p99 ms "
            "| messages/s |",
            "|---|---|---|---|---|---|---|",
        ]
        for result in paced:
            r = result.row()
            lines.append(
                f"| {r['assistant']} | {r['concurrency']} | {r['conversations']} ({r['failed']}) | "
                f"{r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r['msg_per_s']} |"
            )
    by_level: dict[int, dict[str, LevelResult]] = {}
    for result in saturated:
        by_level.setdefault(result.concurrency, {})[result.assistant] = result
    lines += ["", "| concurrent conversations | assistant | messages/s ÷ stock | p95 ÷ stock p95 |",
              "|---|---|---|---|"]
    for concurrency, group in sorted(by_level.items()):
        stock = group.get("stock")
        for name, ours in group.items():
            if name == "stock" or stock is None or not stock.messages_per_second:
                continue
            lines.append(
                f"| {concurrency} | {name} | {ours.messages_per_second / stock.messages_per_second:.2f} "
                f"| {ours.ms(0.95) / stock.ms(0.95):.2f} |"
            )

    def cell(key: str, digits: int = 1) -> str:
        return _fmt(figures.get(key), digits)

    names = [n for n in ("relatieroute", "candidate") if f"{n}_cold_s" in figures]
    model_of = {"relatieroute": "ours", "candidate": "candidate"}
    header = " | ".join(names)
    lines += [
        "",
        "### Training, model, start and memory",
        "",
        f"| | {header} | stock | goal (ours) |",
        "|---|" + "---|" * (len(names) + 2),
        "| training time (`rasa train`, s) | "
        + " | ".join(cell(f"{model_of[n]}_train_s") for n in names)
        + f" | {cell('stock_train_s')} | < {GOAL_TRAIN_S} |",
        "| model size (MB) | " + " | ".join(cell(f"{model_of[n]}_model_mb") for n in names)
        + f" | {cell('stock_model_mb')} | |",
        "| cold start of the Rasa server: process start to first answer (s) | "
        + " | ".join(cell(f"{n}_cold_s") for n in names)
        + f" | {cell('stock_cold_s')} | < {GOAL_COLD_S} |",
        "| cold start of the action server: process start to /health (s) | "
        + " | ".join(cell(f"{n}_action_cold_s") for n in names) + " | (none) | |",
        "| peak RSS of the Rasa server (MB) | "
        + " | ".join(cell(f"{n}_rasa_peak_mb", 0) for n in names)
        + f" | {cell('stock_rasa_peak_mb', 0)} | < {GOAL_RASA_MB} |",
        "| peak RSS of the action server (MB) | "
        + " | ".join(cell(f"{n}_action_peak_mb", 0) for n in names) + " | (none) | |",
        "",
        "`relatieroute` runs the model of config.yml"
        + (f"; `candidate` the model of `{figures['candidate_config']}`"
           if figures.get("candidate_config") else "")
        + ". Training time: `rasa train --force` from scratch in a temporary folder.",
    ]
    if scaling:
        lines += [
            "",
            "### Scale-out: production profile, one and two Rasa instances, one and two workers",
            "",
            "`scripts/prod_stack.py` (Rasa started with the speed-ups, as `make run` does): nginx "
            "round robin, RedisTrackerStore (record_exp 3600 s) and "
            "RedisLockStore, action server with 2 workers, statistics on PostgreSQL; each Rasa "
            "instance one Sanic worker unless said otherwise (`SANIC_WORKERS`).",
            "",
            "| Rasa setup | concurrent conversations | conversations (failed) | p50 ms | p95 ms "
            "| p99 ms | messages/s | CPU ms per message: Rasa (all) / action server / nginx / "
            "load generator |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for result in scaling:
            r = result.row()
            per = {k: 1000 * v / max(1, result.messages) for k, v in result.cpu.items()}
            rasa = sum(v for k, v in per.items() if k.startswith("rasa"))
            cpu = (f"{rasa:.0f} / {per.get('action', 0):.0f} / {per.get('nginx', 0):.1f} / "
                   f"{per.get('load generator', 0):.0f}")
            lines.append(
                f"| {r['assistant']} | {r['concurrency']} | {r['conversations']} ({r['failed']}) | "
                f"{r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r['msg_per_s']} | {cpu} |"
            )
        by_setup = {(r.assistant, r.concurrency): r for r in scaling}
        one_label = SCALING_SETUPS[0][0]
        for label, _, _ in SCALING_SETUPS[1:]:
            ratios = [
                f"{c} concurrent: {by_setup[label, c].messages_per_second / base.messages_per_second:.2f}×"
                for (setup, c), base in sorted(by_setup.items())
                if setup == one_label and (label, c) in by_setup and base.messages_per_second
            ]
            lines += ["", f"Scaling ratio (messages/s, {label} ÷ {one_label}): " + "; ".join(ratios) + "."]
    if figures.get("profiles"):
        lines += ["", "### Profile (py-spy, our assistant at 20 concurrent conversations)", ""]
        lines += figures["profiles"]
    return "\n".join(lines) + "\n"


BEGIN = "<!-- generated by `python -m bench scale --update-docs` from here: do not edit by hand -->"
END = "<!-- end of the generated figures -->"


def update_docs(figures_md: str) -> None:
    """Writes the figures into our section of docs/benchmarks.md, between the markers.

    The text of the section around the markers and every other section stay as they are.
    """
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
    block = f"{BEGIN}\n\n{figures_md.strip()}\n\n{END}"
    start = text.find(SECTION)
    if start < 0:
        text = text.rstrip("\n") + f"\n\n{SECTION}\n\n{block}\n"
    else:
        end = text.find("\n## ", start + len(SECTION))
        end = len(text) if end < 0 else end + 1
        section = text[start:end]
        if BEGIN in section and END in section:
            before, rest = section.split(BEGIN, 1)
            after = rest.split(END, 1)[1]
            section = before + block + after
        else:
            section = section.rstrip("\n") + f"\n\n{block}\n\n"
        text = text[:start] + section + text[end:]
    DOCS.write_text(text, encoding="utf-8")


def run(args: argparse.Namespace) -> int:
    """Runs the suite; 1 when a conversation failed, else 0 (goals are reported, not enforced)."""
    command = "python -m bench " + " ".join(sys.argv[1:]) if sys.argv[1:] else "python -m bench"
    info = machine()
    figures: dict[str, Any] = {"load_before": load_average(), "think": args.think.replace(",", "–")}
    print(f"Scale and latency benchmark ({info['cores']} cores, load {figures['load_before']})", flush=True)
    model = _ensure_model()
    figures["ours_model_mb"] = model_size_mb(model)
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="rr-bench-"))
    try:
        if not args.skip_training:
            print("Training our assistant afresh (timed) ...", flush=True)
            figures["ours_train_s"], figures["ours_model_mb"], _ = _time_training(work / "train")
            print(f"  {figures['ours_train_s']:.0f} s", flush=True)
        candidate = None
        if args.candidate is not None:
            print(f"Training the candidate configuration {args.candidate} (timed) ...", flush=True)
            figures["candidate_train_s"], figures["candidate_model_mb"], candidate = _time_training(
                work / "candidate", args.candidate.resolve())
            figures["candidate_config"] = str(args.candidate)
            print(f"  {figures['candidate_train_s']:.0f} s", flush=True)
        stock = StockAssistant()
        print("Stock assistant (rasa init) ...", flush=True)
        stock.create(fresh=args.fresh_stock)
        figures["stock_train_s"] = stock.recorded_train_seconds()
        figures["stock_model_mb"] = model_size_mb(stock.model)
        print("Single instances, side by side:", flush=True)
        levels = _single_instances(args, model, candidate, stock, work, figures)
        scaling = [] if args.no_scaling else _scaling(args, model, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    figures["load_after"] = load_average()
    section = _markdown(info, figures, levels, scaling, command)
    (OUT / "scale.md").write_text(section, encoding="utf-8")
    (OUT / "scale.json").write_text(json.dumps({
        "machine": info,
        "figures": {k: v for k, v in figures.items() if k != "profiles"},
        "levels": [r.row() for r in levels],
        "scaling": [r.row() for r in scaling],
    }, indent=2), encoding="utf-8")
    print("\n" + section)
    if args.update_docs:
        update_docs(section)
        print(f"Written to {DOCS.relative_to(ROOT)}.")
    failed = sum(r.failed for r in [*levels, *scaling])
    return 1 if failed else 0
