"""Property tests for `signals`: never raises, deterministic, blind to case and accents."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from signals_danger_cases import BENIGN_CASES, DANGER_CASES

from signals import detect_danger, detect_dangers, extract_answers
from signals import fields as f

PHRASES = [text for text, _ in DANGER_CASES] + BENIGN_CASES
REQUESTED = st.one_of(st.none(), st.sampled_from(f.FIELDS), st.text(max_size=20))
# Latin letters that carry accents in Dutch, French-influenced and typo-ed text.
ACCENTS = {
    "a": "áàäâã",
    "e": "éèëê",
    "i": "íìïî",
    "o": "óòöôõ",
    "u": "úùüû",
    "c": "ç",
    "n": "ñ",
}
ANY_TEXT = st.text(max_size=400)
WORDY_TEXT = st.lists(
    st.sampled_from(
        [w for phrase in PHRASES for w in phrase.split()]
        + ["😀", "<br>", "!!!", "…", "6/10", "’", "-", "\n", "\t", "ÉÉN", "ß", "İ"]
    ),
    max_size=40,
).map(" ".join)

quick = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@quick
@given(text=st.one_of(ANY_TEXT, WORDY_TEXT))
def test_detect_danger_never_raises(text: str) -> None:
    signal = detect_danger(text)
    assert signal is None or signal.kind in {"acute", "self_harm", "children", "violence"}


@quick
@given(text=st.one_of(ANY_TEXT, WORDY_TEXT), requested=REQUESTED)
def test_extract_answers_never_raises(text: str, requested: str | None) -> None:
    answers = extract_answers(text, requested)
    assert isinstance(answers, dict)
    assert set(answers) <= set(f.FIELDS)


@settings(max_examples=5, deadline=None)
@given(unit=st.one_of(WORDY_TEXT.filter(bool), st.text(min_size=1, max_size=50)))
def test_huge_input_never_raises(unit: str) -> None:
    text = (unit + " ") * (10_000 // (len(unit) + 1) + 1)
    assert len(text) >= 10_000
    detect_danger(text)
    extract_answers(text, "violence")
    extract_answers(text)


@quick
@given(text=st.one_of(ANY_TEXT, WORDY_TEXT))
def test_detect_danger_is_deterministic(text: str) -> None:
    assert detect_danger(text) == detect_danger(text)
    assert detect_dangers(text) == detect_dangers(text)


@quick
@given(
    text=st.text(alphabet=string.ascii_letters + string.digits + " .,!?'-", max_size=200)
)
def test_detect_danger_ignores_case_on_any_ascii_text(text: str) -> None:
    expected = detect_danger(text)
    assert detect_danger(text.upper()) == expected
    assert detect_danger(text.lower()) == expected
    assert detect_danger(text.swapcase()) == expected


@st.composite
def case_and_accent_variants(draw: st.DrawFn) -> tuple[str, str]:
    """A known phrase, and the same phrase with random capitals and accents added."""
    phrase = draw(st.sampled_from(PHRASES))
    chars = []
    for ch in phrase:
        if ch.lower() in ACCENTS and draw(st.booleans()):
            ch = draw(st.sampled_from(ACCENTS[ch.lower()]))
        if draw(st.booleans()):
            ch = ch.upper()
        chars.append(ch)
    return phrase, "".join(chars)


@quick
@given(pair=case_and_accent_variants())
def test_detect_danger_ignores_case_and_accents(pair: tuple[str, str]) -> None:
    phrase, variant = pair
    assert detect_danger(variant) == detect_danger(phrase), variant


@quick
@given(pair=case_and_accent_variants(), requested=st.sampled_from([None, *f.FIELDS]))
def test_extract_answers_ignores_case_and_accents(
    pair: tuple[str, str], requested: str | None
) -> None:
    phrase, variant = pair
    assert extract_answers(variant, requested) == extract_answers(phrase, requested)


@quick
@given(
    phrase=st.sampled_from([text for text, _ in DANGER_CASES]),
    noise=st.lists(st.sampled_from([" ", "  ", "!", "?", "...", "\n", " 😢 ", "  😡"]), max_size=3),
)
def test_extra_spaces_punctuation_and_emoji_keep_the_signal(phrase: str, noise: list[str]) -> None:
    noisy = "".join(noise) + phrase.replace(" ", "  ") + "".join(noise)
    assert detect_danger(noisy) == detect_danger(phrase)
