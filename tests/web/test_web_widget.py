"""The chat widget in a real browser, without the assistant (the Rasa server is unreachable).

Covers rendering, the error state with the emergency numbers and the wijkteam, the gemeente
lookup (cache, fallback, unknown id), "Snel weg", session-only storage, small screens and zoom,
and axe-core on the demo page with the widget open.
"""

from __future__ import annotations

import functools
import json
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from web_testkit import (
    WIDGET,
    WebProcess,
    open_widget,
    run_axe,
    save_screenshot,
    session_storage,
    wait_ready,
)

from routes import DEFAULT_GEMEENTE, load_catalogues

ERROR = ".rr-error"


def _focused_class(page: Any) -> str:
    return page.evaluate(
        f"""() => {{ const a = document.querySelector('{WIDGET}').shadowRoot.activeElement;
              return a ? a.className : ''; }}""")


def _error_text(page: Any) -> str:
    page.locator(ERROR).wait_for(state="visible")
    return page.locator(ERROR).inner_text()


def _tel_links(page: Any, scope: str) -> set[str]:
    return set(page.eval_on_selector(
        WIDGET,
        """(host, scope) => Array.from(host.shadowRoot.querySelectorAll(scope + ' a'))
            .map(a => a.getAttribute('href'))""",
        scope,
    ))


def test_demo_page_shows_the_launcher_and_snel_weg(page: Any, web_offline: WebProcess) -> None:
    page.goto(web_offline.url + "/")
    wait_ready(page)
    launcher = page.get_by_role("button", name="Chat over je relatie of scheiding")
    assert launcher.is_visible()
    assert launcher.get_attribute("aria-expanded") == "false"
    assert page.get_by_role("button", name="Snel weg").is_visible()
    assert page.locator(WIDGET).get_attribute("data-gemeente") == DEFAULT_GEMEENTE
    # Nothing blocked by the Content-Security-Policy, no script errors.
    assert not page.console_log.page_errors
    assert not [m for m in page.console_log.of_type("error") if "Security Policy" in m]


def test_open_widget_says_it_is_a_bot(page: Any, web_offline: WebProcess) -> None:
    page.goto(web_offline.url + "/")
    open_widget(page)
    panel = page.get_by_role("region", name="Relatieroute-assistent")
    panel.wait_for(state="visible")
    assert "bot" in panel.inner_text()
    assert page.get_by_role("textbox", name="Typ je antwoord").is_visible()
    assert page.get_by_role("button", name="Verstuur").is_visible()
    assert page.get_by_role("button", name="Chat sluiten").is_visible()
    # Focus went into the chat, so keyboard users can type at once.
    assert page.evaluate(
        f"() => document.querySelector('{WIDGET}').shadowRoot.activeElement.id") == "rr-input"


def test_error_state_when_the_server_is_unreachable(page: Any, web_offline: WebProcess) -> None:
    page.goto(web_offline.url + "/?gemeente=zwolle")
    open_widget(page)
    text = _error_text(page)
    team = load_catalogues()["zwolle"].wijkteam
    assert "lukt nu niet" in text
    for number in ("112", "0800-2000", "113", "0800-0113", team.phone):
        assert number in text
    assert team.name in text
    assert team.hours in text
    links = _tel_links(page, ERROR)
    assert {"tel:112", "tel:08002000", "tel:113", "tel:08000113"} <= links
    assert "tel:" + "".join(ch for ch in team.phone if ch.isdigit()) in links
    assert page.get_by_role("alert").filter(has_text="lukt nu niet").is_visible()
    assert page.get_by_role("button", name="Opnieuw proberen").is_visible()
    save_screenshot(page, "widget-error-desktop.png")


def test_retry_after_an_error_tries_again(page: Any, web_offline: WebProcess) -> None:
    attempts: list[str] = []
    page.on("request", lambda r: attempts.append(r.url) if "/webhooks/" in r.url else None)
    page.goto(web_offline.url + "/")
    open_widget(page)
    _error_text(page)
    assert len(attempts) == 1
    with page.expect_request(lambda r: "/webhooks/" in r.url):
        page.get_by_role("button", name="Opnieuw proberen").click()
    _error_text(page)
    assert len(attempts) == 2


