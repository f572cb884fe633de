"""Sections that apps above the phrase library add to a phrase's page.

The library knows nothing of courses (the layers in pyproject.toml); an app that stands
above both (cms) registers a section here when it starts, and the phrase page renders
whatever is registered: "Koulutukset, joissa tämä fraasi opetetaan" is one.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PhrasePageSection:
    template: str
    context: dict[str, Any]


# Each takes (request, phrase) and returns a section, or None to show nothing.
SectionProvider = Callable[[Any, Any], PhrasePageSection | None]
_providers: dict[str, SectionProvider] = {}


def phrase_page_section_register(name: str, provider: SectionProvider) -> None:
    """Register (or replace) a section under `name`; registering twice is harmless."""
    _providers[name] = provider


def phrase_page_sections(request, phrase) -> list[PhrasePageSection]:
    """The sections for `phrase`'s page, in registration order. Each provider states
    its own query cost."""
    sections = (provider(request, phrase) for provider in _providers.values())
    return [section for section in sections if section is not None]
