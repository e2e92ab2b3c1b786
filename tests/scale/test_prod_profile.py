"""The production profile's pieces that need no running servers: nginx config, endpoints, speed-ups."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from scripts.prod_stack import ENDPOINTS, RedisSettings, nginx_binary, render_nginx

ROOT = Path(__file__).resolve().parents[2]


def test_nginx_config_renders_round_robin_over_every_instance(tmp_path):
    conf = render_nginx(tmp_path, 18080, [18081, 18082, 18083]).read_text()
    assert "{{" not in conf
    assert "listen 127.0.0.1:18080;" in conf
    for port in (18081, 18082, 18083):
        assert f"server 127.0.0.1:{port} " in conf
    directives = "\n".join(line.split("#", 1)[0] for line in conf.splitlines())
    for affinity in ("ip_hash", "sticky", "hash ", "least_conn"):
        assert affinity not in directives  # plain round robin
    assert "access_log off;" in directives  # client addresses are personal data


def test_nginx_accepts_the_rendered_config(tmp_path):
    conf = render_nginx(tmp_path, 18080, [18081, 18082])
    nginx = nginx_binary()  # Debian's nginx: apt-get install -y nginx
    result = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-c", str(conf)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_endpoints_share_conversations_through_redis_with_retention():
    endpoints = yaml.safe_load(ENDPOINTS.read_text())
    tracker, lock = endpoints["tracker_store"], endpoints["lock_store"]
    assert tracker["type"] == "redis" and lock["type"] == "redis"
    assert 0 < tracker["record_exp"] <= 3600
    for store in (tracker, lock):
        # Filled in from the environment by Rasa (plain values: quoted ones are not replaced).
        assert store["key_prefix"] == "${RELATIEROUTE_REDIS_PREFIX}"
        assert store["url"] == "${RELATIEROUTE_REDIS_HOST}"
    assert endpoints["action_endpoint"]["url"] == "${RELATIEROUTE_ACTION_URL}"


def test_rasa_reads_the_endpoints_from_the_environment(monkeypatch):
    from rasa.core.lock_store import LockStore
    from rasa.utils.endpoints import read_endpoint_config

    settings = RedisSettings(host="127.0.0.1", port=6390, db=3, prefix="rrtest")
    for name, value in settings.env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("RELATIEROUTE_ACTION_URL", "http://127.0.0.1:5999/webhook")
    tracker = read_endpoint_config(str(ENDPOINTS), "tracker_store")
    assert (tracker.url, str(tracker.kwargs["port"]), tracker.kwargs["key_prefix"]) == (
        "127.0.0.1", "6390", "rrtest")
    lock = LockStore.create(read_endpoint_config(str(ENDPOINTS), "lock_store"))
    assert type(lock).__name__ == "RedisLockStore"
    assert lock.key_prefix == "rrtest:lock:"
    action = read_endpoint_config(str(ENDPOINTS), "action_endpoint")
    assert action.url == "http://127.0.0.1:5999/webhook"


def test_redis_prefix_must_be_alphanumeric():
    with pytest.raises(ValueError):
        RedisSettings(prefix="relatie-route")


def test_speedups_keep_rasas_behaviour(rasa_speedups_installed):
    """The cached validator accepts and refuses exactly what Rasa's own check does; events
    resolve to the same classes."""
    from jsonschema import ValidationError
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    original = rasa_speedups_installed(RemoteAction, "_validate_action_result")
    original_resolve = rasa_speedups_installed(Event, "resolve_by_type")
    good = {"events": [{"event": "slot", "name": "violence", "value": False}],
            "responses": [{"response": "utter_ask_violence"}]}
    bad = [
        {"events": [{"event": "slot", "value": False}]},  # a slot event without a name
        {"events": "not a list"},
        {"responses": ["not an object"]},
    ]
    action = RemoteAction("action_x", None)
    assert original(action, good)
    assert RemoteAction._validate_action_result is not original
    assert action._validate_action_result(good)
    for response in bad:
        with pytest.raises(ValidationError) as patched:
            action._validate_action_result(response)
        with pytest.raises(ValidationError) as unpatched:
            original(action, response)
        assert patched.value.message == unpatched.value.message
    for cls in all_subclasses(Event):  # every event name still finds the same class
        for _ in range(2):
            assert Event.resolve_by_type(cls.type_name) is original_resolve(cls.type_name)
    with pytest.raises(ValueError):
        Event.resolve_by_type("no_such_event")
    assert Event.resolve_by_type("no_such_event", default=Event) is Event
    restored = Event.from_parameters({"event": "slot", "name": "violence", "value": True})
    assert type(restored).__name__ == "SlotSet"
