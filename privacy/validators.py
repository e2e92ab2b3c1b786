"""Small checks used by the scrub rules: the BSN elfproef and IP address classification."""

from __future__ import annotations

import ipaddress
import unicodedata


def digits_of(text: str) -> str:
    """Return only the decimal digits in ``text`` as ASCII (``"０６-1"`` → ``"061"``)."""
    return "".join(str(unicodedata.digit(ch)) for ch in text if ch.isdecimal())


def passes_elfproef(number: str) -> bool:
    """Whether a 8- or 9-digit number passes the BSN "elfproef" (11-test).

    The BSN check: ``9*d1 + 8*d2 + ... + 2*d8 - 1*d9`` is divisible by 11. Old 8-digit numbers are
    checked with a leading zero, as the Belastingdienst does. All-zero numbers are not valid.
    """
    digits = digits_of(number)
    if len(digits) == 8:
        digits = "0" + digits
    if len(digits) != 9 or set(digits) == {"0"}:
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    total = sum(int(d) * w for d, w in zip(digits, weights, strict=True))
    return total % 11 == 0


def is_public_ip(text: str) -> bool:
    """Whether ``text`` is an IP address that can point to a person (a global address).

    Loopback, private, link-local and unspecified addresses (``127.0.0.1``, ``10.0.0.5``,
    ``0.0.0.0``) are infrastructure, not residents, so log lines about them stay readable.
    Anything that cannot be parsed counts as public: when in doubt, scrub.
    """
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return True
    return not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_unspecified
        or address.is_reserved
        or address.is_multicast
    )
