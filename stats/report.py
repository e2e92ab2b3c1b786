"""The report the product owner sees: raw figures turned into protected, labelled tables.

Dashboard, CSV export and CLI all render the same :class:`Report`, so they always agree and all
numbers pass through :mod:`stats.disclosure` exactly once, here.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy.engine import Engine

from stats.disclosure import (
    NO_PERCENT_TEXT,
    Protector,
    Shown,
    median,
    percent,
    percent_text,
)
from stats.fields import (
    LOCAL_TZ,
    Channel,
    Intensity,
    Route,
    Safety,
    SignalKind,
    SignalLevel,
    Step,
    now_local_hour,
)
from stats.queries import SECONDS_BUCKET, Figures, Filters, collect

STEP_LABELS = {
    Step.WELCOME: "Welkom",
    Step.SAFETY: "Vragen over veiligheid",
    Step.SITUATION: "Vragen over de situatie",
    Step.OUTCOME: "Advies gekregen",
    Step.FEEDBACK: "Vraag: was dit nuttig?",
}
ROUTE_LABELS = {
    Route.VEILIGHEID_ACUUT: "Direct gevaar (112)",
    Route.CRISIS: "Crisis (113 Zelfmoordpreventie)",
    Route.VEILIGHEID: "Niet veilig thuis (Veilig Thuis)",
    Route.RST: "Relatie- en Scheidingsteam (RST)",
    Route.PARTNERPROGRAMMA: "Groepsprogramma voor stellen",
    Route.ONLINE: "Online relatieprogramma",
    Route.RELATIE_APK: "Relatie-APK",
}
SAFETY_LABELS = {safety: ROUTE_LABELS[Route(safety.value)] for safety in Safety}
SIGNAL_LABELS = {
    SignalKind.ACUTE: "Direct gevaar",
    SignalKind.VIOLENCE: "Geweld",
    SignalKind.CONTROL: "Controle of achtervolgen",
    SignalKind.THREAT: "Bedreiging",
    SignalKind.CHILDREN: "Onveiligheid van kinderen",
    SignalKind.SELF_HARM: "Zelfdoding of zelfbeschadiging",
}
LEVEL_LABELS = {SignalLevel.EXPLICIT: "Duidelijk: direct hulp", SignalLevel.POSSIBLE: "Mogelijk: één vraag"}
INTENSITY_LABELS = {Intensity.ZWAAR: "RST zwaar", Intensity.LICHT: "RST licht"}
CHANNEL_LABELS = {Channel.WEB: "Website", Channel.INTAKE: "Intake door wijkteam"}
#: Time-to-route groups: (upper bound in seconds, label).
TIME_GROUPS = (
    (120, "Minder dan 2 minuten"),
    (300, "2 tot 5 minuten"),
    (600, "5 tot 10 minuten"),
    (1200, "10 tot 20 minuten"),
    (None, "20 minuten of meer"),
)
#: Figures attribute -> label; together with the conversations still going on: the total.
STATUS_LABELS = {
    "routed": "Kreeg een advies (route)",
    "stopped": "Stopte zelf",
    "abandoned": "Haakte af (een uur niets)",
}
#: Count names of "reached this step" (reaching the first step is the total).
REACHED = ["total", *(("reached", step) for step in list(Step)[1:])]
ALL_GEMEENTEN = "Alle gemeenten"
ALL_CHANNELS = "Alle kanalen"
COUNT = "Aantal"
MEDIAN = "Mediaan"
TOGETHER = "Samen"
SHARE = "Deel"


@dataclass(frozen=True)
class Value:
    """One table cell: ``text`` for people, ``plain`` for CSV."""

    text: str
    plain: str

    @classmethod
    def of(cls, shown: Shown) -> Value:
        return cls(shown.text, shown.plain)

    @classmethod
    def pct(cls, value: int | None) -> Value:
        return cls(percent_text(value), percent_text(value).rstrip("%"))


EMPTY = Value("", "")
NOT_SHOWN = Value(NO_PERCENT_TEXT, NO_PERCENT_TEXT)


@dataclass
class Row:
    label: str
    cells: list[Value]


@dataclass
class Chart:
    """What a chart draws: per row label one shown count per series."""

    kind: str  # "bars" (horizontal, categories) or "columns" (vertical, e.g. weeks)
    series: list[str]
    points: list[tuple[str, list[Shown]]]


@dataclass
class Section:
    id: str
    title: str
    intro: str
    columns: list[str]
    rows: list[Row]
    chart: Chart | None = None
    #: Middle values (label, value): not counts, shown under the table.
    medians: list[tuple[str, Value]] = field(default_factory=list)


@dataclass
class Report:
    filters_text: list[tuple[str, str]]
    generated_at: datetime
    too_few: bool
    sections: list[Section]

    def to_csv(self) -> str:
        """Long format (``onderdeel;regel;kolom;waarde``), semicolons for Dutch spreadsheets."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(["onderdeel", "regel", "kolom", "waarde"])
        for name, value in self.filters_text:
            writer.writerow(["filter", name, "", _csv_safe(value)])
        for section in self.sections:
            for row in section.rows:
                for column, cell in zip(section.columns, row.cells, strict=True):
                    if cell is not EMPTY:
                        writer.writerow([section.title, _csv_safe(row.label), column, cell.plain])
            for label, value in section.medians:
                writer.writerow([section.title, label, MEDIAN, value.plain])
        return buffer.getvalue()

    def to_text(self) -> str:
        """Plain text tables for the terminal."""
        lines = [f"{name}: {value}" for name, value in self.filters_text]
        for section in self.sections:
            lines += ["", section.title, "=" * len(section.title)]
            header = ["", *section.columns]
            body = [[row.label, *(cell.text for cell in row.cells)] for row in section.rows]
            widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
            for i, cells in enumerate([header, *body]):
                lines.append(
                    "  ".join(
                        cell.ljust(widths[j]) if j == 0 else cell.rjust(widths[j])
                        for j, cell in enumerate(cells)
                    ).rstrip()
                )
                if i == 0:
                    lines.append("  ".join("-" * w for w in widths))
            lines += [f"{MEDIAN} {label.lower()}: {value.text}" for label, value in section.medians]
        return "\n".join(lines) + "\n"


