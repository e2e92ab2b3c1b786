"""The web app over HTTP: routes, gemeente API, security headers, auth, logging."""

from __future__ import annotations

import re

import pytest
from web_testkit import WebProcess, basic_auth, http

from routes import DEFAULT_GEMEENTE, load_catalogues


def test_healthz(web_offline: WebProcess) -> None:
    result = http(web_offline.url + "/healthz")
    assert result.status == 200
    assert result.json() == {"status": "ok"}


@pytest.mark.parametrize("gemeente_id", sorted(load_catalogues()))
def test_gemeente_api_serves_the_catalogue_contact(web_offline: WebProcess,
                                                    gemeente_id: str) -> None:
    catalogue = load_catalogues()[gemeente_id]
    result = http(f"{web_offline.url}/api/gemeente/{gemeente_id}")
    assert result.status == 200
    assert result.headers["Access-Control-Allow-Origin"] == "*"
    data = result.json()
    assert data["id"] == gemeente_id
    assert data["name"] == catalogue.name
    assert data["wijkteam"]["name"] == catalogue.wijkteam.name
    assert data["wijkteam"]["phone"] == catalogue.wijkteam.phone
    assert data["wijkteam"]["hours"] == catalogue.wijkteam.hours
    assert data["wijkteam"]["outside_hours"] == catalogue.wijkteam.outside_hours
    assert data["general_contact"]["phone"] == catalogue.general_contact.phone
    phones = {c["phone"] for c in data["national"]}
    assert {"112", "0800-2000", "0800-0113"} <= phones


def test_gemeente_api_unknown_id_is_a_kind_404(web_offline: WebProcess) -> None:
    result = http(f"{web_offline.url}/api/gemeente/atlantis")
    assert result.status == 404
    assert result.headers["Content-Type"].startswith("application/json")
    data = result.json()
    assert data["error"] == "unknown_gemeente"
    assert data["default_gemeente"] == DEFAULT_GEMEENTE
    assert "gemeente" in data["message"] and "standaardgemeente" in data["message"]


def test_demo_page_embeds_the_widget_with_one_script_tag(web_offline: WebProcess,
                                                         unreachable_rasa_url: str) -> None:
    html = http(web_offline.url + "/?gemeente=zwolle").text
    tags = re.findall(r"<script[^>]*>", html)
    assert len(tags) == 1
    tag = tags[0]
    assert 'src="/widget/relatieroute.js"' in tag
    assert 'data-gemeente="zwolle"' in tag
    assert f'data-server="{unreachable_rasa_url}"' in tag
    assert "defer" in tag
    assert '<html lang="nl">' in html
    assert "Gemeente Voorbeeldstad" in html


def test_demo_page_escapes_a_hostile_gemeente_parameter(web_offline: WebProcess) -> None:
    html = http(web_offline.url + '/?gemeente="><script>alert(1)</script>').text
    assert "<script>alert(1)" not in html
    # Not an id at all: the default gemeente is used.
    assert f'data-gemeente="{DEFAULT_GEMEENTE}"' in html


