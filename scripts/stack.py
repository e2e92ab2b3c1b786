"""Starts the whole assistant locally: action server, Rasa server and the web app.

`python -m scripts.stack` (what `make run` calls) starts the three processes on loopback, waits
until each answers, prints the URLs and stops them all on Ctrl-C. The tests use the same `Stack`
class on free ports, so what the tests exercise is what a developer runs.
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = ROOT / "models" / "relatieroute.tar.gz"
HOST = "127.0.0.1"


def stop_process_group(process: subprocess.Popen | None, timeout: float) -> None:
    """SIGTERM to a started part's whole process group (Sanic workers included), SIGKILL after
    `timeout` seconds; nothing when it is gone already."""
    if process is None or process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _wait_http(url: str, process: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"process for {url} exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers; the status does not matter for "is it up"
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")


@dataclass
class Stack:
    """The three processes of the assistant, on loopback ports."""

    model: Path = DEFAULT_MODEL
    action_port: int = 5055
    rasa_port: int = 5005
    web_port: int = 8080
    admin_token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    log_dir: Path = ROOT / "var" / "logs"
    extra_env: dict[str, str] = field(default_factory=dict)
    # Rasa's own `rasa run` without the speed-ups (the tests compare both starts).
    plain_rasa: bool = False
    # Rasa's HTTP API (trackers) behind this token, for the benchmarks only; off when None.
    api_token: str | None = None
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    @property
    def action_url(self) -> str:
        return f"http://{HOST}:{self.action_port}"

    @property
    def rasa_url(self) -> str:
        return f"http://{HOST}:{self.rasa_port}"

    @property
    def web_url(self) -> str:
        return f"http://{HOST}:{self.web_port}"

    @property
    def webhook_url(self) -> str:
        return f"{self.rasa_url}/webhooks/relatieroute/webhook"

    def _env(self) -> dict[str, str]:
        return {
            **os.environ,
            "RASA_TELEMETRY_ENABLED": "false",
            "SANIC_HOST": HOST,  # the action server binds to loopback only
            "RELATIEROUTE_ADMIN_TOKEN": self.admin_token,
            "PYTHONUNBUFFERED": "1",
            **self.extra_env,
        }

    def _spawn(self, name: str, command: list[str]) -> subprocess.Popen:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = open(self.log_dir / f"{name}-{getattr(self, name + '_port', 0)}.log", "w")  # noqa: SIM115
        process = subprocess.Popen(
            command, cwd=ROOT, env=self._env(), stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes[name] = process
        return process

    def endpoints_file(self) -> Path:
        """The project's endpoints.yml, pointing Rasa at this stack's action server."""
        path = self.log_dir / f"endpoints-{self.rasa_port}.yml"
        self.log_dir.mkdir(parents=True, exist_ok=True)
        base = (ROOT / "endpoints.yml").read_text()
        path.write_text(base.replace("http://127.0.0.1:5055/webhook", f"{self.action_url}/webhook"))
        return path

    def start_action_server(self, timeout: float = 90) -> None:
        process = self._spawn(
            "action",
            [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(self.action_port)],
        )
        _wait_http(f"{self.action_url}/health", process, timeout)

    def start_rasa(self, timeout: float = 180) -> None:
        process = self._spawn(
            "rasa",
            [
                # Rasa's own `rasa run`, with behaviour-preserving speed-ups (deploy/rasa_speedups.py).
                sys.executable, "-m", "rasa" if self.plain_rasa else "deploy.rasa_server", "run",
                "--model", str(self.model),
                "--interface", HOST,
                "--port", str(self.rasa_port),
                "--credentials", str(ROOT / "credentials.yml"),
                "--endpoints", str(self.endpoints_file()),
                "--cors", self.web_url,
                *(["--enable-api", "--auth-token", self.api_token] if self.api_token else []),
            ],
        )
        _wait_http(f"{self.rasa_url}/webhooks/relatieroute/", process, timeout)

    def start_web(self, timeout: float = 60) -> None:
        process = self._spawn(
            "web",
            [
                sys.executable, "-m", "web",
                "--host", HOST,
                "--port", str(self.web_port),
                "--rasa-url", self.rasa_url,
            ],
        )
        _wait_http(f"{self.web_url}/healthz", process, timeout)

    def start(self, web: bool = True) -> Stack:
        """Starts everything (web app optional) and waits until each part answers."""
        try:
            self.start_action_server()
            self.start_rasa()
            if web:
                self.start_web()
        except Exception:
            self.stop()
            raise
        return self

    def stop_one(self, name: str) -> None:
        """Stops one part (tests use this to prove the others cope)."""
        stop_process_group(self.processes.pop(name, None), timeout=15)

    def stop(self) -> None:
        """Stops every part."""
        for name in list(self.processes):
            self.stop_one(name)

    def __enter__(self) -> Stack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def ensure_model() -> Path:
    """The trained model; trains it first when its inputs changed or it is missing."""
    result = subprocess.run([sys.executable, "-m", "scripts.train_if_changed"], cwd=ROOT)
    if result.returncode != 0:
        raise RuntimeError("training the assistant failed")
    return DEFAULT_MODEL


def start_isolated(
    root: Path, web: bool = True, plain_rasa: bool = False, api_token: str | None = None,
    **env: str,
) -> Stack:
    """A started stack on free ports with its own data directory and logs under `root`.

    Used by the tests: each isolated stack has its own statistics database. `plain_rasa`
    starts Rasa's own `rasa run` instead of the production start.
    """
    data_dir = root / "data"
    data_dir.mkdir(parents=True, exist_ok=True)
    stack = Stack(
        model=ensure_model(),
        action_port=free_port(),
        rasa_port=free_port(),
        web_port=free_port(),
        log_dir=root / "logs",
        extra_env={"RELATIEROUTE_DATA_DIR": str(data_dir), **env},
        plain_rasa=plain_rasa,
        api_token=api_token,
    )
    return stack.start(web=web)


def main() -> int:
    """Runs the stack in the foreground until Ctrl-C."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--web-port", type=int, default=8080)
    parser.add_argument("--rasa-port", type=int, default=5005)
    parser.add_argument("--action-port", type=int, default=5055)
    args = parser.parse_args()
    token = os.environ.get("RELATIEROUTE_ADMIN_TOKEN") or secrets.token_urlsafe(24)
    stack = Stack(
        action_port=args.action_port, rasa_port=args.rasa_port, web_port=args.web_port,
        admin_token=token,
    )
    print("Starting action server, Rasa and the web app (logs in var/logs/) ...", flush=True)
    stack.start()
    print(
        "\nRelatieroute is running.\n"
        f"  Demo page (chat widget): {stack.web_url}/\n"
        f"  Intake for the wijkteam: {stack.web_url}/intake\n"
        f"  Statistics dashboard:    {stack.web_url}/dashboard/\n"
        f"  Admin token (intake and dashboard): {token}\n"
        "Press Ctrl-C to stop.",
        flush=True,
    )
    try:
        while all(p.poll() is None for p in stack.processes.values()):
            time.sleep(1)
        print("A part of the stack stopped; see var/logs/.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