def _csv_safe(text: str) -> str:
    # Spreadsheets run cells starting with these characters as formulas.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def week_label(monday: date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year} week {week:02d} ({monday:%d-%m})"


def weeks_in(since: date, until: date) -> list[date]:
    monday = since - timedelta(days=since.weekday())
    weeks = []
    while monday <= until:
        weeks.append(monday)
        monday += timedelta(days=7)
    return weeks


def _time_group(seconds: int) -> int:
    for index, (bound, _label) in enumerate(TIME_GROUPS):
        if bound is None or seconds < bound:
            return index
    raise AssertionError("the last group has no bound")


def _bucket_median(histogram: dict[int, int]) -> float | None:
    """Median of a histogram of SECONDS_BUCKET-wide buckets (keys: lower bounds)."""
    value = median(histogram)
    return None if value is None else value + SECONDS_BUCKET / 2


def _minutes_text(seconds: float | None) -> Value:
    if seconds is None:
        return NOT_SHOWN
    minutes = round(seconds / 60)
    if minutes < 1:
        return Value("minder dan 1 minuut", "0")
    return Value(f"{minutes} {'minuut' if minutes == 1 else 'minuten'}", str(minutes))


def _score_text(value: float | None) -> Value:
    if value is None:
        return NOT_SHOWN
    rounded = round(value * 2) / 2
    text = f"{rounded:g}".replace(".", ",")
    return Value(text, f"{rounded:g}")


