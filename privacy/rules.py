"""Regular-expression rules for personal data in Dutch text (everything except names).

Each rule is a compiled pattern plus a replacement. The rules run in the order of ``RULES``:
links and e-mail first (they contain digits and dots that other rules would misread), then bank
accounts, dates, addresses, phone numbers and finally bare numbers. Names live in
:mod:`privacy.names`.

Design choices, for a reader who wonders why something is (not) scrubbed:

* Every pattern is linear-time: no nested unbounded repetition, separators between digits are
  bounded (``{0,3}``), so a 100 000-character input is scrubbed in one pass per rule.
* We err on the side of scrubbing. A nine-digit number is always removed: as ``[bsn]`` when it
  passes the elfproef, as ``[nummer]`` otherwise. Any run of seven or more digits is removed.
* What must stay readable: service numbers (112, 113, 0800-…, 0900-…), ages and school marks
  ("kinderen van 5 en 8", "een 6"), years ("2023"), version numbers ("3.6.21"), and
  infrastructure addresses (localhost, private IPs) in server logs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from privacy import placeholders as ph
from privacy.validators import digits_of, is_public_ip, passes_elfproef

Replacement = Callable[[re.Match[str]], str]

#: Domains of national services that may be mentioned freely (no personal data).
SAFE_DOMAINS: frozenset[str] = frozenset(
    {
        "113.nl",
        "veiligthuis.nl",
        "relatie-apk.com",
        "relatie-apk.nl",
        "weekvanderelatie.nl",
        "juridischloket.nl",
        "rijksoverheid.nl",
        "government.nl",
        "thuisarts.nl",
        "centrumseksueelgeweld.nl",
        "112.nl",
    }
)

_INFRA_HOSTS = frozenset({"localhost", "0.0.0.0", "127.0.0.1", "::1", "[::1]"})
_IP_LIKE = re.compile(r"[\d.]+|\[?[0-9a-f:]+\]?")


@dataclass(frozen=True)
class Rule:
    """One scrub rule: a pattern and what to put in place of each match."""

    name: str
    pattern: re.Pattern[str]
    replace: Replacement | str


# --- links ------------------------------------------------------------------------------------

_TRAILING_PUNCT = ".,;:!?)]}'\""


def _host_is_safe(host: str) -> bool:
    host = host.lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    if host in _INFRA_HOSTS or any(host == d or host.endswith("." + d) for d in SAFE_DOMAINS):
        return True
    if _IP_LIKE.fullmatch(host):
        return not is_public_ip(host.strip("[]"))
    return False


def _replace_url(match: re.Match[str]) -> str:
    url = match.group(0)
    trimmed = url.rstrip(_TRAILING_PUNCT)
    tail = url[len(trimmed):]
    candidate = trimmed if "://" in trimmed else "http://" + trimmed
    try:
        host = urlsplit(candidate).hostname or ""
    except ValueError:
        host = ""
    if host and _host_is_safe(host):
        return url
    return ph.URL + tail


_URL = re.compile(r"(?i)\b(?:https?://|ftp://|www\.)[^\s<>\"'\\\[\]]+")

_TLDS = r"nl|com|org|net|eu|be|de|info|frl|online|email|amsterdam"
_BARE_DOMAIN = re.compile(
    r"(?i)(?<![\w@./\-\[])"
    r"(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+"
    rf"(?:{_TLDS})(?![\w\-])"
    r"(?:/[^\s<>\"'\\\[\]]*)?"
)

# --- e-mail -----------------------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?i)(?<![\w.+\-%])[\w.+\-%]+[ \t]?(?:@|\(at\)|\[at\])[ \t]?[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,24}\b"
)

# --- bank accounts ----------------------------------------------------------------------------

# Dutch IBAN, any case, grouped or not: NL91 ABNA 0417 1643 00.
_IBAN_NL = re.compile(r"(?i)(?<![\w])NL[ \t]?\d{2}[ \t]?[A-Z]{4}(?:[ \t]?\d){10}(?!\d)")
# Other IBANs: country code, check digits, 11-30 characters, in capitals (as printed on cards).
_IBAN_OTHER = re.compile(
    r"(?<![\w])[A-Z]{2}\d{2}(?:[ \t]?[A-Z0-9]{4}){2,7}(?:[ \t]?[A-Z0-9]{1,3})?\b"
)

# --- IP addresses -----------------------------------------------------------------------------

_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_IPV4 = re.compile(rf"(?<![\d.]){_OCTET}(?:\.{_OCTET}){{3}}(?!\.?\d)")
_H = r"[0-9A-Fa-f]{1,4}"
_IPV6 = re.compile(
    rf"(?<![\w:])(?:(?:{_H}:){{7}}{_H}|(?:{_H}:){{1,6}}(?::{_H}){{1,6}}|(?:{_H}:){{1,7}}:|::(?:{_H}:){{0,5}}{_H})(?![\w:])"
)


def _replace_ip(match: re.Match[str]) -> str:
    return ph.IP if is_public_ip(match.group(0)) else match.group(0)


# --- dates ------------------------------------------------------------------------------------

_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
# dd-mm-jjjj, dd/mm/jj, dd.mm.jjjj (two-digit years only with - or /, so "3.6.21" stays).
_DATE_NUMERIC = re.compile(
    rf"(?<![\d.\-/]){_DAY}[ \t]?(?P<sep>[\-/.])[ \t]?{_MONTH}[ \t]?(?P=sep)[ \t]?"
    r"(?:19|20)\d{2}(?![\d])"
    rf"|(?<![\d.\-/]){_DAY}(?P<sep2>[\-/]){_MONTH}(?P=sep2)\d{{2}}(?![\d.\-/])"
)
_DATE_ISO = re.compile(
    r"(?<![\d])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)"
)
_MONTHS = (
    r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    r"jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
_DATE_TEXT = re.compile(
    rf"(?i)(?<![\w]){_DAY}(?:e|ste|de)?[ \t]+(?:{_MONTHS})\b\.?"
    r"(?:[ \t]+(?:(?:19|20)\d{2}|'\d{2})(?!\d))?"
)

# --- addresses --------------------------------------------------------------------------------

# 1234 AB (capitals when spaced, so "in 2023 is" is not a postcode), 1234AB, 1234ab; plus number.
_HOUSE_NUMBER = (
    r"(?:[ \t]*,?[ \t]*\d{1,5}(?:[ \t]?[a-zA-Z](?![\w])|[ \t]?-[ \t]?\d{1,4})?(?![\w]))?"
)
_POSTCODE = re.compile(
    rf"(?<![\w])[1-9]\d{{3}}(?:[ \t]?[A-Z]{{2}}|[a-z]{{2}})(?![\w]){_HOUSE_NUMBER}"
)
# "postcode 1234 ab": after the word postcode any case and spacing counts.
_POSTCODE_CUED = re.compile(
    r"(?i)(\bpostcode(?:[ \t]+is)?[ \t]*:?[ \t]*)"
    rf"[1-9]\d{{3}}[ \t]?[a-z]{{2}}(?![\w]){_HOUSE_NUMBER}"
)
_STREET_SUFFIX = (
    r"straat|laan|weg|plein|gracht|kade|singel|dijk|hof|park|dreef|pad|steeg|markt|veld|baan|"
    r"wal|ring|erf|akker|hage|boulevard|allee|kwartier|haven|oord|burg|wijk|veste|poort"
)
_STREET = re.compile(
    r"(?<![\w])(?:(?:[A-ZÀ-Þ][\w'’\-]*|van|de|der|den|het|ten|ter|t)[ \t]+){0,3}"
    rf"[A-ZÀ-Þ][\w'’\-]*(?:{_STREET_SUFFIX})[ \t]+"
    r"\d{1,5}(?:[ \t]?[a-zA-Z](?![\w])|-\d{1,4})?(?![\w])"
)

# --- phone numbers ----------------------------------------------------------------------------

_SEP = r"[ \t\-./()\u2013]{0,3}"
# Dutch numbers: 0 + nine digits, optionally written (0xx) or with +31 / 0031 (and "(0)").
# Letters may touch the number ("tel0612345678"); digits may not (it would be a longer number).
_PHONE_NL = re.compile(
    r"(?<![\d+])(?:(?:\+|00)[ \t]?31[ \t\-.]?(?:\([ \t]?0[ \t]?\)[ \t]?)?|\(?0)"
    rf"[1-9](?:{_SEP}\d){{8}}(?!\d)"
)
# International numbers: +32 470 12 34 56, 0049 30 1234567.
_PHONE_INTL = re.compile(rf"(?<![\d+])(?:\+|00)[ \t]?[1-9]\d{{0,2}}(?:{_SEP}\d){{6,13}}(?!\d)")

#: Non-geographic service numbers (0800 free, 090x paid) are not personal; they stay.
_SERVICE_PREFIXES = ("0800", "0900", "0906", "0909")


def _replace_phone(match: re.Match[str]) -> str:
    digits = digits_of(match.group(0))
    if digits.startswith(_SERVICE_PREFIXES):
        return match.group(0)
    return ph.PHONE


# --- numbers ----------------------------------------------------------------------------------

# Nine digits, contiguous or grouped 3-3-3 / 4-2-3 (how BSNs are written); eight-digit old BSNs.
_NINE_DIGITS = re.compile(
    r"(?<![\d.,\-])(?:\d{9}|\d{3}([.\t ])\d{3}\1\d{3}|\d{4}([.\t ])\d{2}\2\d{3}|\d{8})"
    r"(?![\d]|[.,]\d)"
)


def _replace_nine(match: re.Match[str]) -> str:
    text = match.group(0)
    # Err to scrub: the elfproef only decides the label, never whether the number goes.
    return ph.BSN if passes_elfproef(text) else ph.NUMBER


_CARD = re.compile(r"(?<![\w])\d{4}(?:[ \-]\d{4}){3}(?![\w])")
# Seven or more digits (client numbers, old phone numbers); not the decimals of a fraction.
_LONG_NUMBER = re.compile(r"(?<![\w.,])\d{7,}(?![\w])")


RULES: tuple[Rule, ...] = (
    Rule("url", _URL, _replace_url),
    Rule("email", _EMAIL, ph.EMAIL),
    Rule("domain", _BARE_DOMAIN, _replace_url),
    Rule("iban_nl", _IBAN_NL, ph.IBAN),
    Rule("iban", _IBAN_OTHER, ph.IBAN),
    Rule("ipv4", _IPV4, _replace_ip),
    Rule("ipv6", _IPV6, _replace_ip),
    Rule("date_iso", _DATE_ISO, ph.DATE),
    Rule("date_numeric", _DATE_NUMERIC, ph.DATE),
    Rule("date_text", _DATE_TEXT, ph.DATE),
    Rule("postcode_cued", _POSTCODE_CUED, lambda m: m.group(1) + ph.POSTCODE),
    Rule("postcode", _POSTCODE, ph.POSTCODE),
    Rule("street", _STREET, ph.ADDRESS),
    Rule("phone_nl", _PHONE_NL, _replace_phone),
    Rule("phone_intl", _PHONE_INTL, _replace_phone),
    Rule("bsn", _NINE_DIGITS, _replace_nine),
    Rule("card", _CARD, ph.NUMBER),
    Rule("long_number", _LONG_NUMBER, ph.NUMBER),
)


def apply_rules(text: str, rules: tuple[Rule, ...] = RULES) -> str:
    """Apply ``rules`` in order to ``text`` and return the scrubbed text."""
    for rule in rules:
        text = rule.pattern.sub(rule.replace, text)
    return text
