from django import template

from courses.lesson_html import block_html

register = template.Library()


@register.filter
def lookup(mapping, key):
    """{{ mapping|lookup:key }} for dicts keyed by ids."""
    if not mapping:
        return None
    return mapping.get(key)


@register.filter
def contains(collection, item) -> bool:
    return bool(collection) and item in collection


@register.simple_tag(takes_context=True)
def lesson_block(context, child):
    """{% include_block child %} for a lesson's body, the text blocks' HTML kept per
    process (courses/lesson_html.py)."""
    return block_html(child, context)