def register_counts(f: Figures) -> Protector:
    """Every count of the report, and every sum that ties counts together."""
    p = Protector()
    total = p.add("total", f.total)

    # Status: every conversation is in exactly one.
    for name in STATUS_LABELS:
        p.add(name, getattr(f, name))
    # Conversations still going on are not shown: a passing number that is normally 0 for a
    # past period, so assume a reader knows it.
    p.known("active", f.active)
    p.sum(total, [*STATUS_LABELS, "active"])

    # Weeks: together the total; per week: with a route plus the rest.
    weeks = weeks_in(f.filters.since, f.filters.until)
    for monday in weeks:
        all_, routed = f.weeks.get(monday, (0, 0))
        p.add(("week", monday), all_)
        p.add(("week-routed", monday), routed)
        p.rest(("week", monday), ("week-routed", monday), ("week-rest", monday))
    p.sum(total, [("week", m) for m in weeks])
    p.sum("routed", [("week-routed", m) for m in weeks])

    # Funnel: reached(step) = stopped at step + reached(next step).
    for rank in range(1, len(Step)):
        p.add(REACHED[rank], sum(f.furthest_step[rank:]))
    for rank in range(len(Step) - 1):
        p.add(("dropped", rank), f.furthest_step[rank])
        p.sum(REACHED[rank], [("dropped", rank), REACHED[rank + 1]])

    # Routes (together "routed"), and RST split by intensity plus an unknown rest.
    for route in Route:
        p.add(("route", route), f.routes[route.value])
    p.sum("routed", [("route", r) for r in Route])
    for intensity in Intensity:
        p.add(("rst", intensity), f.rst_intensity[intensity.value])
    p.known("rst-unknown", f.routes[Route.RST.value] - sum(f.rst_intensity.values()))
    p.sum(("route", Route.RST), [*(("rst", i) for i in Intensity), "rst-unknown"])

    # Safety escalations by type; together "safety"; plus the rest of all conversations.
    for safety in Safety:
        p.add(("safety", safety), f.safety.get(safety.value, 0))
    p.add("safety", sum(f.safety.values()))
    p.sum("safety", [("safety", s) for s in Safety])
    p.rest(total, "safety", "safety-none")

    # Danger signals by kind and level (spec section 8); together "signals".
    for kind in SignalKind:
        for level in SignalLevel:
            p.add(("signal", kind, level), f.signals[(kind.value, level.value)])
    p.add("signals", sum(f.signals.values()))
    p.sum("signals", [("signal", k, lv) for k in SignalKind for lv in SignalLevel])
    p.rest(total, "signals", "signals-none")

    p.add("handoff", f.handoff)
    p.rest(total, "handoff", "handoff-none")

    p.add("offers", f.offers)
    p.add("fallbacks", f.fallbacks)
    p.add("own-offer", f.offers - f.fallbacks)
    p.sum("offers", ["fallbacks", "own-offer"])
    p.rest(total, "offers", "offers-none")

    p.add("useful-yes", f.useful_yes)
    p.add("useful-no", f.useful_no)
    p.add("useful", f.useful_yes + f.useful_no)
    p.sum("useful", ["useful-yes", "useful-no"])
    p.rest(total, "useful", "useful-none")

    time_groups = [0] * len(TIME_GROUPS)
    for seconds, n in f.seconds_to_route.items():
        time_groups[_time_group(seconds)] += n
    for index, n in enumerate(time_groups):
        p.add(("time", index), n)
    p.add("timed", sum(time_groups))
    p.sum("timed", [("time", i) for i in range(len(TIME_GROUPS))])
    p.rest(total, "timed", "timed-none")

    for score in range(1, 11):
        p.add(("before", score), f.before_score.get(score, 0))
    p.add("before", sum(f.before_score.values()))
    p.sum("before", [("before", s) for s in range(1, 11)])
    p.rest(total, "before", "before-none")

    if f.filters.channel is None:
        for channel in Channel:
            p.add(("channel", channel), f.channels.get(channel.value, 0))
        p.known("channel-unknown", f.total - sum(f.channels[ch.value] for ch in Channel))
        p.sum(total, [*(("channel", ch) for ch in Channel), "channel-unknown"])

    return p


