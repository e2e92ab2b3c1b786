"""Inline SVG charts, drawn on the server (no JavaScript).

Each chart is decoration next to a real table with the same numbers: it has ``role="img"`` and a
short title saying where the numbers are. Hidden counts (``<5`` or ``x``) get no bar, only their
label, so a bar's length never gives a small count away.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from stats.report import Chart

#: Bar colours (contrast on white at least 3:1, WCAG 1.4.11) and text colour (at least 4.5:1).
SERIES_COLOURS = ("#1d4f91", "#b34700")
TEXT_COLOUR = "#1a1a1a"
AXIS_COLOUR = "#6b6b6b"
FONT = 'font-family="system-ui, sans-serif" font-size="13"'


def render(chart: Chart, *, title: str, table_id: str) -> Markup:
    """SVG markup for ``chart``; ``table_id`` is the table that holds the same numbers."""
    if chart.kind == "columns":
        body, width, height = _columns(chart)
    else:
        body, width, height = _bars(chart)
    label = f"{title}. De cijfers staan in de tabel hieronder."
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'class="chart" aria-describedby="{escape(table_id)}" {FONT}>'
        f"<title>{escape(label)}</title>{body}</svg>"
    )


def _scale_max(chart: Chart) -> int:
    """The largest shown count (0 when everything is hidden)."""
    values = [v.value for _, shown in chart.points for v in shown if v.value is not None]
    return max(values, default=0)


def _bars(chart: Chart) -> tuple[str, int, int]:
    label_width, bar_width, row_height = 270, 300, 26
    width = label_width + bar_width + 70
    top = 8
    height = top * 2 + row_height * len(chart.points)
    maximum = _scale_max(chart) or 1  # only shown counts get a bar
    parts = []
    for index, (label, shown) in enumerate(chart.points):
        y = top + index * row_height
        value = shown[0]
        parts.append(
            f'<text class="label" x="{label_width - 8}" y="{y + 17}" text-anchor="end" '
            f'fill="{TEXT_COLOUR}">{escape(label)}</text>'
        )
        length = 0 if value.value is None else round(bar_width * value.value / maximum, 1)
        if length:
            parts.append(
                f'<rect class="bar" x="{label_width}" y="{y + 4}" width="{length}" height="{row_height - 8}" '
                f'fill="{SERIES_COLOURS[0]}"/>'
            )
        parts.append(
            f'<text class="value" x="{label_width + length + 6}" y="{y + 17}" '
            f'fill="{TEXT_COLOUR}">{escape(value.text)}</text>'
        )
    parts.append(
        f'<line x1="{label_width}" y1="{top}" x2="{label_width}" y2="{height - top}" stroke="{AXIS_COLOUR}"/>'
    )
    return "".join(parts), width, height


def _columns(chart: Chart) -> tuple[str, int, int]:
    n_series = len(chart.series)
    count = max(len(chart.points), 1)
    plot_height, left, bottom, top = 180, 48, 40, 28 if n_series > 1 else 20
    slot = max(12, min(56, 660 // count))
    width = left + slot * count + 16
    height = top + plot_height + bottom
    base = top + plot_height
    parts = [
        f'<line x1="{left}" y1="{base}" x2="{width - 8}" y2="{base}" stroke="{AXIS_COLOUR}"/>',
    ]
    maximum = _scale_max(chart)
    if maximum:  # the scale: the largest shown count at the top
        parts.append(
            f'<line x1="{left - 4}" y1="{top}" x2="{left}" y2="{top}" stroke="{AXIS_COLOUR}"/>'
            f'<text class="value" x="{left - 6}" y="{top + 4}" text-anchor="end" '
            f'fill="{TEXT_COLOUR}">' + f"{maximum:,}".replace(",", ".") + "</text>"
        )
    maximum = maximum or 1
    if n_series > 1:  # legend; the second series is also narrower, not only another colour
        x = left
        for index, name in enumerate(chart.series):
            parts.append(
                f'<rect x="{x}" y="4" width="12" height="12" fill="{SERIES_COLOURS[index]}"/>'
                f'<text class="label" x="{x + 16}" y="14" fill="{TEXT_COLOUR}">'
                f"{escape(name)}</text>"
            )
            x += 24 + 8 * len(name)
    label_every = max(1, round(count / 12))
    few = count <= 12
    for index, (label, shown) in enumerate(chart.points):
        x0 = left + index * slot
        for series, value in enumerate(shown):
            inset = 1 if series == 0 else max(2, slot // 4)
            bar_x, bar_w = x0 + inset, max(slot - 2 * inset - 1, 1)
            if value.value is not None:
                h = round(plot_height * value.value / maximum, 1)
                parts.append(
                    f'<rect class="bar" x="{bar_x}" y="{base - h}" width="{bar_w}" height="{h}" '
                    f'fill="{SERIES_COLOURS[series]}"/>'
                )
            if few and series == 0:
                y = base - (0 if value.value is None else plot_height * value.value / maximum)
                parts.append(
                    f'<text class="value" x="{x0 + slot / 2}" y="{round(y - 4, 1)}" '
                    f'text-anchor="middle" '
                    f'fill="{TEXT_COLOUR}">{escape(value.text)}</text>'
                )
        if index % label_every == 0:
            parts.append(
                f'<text class="label" x="{x0 + slot / 2}" y="{base + 16}" text-anchor="middle" '
                f'fill="{TEXT_COLOUR}">{escape(label)}</text>'
            )
    return "".join(parts), width, height
