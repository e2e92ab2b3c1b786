"""The public page "Zo kiest de assistent een route" (Markdown and standalone HTML)."""

from __future__ import annotations

import copy
from html.parser import HTMLParser

import pytest

from routes import Catalogue, explain
from routes.conditions import Atom, Condition, _Group
from routes.rules import RULES, rules_fingerprint
from routes.texts import ROUTE_TITLES, SAFETY_NET


def atoms(condition: Condition) -> list[Atom]:
    if isinstance(condition, _Group):
        return [a for part in condition.parts for a in atoms(part)]
    return [condition] if isinstance(condition, Atom) else []


def all_atoms() -> list[Atom]:
    found = []
    for rule in RULES:
        found += atoms(rule.when)
        for choice in rule.outcome.choices:
            found += atoms(choice.when)
    return found


def test_markdown_has_every_rule_written_from_the_table():
    page = explain()
    assert page.startswith("# Zo kiest de assistent een route\n")
    for rule in RULES:
        assert f"### Regel {rule.id}: {rule.title}" in page
    # Every condition of the table appears in words: the page is generated from the rules.
    for atom in all_atoms():
        assert atom.describe() in page, atom
    for title in ROUTE_TITLES.values():
        assert title in page
    assert SAFETY_NET in page
    assert rules_fingerprint() in page


def test_rules_appear_in_table_order():
    page = explain()
    positions = [page.index(f"Regel {rule.id}:") for rule in RULES]
    assert positions == sorted(positions)


def test_generic_page_has_default_fallback_and_no_local_offers(voorbeeld):
    page = explain()
    assert "Partnerprogramma in een groep: dan Online relatieprogramma, anders het wijkteam." \
        in page
    assert "Het aanbod in" not in page
    assert voorbeeld.wijkteam.name not in page


def test_local_page_lists_offers_wijkteam_events_and_fallbacks(shipped):
    catalogue = shipped["eindhoven"]
    page = explain(catalogue, "md")
    assert page.startswith("# Zo kiest de assistent een route in Gemeente Eindhoven\n")
    assert "> Let op: Voorbeeldbestand" in page  # fictional data is flagged at the top
    for offer in catalogue.offers:
        assert offer.name in page
        assert offer.description.replace("*", "\\*") in page
    assert "## Praten met een mens: WIJeindhoven" in page
    assert "[040-000 00 01](tel:0400000001)" in page
    assert catalogue.wijkteam.outside_hours in page
    assert "11-02-2027" in page and "Informatieavond Houd me Vast" in page
    assert ("Een Relatie- en Scheidingsteam is er niet in Gemeente Eindhoven. "
            "Daarom verwijzen we je naar: WIJeindhoven.") in page
    assert "[houdmevastonline.nl](https://houdmevastonline.nl)" in page


def test_national_numbers_on_the_page():
    page = explain()
    assert "[0800-2000](tel:08002000)" in page
    assert "[113](tel:113), [0800-0113](tel:08000113)" in page
    assert "[112](tel:112)" in page


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        explain(None, "pdf")


class _Checker(HTMLParser):
    """Collects structure and checks that every tag is closed in order."""

    VOID = frozenset({"meta", "link", "br", "img", "hr", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.headings: list[int] = []
        self.links: list[dict[str, str]] = []
        self.link_texts: list[str] = []
        self.html_attrs: dict[str, str] = {}
        self.title = ""
        self.text: list[str] = []
        self._in_link = False
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_attrs = attrs
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.headings.append(int(tag[1]))
        if tag == "a":
            self.links.append(attrs)
            self.link_texts.append("")
            self._in_link = True
        self._in_title = tag == "title"
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}>, open: {self.stack[-3:]}")
            return
        self.stack.pop()
        if tag == "a":
            self._in_link = False
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_link:
            self.link_texts[-1] += data
        if self._in_title:
            self.title += data
        self.text.append(data)


def check_html(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert not checker.errors, checker.errors
    assert checker.stack == []
    return checker


@pytest.mark.parametrize("gemeente", [None, "voorbeeld", "zwolle", "eindhoven"])
def test_html_is_a_complete_accessible_page(gemeente, shipped):
    catalogue = shipped[gemeente] if gemeente else None
    page = explain(catalogue, "html")
    assert page.startswith("<!DOCTYPE html>\n")
    checker = check_html(page)
    assert checker.html_attrs.get("lang") == "nl"
    assert checker.title.startswith("Zo kiest de assistent een route")
    assert '<meta charset="utf-8">' in page and 'name="viewport"' in page
    assert '<main id="inhoud">' in page and 'href="#inhoud"' in page  # skip link
    # one h1, and headings never skip a level
    assert checker.headings[0] == 1 and checker.headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(checker.headings, checker.headings[1:], strict=False))
    # every link has text and a safe target
    assert all(text.strip() for text in checker.link_texts)
    for attrs in checker.links:
        assert attrs["href"].startswith(("https://", "tel:", "mailto:", "#")), attrs
    for rule in RULES:
        assert f"Regel {rule.id}: {rule.title}" in "".join(checker.text)


def test_html_escapes_everything(base_data):
    data = copy.deepcopy(base_data)
    data["name"] = 'Gemeente <script>alert("x")</script> & Co'
    data["offers"][0]["name"] = "<b>RST</b> 'team'"
    data["offers"][0]["description"] = 'Eén team "met" <i>één</i> plan & regie.'
    data["wijkteam"]["outside_hours"] = "<img src=x onerror=alert(1)>"
    data["events"][0]["place"] = "</li></ul><h1>weg</h1>"
    catalogue = Catalogue.parse_obj(data)
    page = explain(catalogue, "html")
    for raw in ("<script>", "<b>", "<i>", "<img", "<h1>weg"):
        assert raw not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    checker = check_html(page)
    assert checker.headings.count(1) == 1
    assert any('Gemeente <script>alert("x")</script> & Co' in t for t in checker.text)


def test_markdown_escapes_markup_from_the_catalogue(base_data):
    data = copy.deepcopy(base_data)
    data["offers"][0]["name"] = "RST [klik](https://evil.example) *nu*"
    page = explain(Catalogue.parse_obj(data), "md")
    assert "[klik](https://evil.example)" not in page
    assert r"RST \[klik\](https://evil.example) \*nu\*" in page
