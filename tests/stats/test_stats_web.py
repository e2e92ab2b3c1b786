"""The dashboard through aiohttp's test client: filters, "<5", CSV, escaping, accessibility."""

import csv
import io
import re
from datetime import date, datetime
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import func, select, text
from stats_support import ROOT, free_port

from stats import charts, demo
from stats.db import transaction
from stats.models import conversations
from stats.store import new_record, upsert
from stats.web import create_app

TODAY = date(2025, 6, 30)
PERIOD = {"van": "2024-07-01", "tot": "2025-06-30"}
SMALL = re.compile(r"^[0-4]$")


class Page(HTMLParser):
    """Collects what the tests look at: elements with attributes, and cell texts."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.cells: list[str] = []
        self.svg_values: list[str] = []  # the numbers drawn in charts
        self._capture: list | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag == "td":
            self._capture, self._buffer = self.cells, []
        elif tag == "text" and dict(attrs).get("class") == "value":
            self._capture, self._buffer = self.svg_values, []

    def handle_data(self, data):
        if self._capture is not None:
            self._buffer.append(data)

    def handle_endtag(self, tag):
        if tag in ("td", "text") and self._capture is not None:
            self._capture.append("".join(self._buffer).strip())
            self._capture = None

    def all(self, tag):
        return [attrs for name, attrs in self.elements if name == tag]


@pytest.fixture(scope="module")
def data_engine(tmp_path_factory):
    from stats.db import make_engine, upgrade

    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('web') / 'stats.db'}")
    upgrade(engine)
    demo.load(engine, demo.generate(3000, seed=7, today=TODAY))
    with transaction(engine) as session:
        # A tiny gemeente: three conversations.
        upsert(
            session,
            [
                dict(
                    new_record(
                        {
                            "gemeente": "kleindorp",
                            "channel": "web",
                            "route": "rst",
                            "intensity": "zwaar",
                            "step": 3,
                        },
                        datetime(2025, 3, 3, 10),
                    ),
                    key=f"demo-klein-{n:04d}",
                )
                for n in range(3)
            ],
        )
    yield engine
    engine.dispose()


@pytest.fixture
async def client(data_engine):
    async with TestClient(TestServer(create_app(data_engine))) as test_client:
        yield test_client


async def get_page(client, **query):
    response = await client.get("/", params=PERIOD | query)
    return response, await response.text()


def count_in_db(engine, **where):
    c = conversations.c
    conditions = [c.started_at >= datetime(2024, 7, 1), c.started_at < datetime(2025, 7, 1)]
    conditions += [getattr(c, column) == value for column, value in where.items()]
    with transaction(engine) as session:
        return session.execute(select(func.count()).where(*conditions)).scalar_one()


def kerncijfer(html: str, label: str) -> str:
    match = re.search(rf"<th scope=\"row\">{re.escape(label)}</th><td>([^<]*)</td>", html)
    assert match, label
    return match.group(1)


def dutch(n: int) -> str:
    return f"{n:,}".replace(",", ".")


async def test_every_section_has_a_chart_and_a_table(client):
    response, html = await get_page(client, gemeente="zwolle")
    assert response.status == 200
    assert response.headers["Cache-Control"] == "no-store"
    page = Page(html)
    for title in (
        "Gesprekken en adviezen per week",
        "Hoe ver kwamen mensen in het gesprek?",
        "Hoe eindigden de gesprekken?",
        "Welk advies kregen mensen?",
        "Hulp bij onveiligheid of crisis",
        "Welke signalen van onveiligheid zag de assistent?",
        "Een mens spreken, en aanbod via uitwijk",
        "Hoe snel kregen mensen een advies?",
        "Vonden mensen het gesprek nuttig?",
        "Voormeting: rapportcijfer voor de relatie",
        "Via welk kanaal?",
    ):
        assert title in html
    svgs = page.all("svg")
    table_ids = {attrs.get("id") for attrs in page.all("table")}
    assert len(svgs) == 11
    for svg in svgs:
        assert svg["role"] == "img"
        assert svg["aria-describedby"] in table_ids  # the numbers, in a real table
    assert html.count("<title>") == 1 + len(svgs)


async def test_filters_select_gemeente_channel_and_period(client, data_engine):
    _, all_html = await get_page(client)
    _, zwolle = await get_page(client, gemeente="zwolle")
    _, intake = await get_page(client, gemeente="zwolle", kanaal="intake")
    _, spring = await get_page(client, gemeente="zwolle", van="2025-03-01", tot="31-05-2025")
    assert kerncijfer(all_html, "Gesprekken") == dutch(count_in_db(data_engine))
    assert kerncijfer(zwolle, "Gesprekken") == dutch(count_in_db(data_engine, gemeente="zwolle"))
    assert kerncijfer(intake, "Gesprekken") == dutch(
        count_in_db(data_engine, gemeente="zwolle", channel="intake")
    )
    spring_count = int(kerncijfer(spring, "Gesprekken").replace(".", ""))
    assert 0 < spring_count < count_in_db(data_engine, gemeente="zwolle")
    assert "Via welk kanaal?" not in intake  # a channel is chosen: no channel split
    assert "2025 week 09" in spring and "2024 week 27" not in spring
    assert 'value="2025-05-31"' in spring  # typed as 31-05-2025, shown back for the date field
    assert '<option value="zwolle" selected>Zwolle</option>' in zwolle
    for gemeente in ("eindhoven", "kleindorp", "voorbeeld", "zwolle"):
        assert f'<option value="{gemeente}"' in all_html


async def test_small_counts_never_leave_as_numbers(client):
    _, html = await get_page(client, gemeente="kleindorp")
    page = Page(html)
    assert kerncijfer(html, "Gesprekken") == "&lt;5"
    assert "minder dan 5 gesprekken" in html
    assert not [cell for cell in page.cells if SMALL.match(cell)]
    assert page.svg_values and not [t for t in page.svg_values if SMALL.match(t)]
    # A chart draws no bar for a hidden count: in this gemeente every count is hidden.
    assert not [rect for rect in page.all("rect") if rect.get("class") == "bar"]
    _, html = await get_page(client, gemeente="voorbeeld")
    page = Page(html)
    assert [rect for rect in page.all("rect") if rect.get("class") == "bar"]
    assert not [cell for cell in page.cells if SMALL.match(cell)]
    assert not [t for t in page.svg_values if SMALL.match(t)]


async def test_csv_export_has_the_same_protected_figures(client, data_engine):
    response = await client.get("/export.csv", params=PERIOD | {"gemeente": "zwolle"})
    assert response.status == 200
    assert response.content_type == "text/csv"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="relatieroute-statistiek-zwolle-2024-07-01-2025-06-30.csv"'
    )
    body = (await response.read()).decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body[1:]), delimiter=";"))
    assert rows[0] == ["onderdeel", "regel", "kolom", "waarde"]
    values = {(r[0], r[1], r[2]): r[3] for r in rows[1:]}
    assert values[("filter", "Gemeente", "")] == "Zwolle"
    assert values[("Kerncijfers", "Gesprekken", "Aantal")] == str(count_in_db(data_engine, gemeente="zwolle"))
    _, html = await get_page(client, gemeente="zwolle")
    assert kerncijfer(html, "Kreeg een advies (route)") == dutch(
        int(values[("Kerncijfers", "Kreeg een advies (route)", "Aantal")])
    )
    assert {r[0] for r in rows[1:]} >= {
        "Kerncijfers",
        "Gesprekken en adviezen per week",
        "Welk advies kregen mensen?",
    }
    small = await client.get("/export.csv", params=PERIOD | {"gemeente": "kleindorp"})
    for row in csv.reader(io.StringIO((await small.text()).lstrip("\ufeff")), delimiter=";"):
        if row[2] not in ("Deel", "Deel van alle gesprekken", "Mediaan"):
            assert not SMALL.match(row[3]), row


async def test_everything_from_the_database_or_the_url_is_escaped(data_engine):
    evil = '<script>alert("x")</script>'
    with transaction(data_engine) as session:
        session.execute(
            text(
                "INSERT INTO stats_conversation (key, gemeente, started_at, last_activity_at, step, "
                "handoff) VALUES ('evil-0000001', :g, '2025-01-06 10:00:00', "
                "'2025-01-06 10:00:00', 0, 0)"
            ),
            {"g": evil},
        )
    try:
        async with TestClient(TestServer(create_app(data_engine))) as client:
            response, html = await get_page(client)
            assert response.status == 200
            assert "<script" not in html
            assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
            response, html = await get_page(client, gemeente=evil)
            assert response.status == 400
            assert "<script" not in html and "Deze gemeente kennen we niet" in html
    finally:
        with transaction(data_engine) as session:
            session.execute(text("DELETE FROM stats_conversation WHERE key = 'evil-0000001'"))


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"van": "2025-13-01"}, "Vul de datums in"),
        ({"van": "2025-06-01", "tot": "2025-05-01"}, "einddatum ligt voor de begindatum"),
        ({"van": "2020-01-01", "tot": "2025-01-01"}, "hoogstens 3 jaar"),
        ({"kanaal": "fax"}, "Kies bij kanaal"),
    ],
)
async def test_wrong_filters_get_a_clear_dutch_message(client, query, message):
    response, html = await get_page(client, **query)
    assert response.status == 400 and message in html and 'role="alert"' in html
    csv_response = await client.get("/export.csv", params=PERIOD | query)
    assert csv_response.status == 400 and message in await csv_response.text()


async def test_without_a_database_the_dashboard_says_so():
    app = create_app(f"postgresql://postgres@127.0.0.1:{free_port()}/nothing")
    async with TestClient(TestServer(app)) as client:
        response, html = await get_page(client)
        assert response.status == 503 and "niet beschikbaar" in html
        response = await client.get("/export.csv")
        assert response.status == 503


async def test_mounted_behind_a_prefix_all_links_still_work(data_engine):
    parent = web.Application()
    parent.add_subapp("/dashboard", create_app(data_engine))
    # aiohttp 3.9.5 with yarl >= 1.13 cannot build request.url for a Host header with a port
    # (aio-libs/aiohttp#9435), which sub-app routing needs: send a Host without a port.
    headers = {"Host": "gemeente.example"}
    async with TestClient(TestServer(parent)) as client:
        response = await client.get("/dashboard/", params={"gemeente": "zwolle"}, headers=headers)
        assert response.status == 200
        page = Page(await response.text())
        links = [a["href"] for a in page.all("a") if "export.csv" in a.get("href", "")]
        links += [link["href"] for link in page.all("link")]
        assert links and all(not href.startswith("/") for href in links)
        for href in links:
            target = await client.get(urljoin("/dashboard/", href), headers=headers)
            assert target.status == 200, href
        form = page.all("form")[0]
        assert form["action"] == "./" and form["method"] == "get"


async def test_accessible_without_javascript(client):
    _, html = await get_page(client, gemeente="voorbeeld")
    page = Page(html)
    assert page.all("html")[0]["lang"] == "nl"
    assert "<script" not in html.lower()
    labels = {attrs["for"] for attrs in page.all("label")}
    controls = page.all("input") + page.all("select")
    assert controls and all(control["id"] in labels for control in controls)
    assert page.all("a")[0]["href"] == "#cijfers" and 'id="cijfers"' in html
    assert all(th.get("scope") in ("row", "col") for th in page.all("th"))
    assert all(region.get("tabindex") == "0" for region in page.all("div") if region.get("role") == "region")
    assert len(page.all("caption")) == len(page.all("table"))


def contrast(foreground: str, background: str = "#ffffff") -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_colours_have_enough_contrast():
    css = (ROOT / "stats" / "templates" / "dashboard.css").read_text()
    variables = dict(re.findall(r"--(\w+):\s*(#[0-9a-fA-F]{6})", css))
    for text_colour in (variables["ink"], variables["muted"], variables["accent"], charts.TEXT_COLOUR):
        assert contrast(text_colour) >= 4.5, text_colour  # WCAG 1.4.3
    for graphic in (*charts.SERIES_COLOURS, charts.AXIS_COLOUR, variables["line"]):
        assert contrast(graphic) >= 3.0, graphic  # WCAG 1.4.11
    assert contrast("#ffffff", variables["accent"]) >= 4.5  # the button text
