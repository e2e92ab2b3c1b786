"""No HTML injection from bot messages: a tiny fake REST channel sends hostile content.

This is the one place a fake backend is used: the real assistant never sends such messages, but
the widget must stay safe if a catalogue text or a compromised server ever did.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest
from web_testkit import LOG_DIR, WIDGET, WebProcess, open_widget, running_web

HOSTILE_TEXT = (
    "<img src=x onerror=\"window.__xss = 'img'\"> Lees meer op "
    "https://example.org/hulp?a=1&b=2. Bel 038-000 00 01 of 0800-2000, bij gevaar 112."
)
HOSTILE_LINKS = (
    "javascript:window.__xss='js' en data:text/html,<script>window.__xss='data'</script> en "
    "https://example.org/\"><script>window.__xss='attr'</script>"
)
HOSTILE_BUTTON = "<b onmouseover=\"window.__xss='button'\">Ja</b>"

REPLY = [
    {"text": HOSTILE_TEXT},
    {"text": HOSTILE_LINKS},
    {"text": "Kies:", "buttons": [{"title": HOSTILE_BUTTON, "payload": "/affirm"},
                                  {"title": "Nee", "payload": "<script>x</script>"}]},
    {"custom": {"html": "<script>window.__xss='custom'</script>"}},
    {"image": "javascript:window.__xss='image'"},
]


class _FakeChannel(BaseHTTPRequestHandler):
    received: ClassVar[list[dict[str, Any]]] = []

    def log_message(self, *args: Any) -> None:  # keep test output quiet
        return

    def _cors(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Headers", "Content-Type")
        self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")

    def do_OPTIONS(self) -> None:
        self.send_response(204)
        self._cors()
        self.end_headers()

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length))
        type(self).received.append(body)
        payload = json.dumps([{"recipient_id": body["sender"], **m} for m in REPLY]).encode()
        self.send_response(200)
        self._cors()
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


@pytest.fixture(scope="module")
def fake_channel_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeChannel)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def web_with_fake_channel(fake_channel_url: str, admin_token: str) -> Iterator[WebProcess]:
    with running_web(LOG_DIR, rasa_url=fake_channel_url, token=admin_token) as web:
        yield web


def _shadow(page: Any, script: str) -> Any:
    return page.evaluate(
        f"() => {{ const root = document.querySelector('{WIDGET}').shadowRoot; {script} }}")


def test_bot_messages_are_rendered_as_text(page: Any, web_with_fake_channel: WebProcess) -> None:
    page.goto(web_with_fake_channel.url + "/")
    open_widget(page)
    page.locator(".rr-option").first.wait_for()
    page.locator(".rr-option").first.hover()
    page.wait_for_timeout(200)

    # The markup arrives as visible text, nothing of it became an element or ran.
    texts = _shadow(page, "return Array.from(root.querySelectorAll('.rr-text'))"
                          ".map(e => e.textContent);")
    assert any("<img src=x onerror=" in t for t in texts)
    assert _shadow(page, "return root.querySelectorAll('img, script, b, iframe').length;") == 0
    assert page.evaluate("() => window.__xss") is None
    assert not page.console_log.page_errors

    # Only http(s) and tel: links, built by the widget.
    hrefs = _shadow(page, "return Array.from(root.querySelectorAll('.rr-log a'))"
                          ".map(a => a.getAttribute('href'));")
    assert "https://example.org/hulp?a=1&b=2" in hrefs  # trailing full stop not in the link
    assert {"tel:0380000001", "tel:08002000", "tel:112"} <= set(hrefs)
    assert all(h.startswith(("https://", "http://", "tel:")) for h in hrefs), hrefs
    assert not any("script" in h.lower() or '"' in h for h in hrefs), hrefs
    external = _shadow(page, "return Array.from(root.querySelectorAll('.rr-log a[href^=http]'))"
                             ".map(a => a.rel);")
    assert external and all(rel == "noopener noreferrer" for rel in external)

    # A button title with markup is a plain button with that text.
    titles = _shadow(page, "return Array.from(root.querySelectorAll('.rr-option'))"
                           ".map(b => b.textContent);")
    assert HOSTILE_BUTTON in titles


def test_clicking_a_button_sends_its_payload_and_shows_its_title(
    page: Any, web_with_fake_channel: WebProcess
) -> None:
    page.goto(web_with_fake_channel.url + "/?gemeente=zwolle")
    open_widget(page)
    page.locator(".rr-option").first.wait_for()
    _FakeChannel.received.clear()
    with page.expect_response(lambda r: "/webhooks/" in r.url and r.request.method == "POST"):
        page.get_by_role("button", name="Nee", exact=True).click()
    assert _FakeChannel.received[-1]["message"] == "<script>x</script>"
    assert _FakeChannel.received[-1]["metadata"] == {"gemeente": "zwolle", "channel": "web"}
    user = _shadow(page, "return Array.from(root.querySelectorAll('.rr-msg-user'))"
                         ".map(e => e.textContent);")
    assert user and user[-1].endswith("Nee")
    # The answered buttons are gone, the new ones are there and got the focus.
    assert _shadow(page, "return root.querySelectorAll('.rr-options').length;") == 1
    assert _shadow(page, "return root.querySelectorAll('.rr-option').length;") == 2
    assert _shadow(page, "return root.activeElement && root.activeElement.className;") \
        == "rr-option"
    assert page.evaluate("() => window.__xss") is None


def test_bot_messages_are_announced_in_a_live_region(page: Any,
                                                     web_with_fake_channel: WebProcess) -> None:
    page.goto(web_with_fake_channel.url + "/")
    open_widget(page)
    page.locator(".rr-option").first.wait_for()
    page.wait_for_function(
        f"""() => {{ const live = document.querySelector('{WIDGET}').shadowRoot
              .querySelector('[aria-live="polite"]');
              return live && live.textContent.includes('Lees meer op'); }}""")
    live = _shadow(page, "const l = root.querySelector('[aria-live]');"
                         "return [l.getAttribute('aria-live'), l.textContent];")
    assert live[0] == "polite"
    assert live[1].startswith("Assistent: ")
    assert "<img src=x" in live[1]  # as text
