"""Small-count protection. The property tests check the result with exact linear algebra: given
every number that is shown (and the counts a reader may guess), no hidden count below 5 can be
computed from the sums."""

from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stats.disclosure import Protector, Shown, median, percent, shown
from stats.fields import Route, Safety, SignalKind, SignalLevel
from stats.queries import Figures, Filters
from stats.report import register_counts


def test_counts_below_five_are_shown_as_less_than_five():
    assert [shown(n).text for n in range(7)] == ["<5"] * 5 + ["5", "6"]
    assert shown(12345).text == "12.345" and shown(12345).plain == "12345"
    assert shown(3).value is None and shown(3).plain == "<5"


def test_percentages_never_reveal_a_small_part_or_rest():
    assert percent(Shown(50), Shown(200)) == 25
    assert percent(Shown(None, small=True), Shown(200)) is None
    assert percent(Shown(197), Shown(200)) is None  # the rest (3) is small
    assert percent(Shown(195), Shown(200)) == 98
    assert percent(Shown(None), Shown(200)) is None  # hidden part
    assert percent(Shown(10), Shown(None)) is None  # hidden base


def test_medians_need_five_values():
    assert median({300: 4}) is None
    assert median({100: 1, 200: 1, 300: 1, 400: 1, 900: 1}) == 300
    assert median({100: 3, 200: 3}) == 150
    assert median({}) is None


def test_one_small_part_of_a_shown_total_takes_a_second_part_with_it():
    p = Protector()
    p.add("total", 60)
    for name, value in {"a": 40, "b": 17, "c": 3}.items():
        p.add(name, value)
    p.sum("total", ["a", "b", "c"])
    s = p.resolve()
    assert [s[n].text for n in ("total", "a", "b", "c")] == ["60", "40", "x", "<5"]


def test_a_nested_count_with_a_small_rest_is_hidden():
    p = Protector()
    p.add("total", 100)
    p.add("handoff", 97)
    p.rest("total", "handoff", "no-handoff")
    s = p.resolve()
    assert s["handoff"].text == "x" and s["total"].text == "100" and "no-handoff" not in s


def test_a_chain_of_sums_is_followed():
    """reached(n) = dropped(n) + reached(n + 1): hiding one link is not enough."""
    p = Protector()
    values = {"r0": 100, "r1": 60, "r2": 57, "r3": 20}
    for name, value in values.items():
        p.add(name, value)
    for n, dropped in enumerate([40, 3, 37]):
        p.add(f"d{n}", dropped)
        p.sum(f"r{n}", [f"d{n}", f"r{n + 1}"])
    s = p.resolve()
    assert s["d1"].text == "<5"
    assert_no_small_count_computable(p, s)
    assert s["r0"].text == "100"


def test_a_count_a_reader_may_guess_is_treated_as_known():
    p = Protector()
    p.add("rst", 40)
    p.add("zwaar", 37)
    p.add("licht", 3)
    p.known("unknown", 0)
    p.sum("rst", ["zwaar", "licht", "unknown"])
    s = p.resolve()
    assert s["zwaar"].text == "x" and s["licht"].text == "<5"


def test_sums_must_add_up():
    p = Protector()
    p.add("total", 10)
    p.add("a", 4)
    with pytest.raises(ValueError):
        p.sum("total", ["a"])
    with pytest.raises(KeyError):
        p.sum("total", ["a", "missing"])


# -- exact check ------------------------------------------------------------------------------


def computable(protector: Protector, s: dict) -> set:
    """Names whose value follows from the shown/known counts and the sums (exact algebra)."""
    values = protector.values
    known = {n for n, v in s.items() if v.value is not None} | set(protector.public)
    unknown = sorted((n for n in values if n not in known), key=repr)
    basis: list[tuple[object, dict]] = []  # reduced row echelon form over the unknowns

    def reduce(row: dict) -> dict:
        for pivot, base in basis:
            factor = row.get(pivot)
            if factor:
                for name, coefficient in base.items():
                    row[name] = row.get(name, 0) - factor * coefficient
                row = {n: c for n, c in row.items() if c}
        return row

    for total, parts in protector.sums:
        row: dict = {}
        for name, coefficient in ((total, 1), *((part, -1) for part in parts)):
            if name not in known:
                row[name] = row.get(name, 0) + Fraction(coefficient)
        row = reduce({n: c for n, c in row.items() if c})
        if row:
            pivot = min(row, key=repr)
            row = {n: c / row[pivot] for n, c in row.items()}
            reduced = []
            for other_pivot, base in basis:
                factor = base.get(pivot)
                if factor:
                    base = {n: base.get(n, 0) - factor * row.get(n, 0) for n in set(base) | set(row)}
                    base = {n: c for n, c in base.items() if c}
                reduced.append((other_pivot, base))
            basis[:] = [*reduced, (pivot, row)]
    return known | {n for n in unknown if not reduce({n: Fraction(1)})}


