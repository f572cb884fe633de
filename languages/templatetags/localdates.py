"""Times in the reader's language in templates (languages.dates): `{{ value|clock }}`,
`{{ value|moment_at }}` and `{% time_span start end %}`."""

from django import template

from languages import dates

register = template.Library()


@register.filter
def clock(value):
    return dates.clock(value) if value else ""


@register.filter
def moment_at(value):
    return dates.moment_at(value) if value else ""


@register.simple_tag
def time_span(start, end):
    return dates.time_span(start, end)
