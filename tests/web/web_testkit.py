"""Helpers for the web front-end tests: start the real web app, talk HTTP, drive the widget.

The web app runs as a real process (``python -m web``) on a free port; the browser is Debian's
Chromium driven by Playwright; accessibility is checked with axe-core from npm.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "var" / "artifacts"
LOG_DIR = ARTIFACTS / "logs"
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDGET = "#relatieroute-widget"
INTAKE_WIDGET = "#relatieroute-intake-widget"
SAFETY_ROUTES = {"veiligheid_acuut", "crisis", "veiligheid"}
START_TIMEOUT_SECONDS = 30.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# ---------------------------------------------------------------- HTTP


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


@dataclass
class HttpResult:
    status: int
    headers: Any
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> Any:
        return json.loads(self.body)


def http(
    url: str,
    *,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    data: bytes | None = None,
    form: dict[str, str] | None = None,
) -> HttpResult:
    """One request, redirects not followed, errors returned (not raised)."""
    headers = dict(headers or {})
    if form is not None:
        data = urllib.parse.urlencode(form).encode("utf-8")
        headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with _OPENER.open(request, timeout=15) as response:
            return HttpResult(response.status, response.headers, response.read())
    except urllib.error.HTTPError as exc:
        return HttpResult(exc.code, exc.headers, exc.read())


def basic_auth(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")


# ---------------------------------------------------------------- the web app process


@dataclass
class WebProcess:
    """A running ``python -m web``; its output goes to ``log_path``."""

    url: str
    port: int
    admin_token: str | None
    process: subprocess.Popen[bytes]
    log_path: Path
    args: list[str] = field(default_factory=list)
    own_data_dir: Path | None = None

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if self.own_data_dir is not None:
            shutil.rmtree(self.own_data_dir, ignore_errors=True)


def web_env(token: str | None, **extra: str) -> dict[str, str]:
    # No settings leak in from the developer's shell (token, mode, database).
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("RELATIEROUTE_") and k != "DATABASE_URL"}
    env["PYTHONUNBUFFERED"] = "1"
    if token is not None:
        env["RELATIEROUTE_ADMIN_TOKEN"] = token
    env.update(extra)
    return env


def start_web(
    log_dir: Path,
    *,
    rasa_url: str,
    token: str | None,
    escape_url: str | None = "/neutraal",
    extra_env: dict[str, str] | None = None,
) -> WebProcess:
    """Start the web app on a free port and wait until /healthz answers."""
    port = free_port()
    extra_env = dict(extra_env or {})
    own_data_dir = None
    if "RELATIEROUTE_DATA_DIR" not in extra_env:
        # The mounted dashboard opens a statistics database: never the developer's var/.
        own_data_dir = Path(tempfile.mkdtemp(prefix="relatieroute-web-"))
        extra_env["RELATIEROUTE_DATA_DIR"] = str(own_data_dir)
    args = [sys.executable, "-m", "web", "--port", str(port), "--rasa-url", rasa_url]
    if escape_url:
        args += ["--escape-url", escape_url]
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / f"web-{port}.log"
    log_file = log_path.open("wb")
    process = subprocess.Popen(
        args,
        cwd=REPO,
        env=web_env(token, **extra_env),
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )
    log_file.close()
    url = f"http://127.0.0.1:{port}"
    web = WebProcess(url=url, port=port, admin_token=token, process=process, log_path=log_path,
                     args=args, own_data_dir=own_data_dir)
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"web app stopped at start:\n{web.log()}")
        try:
            if http(url + "/healthz").status == 200:
                return web
        except OSError:
            pass
        time.sleep(0.1)
    web.stop()
    raise RuntimeError(f"web app did not answer within {START_TIMEOUT_SECONDS}s:\n{web.log()}")


@contextlib.contextmanager
def running_web(log_dir: Path, **kwargs: Any) -> Iterator[WebProcess]:
    web = start_web(log_dir, **kwargs)
    try:
        yield web
    finally:
        web.stop()


# ---------------------------------------------------------------- browser helpers

OPTIONS_OR_ROUTE_JS = """
([selector]) => {
  const host = document.querySelector(selector);
  if (!host || !host.shadowRoot) return false;
  if (host.dataset.route) return true;
  const root = host.shadowRoot;
  const typing = root.querySelector('.rr-typing');
  return Boolean(typing && typing.hidden) &&
    root.querySelectorAll('.rr-option:not(:disabled)').length > 0;
}
"""

BOT_TEXTS_JS = """
([selector]) => Array.from(document.querySelector(selector).shadowRoot
    .querySelectorAll('.rr-msg-bot .rr-text')).map(e => e.textContent)
