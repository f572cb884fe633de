"""Geometry of the hyte picture's bar charts, drawn as inline SVG by
hyte/_bar_chart.html. Each chart has a table with the same numbers beside it for screen
readers and for copying; the SVG itself is hidden from assistive technology. Written
here rather than with a charting library: a few rectangles need no JavaScript and keep
the page within its Content-Security-Policy."""

from dataclasses import dataclass

from django.utils import formats

WIDTH = 640
HEIGHT = 200
LABEL_SPACE = 24
TOP_SPACE = 18


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: str
    css: str


@dataclass
class Slot:
    label: str
    x: float
    bars: list[Bar]


def bar_chart(
    labels: list[str],
    series: list[tuple[str, list[float | None]]],
    *,
    maximum: float | None = None,
    target: float | None = None,
) -> dict:
    """`series` is a list of (css class, values); a value None draws no bar. `target`
    draws a dashed line across the chart at that value."""
    values = [value for _, found in series for value in found if value is not None]
    top = maximum or max(values + [target or 0], default=0) or 1
    plot = HEIGHT - LABEL_SPACE - TOP_SPACE
    slot_width = WIDTH / max(len(labels), 1)
    bar_width = slot_width * 0.8 / max(len(series), 1)
    slots = []
    for index, label in enumerate(labels):
        left = index * slot_width + slot_width * 0.1
        bars = []
        for number, (css, found) in enumerate(series):
            value = found[index]
            if value is None:
                continue
            height = plot * min(value, top) / top
            bars.append(
                Bar(
                    x=round(left + number * bar_width, 1),
                    y=round(TOP_SPACE + plot - height, 1),
                    width=round(bar_width * 0.9, 1),
                    height=round(height, 1),
                    value=formats.localize(value),
                    css=css,
                )
            )
        slots.append(Slot(label=label, x=round(left, 1), bars=bars))
    chart = {
        "slots": slots,
        "width": WIDTH,
        "height": HEIGHT,
        "baseline": HEIGHT - LABEL_SPACE,
    }
    if target is not None:
        chart["target_y"] = round(TOP_SPACE + plot - plot * min(target, top) / top, 1)
    return chart
