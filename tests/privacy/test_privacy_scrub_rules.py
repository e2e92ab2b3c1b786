"""The rule-based scrubber on realistic Dutch input: what goes, what stays."""

from __future__ import annotations

import pytest

from privacy import placeholders as ph
from privacy import scrub, scrub_value
from privacy.scrubber import Scrubber
from privacy.validators import passes_elfproef

# A scrubber without NER, so these tests check the rules whatever is installed.
RULES_ONLY = Scrubber(entity_scrubber=None)


def rules(text: str) -> str:
    return RULES_ONLY.scrub(text)


@pytest.mark.parametrize(
    ("text", "secret", "placeholder"),
    [
        # phone numbers: mobile, landline, international, all common notations
        ("bel me op 06-12345678 na zessen", "12345678", ph.PHONE),
        ("mijn nummer is 06 12345678", "12345678", ph.PHONE),
        ("06 1234 5678 is mijn nummer", "1234 5678", ph.PHONE),
        ("app naar 06-12 34 56 78", "12 34 56 78", ph.PHONE),
        ("0612345678", "0612345678", ph.PHONE),
        ("06 - 123 456 78", "456 78", ph.PHONE),
        ("+31 6 12345678", "12345678", ph.PHONE),
        ("+31 (0)6 12345678", "12345678", ph.PHONE),
        ("+31(0)612345678", "612345678", ph.PHONE),
        ("+316-12345678", "12345678", ph.PHONE),
        ("0031 6 12345678", "12345678", ph.PHONE),
        ("thuis 020-1234567", "1234567", ph.PHONE),
        ("werk: 010 123 4567", "123 4567", ph.PHONE),
        ("(020) 123 45 67", "123 45 67", ph.PHONE),
        ("0591-123456 (Emmen)", "123456", ph.PHONE),
        ("+31 20 123 4567", "123 4567", ph.PHONE),
        ("mijn moeder in België: +32 470 12 34 56", "470 12 34 56", ph.PHONE),
        ("bel 0049 30 1234567", "1234567", ph.PHONE),
        # e-mail
        ("mail naar piet.jansen@gmail.com", "piet.jansen", ph.EMAIL),
        ("sanne_de-vries+hulp@hotmail.nl graag", "sanne_de-vries", ph.EMAIL),
        ("piet(at)ziggo.nl", "piet", ph.EMAIL),
        ("PIET@KPNMAIL.NL", "PIET", ph.EMAIL),
        # postcode, with or without house number
        ("we wonen op 1234 AB 12", "1234 AB", ph.POSTCODE),
        ("8011AB Zwolle", "8011AB", ph.POSTCODE),
        ("postcode 8011 ab, huisnummer 3", "8011 ab", ph.POSTCODE),
        ("1234ab", "1234ab", ph.POSTCODE),
        ("adres: 5611 AZ 1-3", "5611 AZ", ph.POSTCODE),
        # street addresses
        ("ik woon op de Kerkstraat 12a", "Kerkstraat 12a", ph.ADDRESS),
        ("Van Goghstraat 5 in Eindhoven", "Goghstraat 5", ph.ADDRESS),
        ("Hoofdweg 120-2", "Hoofdweg 120", ph.ADDRESS),
        # BSN: nine digits, with and without elfproef, in the usual groupings
        ("mijn BSN is 123456782", "123456782", ph.BSN),
        ("bsn 123.456.782", "123.456.782", ph.BSN),
        ("1234 56 782", "1234 56 782", ph.BSN),
        ("nummer 123456789 staat op de brief", "123456789", ph.NUMBER),
        # IBAN, Dutch and foreign, grouped and not
        ("NL91 ABNA 0417 1643 00", "0417 1643", ph.IBAN),
        ("nl91abna0417164300", "0417164300", ph.IBAN),
        ("rekening NL91ABNA0417164300.", "0417164300", ph.IBAN),
        ("DE89 3704 0044 0532 0130 00", "3704 0044", ph.IBAN),
        ("BE68 5390 0754 7034", "5390 0754", ph.IBAN),
        # dates
        ("geboren op 12-03-1985", "12-03-1985", ph.DATE),
        ("12/3/85", "12/3/85", ph.DATE),
        ("12.03.1985", "12.03.1985", ph.DATE),
        ("1985-03-12", "1985-03-12", ph.DATE),
        ("12 maart 1985", "maart 1985", ph.DATE),
        ("op 3 mrt jarig", "3 mrt", ph.DATE),
        ("1 januari", "1 januari", ph.DATE),
        ("21e februari '85", "februari", ph.DATE),
        # links
        ("kijk op https://www.facebook.com/sanne.devries", "sanne.devries", ph.URL),
        ("www.instagram.com/pietjansen85", "pietjansen85", ph.URL),
        ("mijn site pietjansen.nl", "pietjansen", ph.URL),
        ("http://84.123.45.67/foto.jpg", "84.123.45.67", ph.URL),
        # IP addresses that can point to a resident
        ("ingelogd vanaf 84.123.45.67", "84.123.45.67", ph.IP),
        ("2a02:a45f:1234:5678::1 was het adres", "2a02:a45f", ph.IP),
        # long numbers, card numbers
        ("klantnummer 12345678901", "12345678901", ph.NUMBER),
        ("pas 1234 5678 9012 3456", "9012 3456", ph.NUMBER),
    ],
)
def test_personal_data_is_replaced_by_its_typed_placeholder(
    text: str, secret: str, placeholder: str
) -> None:
    out = rules(text)
    assert secret not in out
    assert placeholder in out


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ik ben Sanne en ik heb een vraag", "Sanne"),
        ("Ik ben Anna, 34 jaar", "Anna"),
        ("ik heet Mohammed", "Mohammed"),
        ("ik heet sanne", "sanne"),
        ("Hoi, mijn naam is Fatima el Amrani", "Amrani"),
        ("mijn naam is Jan-Willem van den Berg.", "Jan-Willem"),
        ("mijn man heet Piet de Vries", "Vries"),
        ("mijn vrouw heet Ingrid", "Ingrid"),
        ("mijn partner heet Robin", "Robin"),
        ("mijn ex heet Mark en hij belt steeds", "Mark"),
        ("mijn ex-man heet Dennis", "Dennis"),
        ("mijn vriend heet Kevin", "Kevin"),
        ("mijn vriendin heet Lotte", "Lotte"),
        ("mijn dochter van 5 heet Lisa", "Lisa"),
        ("mijn zoon heet Daan", "Daan"),
        ("mijn ex, de vader van mijn kinderen, heet Mark", "Mark"),
        ("mijn man heet ook Piet", "Piet"),
        ("hij heet Youssef", "Youssef"),
        ("de kinderen heten Tim en Sara", "Sara"),
        ("mijn man Piet slaat me", "Piet"),
        ("ik ben J. de Vries", "Vries"),
        ("Ik ben Zoë", "Zoë"),
        ("Groetjes, Anneke", "Anneke"),
    ],
)
def test_names_after_introduction_cues_are_replaced(text: str, name: str) -> None:
    out = rules(text)
    assert name not in out
    assert ph.NAME in out


