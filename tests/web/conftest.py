"""Fixtures for the web front-end tests.

* ``web_offline``: the real web app (``python -m web``) with the Rasa URL pointing at a port
  where nothing listens — for everything that does not need the assistant (rendering, error
  state, Snel weg, storage, accessibility of the pages, auth).
* ``browser`` / ``context`` / ``page``: Debian's Chromium through Playwright (sync API).
* The browser tests that need the assistant use ``live_stack`` from ``tests/conftest.py``.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_testkit import (
    CHROMIUM,
    CHROMIUM_ARGS,
    LOG_DIR,
    WebProcess,
    free_port,
    start_web,
)


@pytest.fixture(scope="session")
def admin_token() -> str:
    return "test-" + secrets.token_urlsafe(24)


@pytest.fixture(scope="session")
def unreachable_rasa_url() -> str:
    # A port that was free a moment ago: connections to it are refused.
    return f"http://127.0.0.1:{free_port()}"


@pytest.fixture(scope="session")
def web_offline(admin_token: str, unreachable_rasa_url: str) -> Iterator[WebProcess]:
    # start_web gives it its own data directory: the dashboard gets a fresh database.
    web = start_web(LOG_DIR, rasa_url=unreachable_rasa_url, token=admin_token)
    try:
        yield web
    finally:
        web.stop()


# Module scope, not session: while Playwright's sync API is active it keeps an event loop
# marked as running in this thread, which would break the async tests of other areas
# (pytest-asyncio) that run after the browser tests.
@pytest.fixture(scope="module")
def playwright_instance() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="module")
def browser(playwright_instance: Any) -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (see `make browser`)")
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    try:
        yield browser
    finally:
        browser.close()


class ConsoleLog:
    """Console messages and page errors of one page, for assertions."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []
        self.page_errors: list[str] = []

    def of_type(self, kind: str) -> list[str]:
        return [text for t, text in self.messages if t == kind]


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    context.set_default_timeout(15000)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def page(context: Any) -> Any:
    page = context.new_page()
    console = ConsoleLog()
    page.on("console", lambda msg: console.messages.append((msg.type, msg.text)))
    page.on("pageerror", lambda exc: console.page_errors.append(str(exc)))
    page.console_log = console  # type: ignore[attr-defined]
    return page
