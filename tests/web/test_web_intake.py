"""The wijkteam intake page in a real browser, without the assistant: login, layout, privacy of
the note, print stylesheet, accessibility. The full intake to a printed plan is in
test_web_live.py (it needs the assistant)."""

from __future__ import annotations

import json
from typing import Any

from web_testkit import INTAKE_WIDGET, WebProcess, run_axe, session_storage, wait_ready

from routes import load_catalogues


def login(page: Any, web: WebProcess, path: str = "/intake") -> None:
    page.goto(web.url + path)
    assert "/login" in page.url
    page.get_by_label("Beheertoken").fill(web.admin_token)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(web.url + path)


def test_login_form_leads_to_the_intake(page: Any, web_offline: WebProcess) -> None:
    page.goto(web_offline.url + "/intake")
    assert page.url.startswith(web_offline.url + "/login?next=")
    assert run_axe(page) == []
    page.get_by_label("Beheertoken").fill("niet-het-goede-token")
    page.get_by_role("button", name="Inloggen").click()
    assert page.get_by_role("alert").inner_text().startswith("Dat token klopt niet")
    assert run_axe(page) == []
    page.get_by_label("Beheertoken").fill(web_offline.admin_token)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(web_offline.url + "/intake")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Intake relatie")


def test_intake_asks_with_channel_intake_and_has_no_snel_weg(page: Any,
                                                            web_offline: WebProcess) -> None:
    sent: list[dict[str, Any]] = []
    page.on("request", lambda r: sent.append(json.loads(r.post_data))
            if "/webhooks/relatieroute/webhook" in r.url else None)
    login(page, web_offline, "/intake?gemeente=eindhoven")
    wait_ready(page, INTAKE_WIDGET)
    page.locator(f"{INTAKE_WIDGET} .rr-error").wait_for(state="visible")
    assert sent[0]["message"] == "/greet"
    assert sent[0]["metadata"] == {"gemeente": "eindhoven", "channel": "intake"}
    assert page.get_by_role("button", name="Snel weg").count() == 0
    # The inline chat still shows the emergency numbers and the wijkteam when it fails.
    error = page.locator(f"{INTAKE_WIDGET} .rr-error").inner_text()
    assert "0800-2000" in error and "112" in error
    assert load_catalogues()["eindhoven"].wijkteam.phone in error
    assert page.get_by_role("button", name="Afdrukken").is_disabled()
    assert page.get_by_role("button", name="Kopieer als tekst").is_disabled()


def test_the_note_never_leaves_the_browser(page: Any, web_offline: WebProcess) -> None:
    note = "Mevrouw J. belt zelf op maandag 06-12345678"
    bodies: list[str] = []
    page.on("request", lambda r: bodies.append(f"{r.url} {r.post_data or ''}"))
    login(page, web_offline)
    wait_ready(page, INTAKE_WIDGET)
    page.get_by_label("Notitie voor de overdracht (optioneel)").fill(note)
    page.get_by_role("textbox", name="Typ het antwoord").fill("volgende vraag")
    page.get_by_role("textbox", name="Typ het antwoord").press("Enter")
    page.wait_for_timeout(300)
    page.reload()
    wait_ready(page, INTAKE_WIDGET)
    assert page.get_by_label("Notitie voor de overdracht (optioneel)").input_value() == note
    assert session_storage(page)["relatieroute.v1.intake.note"] == note
    assert bodies, "no requests seen"
    assert not [b for b in bodies if "Mevrouw" in b or "12345678" in b]
    assert page.evaluate("() => localStorage.length") == 0


def test_print_shows_only_the_plan(page: Any, web_offline: WebProcess) -> None:
    login(page, web_offline)
    wait_ready(page, INTAKE_WIDGET)
    page.get_by_label("Notitie voor de overdracht (optioneel)").fill("Belt maandag terug.")
    assert page.locator(".intake-chat").is_visible()
    page.emulate_media(media="print")
    assert page.locator(".intake-chat").is_hidden()
    assert page.locator(".pro-header").is_hidden()
    assert page.locator(".plan-actions").is_hidden()
    assert page.locator("#plan").is_visible()
    assert page.locator("#plan-note-print").inner_text() == "Notitie: Belt maandag terug."
    page.emulate_media(media="screen")
    assert page.locator(".intake-chat").is_visible()
    assert page.locator("#plan-note-print").is_hidden()


def test_axe_intake_page(page: Any, web_offline: WebProcess) -> None:
    login(page, web_offline)
    wait_ready(page, INTAKE_WIDGET)
    page.locator(f"{INTAKE_WIDGET} .rr-error").wait_for(state="visible")
    violations = run_axe(page)
    assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)


def test_logout(page: Any, web_offline: WebProcess) -> None:
    login(page, web_offline)
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/login")
    page.goto(web_offline.url + "/intake")
    assert "/login" in page.url


def test_dashboard_loads_under_the_security_policy(page: Any, web_offline: WebProcess) -> None:
    login(page, web_offline, "/dashboard/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => document.styleSheets.length") >= 1
    blocked = [m for m in page.console_log.of_type("error") if "Security Policy" in m]
    assert blocked == []
    assert not page.console_log.page_errors
