"""``python -m web``: start-up rules (token, production mode, address) and the config parser."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from web_testkit import LOG_DIR, REPO, free_port, http, running_web, web_env

from web.__main__ import parse_args
from web.auth import header_token, safe_next
from web.config import (
    DEFAULT_ESCAPE_URL,
    DEFAULT_HOST,
    DEFAULT_RASA_URL,
    MIN_PRODUCTION_TOKEN_LENGTH,
    ConfigError,
    load_config,
)


def test_production_refuses_to_start_without_a_token() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "web", "--port", str(free_port())],
        cwd=REPO,
        env=web_env(None, RELATIEROUTE_ENV="production"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "RELATIEROUTE_ADMIN_TOKEN" in result.stderr


def test_development_makes_a_random_token_prints_it_and_it_works() -> None:
    with running_web(LOG_DIR, rasa_url="http://127.0.0.1:5005", token=None) as web:
        match = re.search(r"beheertoken \(alleen dev\): (\S+)", web.log())
        assert match, web.log()
        token = match.group(1)
        assert len(token) >= 24
        assert http(web.url + "/intake", headers={"Authorization": f"Bearer {token}"}).status \
            == 200
        assert http(web.url + "/intake",
                    headers={"Authorization": "Bearer something-else"}).status == 401


def test_production_starts_with_a_token_and_marks_cookies_secure() -> None:
    token = "p" * MIN_PRODUCTION_TOKEN_LENGTH + "-prod"
    with running_web(LOG_DIR, rasa_url="http://127.0.0.1:5005", token=token,
                     extra_env={"RELATIEROUTE_ENV": "production"}) as web:
        assert "beheertoken" not in web.log()
        login = http(web.url + "/login", method="POST", form={"token": token})
        assert login.status == 303
        assert "Secure" in login.headers["Set-Cookie"]


def test_defaults_bind_to_localhost() -> None:
    args = parse_args([])
    assert args.host == DEFAULT_HOST == "127.0.0.1"
    assert args.port == 8080


def test_config_defaults_and_overrides() -> None:
    config = load_config(environ={"RELATIEROUTE_ADMIN_TOKEN": "x" * 20})
    assert config.rasa_url == DEFAULT_RASA_URL
    assert config.escape_url == DEFAULT_ESCAPE_URL
    assert not config.production and not config.token_generated
    config = load_config(rasa_url="https://bot.example.nl/", escape_url="/neutraal",
                         environ={"RELATIEROUTE_ADMIN_TOKEN": "x" * 20})
    assert config.rasa_url == "https://bot.example.nl"
    assert config.rasa_origin == "https://bot.example.nl"
    assert config.escape_url == "/neutraal"


@pytest.mark.parametrize(
    ("kwargs", "environ", "message"),
    [
        ({}, {"RELATIEROUTE_ENV": "production"}, "ontbreekt"),
        ({}, {"RELATIEROUTE_ENV": "production", "RELATIEROUTE_ADMIN_TOKEN": "short"}, "te kort"),
        ({"rasa_url": "javascript:alert(1)"}, {}, "http"),
        ({"escape_url": "//evil.example"}, {}, "http"),
        ({}, {"RELATIEROUTE_ENV": "staging"}, "production"),
    ],
)
def test_bad_settings_are_refused(kwargs: dict, environ: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_config(environ=environ, **kwargs)


@pytest.mark.parametrize(
    ("header", "token"),
    [
        ("Bearer abc", "abc"),
        ("bearer  abc ", "abc"),
        ("Basic d2lqa3RlYW06c2VjcmV0", "secret"),  # wijkteam:secret
        ("Basic c2VjcmV0Og==", "secret"),  # secret: (token as user name)
        ("Basic bm9jb2xvbg==", None),  # no colon
        ("Digest abc", None),
        (None, None),
    ],
)
def test_header_token(header: str | None, token: str | None) -> None:
    assert header_token(header) == token


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/intake?gemeente=zwolle", "/intake?gemeente=zwolle"),
        ("/dashboard/", "/dashboard/"),
        ("//evil.example/intake", "/intake"),
        ("https://evil.example/", "/intake"),
        ("/", "/intake"),
        (None, "/intake"),
    ],
)
def test_safe_next(target: str | None, expected: str) -> None:
    assert safe_next(target) == expected