@pytest.mark.parametrize(
    ("path", "content_type"),
    [("/widget/relatieroute.js", "javascript"), ("/widget/relatieroute.css", "text/css")],
)
def test_widget_files_are_served_for_embedding(web_offline: WebProcess, path: str,
                                               content_type: str) -> None:
    result = http(web_offline.url + path)
    assert result.status == 200
    assert content_type in result.headers["Content-Type"]
    assert result.headers["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert result.headers["X-Content-Type-Options"] == "nosniff"


def _csp(result) -> dict[str, str]:
    policy = result.headers["Content-Security-Policy"]
    return {part.split()[0]: part.strip() for part in policy.split(";") if part.strip()}


def test_security_headers_on_the_demo_page(web_offline: WebProcess,
                                           unreachable_rasa_url: str) -> None:
    result = http(web_offline.url + "/")
    csp = _csp(result)
    assert csp["script-src"] == "script-src 'self'"
    assert "unsafe-inline" not in result.headers["Content-Security-Policy"]
    assert "unsafe-eval" not in result.headers["Content-Security-Policy"]
    assert unreachable_rasa_url in csp["connect-src"]
    assert csp["frame-ancestors"] == "frame-ancestors 'self'"
    assert csp["object-src"] == "object-src 'none'"
    assert result.headers["X-Content-Type-Options"] == "nosniff"
    assert result.headers["Referrer-Policy"] == "no-referrer"
    assert "Set-Cookie" not in result.headers


def test_professional_pages_cannot_be_framed_or_cached(web_offline: WebProcess) -> None:
    result = http(web_offline.url + "/intake",
                  headers={"Authorization": f"Bearer {web_offline.admin_token}"})
    assert result.status == 200
    assert _csp(result)["frame-ancestors"] == "frame-ancestors 'none'"
    assert result.headers["X-Frame-Options"] == "DENY"
    assert result.headers["Cache-Control"] == "no-store"
    assert result.headers["Referrer-Policy"] == "no-referrer"


# ---------------------------------------------------------------- auth


@pytest.mark.parametrize("path", ["/intake", "/dashboard/"])
def test_protected_pages_refuse_without_token(web_offline: WebProcess, path: str) -> None:
    result = http(web_offline.url + path)
    assert result.status == 401
    assert "Bearer" in result.headers["WWW-Authenticate"]
    assert "Basic" in result.headers["WWW-Authenticate"]


@pytest.mark.parametrize("path", ["/intake", "/dashboard/"])
def test_protected_pages_send_browsers_to_the_login_form(web_offline: WebProcess,
                                                         path: str) -> None:
    result = http(web_offline.url + path, headers={"Accept": "text/html"})
    assert result.status == 303
    assert result.headers["Location"].startswith("/login?next=")


@pytest.mark.parametrize(
    "header",
    [
        lambda token: f"Bearer {token}",
        lambda token: basic_auth("wijkteam", token),
    ],
    ids=["bearer", "basic"],
)
def test_intake_opens_with_the_token(web_offline: WebProcess, header) -> None:
    result = http(web_offline.url + "/intake",
                  headers={"Authorization": header(web_offline.admin_token)})
    assert result.status == 200
    assert 'data-channel="intake"' in result.text


@pytest.mark.parametrize(
    "authorization",
    ["Bearer wrong-token", "Bearer ", "Basic !!notbase64", "Token abc"],
)
def test_wrong_credentials_are_refused(web_offline: WebProcess, authorization: str) -> None:
    result = http(web_offline.url + "/intake", headers={"Authorization": authorization})
    assert result.status == 401


def test_basic_auth_with_a_wrong_password(web_offline: WebProcess) -> None:
    result = http(web_offline.url + "/intake",
                  headers={"Authorization": basic_auth("wijkteam", "nope")})
    assert result.status == 401


def test_login_form_sets_a_session_cookie_and_logout_ends_it(web_offline: WebProcess) -> None:
    form = http(web_offline.url + "/login?next=/intake")
    assert form.status == 200
    assert 'name="token"' in form.text

    login = http(web_offline.url + "/login", method="POST",
                 form={"token": web_offline.admin_token, "next": "/intake"})
    assert login.status == 303
    assert login.headers["Location"] == "/intake"
    cookie = login.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie
    assert "expires" not in cookie.lower() and "max-age" not in cookie.lower()
    session = cookie.split(";", 1)[0]

    assert http(web_offline.url + "/intake", headers={"Cookie": session}).status == 200

    logout = http(web_offline.url + "/logout", method="POST", headers={"Cookie": session})
    assert logout.status == 303
    assert http(web_offline.url + "/intake", headers={"Cookie": session}).status == 401


def test_login_with_a_wrong_token_says_so_in_dutch(web_offline: WebProcess) -> None:
    result = http(web_offline.url + "/login", method="POST",
                  form={"token": "geen-goed-token", "next": "/intake"})
    assert result.status == 401
    assert "klopt niet" in result.text
    assert "Set-Cookie" not in result.headers


def test_login_does_not_redirect_to_other_sites(web_offline: WebProcess) -> None:
    result = http(web_offline.url + "/login", method="POST",
                  form={"token": web_offline.admin_token, "next": "https://evil.example/"})
    assert result.status == 303
    assert result.headers["Location"] == "/intake"


def test_a_made_up_session_cookie_is_refused(web_offline: WebProcess) -> None:
    result = http(web_offline.url + "/intake", headers={"Cookie": "rr_beheer=made-up"})
    assert result.status == 401


def test_dashboard_is_mounted_behind_auth(web_offline: WebProcess) -> None:
    auth = {"Authorization": f"Bearer {web_offline.admin_token}"}
    redirect = http(web_offline.url + "/dashboard", headers=auth)
    assert redirect.status in (301, 302, 307, 308)
    assert redirect.headers["Location"] == "/dashboard/"
    dashboard = http(web_offline.url + "/dashboard/", headers=auth)
    assert dashboard.status == 200, dashboard.text[:500]
    csv = http(web_offline.url + "/dashboard/export.csv", headers=auth)
    assert csv.status == 200
    assert "text/csv" in csv.headers["Content-Type"]
    assert http(web_offline.url + "/dashboard/export.csv").status == 401


# ---------------------------------------------------------------- privacy of the logs


def test_logs_hold_no_ip_addresses_tokens_or_bodies(web_offline: WebProcess) -> None:
    secret_attempt = "wrong-token-that-must-not-be-logged"
    http(web_offline.url + "/login", method="POST",
         form={"token": secret_attempt, "next": "/intake"})
    http(web_offline.url + "/intake",
         headers={"Authorization": f"Bearer {web_offline.admin_token}"})
    http(web_offline.url + "/api/gemeente/zwolle")
    log = web_offline.log()
    access_lines = [line for line in log.splitlines() if '"GET ' in line or '"POST ' in line]
    assert any("/api/gemeente/zwolle" in line for line in access_lines)
    assert any('"POST /login' in line for line in access_lines)
    for line in access_lines:
        assert not re.search(r"\b\d{1,3}(?:\.\d{1,3}){3}\b", line), line
    assert secret_attempt not in log
    assert web_offline.admin_token not in log