@pytest.mark.parametrize(
    "text",
    [
        "Bel Veilig Thuis: 0800-2000, gratis en anoniem.",
        "Bij acuut gevaar bel je 112.",
        "Denk je aan zelfdoding? Bel 113 of 0800-0113.",
        "Chat met 113 Zelfmoordpreventie via 113.nl",
        "08002000",
        "Houd me Vast is een cursus voor stellen.",
        "Hou me vast",
        "Doe de Relatie-APK!",
        "In de Week van de Relatie zijn er avonden.",
        "Samen Sterker helpt koppels.",
        "Je kunt bellen met het wijkteam Zwolle.",
        "Het wijkteam Zwolle is open van 9 tot 17 uur.",
        "CJG Eindhoven",
        "onze kinderen van 5 en 8 merken het",
        "ik geef onze relatie een 6",
        "een 4, eerlijk gezegd",
        "vorig jaar ging het nog goed",
        "in 2023 is hij vertrokken",
        "sinds 2019 samen, 2 kinderen",
        "ik ben bang",
        "ik ben moe",
        "ik ben 34",
        "ik ben het zat",
        "IK BEN BANG",
        "ik ben bang voor hem",
        "hoe heet dat ook alweer",
        "ik wil een mens spreken",
        "weet ik niet",
        "Rasa 3.6.21 draait op http://localhost:5005",
        "Starting Rasa server on http://0.0.0.0:5005",
        "confidence 0.123456789",
        "we zijn 12 jaar getrouwd en hebben 3 kinderen van 2, 7 en 11",
        "om 20:30 uur",
        "het kost € 250 per stel",
    ],
)
def test_services_numbers_ages_and_everyday_words_stay(text: str) -> None:
    assert rules(text) == text