def test_error_state_falls_back_to_the_national_numbers(page: Any,
                                                        web_offline: WebProcess) -> None:
    # The web app's API is down too: the numbers baked into the widget are shown.
    page.route("**/api/gemeente/**", lambda route: route.abort())
    page.goto(web_offline.url + "/?gemeente=zwolle")
    open_widget(page)
    text = _error_text(page)
    for number in ("112", "0800-2000", "113", "0800-0113"):
        assert number in text
    assert load_catalogues()["zwolle"].wijkteam.phone not in text


def test_gemeente_contact_is_cached_in_session_storage(page: Any,
                                                       web_offline: WebProcess) -> None:
    page.goto(web_offline.url + "/?gemeente=eindhoven")
    wait_ready(page)
    cached = json.loads(session_storage(page)["relatieroute.v1.gemeente.eindhoven"])
    assert cached["wijkteam"]["phone"] == load_catalogues()["eindhoven"].wijkteam.phone
    # After a reload the API is unreachable, but the cached wijkteam contact is still shown.
    page.route("**/api/gemeente/**", lambda route: route.abort())
    page.reload()
    open_widget(page)
    assert load_catalogues()["eindhoven"].wijkteam.phone in _error_text(page)


def test_unknown_gemeente_uses_the_default_and_warns(page: Any, web_offline: WebProcess) -> None:
    sent: list[dict[str, Any]] = []
    page.on("request", lambda r: sent.append(json.loads(r.post_data))
            if "/webhooks/relatieroute/webhook" in r.url else None)
    page.goto(web_offline.url + "/?gemeente=atlantis")
    wait_ready(page)
    warnings = page.console_log.of_type("warning")
    assert any("atlantis" in w and DEFAULT_GEMEENTE in w for w in warnings), warnings
    assert page.locator(WIDGET).get_attribute("data-gemeente") == DEFAULT_GEMEENTE
    open_widget(page)
    _error_text(page)
    assert sent, "the widget did not try to reach the assistant"
    first = sent[0]
    assert first["message"] == "/greet"
    assert first["metadata"] == {"gemeente": DEFAULT_GEMEENTE, "channel": "web"}
    assert len(first["sender"]) == 32
    assert load_catalogues()[DEFAULT_GEMEENTE].wijkteam.phone in _error_text(page)


def test_typed_message_is_shown_and_sent_with_the_gemeente(page: Any,
                                                           web_offline: WebProcess) -> None:
    sent: list[dict[str, Any]] = []
    page.on("request", lambda r: sent.append(json.loads(r.post_data))
            if "/webhooks/relatieroute/webhook" in r.url else None)
    page.goto(web_offline.url + "/?gemeente=zwolle")
    open_widget(page)
    _error_text(page)
    box = page.get_by_role("textbox", name="Typ je antwoord")
    box.fill("We maken veel ruzie")
    with page.expect_request(lambda r: "/webhooks/" in r.url):
        box.press("Enter")
    page.locator(".rr-msg-user").filter(has_text="We maken veel ruzie").wait_for()
    assert sent[-1]["message"] == "We maken veel ruzie"
    assert sent[-1]["metadata"] == {"gemeente": "zwolle", "channel": "web"}
    assert sent[-1]["sender"] == sent[0]["sender"]
    assert box.input_value() == ""


def test_conversation_survives_a_reload_but_only_in_this_tab(context: Any, page: Any,
                                                             web_offline: WebProcess) -> None:
    page.goto(web_offline.url + "/")
    open_widget(page)
    _error_text(page)
    box = page.get_by_role("textbox", name="Typ je antwoord")
    box.fill("Mijn eerste bericht")
    box.press("Enter")
    page.locator(".rr-msg-user").filter(has_text="Mijn eerste bericht").wait_for()
    sender = json.loads(session_storage(page)["relatieroute.v1.chat.web"])["sender"]

    page.reload()
    wait_ready(page)
    page.locator(".rr-msg-user").filter(has_text="Mijn eerste bericht").wait_for()
    assert page.locator(".rr-panel").is_visible()  # it was open: it stays open
    assert json.loads(session_storage(page)["relatieroute.v1.chat.web"])["sender"] == sender

    # Nothing outside sessionStorage: no localStorage, no cookies.
    assert page.evaluate("() => localStorage.length") == 0
    assert page.evaluate("() => document.cookie") == ""
    assert context.cookies() == []

    # A new tab (like after closing this one) starts empty.
    other = context.new_page()
    other.goto(web_offline.url + "/")
    wait_ready(other)
    assert other.locator(".rr-msg").count() == 0
    assert "relatieroute.v1.chat.web" not in session_storage(other) or not json.loads(
        session_storage(other)["relatieroute.v1.chat.web"])["log"]
    other.close()