def assert_no_small_count_computable(protector: Protector, s: dict) -> None:
    values = protector.values
    small = {n for n, v in values.items() if v < 5} - set(protector.public)
    leaked = small & computable(protector, s)
    assert not leaked, f"small counts can be computed back: {sorted(leaked, key=repr)}"


@st.composite
def trees(draw):
    """A total with parts, some parts split further, some with an undisplayed rest."""
    p = Protector()
    small_or_not = st.one_of(st.integers(0, 6), st.integers(0, 60))
    parts = draw(st.lists(small_or_not, min_size=1, max_size=5))
    p.add("T", sum(parts))
    names = []
    for i, value in enumerate(parts):
        names.append(p.add(("p", i), value))
        split = draw(st.sampled_from(["none", "parts", "rest"]))
        if split == "parts" and value > 0:
            cuts = sorted(draw(st.lists(st.integers(0, value), min_size=1, max_size=3)))
            pieces = [b - a for a, b in zip([0, *cuts], [*cuts, value], strict=True)]
            for j, piece in enumerate(pieces):
                p.add(("q", i, j), piece)
            p.sum(("p", i), [("q", i, j) for j in range(len(pieces))])
        elif split == "rest":
            sub = draw(st.integers(0, value))
            p.add(("s", i), sub)
            p.rest(("p", i), ("s", i), ("rest", i))
    p.sum("T", names)
    return p


@settings(max_examples=300, deadline=None)
@given(trees())
def test_property_no_small_count_can_be_computed_back(protector):
    s = protector.resolve()
    for name, value in protector.values.items():
        if name in s and s[name].value is not None:
            assert s[name].value == value >= 5
    assert_no_small_count_computable(protector, s)


def split(draw, total: int, parts: int) -> list[int]:
    cuts = sorted(draw(st.lists(st.integers(0, total), min_size=parts - 1, max_size=parts - 1)))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


@st.composite
def figures(draw):
    """Raw figures as the queries could return them, for a period of a few weeks."""
    since = date(2025, 3, 3) + timedelta(days=draw(st.integers(0, 6)))
    until = since + timedelta(days=draw(st.integers(0, 27)))
    channel = draw(st.sampled_from([None, "web"]))
    n = st.one_of(st.integers(0, 7), st.integers(0, 40))
    f = Figures(Filters(since, until, "zwolle", channel))
    web = 0
    for offset in range(0, (until - since).days + 1, 3):  # some days have conversations
        day = since + timedelta(days=offset)
        routed, other = draw(n), draw(n)
        on_web = draw(st.integers(0, routed + other)) if channel is None else routed + other
        web += on_web
        f.add(day, "web", "total", on_web)
        f.add(day, "intake" if draw(st.booleans()) else None, "total", routed + other - on_web)
        f.add(day, None, "routed", routed)
    total, routed, counts = f.total, f.routed, f.counts
    rest = total - routed
    counts["stopped"], counts["abandoned"], _ = split(draw, rest, 3)
    for rank, value in enumerate(split(draw, total, 5)):
        counts[f"step:{rank}"] = value
    for route, value in zip([r.value for r in Route], split(draw, routed, 7), strict=True):
        counts[f"route:{route}"] = value
    zwaar, licht, _ = split(draw, counts["route:rst"], 3)
    counts["rst:zwaar"], counts["rst:licht"] = zwaar, licht
    for safety, value in zip(Safety, split(draw, draw(st.integers(0, min(total, 12))), 3), strict=True):
        counts[f"safety:{safety.value}"] = value
    counts["handoff"] = draw(st.integers(0, total))
    counts["offers"] = draw(st.integers(0, total))
    counts["fallbacks"] = draw(st.integers(0, counts["offers"]))
    counts["useful:yes"], counts["useful:no"], _ = split(draw, total, 3)
    for bucket, value in zip((60, 135, 420, 900, 1500), split(draw, routed, 5), strict=True):
        counts[f"secs:{bucket}"] = value
    for score, value in enumerate(split(draw, draw(st.integers(0, total)), 10), start=1):
        counts[f"before:{score}"] = value
    signals = [f"sig:{k.value}:{lv.value}" for k in SignalKind for lv in SignalLevel]
    for name, value in zip(signals, split(draw, draw(st.integers(0, total)), len(signals)),
                           strict=True):
        counts[name] = value
    assert f.channels["web"] == web
    return f


@settings(max_examples=150, deadline=None)
@given(figures())
def test_property_the_whole_report_keeps_small_counts_hidden(raw):
    protector = register_counts(raw)
    s = protector.resolve()
    assert_no_small_count_computable(protector, s)
