from django import template

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
