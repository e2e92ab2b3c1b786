"""Properties of the scrubber on generated input (hypothesis)."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privacy import placeholders as ph
from privacy import scrub
from privacy.scrubber import Scrubber
from privacy.validators import digits_of

RULES_ONLY = Scrubber(entity_scrubber=None)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Any code point, including lone surrogates and the private-use block the mask uses.
any_text = st.text(
    alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=()),
    max_size=400,
)

# Fragments that stress the rules: digits with separators, cues, service names, placeholders.
FRAGMENTS = [
    "0", "06", "6", "+31", "0031", "(0)", "-", " ", ".", "/", "@", "ik ben ", "ik heet ",
    "mijn man heet ", "heten ", "Piet", "de", "Vries", "Veilig Thuis", "0800-2000", "113",
    "1234 AB", "NL91", "ABNA", "12 maart", "1985", "http://", "www.", ".nl", "[naam]",
    "\ue000", "\ue100", "\ue001", "Kerkstraat ", "12", "345", "6789", "\n", "é", "IK BEN ",
]
fragment_text = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)

noise_letters = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,.!?:;()'\"-\n", max_size=40)


@SETTINGS
@given(any_text)
def test_scrub_never_raises_and_returns_text(text: str) -> None:
    out = scrub(text)
    assert isinstance(out, str)


@SETTINGS
@given(fragment_text)
def test_scrub_never_raises_on_adversarial_fragments(text: str) -> None:
    assert isinstance(RULES_ONLY.scrub(text), str)


@SETTINGS
@given(
    st.one_of(st.none(), st.integers(), st.floats(), st.binary(max_size=200),
              st.lists(st.text(max_size=20), max_size=5))
)
def test_scrub_accepts_any_value(value: object) -> None:
    assert isinstance(scrub(value), str)


@SETTINGS
@given(fragment_text)
def test_scrubbing_is_idempotent(text: str) -> None:
    once = RULES_ONLY.scrub(text)
    assert RULES_ONLY.scrub(once) == once


@st.composite
def dutch_mobile(draw: st.DrawFn) -> tuple[str, str]:
    """A mobile number in one of the notations people type, and its 8 subscriber digits."""
    subscriber = draw(st.text(alphabet="0123456789", min_size=8, max_size=8))
    prefix = draw(st.sampled_from(["06", "06-", "06 ", "06 - ", "+31 6 ", "+316", "+31 (0)6 ",
                                   "0031 6 ", "+31 6-"]))
    grouping = draw(st.sampled_from(["8", "4 4", "2 2 2 2", "3 3 2", "2-2-2-2"]))
    parts, index = [], 0
    for token in re.split(r"([ -])", grouping):
        if token in (" ", "-"):
            parts.append(token)
        else:
            size = int(token)
            parts.append(subscriber[index:index + size])
            index += size
    return prefix + "".join(parts), subscriber


@SETTINGS
@given(noise_letters, dutch_mobile(), noise_letters)
def test_a_mobile_number_never_survives_in_any_notation(
    before: str, phone: tuple[str, str], after: str
) -> None:
    number, subscriber = phone
    out = RULES_ONLY.scrub(f"{before} {number} {after}")
    assert subscriber not in digits_of(out)


@SETTINGS
@given(
    noise_letters,
    st.from_regex(r"[a-z][a-z0-9._-]{0,15}@[a-z][a-z0-9-]{1,10}\.(nl|com|org|be)", fullmatch=True),
    noise_letters,
)
def test_an_email_address_never_survives(before: str, email: str, after: str) -> None:
    out = RULES_ONLY.scrub(f"{before} {email} {after}")
    assert "@" not in out
    assert ph.EMAIL in out


@SETTINGS
@given(
    st.sampled_from(["ik heet", "mijn naam is", "mijn man heet", "mijn ex heet", "ik ben",
                     "mijn dochter heet", "mijn vriendin heet", "hij heet"]),
    st.from_regex(r"[A-Z][a-z]{3,10}", fullmatch=True),
    st.sampled_from([".", ",", " en ik ben bang.", "!", " en hij drinkt."]),
)
def test_a_capitalised_name_after_a_cue_never_survives(cue: str, name: str, tail: str) -> None:
    out = RULES_ONLY.scrub(f"Hallo, {cue} {name}{tail}")
    assert not re.search(rf"\b{name}\b", out)


SAFE_PHRASES = [
    "ik ben bang", "ik ben moe", "ik ben 34", "ik ben het zat", "Veilig Thuis", "0800-2000",
    "0800-0113", "112", "113", "Houd me Vast", "Relatie-APK", "Week van de Relatie",
    "Samen Sterker", "kinderen van 5 en 8", "een 6", "vorig jaar", "2023", "wijkteam Zwolle",
    "weet ik niet", "ik wil een mens spreken", "we hebben 2 kinderen", "sinds 2019",
]


@SETTINGS
@given(st.lists(st.sampled_from(SAFE_PHRASES), min_size=1, max_size=8),
       st.sampled_from([", ", ". ", " en ", " of ", "\n"]))
def test_safe_phrases_stay_in_any_combination(phrases: list[str], joiner: str) -> None:
    # Not joined by a bare space: "112 112 112" *is* a nine-digit number in 3-3-3 grouping,
    # and the brief says to err on the side of scrubbing those.
    text = joiner.join(phrases)
    assert RULES_ONLY.scrub(text) == text


def test_huge_input_is_scrubbed_completely() -> None:
    # 10 000+ characters of realistic text: every occurrence is found, nothing is truncated.
    block = (
        "Mijn man heet Piet en hij belt me steeds op 06-12345678. Mail: piet@example.nl. "
        "We wonen op 1234 AB 5. Ik ben bang. Veilig Thuis zei: bel 0800-2000. "
    )
    text = block * 150
    assert len(text) > 20_000
    out = RULES_ONLY.scrub(text)
    assert "Piet" not in out
    assert "12345678" not in out
    assert "@" not in out
    assert out.count(ph.PHONE) == 150
    assert out.count("0800-2000") == 150
    assert out.count("Ik ben bang.") == 150


def test_huge_adversarial_input_still_returns_scrubbed_text() -> None:
    # Inputs that make naive patterns backtrack (long runs of digits and separators, repeated
    # cues) must come back as text; the benchmark in bench_scrub.py tracks their speed.
    for fragment in ("0-", "0612345", "mijn man ", "ik heet ", "a.", "@", "+3", "Tim en "):
        text = fragment * (12_000 // len(fragment))
        assert isinstance(RULES_ONLY.scrub(text), str)
    assert RULES_ONLY.scrub("0612345" * 2_000) == ph.NUMBER
