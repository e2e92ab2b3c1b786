"""Small-count protection: the one place that decides which numbers may leave the database.

The dashboard, the CSV export and the CLI all show a :class:`Report` built by
:mod:`stats.report`, and every number in it comes from here. The rules:

1. **Primary suppression.** A count below :data:`THRESHOLD` (5) is shown as ``<5``. Zero too:
   "nobody" and "one person" must look the same.
2. **Secondary suppression.** Counts are tied together by sums (the routes add up to "met een
   route", the weeks add up to the total, "met een route" plus the rest is the total, ...).
   When a hidden small count could be computed back from the numbers that are shown, another
   count in that sum is hidden too and shown as ``x`` (the smallest one; a total only if there
   is no other choice). This is the usual cell-suppression heuristic of statistical offices:
   it checks the sums of one report one at a time and along chains, not every possible
   combination of sums.
3. **Percentages** are shown only when the part and the rest are both shown-size counts
   (``part >= 5`` and ``base - part >= 5``) and part and base are both shown; otherwise ``–``.
   A percentage of a base can never be turned back into a small count.
4. **Medians** (time to route, turns, before-score) are shown only over at least 5 values and
   are rounded (whole minutes, whole turns, half points).
5. **Charts** draw bars only for shown counts; a hidden count gets no bar and its label
   (``<5`` or ``x``), so a bar's length never gives a small count away.

What this does *not* prevent: comparing two different reports, e.g. two periods that differ
by one day, or a gemeente with and without a channel filter. The dashboard is for the
gemeente's own staff behind a login, the data holds no identities (no names, no free text, start
times rounded to the hour), and the period filter works in whole days; publishing the figures
outside the gemeente needs its own check.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

THRESHOLD = 5
SMALL_TEXT = "<5"
HIDDEN_TEXT = "x"
NO_PERCENT_TEXT = "–"


@dataclass(frozen=True)
class Shown:
    """A count as it may be shown: ``value`` is ``None`` when it is hidden."""

    value: int | None
    small: bool = False

    @property
    def text(self) -> str:
        """Dutch display text: ``12.345``, ``<5`` or ``x``."""
        if self.value is None:
            return SMALL_TEXT if self.small else HIDDEN_TEXT
        return f"{self.value:,}".replace(",", ".")

    @property
    def plain(self) -> str:
        """Text for machine-readable output (CSV): ``12345``, ``<5`` or ``x``."""
        return self.text if self.value is None else str(self.value)


def shown(value: int) -> Shown:
    """A count on its own (no sums involved): only primary suppression."""
    return Shown(None, small=True) if value < THRESHOLD else Shown(value)


class Protector:
    """Collects the counts of one report and the sums between them, then :meth:`resolve` s."""

    def __init__(self) -> None:
        self._values: dict[Hashable, int] = {}
        self._displayed: set[Hashable] = set()
        self._public: set[Hashable] = set()
        self._sums: list[tuple[Hashable, tuple[Hashable, ...]]] = []

    def add(self, name: Hashable, value: int, *, displayed: bool = True) -> Hashable:
        """Register a count. Undisplayed counts (a "rest") still take part in the sums."""
        if name in self._values:
            raise ValueError(f"count {name!r} registered twice")
        self._values[name] = int(value)
        if displayed:
            self._displayed.add(name)
        return name

    def known(self, name: Hashable, value: int) -> Hashable:
        """Register a count that says nothing about residents and that a reader can guess
        (e.g. "no channel recorded", normally 0): not shown, never hidden, but assumed known
        when checking what else can be computed back."""
        self.add(name, value, displayed=False)
        self._public.add(name)
        return name

    def sum(self, total: Hashable, parts: Iterable[Hashable]) -> None:
        """Declare ``total == sum(parts)`` (all registered)."""
        parts = tuple(parts)
        missing = [n for n in (total, *parts) if n not in self._values]
        if missing:
            raise KeyError(f"unregistered counts: {missing!r}")
        if self._values[total] != sum(self._values[p] for p in parts):
            raise ValueError(f"parts of {total!r} do not add up")
        self._sums.append((total, parts))

    def rest(self, total: Hashable, part: Hashable, rest_name: Hashable) -> None:
        """Declare a nested count: ``part`` plus an undisplayed rest makes ``total``."""
        self.add(rest_name, self._values[total] - self._values[part], displayed=False)
        self.sum(total, (part, rest_name))

    @property
    def values(self) -> dict[Hashable, int]:
        return dict(self._values)

    @property
    def sums(self) -> list[tuple[Hashable, tuple[Hashable, ...]]]:
        return list(self._sums)

    @property
    def public(self) -> frozenset[Hashable]:
        return frozenset(self._public)

    def resolve(self) -> dict[Hashable, Shown]:
        small = {n for n, v in self._values.items() if v < THRESHOLD} - self._public
        hidden = small | (self._values.keys() - self._displayed - self._public)
        while True:
            leak = self._first_leak(hidden, small)
            if leak is None:
                break
            hidden.add(self._extra_to_hide(leak, hidden, small))
        return {
            name: Shown(None, small=name in small) if name in hidden else Shown(value)
            for name, value in self._values.items()
            if name in self._displayed
        }

    def _first_leak(
        self, hidden: set[Hashable], small: set[Hashable]
    ) -> list[tuple[Hashable, tuple[Hashable, ...]]] | None:
        """Solve the sums one unknown at a time from the shown counts.

        Returns the chain of sums used up to a hidden small count that became known, or None.
        """
        known = set(self._values) - hidden
        used: list[tuple[Hashable, tuple[Hashable, ...]]] = []
        progress = True
        while progress:
            progress = False
            for total, parts in self._sums:
                unknown = [n for n in (total, *parts) if n not in known]
                if len(unknown) != 1:
                    continue
                used.append((total, parts))
                known.add(unknown[0])
                progress = True
                if unknown[0] in small:
                    return used
        return None

    def _extra_to_hide(
        self,
        chain: list[tuple[Hashable, tuple[Hashable, ...]]],
        hidden: set[Hashable],
        small: set[Hashable],
    ) -> Hashable:
        # Break the last sum of the chain first (the one that gave the small count away),
        # then earlier ones; within a sum prefer the smallest part over the total.
        def can_hide(name: Hashable) -> bool:
            return name in self._displayed and name not in hidden

        for total, parts in reversed(chain):
            candidates = [p for p in parts if can_hide(p)]
            if not candidates and can_hide(total):
                candidates = [total]
            if candidates:
                return min(candidates, key=lambda n: self._values[n])
        raise AssertionError("a leak always has a shown count in its chain")


def percent(part: Shown, base: Shown) -> int | None:
    """Whole percentage of ``part`` in ``base``, or None when it could reveal a small count."""
    if part.value is None or base.value is None:
        return None
    if part.value < THRESHOLD or base.value - part.value < THRESHOLD:
        return None
    return round(100 * part.value / base.value)


def percent_text(value: int | None) -> str:
    return NO_PERCENT_TEXT if value is None else f"{value}%"


def median(histogram: Mapping[int, int]) -> float | None:
    """Median of the values counted in ``histogram`` (value -> how often); None below 5."""
    n = sum(histogram.values())
    if n < THRESHOLD:
        return None
    ordered = sorted(histogram.items())

    def nth(index: int) -> int:
        seen = 0
        for value, count in ordered:
            seen += count
            if index < seen:
                return value
        raise AssertionError("index beyond the histogram")

    return (nth((n - 1) // 2) + nth(n // 2)) / 2