def test_a_realistic_message_keeps_its_meaning_and_loses_the_person() -> None:
    text = (
        "Hoi, ik ben Sanne (34). Mijn man heet Mark en hij controleert mijn telefoon. "
        "We wonen op de Dorpsstraat 4, 8011 AB Zwolle. Bel me op 06-12345678 of mail "
        "sanne.devries@gmail.com. Onze kinderen van 5 en 8 zijn bang. Ik geef het een 3. "
        "Moet ik Veilig Thuis bellen (0800-2000)?"
    )
    out = rules(text)
    for secret in ("Sanne", "Mark", "Dorpsstraat 4", "8011 AB", "12345678", "sanne.devries"):
        assert secret not in out
    for kept in ("controleert mijn telefoon", "kinderen van 5 en 8", "een 3", "Veilig Thuis",
                 "0800-2000", "(34)", "Zwolle"):
        assert kept in out


def test_scrubbing_twice_changes_nothing() -> None:
    text = (
        "ik heet Piet, 06-12345678, piet@x.nl, 1234 AB 5, NL91ABNA0417164300, 12-03-1985, "
        "https://x.nl/piet, BSN 123456782, mijn ex heet Mark"
    )
    once = rules(text)
    assert rules(once) == once


def test_extra_protected_terms_from_a_catalogue_stay() -> None:
    scrubber = Scrubber(extra_protected=["Stichting Kompaan"], entity_scrubber=None)
    assert scrubber.scrub("ik ben Stichting Kompaan aan het bellen") == (
        "ik ben Stichting Kompaan aan het bellen"
    )
    assert RULES_ONLY.scrub("ik ben Stichting Kompaan aan het bellen") != (
        "ik ben Stichting Kompaan aan het bellen"
    )


def test_scrub_value_scrubs_nested_strings_and_keeps_other_types() -> None:
    row = {
        "route": "veiligheid",
        "score": 4,
        "free_text": ["bel 06-12345678", ("ik heet Piet",)],
        "meta": {"email": "piet@x.nl", "ok": True, "none": None},
    }
    out = scrub_value(row)
    assert out["route"] == "veiligheid"
    assert out["score"] == 4
    assert out["free_text"][0] == f"bel {ph.PHONE}"
    assert out["free_text"][1] == (f"ik heet {ph.NAME}",)
    assert out["meta"] == {"email": ph.EMAIL, "ok": True, "none": None}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (b"bel 06-12345678", f"bel {ph.PHONE}"),
        (612345678, ph.NUMBER),
        (b"\xff\xfe ongeldig", "\ufffd\ufffd ongeldig"),
    ],
)
def test_non_string_input_is_converted_not_rejected(value: object, expected: str) -> None:
    assert scrub(value) == expected


def test_private_use_characters_in_input_cannot_smuggle_text_past_the_mask() -> None:
    # The mask uses private-use characters; input that contains them must not be able to
    # address a protected span or survive unscrubbed.
    out = rules("\ue000\ue100\ue001 bel 06-12345678")
    assert "12345678" not in out
    assert "\ue000" not in out


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("123456782", True),
        ("111222333", True),
        ("123456789", False),
        ("000000000", False),
        ("12345678", False),
        ("1234567", False),
        ("１２３４５６７８２", True),  # full-width digits
    ],
)
def test_elfproef(number: str, valid: bool) -> None:
    assert passes_elfproef(number) is valid
