"""The production profile on one machine: several Rasa instances behind nginx, sharing Redis.

`python -m scripts.prod_stack` starts, on loopback only:

- the action server with several Sanic workers (`ACTION_SERVER_SANIC_WORKERS`), statistics on
  PostgreSQL (`DATABASE_URL`, default database `relatieroute`, created when missing);
- `--instances` Rasa servers, each with `SANIC_WORKERS` workers, using `deploy/endpoints.yml`:
  RedisTrackerStore (conversations expire after an hour) and RedisLockStore; started through
  `deploy.rasa_server` (Rasa's own command line plus `deploy/rasa_speedups.py`);
- nginx from `deploy/nginx.conf.template` (rendered into `var/prod/nginx.conf`), round robin over
  the instances, on `--port` (5005, where `make run` puts the single Rasa server);
- the web app (demo page, intake, dashboard) pointing at nginx, unless `--no-web`.

It waits until each part answers, prints the URLs and stops everything on Ctrl-C. The scale-out
test and the benchmarks use the same `ProdStack` class on free ports. See docs/deployment.md.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from scripts.stack import stop_process_group

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = ROOT / "models" / "relatieroute.tar.gz"
DEPLOY = ROOT / "deploy"
ENDPOINTS = DEPLOY / "endpoints.yml"
NGINX_TEMPLATE = DEPLOY / "nginx.conf.template"
HOST = "127.0.0.1"
DEFAULT_DATABASE_URL = "postgresql+psycopg2://postgres@127.0.0.1:5432/relatieroute"
WEBHOOK_PATH = "/webhooks/relatieroute/webhook"

# What nginx answers itself when no Rasa instance answers: the same help as the channel's own
# fallback (channels/relatieroute.py), without the gemeente's wijkteam, which nginx cannot know.
UNAVAILABLE_TEXT = (
    "Het lukt me nu niet om je vraag te beantwoorden. Sorry. Bij direct gevaar: bel 112. "
    "Voel je je niet veilig? Bel Veilig Thuis: 0800-2000 (gratis, dag en nacht). "
    "Denk je aan zelfdoding? Bel 113 of 0800-0113."
)


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def wait_http(url: str, process: subprocess.Popen, timeout: float) -> float:
    """Waits until `url` answers (any HTTP status); returns the seconds it took."""
    started = time.monotonic()
    deadline = started + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"process for {url} exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return time.monotonic() - started
        except urllib.error.HTTPError:
            return time.monotonic() - started  # it answers; the status does not matter here
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")


def nginx_binary() -> str:
    """The nginx executable (Debian: `apt-get install -y nginx`)."""
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not found:
        raise RuntimeError("nginx is not installed; on Debian: apt-get install -y nginx")
    return found


def _nginx_string(text: str) -> str:
    """`text` inside a single-quoted nginx string holding JSON."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("'", "\\'")


def render_nginx(
    run_dir: Path,
    listen_port: int,
    rasa_ports: list[int],
    *,
    address_per_minute: int = 600,
    address_burst: int = 200,
    read_timeout: float = 30,
    worker_processes: int = 1,
) -> Path:
    """Renders deploy/nginx.conf.template into `run_dir/nginx.conf` and returns its path."""
    from channels.requests import RATE_LIMITED_TEXT  # pure Python: no Rasa import

    servers = "\n".join(
        f"        server {HOST}:{port} max_fails=1 fail_timeout=10s;" for port in rasa_ports
    )
    values = {
        "worker_processes": str(worker_processes),
        "run_dir": str(run_dir),
        "listen": f"{HOST}:{listen_port}",
        "upstream_servers": servers,
        "address_rate": str(int(address_per_minute)),
        "address_burst": str(int(address_burst)),
        "read_timeout": f"{int(read_timeout)}s",
        "unavailable_text": _nginx_string(UNAVAILABLE_TEXT),
        "rate_limited_text": _nginx_string(RATE_LIMITED_TEXT),
    }
    text = NGINX_TEMPLATE.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace("{{" + name + "}}", value)
    left = re.findall(r"\{\{\w+\}\}", text)
    if left:
        raise ValueError(f"deploy/nginx.conf.template: no value for {', '.join(sorted(set(left)))}")
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (run_dir / "tmp" / sub).mkdir(parents=True, exist_ok=True)
    path = run_dir / "nginx.conf"
    path.write_text(text, encoding="utf-8")
    return path


