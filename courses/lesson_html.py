"""The HTML of a lesson's blocks that depend on nothing but themselves, kept per process.

A lesson page renders each block of its body through its own template on every request
(Wagtail's `{% include_block %}`, which also copies the whole page context per block).
Most blocks are text: a heading, a paragraph, a callout, an activity card, a reflection.
Their HTML is a function of the block's stored value, its id and the language, so it is
rendered once per process and looked up by exactly those. A block whose HTML depends on
anything else is rendered every time: the learner's own (a quiz, a self-assessment, a
content package), other rows (a phrase, an image's rendition, a video's documents), and
rich text that refers to a page, document or embed (a link's address follows its page).

Which blocks qualify, and the key, need Python, so Django's `{% cache %}` tag cannot say
them; its store (a local-memory cache) could hold the HTML, but a hit there costs 4.4 µs
(an MD5 key, a lock, unpickling) against 0.06 µs for a dict, and this table needs none of
what it adds: nothing expires, nothing is shared between processes. The content-addressed
key needs no invalidation: a changed block has a new key, and the old entry ages out when
the table is full (`LIMIT` entries; it is then emptied and refilled).
"""

from __future__ import annotations

import json
from typing import Any

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

# Blocks rendered from their value, id and the language alone.
PURE = frozenset({"heading", "reflection", "hyte_activity"})
# Rich text blocks are pure unless their text refers to other rows.
RICH_TEXT = {"paragraph": lambda stored: stored, "callout": lambda stored: stored.get("text", "")}
REFERENCES = ("linktype=", "embedtype=")
LIMIT = 4096

_rendered: dict[tuple[Any, ...], SafeString] = {}


def _key(child: Any) -> tuple[Any, ...] | None:
    kind = child.block_type
    if kind not in PURE and kind not in RICH_TEXT:
        return None
    stored = child.block.get_prep_value(child.value)
    if kind in RICH_TEXT and any(ref in str(RICH_TEXT[kind](stored)) for ref in REFERENCES):
        return None
    return (kind, str(child.id), get_language(), json.dumps(stored, sort_keys=True, default=str))


def block_html(child: Any, context: Any) -> SafeString:
    """The HTML of one block of a lesson's body (a StreamField child), as
    `{% include_block child %}` renders it in the template `context`; from the table
    when the block depends on nothing but itself."""
    key = _key(child)
    if key is None:
        # As include_block does: the block sees the page's whole context.
        return mark_safe(child.render_as_block(context=context.flatten()))  # noqa: S308
    html = _rendered.get(key)
    if html is None:
        # Rendered with nothing of the page's: the key must be all it depends on.
        html = mark_safe(child.render_as_block(context={"block": child}))  # noqa: S308
        if len(_rendered) >= LIMIT:
            _rendered.clear()
        _rendered[key] = html
    return html


def forget() -> None:
    """Empty the table (tests)."""
    _rendered.clear()