def _start_conversation(page: Any, web_offline: WebProcess) -> None:
    page.goto(web_offline.url + "/neutraal?start")  # a page to go "back" to
    page.goto(web_offline.url + "/")
    open_widget(page)
    _error_text(page)
    box = page.get_by_role("textbox", name="Typ je antwoord")
    box.fill("Ik wil hulp")
    box.press("Enter")
    page.locator(".rr-msg-user").wait_for()
    assert any(k.startswith("relatieroute.") for k in session_storage(page))


def _assert_escaped(page: Any, web_offline: WebProcess) -> None:
    page.wait_for_url(web_offline.url + "/neutraal")
    assert page.locator("h1").inner_text() == "Het weer vandaag"
    assert not [k for k in session_storage(page) if k.startswith("relatieroute.")]
    # location.replace: the chat page is not in the history any more.
    page.go_back()
    assert page.url == web_offline.url + "/neutraal?start"


def test_snel_weg_button(page: Any, web_offline: WebProcess) -> None:
    _start_conversation(page, web_offline)
    page.get_by_role("button", name="Snel weg").click()
    _assert_escaped(page, web_offline)


def test_snel_weg_from_the_closed_widget(page: Any, web_offline: WebProcess) -> None:
    _start_conversation(page, web_offline)
    page.get_by_role("button", name="Chat sluiten").click()
    assert _focused_class(page) == "rr-launcher"
    page.get_by_role("button", name="Snel weg").click()
    _assert_escaped(page, web_offline)


def test_escape_twice_leaves_the_page(page: Any, web_offline: WebProcess) -> None:
    _start_conversation(page, web_offline)
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    _assert_escaped(page, web_offline)


def test_escape_twice_works_with_focus_outside_the_widget(page: Any,
                                                           web_offline: WebProcess) -> None:
    _start_conversation(page, web_offline)
    page.locator("#gemeente-keuze").focus()
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    _assert_escaped(page, web_offline)


def test_escape_once_or_slowly_does_not_leave(page: Any, web_offline: WebProcess) -> None:
    page.goto(web_offline.url + "/")
    open_widget(page)
    page.keyboard.press("Escape")
    time.sleep(1.3)
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert page.url == web_offline.url + "/"


def test_close_and_reopen_with_the_keyboard(page: Any, web_offline: WebProcess) -> None:
    page.goto(web_offline.url + "/")
    wait_ready(page)
    # The launcher is reachable with Tab from the start of the page.
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate(
            f"() => document.activeElement === document.querySelector('{WIDGET}') && "
            f"document.querySelector('{WIDGET}').shadowRoot.activeElement.className === "
            "'rr-launcher'"
        ):
            break
    else:
        raise AssertionError("the launcher is not reachable with Tab")
    page.keyboard.press("Enter")
    page.locator(".rr-panel").wait_for(state="visible")
    launcher_state = page.evaluate(
        f"() => document.querySelector('{WIDGET}').shadowRoot.activeElement.id")
    assert launcher_state == "rr-input"
    close = page.get_by_role("button", name="Chat sluiten")
    close.focus()
    page.keyboard.press("Enter")
    assert page.locator(".rr-panel").is_hidden()
    assert _focused_class(page) == "rr-launcher"


def test_focus_is_clearly_visible(page: Any, web_offline: WebProcess) -> None:
    page.goto(web_offline.url + "/")
    open_widget(page)
    page.keyboard.press("Shift+Tab")  # onto the log or a button: keyboard focus
    shadow = page.evaluate(
        f"""() => {{ const a = document.querySelector('{WIDGET}').shadowRoot.activeElement;
              return getComputedStyle(a).boxShadow; }}""")
    assert shadow and shadow != "none"


def _no_horizontal_scroll(page: Any) -> None:
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")


