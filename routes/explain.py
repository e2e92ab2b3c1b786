"""The public page "Zo kiest de assistent een route" (for the gemeente's algorithm register).

The page is built from the rule table itself (:data:`routes.rules.RULES`), so it always says
what the engine does. It is first built as a small document model and then rendered as
Markdown or as a complete, accessible HTML page (everything escaped).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Union

from routes import texts
from routes.conditions import Always, Condition, _Group
from routes.constants import DEFAULT_FALLBACK, OFFER_ROUTES, SAFETY_ROUTES, WIJKTEAM
from routes.models import Catalogue, Contact, Offer
from routes.national import HUISARTS, NATIONAL_CONTACTS
from routes.rules import RULES, Outcome, Rule, Target, rules_fingerprint

FORMATS = ("md", "html")
PAGE_TITLE = "Zo kiest de assistent een route"

# --- document model -----------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    text: str
    href: str


Inline = Union[str, Link]  # noqa: UP007 - a runtime alias, needs Union on Python 3.10
Parts = tuple[Inline, ...]


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Para:
    parts: Parts
    notice: bool = False


@dataclass(frozen=True)
class Item:
    parts: Parts
    children: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Bullets:
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Facts:
    """Label/value pairs (a definition list in HTML)."""

    pairs: tuple[tuple[str, Parts], ...]


Block = Union[Heading, Para, Bullets, Facts]  # noqa: UP007


@dataclass
class Page:
    title: str
    lang: str = "nl"
    blocks: list[Block] = field(default_factory=list)

    def h(self, level: int, text: str) -> None:
        self.blocks.append(Heading(level, text))

    def p(self, *parts: Inline, notice: bool = False) -> None:
        self.blocks.append(Para(tuple(parts), notice))

    def ul(self, items: list[Item]) -> None:
        if items:
            self.blocks.append(Bullets(tuple(items)))

    def facts(self, pairs: list[tuple[str, Parts]]) -> None:
        if pairs:
            self.blocks.append(Facts(tuple(pairs)))


# --- building the page --------------------------------------------------------------------


def _tel(number: str) -> Link:
    return Link(number, "tel:" + re.sub(r"[^0-9+]", "", number))


def _web(url: str) -> Link:
    return Link(re.sub(r"^https?://", "", url).rstrip("/"), url)


def _condition_items(condition: Condition) -> tuple[str, list[Item]]:
    """A lead phrase and list items for a condition (nested groups become sub-lists)."""
    if isinstance(condition, Always):
        return condition.describe(), []
    if not isinstance(condition, _Group):
        return f"als dit klopt: {condition.describe()}", []
    items = []
    for part in condition.parts:
        lead, children = _condition_items(part)
        if children:
            items.append(Item((lead.removeprefix("als ") + ":",), tuple(children)))
        else:
            items.append(Item((part.describe(),)))
    return condition.lead, items


def _target_label(target: Target) -> str:
    return texts.route_label(target.route, target.intensity)


def _outcome_items(outcome: Outcome) -> list[Item]:
    if not outcome.choices:
        return [Item((_target_label(outcome.otherwise),))]
    items = []
    for choice in outcome.choices:
        lead, children = _condition_items(choice.when)
        items.append(Item((f"{_target_label(choice.target)}, {lead}:" if children
                           else f"{_target_label(choice.target)}, {lead}.",), tuple(children)))
    items.append(Item((f"Anders: {_target_label(outcome.otherwise)}.",)))
    return items


def _rule_section(page: Page, rule: Rule) -> None:
    page.h(3, f"Regel {rule.id}: {rule.title}")
    lead, items = _condition_items(rule.when)
    if items:
        page.p(texts.sentence(lead).rstrip(".") + ":")
        page.ul(items)
    else:
        page.p(texts.sentence(lead))
    page.p("Dan kiest de assistent:")
    page.ul(_outcome_items(rule.outcome))
    page.p(f"Urgentie: {texts.URGENCY_LABELS[rule.urgency]}.")


def _contact_parts(contact: Contact) -> list[tuple[str, Parts]]:
    pairs: list[tuple[str, Parts]] = []
    phones: list[Inline] = []
    for number in (contact.phone, contact.phone_alt):
        if number:
            phones += [", "] if phones else []
            phones.append(_tel(number))
    if phones:
        pairs.append(("Telefoon", tuple(phones)))
    if contact.email:
        pairs.append(("E-mail", (Link(contact.email, "mailto:" + contact.email),)))
    if contact.url:
        pairs.append(("Website", (_web(contact.url),)))
    if contact.chat_url and contact.chat_url != contact.url:
        pairs.append(("Chat", (_web(contact.chat_url),)))
    if contact.hours:
        pairs.append(("Bereikbaar", (contact.hours,)))
    if contact.outside_hours:
        pairs.append(("Buiten die tijden", (contact.outside_hours,)))
    if contact.note:
        pairs.append(("Goed om te weten", (contact.note,)))
    return pairs


def _offer_facts(offer: Offer) -> list[tuple[str, Parts]]:
    signup: list[Inline] = []
    for item in (
        _web(offer.signup.url) if offer.signup.url else None,
        _tel(offer.signup.phone) if offer.signup.phone else None,
        Link(offer.signup.email, "mailto:" + offer.signup.email) if offer.signup.email else None,
    ):
        if item is not None:
            signup += [" · "] if signup else []
            signup.append(item)
    pairs: list[tuple[str, Parts]] = [
        ("Wat is het", (offer.description,)),
        ("Wie biedt het aan", (offer.provider,)),
        ("Aanmelden", tuple(signup)),
        ("Kosten", (offer.cost,)),
        ("Wachttijd", (offer.waiting_time,)),
        ("Talen", (texts.join_and(offer.languages),)),
        ("Open", (offer.opening_hours,)),
    ]
    if offer.outside_hours:
        pairs.append(("Buiten die tijden", (offer.outside_hours,)))
    if offer.info_url:
        pairs.append(("Meer informatie", (_web(offer.info_url),)))
    return pairs


def _chain_text(route: str, chain: tuple[str, ...], catalogue: Catalogue | None) -> str:
    team = f"het wijkteam ({catalogue.wijkteam.name})" if catalogue else "het wijkteam"
    names = []
    for step in chain:
        if step == WIJKTEAM:
            names.append(team)
        else:
            names.append(texts.ROUTE_TITLES[step])
    return f"{texts.ROUTE_TITLES[route]}: dan " + ", anders ".join(names) + "."


def build_page(catalogue: Catalogue | None = None) -> Page:
    """The page as a document model (rendered by :func:`explain`)."""
    where = f" in {catalogue.name}" if catalogue else ""
    page = Page(PAGE_TITLE + where)
    page.h(1, page.title)
    if catalogue is not None and catalogue.fictional:
        page.p("Let op: " + (catalogue.notice or "dit is een voorbeeld met verzonnen gegevens."),
               notice=True)
    page.p(
        "De relatie-assistent is een chatbot: een computerprogramma, geen mens. Hij stelt je een "
        "paar korte vragen over je relatie en je situatie. Daarna raadt hij je één route aan: "
        "waar je terecht kunt en hoe je je aanmeldt. Hij legt ook uit waarom."
    )
    page.p(
        "De assistent beslist niets over jou. Je kiest zelf of je de route volgt. En je kunt "
        "altijd met een mens praten, bijvoorbeeld met het wijkteam."
    )

    page.h(2, "Hoe de assistent kiest")
    page.ul([
        Item(("De route kiest de assistent met vaste regels. Dezelfde antwoorden geven altijd "
              "dezelfde route.",)),
        Item(("Om te begrijpen wat je in je eigen woorden typt, gebruikt de assistent ook een "
              "getraind taalmodel (DIET, uit Rasa). Het is vooraf getraind op voorbeeldzinnen die "
              "het team zelf schreef. Het leert niet van jouw gesprek en bewaart niets.",)),
        Item(("De regels staan hieronder in een vaste volgorde. De eerste regel die past, "
              "bepaalt de route.",)),
        Item(("Veiligheid gaat altijd voor. Daarom komen de vragen over veiligheid eerst. Is "
              "het niet veilig? Dan raadt de assistent geen cursus voor stellen of bemiddeling "
              "aan.",)),
        Item(("Je mag altijd ‘weet ik niet’ zeggen. Dan telt dat antwoord niet mee en kijkt de "
              "assistent naar de volgende regel. Alleen bij ‘wil je partner meedoen?’ telt ‘weet "
              "ik niet’ niet als nee.",)),
        Item(("Zeg je niets over je veiligheid? Dan kiest de assistent geen veiligheidsroute. "
              "Maar je krijgt wel altijd de nummers voor als je je niet veilig voelt.",)),
        Item(("De assistent vraagt alleen wat nodig is om een route te kiezen.",)),
    ])

    page.h(2, "Welke gegevens de assistent gebruikt")
    page.p(
        "Alleen je antwoorden in het gesprek. Je hoeft je naam niet te geven. De assistent "
        "bewaart geen namen, geen tekst die je zelf typt, geen contactgegevens en geen "
        "IP-adres. De gemeente telt alleen anoniem hoe vaak elke route gekozen wordt."
    )
    page.p("De vragen gaan over:")
    page.ul([Item((texts.FIELD_TOPICS[f],)) for f in texts.FIELD_TOPICS])

    page.h(2, "De regels")
    for rule in RULES:
        _rule_section(page, rule)

    page.h(2, "De routes")
    for route, title in texts.ROUTE_TITLES.items():
        page.h(3, title)
        page.p(texts.ROUTE_SUMMARIES[route])
        if catalogue is not None and route not in SAFETY_ROUTES:
            offer, is_fallback = catalogue.resolve_offer(route)
            if is_fallback:
                page.p(catalogue.fallback_note(route, offer))
            else:
                page.p(f"In {catalogue.name}: {offer.name}.")

    page.h(2, "Als een aanbod er niet is")
    page.p(
        "Heeft de gemeente een aanbod niet? Dan kiest de assistent het volgende aanbod in deze "
        "volgorde. De assistent zegt dat dan ook. Bij veiligheid en crisis verwijst de "
        "assistent altijd naar het wijkteam voor een warme overdracht."
    )
    page.ul([
        Item((_chain_text(r.value, catalogue.fallback_chain(r.value) if catalogue
                          else DEFAULT_FALLBACK[r.value], catalogue),))
        for r in OFFER_ROUTES
    ])

    _recognition_section(page)

    page.h(2, "Hulp bij onveiligheid en crisis")
    page.p(texts.SAFETY_NET)
    for contact in (*NATIONAL_CONTACTS, HUISARTS):
        page.h(3, contact.name)
        page.facts(_contact_parts(contact))

    if catalogue is not None:
        _local_sections(page, catalogue)

    page.h(2, "Over deze pagina")
    page.facts([
        ("Versie van de regels", (rules_fingerprint(),)),
        ("Waar de regels staan", ("routes/rules.py (de regels) en routes/catalogues/ (het "
                                  "aanbod per gemeente)",)),
        ("Menselijke controle", ("De assistent geeft alleen advies. Je kunt altijd met een "
                                 "medewerker van het wijkteam praten.",)),
    ])
    return page


def _recognition_section(page: Page) -> None:
    """ "Zo herkent de assistent onveiligheid": the kinds, example wordings and the two levels."""
    from signals.danger_lexicon import IDIOM_EXAMPLES, PUBLIC_EXAMPLES

    page.h(2, "Zo herkent de assistent onveiligheid")
    page.p(
        "In elk bericht, bij elke vraag, zoekt de assistent naar signalen van onveiligheid. Dat "
        "gebeurt op twee manieren: met een lijst van woorden en zinnen die het team heeft "
        "opgesteld (ook met tikfouten en Vlaamse woorden), en met het getrainde taalmodel voor "
        "zinnen die niet in de lijst staan."
    )
    page.ul([
        Item(("Een duidelijk signaal: je krijgt meteen de hulp die erbij hoort (112, Veilig Thuis "
              "of 113) en één vraag om het te bevestigen.",)),
        Item(("Een mogelijk signaal (iets wat je indirect zegt, of als het taalmodel twijfelt): "
              "de assistent stelt eerst één vraag over wat je schreef, met de nummers erbij. Pas "
              "een ‘ja’ leidt tot een veiligheidsroute.",)),
        Item(("Een ‘nee’ op de ene vraag maakt een ander signaal niet ongedaan. Zorgen over "
              "kinderen gaan pas weg met een antwoord over de kinderen.",)),
    ])
    for _, label, explicit, possible in PUBLIC_EXAMPLES:
        page.h(3, label)
        items = [Item((f"Duidelijk, bijvoorbeeld: ‘{text}’",)) for text in explicit]
        items += [Item((f"Mogelijk, bijvoorbeeld: ‘{text}’",)) for text in possible]
        page.ul(items)
    page.p(
        "Gewone uitdrukkingen tellen niet als signaal, bijvoorbeeld "
        + ", ".join(f"‘{text}’" for text in IDIOM_EXAMPLES)
        + ". De assistent kan zich vergissen. Daarom staan de nummers van Veilig Thuis en 112 "
        "altijd in het gesprek, en kun je altijd met een mens praten."
    )
    page.p(
        "De gemeente telt alleen anoniem welk soort signaal er was en of het duidelijk of "
        "mogelijk was; nooit wat je typte."
    )


def _local_sections(page: Page, catalogue: Catalogue) -> None:
    page.h(2, f"Het aanbod in {catalogue.name}")
    if not catalogue.offers:
        page.p("Er is nog geen eigen aanbod. Het wijkteam helpt je verder.")
    for offer in catalogue.offers:
        page.h(3, f"{offer.name} ({texts.ROUTE_TITLES[offer.route]})")
        page.facts(_offer_facts(offer))

    page.h(2, f"Praten met een mens: {catalogue.wijkteam.name}")
    page.facts(_contact_parts(catalogue.wijkteam))
    general = catalogue.general_contact
    page.p("Algemeen nummer van de gemeente: ", _tel(general.phone), " · ", _web(general.url))

    if catalogue.events:
        page.h(2, "Relatie-APK en Week van de Relatie")
        kinds = {"relatie_apk": "Relatie-APK", "week_van_de_relatie": "Week van de Relatie"}
        items = []
        for event in sorted(catalogue.events, key=lambda e: (e.date, e.title)):
            parts: list[Inline] = [
                f"{event.date.strftime('%d-%m-%Y')}"
                + (f", {event.time}" if event.time else "")
                + f": {event.title} ({kinds[event.kind]}), {event.place}."
            ]
            if event.description:
                parts.append(" " + event.description)
            if event.url:
                parts += [" ", _web(event.url)]
            items.append(Item(tuple(parts)))
        page.ul(items)


# --- rendering ------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def _md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_inline(parts: Parts) -> str:
    out = []
    for part in parts:
        if isinstance(part, Link):
            href = part.href.replace(" ", "%20").replace(")", "%29").replace("(", "%28")
            out.append(f"[{_md_escape(part.text)}]({href})")
        else:
            out.append(_md_escape(part))
    return "".join(out)


def _md_items(items: tuple[Item, ...], depth: int = 0) -> list[str]:
    lines = []
    for item in items:
        lines.append("  " * depth + "- " + _md_inline(item.parts))
        lines += _md_items(item.children, depth + 1)
    return lines


def render_md(page: Page) -> str:
    chunks: list[str] = []
    for block in page.blocks:
        if isinstance(block, Heading):
            chunks.append("#" * block.level + " " + _md_escape(block.text))
        elif isinstance(block, Para):
            text = _md_inline(block.parts)
            chunks.append("> " + text if block.notice else text)
        elif isinstance(block, Bullets):
            chunks.append("\n".join(_md_items(block.items)))
        else:
            chunks.append("\n".join(
                f"- **{_md_escape(label)}:** {_md_inline(value)}" for label, value in block.pairs
            ))
    return "\n\n".join(chunks) + "\n"


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _html_inline(parts: Parts) -> str:
    out = []
    for part in parts:
        if isinstance(part, Link):
            out.append(f'<a href="{_h(part.href)}">{_h(part.text)}</a>')
        else:
            out.append(_h(part))
    return "".join(out)


def _html_items(items: tuple[Item, ...], indent: str) -> str:
    lines = [f"{indent}<ul>"]
    for item in items:
        inner = _html_inline(item.parts)
        if item.children:
            inner += "\n" + _html_items(item.children, indent + "  ") + f"\n{indent}  "
        lines.append(f"{indent}  <li>{inner}</li>")
    lines.append(f"{indent}</ul>")
    return "\n".join(lines)


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.125rem;
line-height:1.6;color:#1a1a1a;background:#fff;margin:0}
main{max-width:46rem;margin:0 auto;padding:1rem 1.25rem 3rem}
h1,h2,h3{line-height:1.25}
a{color:#0b57a4;text-decoration:underline}
a:focus,a:hover{outline:3px solid #f5a623;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:.5rem}
.notice{border-left:6px solid #b35900;background:#fff4e5;padding:.75rem 1rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dt{font-weight:bold}
dd{margin:0}
@media (max-width:30rem){dl{grid-template-columns:1fr}}
""".strip()


