"""Benchmark for the scrubber (not a test; run by hand or in CI as a timing check).

    .venv/bin/python tests/privacy/bench_scrub.py [characters]

Prints the time per input for realistic text and for inputs that make badly written regular
expressions backtrack. Each should grow linearly with the length: compare two lengths, e.g.
20 000 and 200 000 characters (about 0.05 s and 0.5 s per input on the development machine).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from privacy.scrubber import Scrubber

FRAGMENTS = [
    "0-", "0612345", "mijn man ", "ik heet ", "Ik Ben Anna De Vries ", "a.", "@", "0 ", "+3",
    "Tim en ", "van de ", "Van ", "1234 AB ", "NL91 ", "12-", "12 maart ", "ik ben ", "www.",
    "piet@", "0.", "1.", "::", "a:", "Kerkstraat ", "-", "x", "é", "heet ", " , ", "(0", ") ",
    "[naam] ",
]
REALISTIC = (
    "Mijn man heet Piet, bel 06-12345678 of mail piet@x.nl. Postcode 1234 AB 12. "
    "Ik ben bang en de kinderen van 5 en 8 ook. Veilig Thuis: 0800-2000. "
)


def main(length: int) -> None:
    scrubber = Scrubber(entity_scrubber=None)
    rows = [("realistic", REALISTIC)] + [(repr(f), f) for f in FRAGMENTS]
    worst = 0.0
    for label, fragment in rows:
        text = fragment * max(1, length // len(fragment))
        start = time.perf_counter()
        scrubber.scrub(text)
        elapsed = time.perf_counter() - start
        worst = max(worst, elapsed)
        print(f"{label:28s} {len(text):8d} chars  {elapsed:7.3f} s")
    print(f"worst: {worst:.3f} s for ~{length} characters")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