def ensure_database(url: str) -> None:
    """Creates the PostgreSQL database of `url` when it does not exist yet."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return
    import psycopg2

    connection = psycopg2.connect(
        host=parsed.host or HOST, port=parsed.port or 5432, user=parsed.username or "postgres",
        password=parsed.password, dbname="postgres", connect_timeout=5,
    )
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (parsed.database,))
            if cursor.fetchone() is None:
                cursor.execute(f'CREATE DATABASE "{parsed.database}"')
    finally:
        connection.close()


@dataclass
class RedisSettings:
    """Where the tracker and lock stores live (one Redis, one key prefix per deployment)."""

    host: str = HOST
    port: int = 6379
    db: int = 0
    prefix: str = "relatieroute"

    def __post_init__(self) -> None:
        if not self.prefix.isalnum():
            raise ValueError("the Redis key prefix must be letters and digits only (Rasa's rule)")

    def env(self) -> dict[str, str]:
        return {
            "RELATIEROUTE_REDIS_HOST": self.host,
            "RELATIEROUTE_REDIS_PORT": str(self.port),
            "RELATIEROUTE_REDIS_DB": str(self.db),
            "RELATIEROUTE_REDIS_PREFIX": self.prefix,
        }


@dataclass
class ProdStack:
    """Action server, Rasa instances and nginx (and the web app) on loopback ports."""

    model: Path = DEFAULT_MODEL
    instances: int = 2
    rasa_workers: int = 1
    action_workers: int = 2
    port: int = 5005
    rasa_ports: list[int] = field(default_factory=list)
    action_port: int = 5055
    web_port: int | None = 8080
    redis: RedisSettings = field(default_factory=RedisSettings)
    database_url: str = DEFAULT_DATABASE_URL
    run_dir: Path = ROOT / "var" / "prod"
    admin_token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    address_per_minute: int = 600
    address_burst: int = 200
    #: The channel's answer timeout (RELATIEROUTE_TIMEOUT); nginx waits 10 s longer.
    channel_timeout: float = 20
    endpoints: Path = ENDPOINTS
    credentials: Path = ROOT / "credentials.yml"
    #: Start Rasa through deploy.rasa_server (deploy/rasa_speedups.py) instead of `-m rasa`.
    speedups: bool = True
    extra_env: dict[str, str] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    #: Seconds from spawning a part until it answered (filled in by start()).
    startup_seconds: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.rasa_ports:
            self.rasa_ports = [self.port + 1 + index for index in range(self.instances)]
        if len(self.rasa_ports) != self.instances:
            raise ValueError("give one Rasa port per instance")

    # -- addresses ---------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The load balancer: what the widget and residents talk to."""
        return f"http://{HOST}:{self.port}"

    @property
    def webhook_url(self) -> str:
        return self.url + WEBHOOK_PATH

    @property
    def action_url(self) -> str:
        return f"http://{HOST}:{self.action_port}"

    def instance_url(self, index: int) -> str:
        return f"http://{HOST}:{self.rasa_ports[index]}"

    @property
    def web_url(self) -> str | None:
        return f"http://{HOST}:{self.web_port}" if self.web_port else None

    # -- processes ---------------------------------------------------------------------------

    def _env(self, **extra: str) -> dict[str, str]:
        return {
            **os.environ,
            "RASA_TELEMETRY_ENABLED": "false",
            "PYTHONUNBUFFERED": "1",
            "RELATIEROUTE_ADMIN_TOKEN": self.admin_token,
            "DATABASE_URL": self.database_url,
            **extra,
            **self.extra_env,
        }

    def _spawn(self, name: str, command: list[str], env: dict[str, str]) -> subprocess.Popen:
        logs = self.run_dir / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        with open(logs / f"{name}.log", "w") as log:
            process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.processes[name] = process
        return process

    def spawn_action_server(self) -> subprocess.Popen:
        env = self._env(
            SANIC_HOST=HOST,  # rasa-sdk binds here
            ACTION_SERVER_SANIC_WORKERS=str(self.action_workers),
        )
        command = [sys.executable, "-m", "rasa_sdk", "--actions", "actions",
                   "--port", str(self.action_port)]
        return self._spawn("action", command, env)

    def spawn_rasa(self, index: int) -> subprocess.Popen:
        env = self._env(
            SANIC_WORKERS=str(self.rasa_workers),
            # Sanic reads SANIC_* settings: the client address comes from nginx's X-Real-IP, so
            # the channel's per-address limit sees residents, not the load balancer.
            SANIC_REAL_IP_HEADER="x-real-ip",
            RELATIEROUTE_TIMEOUT=str(self.channel_timeout),
            RELATIEROUTE_ACTION_URL=f"{self.action_url}/webhook",
            **self.redis.env(),
        )
        launcher = "deploy.rasa_server" if self.speedups else "rasa"
        command = [
            sys.executable, "-m", launcher, "run",
            "--model", str(self.model),
            "--interface", HOST,
            "--port", str(self.rasa_ports[index]),
            "--credentials", str(self.credentials),
            "--endpoints", str(self.endpoints),
        ]
        if self.web_url:
            command += ["--cors", self.web_url]
        return self._spawn(f"rasa{index}", command, env)

    def spawn_nginx(self) -> subprocess.Popen:
        self.run_dir.mkdir(parents=True, exist_ok=True)
        conf = render_nginx(
            self.run_dir, self.port, self.rasa_ports,
            address_per_minute=self.address_per_minute, address_burst=self.address_burst,
            read_timeout=self.channel_timeout + 10,
        )
        binary = nginx_binary()
        check = subprocess.run(
            [binary, "-t", "-q", "-p", str(self.run_dir), "-c", str(conf)],
            capture_output=True, text=True, check=False,
        )
        if check.returncode != 0:
            raise RuntimeError(f"nginx refuses {conf}: {check.stderr.strip()}")
        return self._spawn("nginx", [binary, "-p", str(self.run_dir), "-c", str(conf)], self._env())

    def spawn_web(self) -> subprocess.Popen:
        command = [sys.executable, "-m", "web", "--host", HOST, "--port", str(self.web_port),
                   "--rasa-url", self.url]
        return self._spawn("web", command, self._env())

    def _wait(self, name: str, url: str, timeout: float, spawned: float) -> None:
        wait_http(url, self.processes[name], max(1.0, timeout - (time.monotonic() - spawned)))
        self.startup_seconds[name] = time.monotonic() - spawned

    def start(self, web: bool | None = None, timeout: float = 240) -> ProdStack:
        """Starts every part (the Rasa instances load their models side by side) and waits."""
        web = bool(self.web_port) if web is None else web
        try:
            ensure_database(self.database_url)
            spawned = time.monotonic()
            self.spawn_action_server()
            rasa_spawned = time.monotonic()
            for index in range(self.instances):
                self.spawn_rasa(index)
            self._wait("action", f"{self.action_url}/health", 90, spawned)
            for index in range(self.instances):
                self._wait(f"rasa{index}", f"{self.instance_url(index)}/webhooks/relatieroute/",
                           timeout, rasa_spawned)
            nginx_spawned = time.monotonic()
            self.spawn_nginx()
            self._wait("nginx", f"{self.url}/webhooks/relatieroute/", 30, nginx_spawned)
            if web and self.web_port:
                web_spawned = time.monotonic()
                self.spawn_web()
                self._wait("web", f"{self.web_url}/healthz", 60, web_spawned)
        except BaseException:
            self.stop()
            raise
        return self

    def stop_one(self, name: str) -> None:
        """Stops one part (its whole process group: Sanic workers included)."""
        stop_process_group(self.processes.pop(name, None), timeout=20)

    def stop(self) -> None:
        """Stops every part, load balancer first (a Ctrl-C meanwhile does not cut it short)."""
        import threading

        main_thread = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main_thread else None
        try:
            order = ["web", "nginx", *(f"rasa{i}" for i in range(self.instances)), "action"]
            for name in [*order, *self.processes]:
                self.stop_one(name)
        finally:
            if main_thread:
                signal.signal(signal.SIGINT, previous)

    def __enter__(self) -> ProdStack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextmanager
def scratch_database(prefix: str) -> Iterator[str]:
    """A new PostgreSQL database on this machine's server (database `test` for admin), for one
    test or benchmark run; yields its URL and drops it afterwards."""
    import psycopg2

    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = psycopg2.connect(host=HOST, port=5432, user="postgres", dbname="test", connect_timeout=5)
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        yield f"postgresql+psycopg2://postgres@{HOST}:5432/{name}"
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@contextmanager
def scratch_redis(prefix: str) -> Iterator[RedisSettings]:
    """A new key prefix on this machine's Redis; its keys are deleted afterwards."""
    import redis

    settings = RedisSettings(prefix=f"{prefix}{uuid.uuid4().hex[:12]}")
    try:
        yield settings
    finally:
        client = redis.Redis(host=settings.host, port=settings.port, db=settings.db)
        keys = list(client.scan_iter(match=f"{settings.prefix}:*", count=1000))
        if keys:
            client.delete(*keys)
        client.close()


@contextmanager
def stack_on_free_ports(instances: int, **settings: object) -> Iterator[ProdStack]:
    """A `ProdStack` on free loopback ports, without the web app, started and stopped after."""
    stack = ProdStack(
        instances=instances, port=free_port(), rasa_ports=[free_port() for _ in range(instances)],
        action_port=free_port(), web_port=None, **settings,
    )
    stack.start(web=False)
    try:
        yield stack
    finally:
        stack.stop()