def render_html(page: Page) -> str:
    body: list[str] = []
    for block in page.blocks:
        if isinstance(block, Heading):
            level = max(1, min(block.level, 6))
            body.append(f"<h{level}>{_h(block.text)}</h{level}>")
        elif isinstance(block, Para):
            attrs = ' class="notice" role="note"' if block.notice else ""
            body.append(f"<p{attrs}>{_html_inline(block.parts)}</p>")
        elif isinstance(block, Bullets):
            body.append(_html_items(block.items, ""))
        else:
            rows = "\n".join(
                f"  <dt>{_h(label)}</dt><dd>{_html_inline(value)}</dd>"
                for label, value in block.pairs
            )
            body.append(f"<dl>\n{rows}\n</dl>")
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_h(page.lang)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_h(page.title)}</title>\n"
        f"<style>\n{_CSS}\n</style>\n"
        "</head>\n"
        "<body>\n"
        '<a class="skip" href="#inhoud">Naar de inhoud</a>\n'
        '<main id="inhoud">\n'
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )


def explain(catalogue: Catalogue | None = None, fmt: str = "md") -> str:
    """The public page "Zo kiest de assistent een route", as Markdown or standalone HTML.

    Without a catalogue the page has the rules and the default fallback order only; with one
    it also lists that gemeente's offers, wijkteam and events.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    page = build_page(catalogue)
    return render_md(page) if fmt == "md" else render_html(page)