def build_report(
    figures: Figures, *, gemeente_label: str, channel_label: str, generated_at: datetime
) -> Report:
    """Protect and label ``figures``. This is the only way figures leave the database."""
    f = figures
    weeks = weeks_in(f.filters.since, f.filters.until)
    show_channels = f.filters.channel is None
    s = register_counts(f).resolve()

    def count_row(label: str, name, base=None) -> Row:
        share = EMPTY if base is None else Value.pct(percent(s[name], s[base]))
        return Row(label, [Value.of(s[name]), share])

    sections: list[Section] = []

    summary_rows = [
        count_row("Gesprekken", "total"),
        count_row("Kreeg een advies (route)", "routed", "total"),
        count_row("Hulp bij onveiligheid of crisis", "safety", "total"),
        count_row("Wilde een mens spreken (warme overdracht)", "handoff", "total"),
        count_row("Kreeg een ander aanbod dan het advies (uitwijk)", "fallbacks", "offers"),
        count_row("Vond het gesprek nuttig", "useful-yes", "useful"),
    ]
    sections.append(
        Section(
            "kerncijfers",
            "Kerncijfers",
            "De belangrijkste cijfers voor de gekozen gemeente, periode en kanaal. "
            "Het deel is steeds van de groep die erbij hoort: de uitwijk van alle adviezen "
            "met een aanbod, ‘nuttig’ van iedereen die die vraag beantwoordde.",
            [COUNT, SHARE],
            summary_rows,
        )
    )

    week_rows = [
        Row(week_label(m), [Value.of(s[("week", m)]), Value.of(s[("week-routed", m)])]) for m in weeks
    ]
    sections.append(
        Section(
            "weken",
            "Gesprekken en adviezen per week",
            "Per week: hoeveel gesprekken begonnen, en hoeveel daarvan een advies (route) kregen.",
            ["Gesprekken", "Met advies"],
            week_rows,
            Chart(
                "columns",
                ["Gesprekken", "Met advies"],
                [(f"wk {m.isocalendar()[1]}", [s[("week", m)], s[("week-routed", m)]]) for m in weeks],
            ),
        )
    )

    funnel_rows = []
    for rank, step in enumerate(Step):
        name = REACHED[rank]
        dropped = s[("dropped", rank)] if rank < len(Step) - 1 else None
        funnel_rows.append(
            Row(
                STEP_LABELS[step],
                [
                    Value.of(s[name]),
                    Value.pct(100 if rank == 0 and s[name].value else percent(s[name], s["total"])),
                    Value.of(dropped) if dropped is not None else EMPTY,
                ],
            )
        )
    sections.append(
        Section(
            "trechter",
            "Hoe ver kwamen mensen in het gesprek?",
            "Per stap: hoeveel mensen deze stap bereikten, welk deel van alle gesprekken dat "
            "is, en hoeveel mensen na deze stap niet verder gingen.",
            ["Bereikt", "Deel van alle gesprekken", "Ging niet verder"],
            funnel_rows,
            Chart("bars", ["Bereikt"], [(STEP_LABELS[st], [s[REACHED[i]]]) for i, st in enumerate(Step)]),
        )
    )

    sections.append(
        Section(
            "afloop",
            "Hoe eindigden de gesprekken?",
            "Afgehaakt betekent: geen advies, niet zelf gestopt, en al minstens een uur geen "
            "nieuw bericht. Gesprekken die nog bezig zijn, tellen hier niet mee.",
            [COUNT, SHARE],
            [count_row(label, name, "total") for name, label in STATUS_LABELS.items()],
            Chart("bars", [COUNT], [(label, [s[name]]) for name, label in STATUS_LABELS.items()]),
        )
    )

    route_rows = [count_row(ROUTE_LABELS[r], ("route", r), "routed") for r in Route]
    route_rows.append(count_row(TOGETHER, "routed"))
    route_rows += [
        count_row(f"waarvan {INTENSITY_LABELS[i]}", ("rst", i), ("route", Route.RST)) for i in Intensity
    ]
    sections.append(
        Section(
            "routes",
            "Welk advies kregen mensen?",
            "Het advies (de route) dat de assistent gaf. Het deel is van alle gesprekken met "
            "een advies; bij RST zwaar en licht is het deel van alle RST-adviezen.",
            [COUNT, SHARE],
            route_rows,
            Chart("bars", [COUNT], [(ROUTE_LABELS[r], [s[("route", r)]]) for r in Route]),
        )
    )

    safety_rows = [count_row(SAFETY_LABELS[x], ("safety", x), "total") for x in Safety]
    safety_rows.append(count_row(TOGETHER, "safety", "total"))
    sections.append(
        Section(
            "veiligheid",
            "Hulp bij onveiligheid of crisis",
            "Gesprekken waarin de assistent direct hulp bij onveiligheid of crisis gaf. "
            "Het deel is van alle gesprekken.",
            [COUNT, SHARE],
            safety_rows,
            Chart("bars", [COUNT], [(SAFETY_LABELS[x], [s[("safety", x)]]) for x in Safety]),
        )
    )

    signal_rows = [
        Row(SIGNAL_LABELS[k], [Value.of(s[("signal", k, lv)]) for lv in SignalLevel]) for k in SignalKind
    ]
    sections.append(
        Section(
            "signalen",
            "Welke signalen van onveiligheid zag de assistent?",
            "Per soort signaal: hoe vaak het duidelijk was (de assistent gaf direct hulp) en hoe "
            "vaak het mogelijk was (de assistent stelde eerst één vraag). Het laatste signaal "
            "van een gesprek telt; de woorden zelf worden nooit bewaard.",
            [LEVEL_LABELS[lv] for lv in SignalLevel],
            signal_rows,
            Chart(
                "columns",
                [LEVEL_LABELS[lv] for lv in SignalLevel],
                [(SIGNAL_LABELS[k], [s[("signal", k, lv)] for lv in SignalLevel]) for k in SignalKind],
            ),
        )
    )

    sections.append(
        Section(
            "overdracht",
            "Een mens spreken, en aanbod via uitwijk",
            "Warme overdracht: de inwoner wilde een mens spreken. Uitwijk: het advies was er "
            "niet in de gemeente, dus de assistent bood het volgende aanbod uit de lijst.",
            [COUNT, SHARE],
            [
                count_row("Wilde een mens spreken", "handoff", "total"),
                count_row("Aanbod uit de gemeente zelf", "own-offer", "offers"),
                count_row("Aanbod via uitwijk", "fallbacks", "offers"),
                count_row("Samen: kreeg een aanbod", "offers", "total"),
            ],
            Chart(
                "bars",
                [COUNT],
                [
                    ("Wilde een mens spreken", [s["handoff"]]),
                    ("Aanbod uit de gemeente zelf", [s["own-offer"]]),
                    ("Aanbod via uitwijk", [s["fallbacks"]]),
                ],
            ),
        )
    )

    time_rows = [count_row(label, ("time", i), "timed") for i, (_, label) in enumerate(TIME_GROUPS)]
    time_rows.append(count_row(TOGETHER, "timed"))
    median_turns = median(f.turns_to_route)
    time_medians = [
        ("Tijd tot het advies", _minutes_text(_bucket_median(f.seconds_to_route))),
        (
            "Aantal berichten tot het advies",
            NOT_SHOWN
            if median_turns is None
            else Value(f"{round(median_turns)} berichten", str(round(median_turns))),
        ),
    ]
    sections.append(
        Section(
            "tijd",
            "Hoe snel kregen mensen een advies?",
            "De tijd van het eerste bericht tot het advies. De mediaan is de middelste waarde: "
            "de helft van de mensen was sneller, de helft langzamer.",
            [COUNT, SHARE],
            time_rows,
            Chart("bars", [COUNT], [(label, [s[("time", i)]]) for i, (_, label) in enumerate(TIME_GROUPS)]),
            medians=time_medians,
        )
    )

    sections.append(
        Section(
            "nuttig",
            "Vonden mensen het gesprek nuttig?",
            "Het antwoord op de vraag aan het eind: ‘Had je hier iets aan?’",
            [COUNT, SHARE],
            [
                count_row("Ja", "useful-yes", "useful"),
                count_row("Nee", "useful-no", "useful"),
                count_row("Samen: beantwoordde de vraag", "useful", "total"),
            ],
            Chart("bars", [COUNT], [("Ja", [s["useful-yes"]]), ("Nee", [s["useful-no"]])]),
        )
    )

    before_rows = [count_row(f"Cijfer {n}", ("before", n), "before") for n in range(1, 11)]
    before_rows.append(count_row("Samen: gaf een cijfer", "before", "total"))
    sections.append(
        Section(
            "voormeting",
            "Voormeting: rapportcijfer voor de relatie",
            "Het cijfer (1 tot 10) dat mensen hun relatie gaven aan het begin, als ze die "
            "vraag wilden beantwoorden.",
            [COUNT, SHARE],
            before_rows,
            Chart("columns", [COUNT], [(str(n), [s[("before", n)]]) for n in range(1, 11)]),
            medians=[("Rapportcijfer", _score_text(median(f.before_score)))],
        )
    )

    if show_channels:
        sections.append(
            Section(
                "kanaal",
                "Via welk kanaal?",
                "Website: de inwoner gebruikte de assistent zelf. Intake: een professional van "
                "het wijkteam gebruikte de vragen in een gesprek.",
                [COUNT, SHARE],
                [count_row(CHANNEL_LABELS[ch], ("channel", ch), "total") for ch in Channel],
                Chart("bars", [COUNT], [(CHANNEL_LABELS[ch], [s[("channel", ch)]]) for ch in Channel]),
            )
        )

    filters_text = [
        ("Gemeente", gemeente_label),
        ("Periode", f"{f.filters.since:%d-%m-%Y} t/m {f.filters.until:%d-%m-%Y}"),
        ("Kanaal", channel_label),
    ]
    return Report(filters_text, generated_at, s["total"].value is None, sections)


def gemeente_label(gemeente: str | None) -> str:
    return ALL_GEMEENTEN if gemeente is None else gemeente[:1].upper() + gemeente[1:]


def channel_label(channel: str | None) -> str:
    return ALL_CHANNELS if channel is None else CHANNEL_LABELS[Channel(channel)]


def make_report(engine: Engine, filters: Filters) -> Report:
    """Query and protect: the report for ``filters`` (blocking; run it in a thread)."""
    figures = collect(engine, filters, now_local_hour())
    return build_report(
        figures,
        gemeente_label=gemeente_label(filters.gemeente),
        channel_label=channel_label(filters.channel),
        generated_at=datetime.now(LOCAL_TZ).replace(tzinfo=None, microsecond=0),
    )