def main(argv: list[str] | None = None) -> int:
    """Runs the production profile in the foreground until Ctrl-C."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--instances", type=int, default=2, help="Rasa instances (default 2)")
    parser.add_argument("--rasa-workers", type=int, default=1,
                        help="SANIC_WORKERS per Rasa instance (default 1; each loads the model)")
    parser.add_argument("--action-workers", type=int, default=2,
                        help="ACTION_SERVER_SANIC_WORKERS of the action server (default 2)")
    parser.add_argument("--port", type=int, default=5005, help="nginx, the public chat address")
    parser.add_argument("--action-port", type=int, default=5055)
    parser.add_argument("--web-port", type=int, default=8080)
    parser.add_argument("--no-web", action="store_true", help="do not start the web app")
    parser.add_argument("--redis", default=os.environ.get("RELATIEROUTE_REDIS_HOST", HOST),
                        help="Redis host (default 127.0.0.1)")
    parser.add_argument("--redis-port", type=int,
                        default=int(os.environ.get("RELATIEROUTE_REDIS_PORT", "6379")))
    parser.add_argument("--redis-db", type=int, default=int(os.environ.get("RELATIEROUTE_REDIS_DB", "0")))
    parser.add_argument("--redis-prefix", default=os.environ.get("RELATIEROUTE_REDIS_PREFIX", "relatieroute"),
                        help="key prefix, letters and digits (default relatieroute)")
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    args = parser.parse_args(argv)
    if not args.model.exists():
        print(f"No model at {args.model}; run `make train` first.", file=sys.stderr)
        return 2
    token = os.environ.get("RELATIEROUTE_ADMIN_TOKEN") or secrets.token_urlsafe(24)
    stack = ProdStack(
        model=args.model, instances=args.instances, rasa_workers=args.rasa_workers,
        action_workers=args.action_workers, port=args.port, action_port=args.action_port,
        web_port=None if args.no_web else args.web_port,
        redis=RedisSettings(args.redis, args.redis_port, args.redis_db, args.redis_prefix),
        database_url=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
        admin_token=token,
    )
    print(f"Starting the production profile: {stack.instances} Rasa instance(s) x "
          f"{stack.rasa_workers} worker(s) behind nginx, action server with {stack.action_workers} "
          f"workers (logs in {stack.run_dir.relative_to(ROOT)}/logs/) ...", flush=True)
    # `kill` (SIGTERM) stops the whole stack like Ctrl-C does; the parts run in their own sessions
    # and would otherwise outlive this process.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        stack.start()
    except KeyboardInterrupt:
        return 130
    lines = [
        "\nRelatieroute (production profile) is running.",
        f"  Chat webhook (nginx):    {stack.webhook_url}",
        *(f"  Rasa instance {i}:        {stack.instance_url(i)}" for i in range(stack.instances)),
        f"  Action server:           {stack.action_url}",
        f"  Conversations:           redis://{stack.redis.host}:{stack.redis.port}/{stack.redis.db} "
        f"(prefix {stack.redis.prefix}, kept 1 hour)",
        "  Statistics:              " + stack.database_url.split("@")[-1],
    ]
    if stack.web_url:
        lines += [f"  Demo page (chat widget): {stack.web_url}/",
                  f"  Statistics dashboard:    {stack.web_url}/dashboard/",
                  f"  Admin token:             {token}"]
    print("\n".join(lines) + "\nPress Ctrl-C to stop.", flush=True)
    try:
        while all(p.poll() is None for p in stack.processes.values()):
            time.sleep(1)
        print(f"A part of the stack stopped; see {stack.run_dir}/logs/.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the shutdown
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stack.stop()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    sys.exit(main())
