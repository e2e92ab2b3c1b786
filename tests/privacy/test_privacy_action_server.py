"""End to end: a real rasa_sdk action server with the privacy filters installed.

The server runs in a subprocess at DEBUG level with the actions package in
``fixtures/privacy_e2e_actions``. We send it the request Rasa sends (a tracker with the user's
message) and read everything it wrote to stdout/stderr.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
USER_TEXT = "Ik ben Sanne, mijn man heet Mark en hij slaat me. Bel 06-12345678 of sanne@ziggo.nl"
SECRETS = ("Sanne", "Mark", "slaat me", "12345678", "sanne@ziggo.nl")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ActionServer:
    def __init__(self, port: int, log_path: Path, process: subprocess.Popen) -> None:
        self.port = port
        self.log_path = log_path
        self.process = process

    def call(self, action: str) -> tuple[int, dict]:
        body = {
            "next_action": action,
            "sender_id": "3f2a9c1e",
            "version": "3.6.21",
            "domain": {},
            "tracker": {
                "sender_id": "3f2a9c1e",
                "slots": {"vrije_tekst": USER_TEXT},
                "latest_message": {"text": USER_TEXT, "intent": {"name": "vertel"}},
                "events": [{"event": "user", "text": USER_TEXT}],
                "paused": False,
                "followup_action": None,
                "active_loop": {},
                "latest_action_name": "action_listen",
            },
        }
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/webhook",
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


@pytest.fixture(scope="module")
def action_server(tmp_path_factory) -> Iterator[ActionServer]:
    port = _free_port()
    log_path = tmp_path_factory.mktemp("action_server") / "server.log"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO_ROOT), str(HERE / "fixtures")]),
        "LOG_LEVEL_LIBRARIES": "INFO",
        "PYTHONUNBUFFERED": "1",
    }
    with log_path.open("w") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "rasa_sdk", "--actions", "privacy_e2e_actions",
             "--port", str(port), "-vv"],
            cwd=REPO_ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT,
        )
    server = ActionServer(port, log_path, process)
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                pytest.fail(f"action server exited early:\n{server.log()}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"action server did not start:\n{server.log()}")
                time.sleep(0.3)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_for(server: ActionServer, needle: str) -> str:
    deadline = time.monotonic() + 10
    while needle not in server.log() and time.monotonic() < deadline:
        time.sleep(0.1)
    return server.log()


def test_a_crashing_action_logs_its_traceback_without_the_conversation(action_server) -> None:
    status, body = action_server.call("action_privacy_e2e_fails")
    # rasa_sdk really does send the whole tracker back to Rasa (that is why Rasa's own
    # logs need the redactor too) ...
    assert status == 500
    assert body["request_body"]["tracker"]["latest_message"]["text"] == USER_TEXT
    # ... but its own log keeps only the stack and the exception type.
    log = _wait_for(action_server, "ValueError")
    assert "Exception occurred during execution of request" in log
    assert "Traceback (most recent call last):" in log
    assert "ValueError: [inhoud weggelaten]" in log
    for secret in SECRETS:
        assert secret not in log, f"{secret!r} leaked:\n{log}"


def test_marked_free_text_is_scrubbed_at_debug_and_absent_at_info(action_server) -> None:
    status, _ = action_server.call("action_privacy_e2e_logs")
    assert status == 200
    log = _wait_for(action_server, "Route bepaald")
    free_text_lines = [line for line in log.splitlines() if "Vrije tekst ontvangen" in line]
    assert len(free_text_lines) == 1
    assert "DEBUG" in free_text_lines[0]
    assert "[naam]" in free_text_lines[0] and "[telefoon]" in free_text_lines[0]
    assert "Route bepaald: veiligheid" in log
    for secret in ("Sanne", "Mark", "12345678", "sanne@ziggo.nl"):
        assert secret not in log, f"{secret!r} leaked:\n{log}"
