"""Geometry of the team's completions-per-month bar chart, drawn as inline SVG by
supervision/_timeline_chart.html. The same numbers are in a table beside it for
screen readers; the SVG itself is hidden from them."""

from dataclasses import dataclass

from django.utils import formats

WIDTH = 600
HEIGHT = 180
LABEL_SPACE = 24
TOP_SPACE = 16


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    count: int
    label: str
    month_name: str


def timeline_chart(timeline) -> dict:
    if not timeline:
        return {"bars": [], "width": WIDTH, "height": HEIGHT}
    highest = max((month.completions for month in timeline), default=0) or 1
    slot = WIDTH / len(timeline)
    plot = HEIGHT - LABEL_SPACE - TOP_SPACE
    bars = []
    for index, month in enumerate(timeline):
        height = plot * month.completions / highest
        bars.append(
            Bar(
                x=round(index * slot + slot * 0.15, 1),
                y=round(TOP_SPACE + plot - height, 1),
                width=round(slot * 0.7, 1),
                height=round(height, 1),
                count=month.completions,
                label=formats.date_format(month.month, "n/y"),
                month_name=formats.date_format(month.month, "F Y"),
            )
        )
    return {
        "bars": bars,
        "width": WIDTH,
        "height": HEIGHT,
        "baseline": HEIGHT - LABEL_SPACE,
        "total": sum(month.completions for month in timeline),
    }