"""


def wait_ready(page: Any, selector: str = WIDGET) -> None:
    page.wait_for_selector(f"{selector}[data-ready='true']", state="attached")


def open_widget(page: Any) -> None:
    wait_ready(page)
    page.locator(".rr-launcher").click()


def enabled_options(page: Any, selector: str = WIDGET) -> list[str]:
    return page.evaluate(
        """([selector]) => Array.from(document.querySelector(selector).shadowRoot
            .querySelectorAll('.rr-option:not(:disabled)')).map(b => b.textContent)""",
        [selector],
    )


def wait_for_options_or_route(page: Any, selector: str = WIDGET, timeout: float = 30000) -> None:
    page.wait_for_function(OPTIONS_OR_ROUTE_JS, arg=[selector], timeout=timeout)


def bot_texts(page: Any, selector: str = WIDGET) -> list[str]:
    return page.evaluate(BOT_TEXTS_JS, [selector])


def user_texts(page: Any, selector: str = WIDGET) -> list[str]:
    return page.evaluate(
        """([selector]) => Array.from(document.querySelector(selector).shadowRoot
            .querySelectorAll('.rr-msg-user .rr-text')).map(e => e.textContent)""",
        [selector],
    )


def session_storage(page: Any) -> dict[str, str]:
    return page.evaluate(
        """() => { const out = {}; for (let i = 0; i < sessionStorage.length; i++) {
              const k = sessionStorage.key(i); out[k] = sessionStorage.getItem(k); }
            return out; }"""
    )


def run_axe(page: Any, include: str | None = None) -> list[dict[str, Any]]:
    """axe-core violations with impact serious or critical (WCAG 2.0/2.1 A and AA rules)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        """async ([include]) => {
            const context = include ? { include: [include] } : document;
            const r = await axe.run(context, {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                               'best-practice'] },
              resultTypes: ['violations'],
            });
            return r.violations.map(v => ({
              id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.map(n => ({ target: n.target, summary: n.failureSummary })),
            }));
        }""",
        [include],
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]


def save_screenshot(page: Any, name: str, **kwargs: Any) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), **kwargs)
    return path


# ---------------------------------------------------------------- going through the triage

# Answers for a conversation without safety signals that ends in a non-safety route: "Nee" to
# every safety question, then a couple living together with a 6, no children, wanting to improve.
CALM_ANSWERS = (
    "Nee",
    "Nee, nu niet",
    "Samen",
    "6",
    "Soms",
    "Geen andere zorgen",
    "Samen verder, het beter maken",
    "In een groep",
    "Niets",
    "Ja",
)
RATE_LIMIT_PAUSE_SECONDS = 2.5

PROGRESS_JS = """
([selector, before]) => {
  const host = document.querySelector(selector);
  const root = host.shadowRoot;
  if (host.dataset.route) return 'answer';
  if (root.querySelector('.rr-notice').textContent) return 'notice';
  if (!root.querySelector('.rr-error').hidden) return 'error';
  if (!root.querySelector('.rr-typing').hidden) return false;
  if (root.querySelectorAll('.rr-msg-bot').length > before) return 'answer';
  return false;
}
"""


def choose(options: list[str], answers: tuple[str, ...] = CALM_ANSWERS) -> str:
    for answer in answers:
        if answer in options:
            return answer
    return options[0]


def bot_count(page: Any, selector: str = WIDGET) -> int:
    return page.evaluate(
        "([s]) => document.querySelector(s).shadowRoot.querySelectorAll('.rr-msg-bot').length",
        [selector])


def wait_for_progress(page: Any, before: int, selector: str = WIDGET) -> str:
    """After sending: 'answer' (new bot messages), 'notice' (busy, 429) or 'error'."""
    handle = page.wait_for_function(PROGRESS_JS, arg=[selector, before], timeout=45000)
    return str(handle.json_value())


def focused_option(page: Any, selector: str = WIDGET) -> str | None:
    return page.evaluate(
        """([s]) => { const a = document.querySelector(s).shadowRoot.activeElement;
            return a && a.classList.contains('rr-option') && !a.disabled ? a.textContent : null;
        }""",
        [selector],
    )


def press_option_with_keyboard(page: Any, title: str, selector: str = WIDGET) -> None:
    """Tab to the answer button with this title and press Enter — no mouse."""
    for _ in range(80):
        if focused_option(page, selector) == title:
            page.keyboard.press("Enter")
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"answer {title!r} not reachable with Tab")


def route_of(page: Any, selector: str = WIDGET) -> str | None:
    return page.evaluate("([s]) => document.querySelector(s).dataset.route || null", [selector])


def answer_until_route(
    page: Any,
    *,
    selector: str = WIDGET,
    answers: tuple[str, ...] = CALM_ANSWERS,
    keyboard: bool = False,
    max_steps: int = 40,
) -> tuple[str, list[str]]:
    """Answer every question with a button until the outcome arrives.

    Returns the route and the answers given. A 429 (the channel's rate limit) shows a notice and
    puts the buttons back; we wait a moment and answer again, as a person would.
    """
    given: list[str] = []
    for _ in range(max_steps):
        wait_for_options_or_route(page, selector)
        route = route_of(page, selector)
        if route:
            return route, given
        title = choose(enabled_options(page, selector), answers)
        before = bot_count(page, selector)
        if keyboard:
            press_option_with_keyboard(page, title, selector)
        else:
            page.locator(f"{selector} .rr-option:not(:disabled)").filter(
                has_text=re.compile(f"^{re.escape(title)}$")).first.click()
        progress = wait_for_progress(page, before, selector)
        if progress == "error":
            raise AssertionError("the assistant could not be reached")
        if progress == "notice":
            time.sleep(RATE_LIMIT_PAUSE_SECONDS)
            continue
        given.append(title)
    raise AssertionError(f"no route after {max_steps} answers: {given}")
