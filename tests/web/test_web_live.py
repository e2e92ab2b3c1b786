"""The widget and the intake against the real assistant (``live_stack``: action server + Rasa +
web app): a route by clicking, a danger signal mid-flow, keyboard only, Snel weg mid-chat,
reload, the intake to a printed and copied plan, axe-core and screenshots."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from web_testkit import (
    ARTIFACTS,
    INTAKE_WIDGET,
    SAFETY_ROUTES,
    WIDGET,
    answer_until_route,
    bot_count,
    bot_texts,
    enabled_options,
    focused_option,
    open_widget,
    run_axe,
    save_screenshot,
    session_storage,
    user_texts,
    wait_for_options_or_route,
    wait_for_progress,
    wait_ready,
)

from routes import load_catalogues

GEMEENTE = "zwolle"
WEATHER = re.compile(r"^https://www\.buienradar\.nl/.*")


@pytest.fixture
def live_page(context: Any, page: Any) -> Any:
    # "Snel weg" goes to a real weather site by default; this machine has no internet, so the
    # browser gets a stand-in page for it.
    context.route(WEATHER, lambda route: route.fulfill(
        status=200, content_type="text/html",
        body="<!doctype html><html lang='nl'><title>Weer</title><h1>Het weer</h1></html>"))
    return page


def _open_demo(page: Any, live_stack: Any, gemeente: str = GEMEENTE) -> None:
    page.goto(f"{live_stack.web_url}/?gemeente={gemeente}")
    open_widget(page)
    wait_for_options_or_route(page)


def test_chat_to_a_route_by_clicking(live_page: Any, browser: Any, live_stack: Any) -> None:
    page = live_page
    _open_demo(page, live_stack)
    first = bot_texts(page)[0]
    assert "bot" in first.lower() or "computerprogramma" in first.lower()  # it says it is a bot
    route, given = answer_until_route(page)
    assert route not in SAFETY_ROUTES, (route, given)
    page.wait_for_function(
        "([s]) => document.querySelector(s).shadowRoot.querySelector('.rr-typing').hidden",
        arg=[WIDGET])
    texts = " ".join(bot_texts(page))
    assert "0800-2000" in texts  # the safety net line under every outcome
    # Safe links: the phone numbers in the outcome are tel: links.
    hrefs = page.evaluate(
        f"() => Array.from(document.querySelector('{WIDGET}').shadowRoot"
        ".querySelectorAll('.rr-log a')).map(a => a.getAttribute('href'))")
    assert "tel:08002000" in hrefs
    # The chosen titles are shown as the resident's messages.
    assert user_texts(page) == given
    violations = run_axe(page)
    assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)
    save_screenshot(page, "widget-desktop.png")
    page.set_viewport_size({"width": 320, "height": 640})
    page.wait_for_timeout(200)
    assert page.evaluate("() => document.documentElement.scrollWidth <= 321")
    save_screenshot(page, "widget-320px.png")
    assert run_axe(page) == []


def test_danger_signal_mid_flow_gets_the_safety_reply(live_page: Any, live_stack: Any) -> None:
    page = live_page
    _open_demo(page, live_stack)
    before = bot_count(page)
    page.locator(".rr-option:not(:disabled)").filter(has_text=re.compile("^Nee$")).first.click()
    assert wait_for_progress(page, before) == "answer"
    wait_for_options_or_route(page)

    before = bot_count(page)
    box = page.get_by_role("textbox", name="Typ je antwoord")
    box.fill("hij slaat me")
    box.press("Enter")
    assert wait_for_progress(page, before) == "answer"
    new = " ".join(bot_texts(page)[before:])
    if "0800-2000" not in new and "Ja" in enabled_options(page):
        # The assistant may first check ("Ik wil even zeker weten…"): confirm.
        before = bot_count(page)
        page.locator(".rr-option:not(:disabled)").filter(has_text=re.compile("^Ja$")).first.click()
        assert wait_for_progress(page, before) == "answer"
        new = " ".join(bot_texts(page)[before:])
    assert "0800-2000" in new, new
    assert "Veilig Thuis" in new
    # The user's own words are shown as sent, as text.
    assert page.locator(".rr-msg-user").filter(has_text="hij slaat me").count() == 1


def test_a_whole_route_keyboard_only(live_page: Any, live_stack: Any) -> None:
    page = live_page
    page.goto(f"{live_stack.web_url}/?gemeente={GEMEENTE}")
    wait_ready(page)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate(
            f"() => (document.querySelector('{WIDGET}').shadowRoot.activeElement || {{}})"
            ".className === 'rr-launcher'"):
            break
    else:
        raise AssertionError("launcher not reachable with Tab")
    page.keyboard.press("Enter")
    wait_for_options_or_route(page)
    route, given = answer_until_route(page, keyboard=True)
    assert route not in SAFETY_ROUTES
    assert len(given) >= 3
    # After each answer the focus went to the first new answer button (or the field).
    assert focused_option(page) is not None or page.evaluate(
        f"() => document.querySelector('{WIDGET}').shadowRoot.activeElement.id") == "rr-input"


def test_reload_keeps_the_conversation_and_it_goes_on(live_page: Any, live_stack: Any) -> None:
    page = live_page
    _open_demo(page, live_stack)
    before = bot_count(page)
    page.locator(".rr-option:not(:disabled)").filter(has_text=re.compile("^Nee$")).first.click()
    assert wait_for_progress(page, before) == "answer"
    texts = bot_texts(page)
    sender = json.loads(session_storage(page)["relatieroute.v1.chat.web"])["sender"]
    page.reload()
    wait_ready(page)
    assert bot_texts(page) == texts
    assert json.loads(session_storage(page)["relatieroute.v1.chat.web"])["sender"] == sender
    route, _ = answer_until_route(page)
    assert route not in SAFETY_ROUTES


def test_snel_weg_mid_conversation(live_page: Any, live_stack: Any) -> None:
    page = live_page
    _open_demo(page, live_stack)
    before = bot_count(page)
    page.locator(".rr-option:not(:disabled)").filter(has_text=re.compile("^Nee$")).first.click()
    wait_for_progress(page, before)
    assert any(k.startswith("relatieroute.") for k in session_storage(page))
    page.get_by_role("button", name="Snel weg").click()
    page.wait_for_url(lambda url: not url.startswith(live_stack.web_url + "/?"))
    assert "relatie" not in page.content().lower()
    # Back on the gemeente's origin in the same tab: nothing of the chat is left.
    page.goto(live_stack.web_url + "/neutraal")
    assert not [k for k in session_storage(page) if k.startswith("relatieroute.")]


def _login(page: Any, live_stack: Any, path: str) -> None:
    page.goto(live_stack.web_url + path)
    page.get_by_label("Beheertoken").fill(live_stack.admin_token)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(live_stack.web_url + path)


def test_intake_to_a_printed_and_copied_plan(browser: Any, live_stack: Any) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.grant_permissions(["clipboard-read", "clipboard-write"],
                              origin=live_stack.web_url)
    try:
        page = context.new_page()
        _login(page, live_stack, f"/intake?gemeente={GEMEENTE}")
        wait_ready(page, INTAKE_WIDGET)
        wait_for_options_or_route(page, INTAKE_WIDGET)
        assert "inwoner" in " ".join(bot_texts(page, INTAKE_WIDGET)).lower()
        route, _ = answer_until_route(page, selector=INTAKE_WIDGET)
        assert route not in SAFETY_ROUTES
        page.locator("#plan[data-ready='true']").wait_for()

        plan = page.locator("#plan-content").inner_text()
        team = load_catalogues()[GEMEENTE].wijkteam
        assert team.phone in plan and team.name in plan
        for heading in ("1. Veiligheid", "2. Situatie", "3. Route en waarom", "4. Lokaal aanbod",
                        "5. Volgende stappen", "6. Contact"):
            assert heading in plan
        assert page.locator(".plan-route .plan-list li").count() >= 1  # the reasons
        assert "Nee" in page.locator(".plan-veiligheid").inner_text()

        page.get_by_label("Notitie voor de overdracht (optioneel)").fill("Belt zelf maandag.")
        violations = run_axe(page)
        assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)
        page.locator("#plan").screenshot(path=str(ARTIFACTS / "intake-summary.png"))

        page.get_by_role("button", name="Kopieer als tekst").click()
        page.get_by_role("status").filter(has_text="klembord").wait_for()
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied.startswith("Eén plan — warme overdracht")
        assert "Waarom deze route:" in copied and team.phone in copied
        assert "Belt zelf maandag." in copied

        page.emulate_media(media="print")
        assert page.locator(".intake-chat").is_hidden()
        assert page.locator("#plan-content").is_visible()
        assert page.locator("#plan-note-print").inner_text() == "Notitie: Belt zelf maandag."
        pdf_path = ARTIFACTS / "intake-summary.pdf"
        page.pdf(path=str(pdf_path), format="A4", print_background=True)
        assert pdf_path.read_bytes()[:5] == b"%PDF-"
        page.screenshot(path=str(ARTIFACTS / "intake-summary-print.png"), full_page=True)
    finally:
        context.close()
