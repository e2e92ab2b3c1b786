"""Catalogue files: the shipped ones are valid, and every kind of mistake is refused clearly."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
import yaml

from routes import (
    DEFAULT_GEMEENTE,
    Catalogue,
    CatalogueError,
    Contact,
    Event,
    Offer,
    load_catalogue,
    load_catalogues,
)
from routes.catalogue import CATALOGUE_DIR, Problem, parse_catalogue

# Real sites that the seeds name; every other address in the shipped files must be fictional.
REAL_PROGRAMME_HOSTS = {"houdmevastonline.nl", "www.eft.nl"}
FICTIONAL_PHONE = re.compile(r"^0\d{2,3}-000 \d\d \d\d$")


def write(tmp_path: Path, data: Any, name: str = "testdorp.yml") -> Path:
    path = tmp_path / name
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True,
                                                             sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(tmp_path: Path, data: Any, name: str = "testdorp.yml") -> list[Problem]:
    path = write(tmp_path, data, name)
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    for problem in caught.value.problems:
        assert problem.file == str(path)
    assert str(caught.value) == "\n".join(str(p) for p in caught.value.problems)
    return caught.value.problems


def only(problems: list[Problem]) -> tuple[str, str]:
    assert len(problems) == 1, problems
    return problems[0].path, problems[0].message


# --- the shipped catalogues ------------------------------------------------------------------


def test_shipped_catalogues_load(shipped):
    assert set(shipped) == {"voorbeeld", "zwolle", "eindhoven"}
    assert DEFAULT_GEMEENTE == "voorbeeld"
    assert shipped["voorbeeld"].name == "Gemeente Voorbeeldstad"
    assert all(isinstance(c, Catalogue) for c in shipped.values())


def test_default_directory_is_routes_catalogues():
    assert Path(__file__).resolve().parents[2] / "routes" / "catalogues" == CATALOGUE_DIR
    assert set(load_catalogues(CATALOGUE_DIR)) == set(load_catalogues())


@pytest.mark.parametrize(
    ("gemeente", "has", "lacks"),
    [
        ("voorbeeld", {"rst", "online", "relatie_apk"}, {"partnerprogramma"}),
        ("zwolle", {"rst", "relatie_apk"}, {"partnerprogramma", "online"}),
        ("eindhoven", {"online", "partnerprogramma"}, {"rst", "relatie_apk"}),
    ],
)
def test_shipped_catalogues_offer_what_the_brief_says(gemeente, has, lacks, shipped):
    catalogue = shipped[gemeente]
    assert {o.route for o in catalogue.offers} == has
    assert all(catalogue.offer_for(r) is None for r in lacks)


def test_eindhoven_has_houd_me_vast_online_and_in_a_group(shipped):
    offers = {o.route: o for o in shipped["eindhoven"].offers}
    assert "Houd me Vast" in offers["online"].name
    assert "Houd me Vast" in offers["partnerprogramma"].name
    assert offers["online"].signup.url == "https://houdmevastonline.nl"
    assert offers["partnerprogramma"].info_url == "https://www.eft.nl/houd-me-vast"


def test_zwolle_has_an_rst(shipped):
    assert shipped["zwolle"].offer_for("rst").name == "Relatie- en Scheidingsteam Zwolle"


def _strings(node: Any, path: str = "") -> list[tuple[str, str]]:
    if isinstance(node, dict):
        return [item for k, v in node.items() for item in _strings(v, f"{path}.{k}")]
    if isinstance(node, list):
        return [item for i, v in enumerate(node) for item in _strings(v, f"{path}[{i}]")]
    return [(path, node)] if isinstance(node, str) else []


@pytest.mark.parametrize("gemeente", ["voorbeeld", "zwolle", "eindhoven"])
def test_made_up_contact_details_are_obviously_fictional(gemeente):
    data = yaml.safe_load((CATALOGUE_DIR / f"{gemeente}.yml").read_text(encoding="utf-8"))
    assert data["fictional"] is True
    assert "verzonnen" in data["notice"]
    checked = 0
    for path, value in _strings(data):
        key = path.rsplit(".", 1)[-1]
        if key in ("phone", "phone_alt"):
            assert FICTIONAL_PHONE.match(value), (path, value)
            checked += 1
        elif key == "email":
            assert value.endswith(".example"), (path, value)
            checked += 1
        elif key in ("url", "info_url", "chat_url"):
            host = urlparse(value).hostname
            assert host.endswith(".example") or host in REAL_PROGRAMME_HOSTS, (path, value)
            checked += 1
    assert checked >= 6


@pytest.mark.parametrize("gemeente", ["voorbeeld", "zwolle", "eindhoven"])
def test_every_shipped_offer_is_complete(gemeente, shipped):
    catalogue = shipped[gemeente]
    team = catalogue.wijkteam
    assert team.phone and team.hours and team.outside_hours
    assert catalogue.events
    for offer in catalogue.offers:
        assert isinstance(offer, Offer)
        assert offer.signup.url or offer.signup.phone or offer.signup.email
        assert offer.languages and offer.cost and offer.waiting_time and offer.opening_hours
    for event in catalogue.events:
        assert isinstance(event, Event)
        assert event.kind in ("relatie_apk", "week_van_de_relatie")


def test_models_are_exported():
    assert issubclass(Contact, object) and Offer.__fields__["route"]


# --- every kind of mistake --------------------------------------------------------------------


def test_valid_base_data_loads(tmp_path, base_data):
    catalogue = load_catalogue(write(tmp_path, base_data))
    assert catalogue.id == "testdorp" and len(catalogue.offers) == 4


def test_unknown_offer_id(tmp_path, base_data):
    base_data["events"][0]["offer"] = "apk_elders"
    path, message = only(problems_of(tmp_path, base_data))
    assert path == "events[0].offer"
    assert "onbekend aanbod-id 'apk_elders'" in message
    assert "apk_testdorp" in message  # names the ids that do exist


def test_missing_phone(tmp_path, base_data):
    del base_data["wijkteam"]["phone"]
    assert only(problems_of(tmp_path, base_data)) == (
        "wijkteam.phone", "ontbreekt (dit veld is verplicht)"
    )


def test_missing_outside_hours(tmp_path, base_data):
    del base_data["wijkteam"]["outside_hours"]
    assert only(problems_of(tmp_path, base_data))[0] == "wijkteam.outside_hours"


def test_no_way_to_sign_up(tmp_path, base_data):
    base_data["offers"][2]["signup"] = {}
    path, message = only(problems_of(tmp_path, base_data))
    assert path == "offers[2].signup"
    assert "minstens één manier om je aan te melden" in message


@pytest.mark.parametrize("url", ["www.testdorp.nl", "ftp://testdorp.example", "https://",
                                 "https://testdorp", "javascript:alert(1)",
                                 "https://test dorp.example"])
def test_bad_url(tmp_path, base_data, url):
    base_data["offers"][2]["signup"]["url"] = url
    path, message = only(problems_of(tmp_path, base_data))
    assert path == "offers[2].signup.url"
    assert message.startswith(f"geen geldig webadres: {url!r}")


@pytest.mark.parametrize("phone", ["bel ons", "12", "038-000 00 01 of 038-000 00 02", "+"])
def test_bad_phone(tmp_path, base_data, phone):
    base_data["general_contact"]["phone"] = phone
    path, message = only(problems_of(tmp_path, base_data))
    assert path == "general_contact.phone"
    assert message.startswith("geen geldig telefoonnummer")


def test_bad_email(tmp_path, base_data):
    base_data["wijkteam"]["email"] = "wijkteam.testdorp.example"
    assert only(problems_of(tmp_path, base_data)) == (
        "wijkteam.email", "geen geldig e-mailadres: 'wijkteam.testdorp.example'"
    )


def test_fallback_pointing_to_a_missing_offer(tmp_path, base_data):
    base_data["offers"] = [o for o in base_data["offers"] if o["route"] != "online"]
    base_data["fallback"] = {"partnerprogramma": ["online", "wijkteam"]}
    path, message = only(problems_of(tmp_path, base_data))
    assert path == "fallback.partnerprogramma[0]"
    assert message == "verwijst naar 'online', maar er is geen aanbod met route 'online'"


def test_fallback_pointing_to_an_unknown_route(tmp_path, base_data):
    base_data["fallback"] = {"rst": ["mediation", "wijkteam"]}
    path, message = only(problems_of(tmp_path, base_data))
    assert path == "fallback.rst[0]"
    assert message.startswith("onbekende route 'mediation'; kies uit rst, partnerprogramma")


def test_fallback_for_an_unknown_route(tmp_path, base_data):
    base_data["fallback"] = {"mediation": ["wijkteam"]}
    path, message = only(problems_of(tmp_path, base_data))
    assert path == "fallback (sleutel)"
    assert message.startswith("onbekende waarde 'mediation'; kies uit 'rst'")


def test_fallback_must_end_with_the_wijkteam(tmp_path, base_data):
    base_data["fallback"] = {"rst": ["online"]}
    assert only(problems_of(tmp_path, base_data)) == (
        "fallback.rst",
        "de lijst moet eindigen met 'wijkteam', zodat er altijd iemand is om naar te verwijzen",
    )


def test_fallback_to_itself_and_twice(tmp_path, base_data):
    base_data["fallback"] = {"online": ["online", "partnerprogramma", "partnerprogramma",
                                        "wijkteam"]}
    problems = problems_of(tmp_path, base_data)
    assert [(p.path, p.message) for p in problems] == [
        ("fallback.online[0]", "'online' verwijst naar zichzelf"),
        ("fallback.online[2]", "'partnerprogramma' staat twee keer in de lijst"),
    ]


def test_duplicate_offer_ids(tmp_path, base_data):
    base_data["offers"][3]["id"] = "rst_testdorp"
    base_data["events"] = []
    assert only(problems_of(tmp_path, base_data)) == (
        "offers[3].id", "dubbele id 'rst_testdorp': staat ook bij offers[0]"
    )


def test_wijkteam_is_a_reserved_offer_id_and_route(tmp_path, base_data):
    base_data["offers"][0]["id"] = "wijkteam"
    base_data["offers"][1]["route"] = "wijkteam"
    problems = problems_of(tmp_path, base_data)
    assert [p.path for p in problems] == ["offers[0].id", "offers[1].route"]
    assert "gereserveerd" in problems[0].message


def test_duplicate_yaml_key(tmp_path, base_data):
    text = yaml.safe_dump(base_data, allow_unicode=True, sort_keys=False)
    text = text.replace("name: Gemeente Testdorp\n",
                        "name: Gemeente Testdorp\nname: Gemeente Anders\n", 1)
    path, message = only(problems_of(tmp_path, text))
    assert path == "regel 3"
    assert "'name' staat twee keer" in message


def test_duplicate_gemeente_ids_across_files(tmp_path, base_data):
    write(tmp_path, base_data, "testdorp.yml")
    write(tmp_path, base_data, "testdorp.yaml")
    with pytest.raises(CatalogueError) as caught:
        load_catalogues(tmp_path)
    path, message = only(caught.value.problems)
    assert (path, message) == ("id", "dubbele gemeente-id 'testdorp'")


@pytest.mark.parametrize(
    ("change", "path", "fragment"),
    [
        (lambda d: d["general_contact"].update(phone=990000000), "general_contact.phone",
         "moet tekst zijn, niet 990000000 (zet er aanhalingstekens omheen)"),
        (lambda d: d.update(fictional="ja"), "fictional", "moet true of false zijn"),
        (lambda d: d["offers"][0].update(languages="Nederlands"), "offers[0].languages",
         "moet een lijst zijn, niet 'Nederlands'"),
        (lambda d: d["offers"][0].update(cost=0), "offers[0].cost", "moet tekst zijn, niet 0"),
        (lambda d: d.update(offers={"id": "x"}), "offers", "moet een lijst zijn"),
        (lambda d: d.update(wijkteam="bel ons"), "wijkteam", "moet een blok met velden zijn"),
        (lambda d: d["events"][0].update(date=20260312), "events[0].date",
         "geen geldige datum: 20260312"),
        (lambda d: d["events"][0].update(date="12 maart"), "events[0].date",
         "geen geldige datum"),
        (lambda d: d["events"][0].update(kind="feest"), "events[0].kind",
         "onbekende waarde 'feest'; kies uit 'relatie_apk', 'week_van_de_relatie'"),
        (lambda d: d["offers"][0].update(route="mediation"), "offers[0].route",
         "onbekende waarde 'mediation'"),
        (lambda d: d["offers"][0].update(languages=[]), "offers[0].languages",
         "noem minstens één taal"),
        (lambda d: d["offers"][0].update(name="   "), "offers[0].name", "mag niet leeg zijn"),
        (lambda d: d["offers"][0].update(id="RST Testdorp"), "offers[0].id", "ongeldige id"),
        (lambda d: d["offers"][0].update(description="x" * 201), "offers[0].description",
         "is te lang (201 tekens)"),
        (lambda d: d["offers"][0].update(description="regel 1\nregel 2"),
         "offers[0].description", "moet één regel zijn"),
    ],
)
def test_wrong_types_and_values(tmp_path, base_data, change, path, fragment):
    change(base_data)
    got_path, message = only(problems_of(tmp_path, base_data))
    assert got_path == path
    assert fragment in message


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d.update(kleur="blauw"), "kleur"),
        (lambda d: d["wijkteam"].update(fax="099-000 00 09"), "wijkteam.fax"),
        (lambda d: d["offers"][1].update(prijs="gratis"), "offers[1].prijs"),
        (lambda d: d["offers"][1]["signup"].update(whatsapp="06"), "offers[1].signup.whatsapp"),
    ],
)
def test_unknown_keys(tmp_path, base_data, change, path):
    change(base_data)
    assert only(problems_of(tmp_path, base_data)) == (
        path, "onbekend veld (tikfout? dit veld bestaat niet)"
    )


def test_fictional_needs_a_notice(tmp_path, base_data):
    del base_data["notice"]
    assert only(problems_of(tmp_path, base_data))[0] == "notice"


def test_file_name_must_match_the_id(tmp_path, base_data):
    path, message = only(problems_of(tmp_path, base_data, name="anders.yml"))
    assert path == "id" and "testdorp.yml" in message


def test_invalid_yaml(tmp_path):
    path, message = only(problems_of(tmp_path, "id: testdorp\nname: [niet afgesloten\n"))
    assert path.startswith("regel ")
    assert message.startswith("geen geldige YAML")


@pytest.mark.parametrize("text", ["- id: testdorp\n", "", "gewoon tekst\n"])
def test_not_a_mapping(tmp_path, text):
    assert only(problems_of(tmp_path, text)) == (
        "(hele bestand)", "moet een blok met velden zijn (id, name, ...)"
    )


def test_many_problems_are_all_reported(tmp_path, base_data):
    base_data["wijkteam"]["phone"] = 12
    base_data["offers"][0]["signup"]["phone"] = "geen"
    del base_data["offers"][3]["cost"]
    base_data["extra"] = 1
    problems = problems_of(tmp_path, base_data)
    assert [p.path for p in problems] == [
        "wijkteam.phone", "offers[0].signup.phone", "offers[3].cost", "extra",
    ]


def test_load_catalogues_collects_problems_of_all_files(tmp_path, base_data):
    good = copy.deepcopy(base_data)
    write(tmp_path, good, "testdorp.yml")
    bad1 = copy.deepcopy(base_data)
    bad1["id"] = "kapot"
    del bad1["wijkteam"]["phone"]
    write(tmp_path, bad1, "kapot.yml")
    bad2 = copy.deepcopy(base_data)
    bad2["id"] = "stuk"
    bad2["general_contact"]["url"] = "geen-url"
    write(tmp_path, bad2, "stuk.yml")
    (tmp_path / "LEESMIJ.md").write_text("geen catalogus", encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_catalogues(tmp_path)
    got = [(Path(p.file).name, p.path) for p in caught.value.problems]
    assert got == [("kapot.yml", "wijkteam.phone"), ("stuk.yml", "general_contact.url")]
    lines = str(caught.value).splitlines()
    assert len(lines) == 2 and lines[0].endswith("kapot.yml: wijkteam.phone: ontbreekt "
                                                 "(dit veld is verplicht)")


def test_empty_or_missing_directory(tmp_path):
    with pytest.raises(CatalogueError, match="geen catalogusbestanden"):
        load_catalogues(tmp_path)
    with pytest.raises(CatalogueError, match="bestaat niet"):
        load_catalogues(tmp_path / "nergens")


def test_parse_catalogue_names_the_given_file(base_data):
    base_data["name"] = ""
    with pytest.raises(CatalogueError) as caught:
        parse_catalogue(base_data, "mijn.yml")
    assert str(caught.value) == "mijn.yml: name: mag niet leeg zijn"


def test_catalogue_is_read_only(full_catalogue):
    with pytest.raises(TypeError):
        full_catalogue.name = "Anders"


def test_default_fallback_is_filled_in(full_catalogue):
    assert full_catalogue.fallback == {
        "rst": ("wijkteam",),
        "partnerprogramma": ("online", "wijkteam"),
        "online": ("partnerprogramma", "wijkteam"),
        "relatie_apk": ("online", "wijkteam"),
    }