def _inside_viewport(page: Any, selector: str) -> None:
    box = page.locator(selector).first.bounding_box()
    size = page.viewport_size
    assert box is not None
    assert box["x"] >= 0 and box["x"] + box["width"] <= size["width"] + 1, (selector, box)


def test_usable_at_320_pixels_wide(browser: Any, web_offline: WebProcess) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(web_offline.url + "/?gemeente=zwolle")
        wait_ready(page)
        _inside_viewport(page, ".rr-launcher")
        _inside_viewport(page, ".rr-bar .rr-escape")
        open_widget(page)
        _error_text(page)
        _no_horizontal_scroll(page)
        panel = page.locator(".rr-panel").bounding_box()
        assert panel["width"] <= 320 and panel["x"] >= 0
        for selector in (".rr-header .rr-escape", ".rr-close", ".rr-input", ".rr-send"):
            _inside_viewport(page, selector)
            assert page.locator(selector).is_visible()
        save_screenshot(page, "widget-error-320px.png")
        assert run_axe(page) == []
    finally:
        context.close()


def test_usable_at_200_percent_zoom(browser: Any, web_offline: WebProcess) -> None:
    # 200 % zoom of a 1280×800 window = a 640×400 CSS-pixel viewport at twice the density.
    context = browser.new_context(viewport={"width": 640, "height": 400},
                                  device_scale_factor=2, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(web_offline.url + "/")
        open_widget(page)
        _error_text(page)
        _no_horizontal_scroll(page)
        for selector in (".rr-header .rr-escape", ".rr-input", ".rr-send"):
            _inside_viewport(page, selector)
        # The panel scrolls as a whole, so the input can always be reached.
        page.locator(".rr-input").scroll_into_view_if_needed()
        assert page.locator(".rr-input").is_visible()
    finally:
        context.close()


def test_axe_demo_page_closed_widget(page: Any, web_offline: WebProcess) -> None:
    page.goto(web_offline.url + "/")
    wait_ready(page)
    assert run_axe(page) == []


def test_axe_demo_page_with_the_widget_open(page: Any, web_offline: WebProcess) -> None:
    page.goto(web_offline.url + "/?gemeente=zwolle")
    open_widget(page)
    _error_text(page)
    violations = run_axe(page)
    assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)
    save_screenshot(page, "widget-open-desktop-offline.png")


def test_neutral_page_is_plain(page: Any, web_offline: WebProcess) -> None:
    page.goto(web_offline.url + "/neutraal")
    assert page.locator(WIDGET).count() == 0
    assert "relatie" not in page.content().lower()


def test_the_axe_check_finds_real_problems(page: Any) -> None:
    # Guards the accessibility tests above: an inaccessible page must not pass the same check.
    page.set_content("<html><body><input type='text'><button></button></body></html>")
    ids = {v["id"] for v in run_axe(page)}
    assert {"label", "button-name"} <= ids


def test_one_script_tag_on_another_site(page: Any, web_offline: WebProcess,
                                        unreachable_rasa_url: str, tmp_path: Path) -> None:
    # A gemeente's own site (another origin: another port) embeds the widget with one tag.
    # It runs on loopback as well: Chrome blocks public sites from loading from loopback.
    (tmp_path / "relatie.html").write_text(
        "<!doctype html><html lang='nl'><head><title>Gemeente</title></head><body>"
        "<main><h1>Relatie en scheiding</h1></main>"
        f"<script src='{web_offline.url}/widget/relatieroute.js' data-gemeente='eindhoven' "
        f"data-server='{unreachable_rasa_url}' defer></script></body></html>",
        encoding="utf-8",
    )
    handler = functools.partial(_QuietFiles, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/relatie.html")
        open_widget(page)
        text = _error_text(page)
        # The cross-origin call to /api/gemeente worked: the wijkteam is there.
        assert load_catalogues()["eindhoven"].wijkteam.phone in text
        color = page.evaluate(
            f"() => getComputedStyle(document.querySelector('{WIDGET}').shadowRoot"
            ".querySelector('.rr-escape')).backgroundColor")
        assert color == "rgb(164, 22, 26)"  # the widget's stylesheet came from the web app
        assert not page.console_log.page_errors
    finally:
        server.shutdown()
        server.server_close()


class _QuietFiles(SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        return
