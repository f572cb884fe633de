"""Reads of the phrase library, each with its query budget.

search_phrases: a typo lookup and one search query however many phrases match
(favourites and unit copy counts are joins; phrases/search.py ranks).
phrase_for_code: one query. activities_for_chooser: one query. glossary_terms: one.
"""

import uuid

from django.contrib.auth.models import User
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import get_language
from wagtail.models import Locale

from phrases import search
from phrases.lemmas import language_of
from phrases.models import Activity, GlossaryTerm, Phrase, PhraseFavourite

RESULT_LIMIT = 30
# What a result list shows.
# locale: a result names its unlabelled gaps in its own language (Phrase.parsed).
_RESULT_FIELDS = (
    "id",
    "code",
    "title",
    "body",
    "locale",
    "themes",
    "service_areas",
    "record_types",
)
# The locales whose phrases exist; English readers get the Finnish phrases.
_CONTENT_LANGUAGES = ("fi", "sv")


def content_language() -> str:
    language = (get_language() or "fi")[:2]
    return language if language in _CONTENT_LANGUAGES else "fi"


# Locale ids by language code, kept per process: locales are made once and never
# change, and the search plans well only when the id is a value it can look up in the
# column's statistics (a subquery's is unknown, and a plain walk of the locale's rows
# then looks cheaper than the text index). Forgotten whenever a locale is saved or
# deleted (phrases.apps).
_locale_ids: dict[str, int] = {}


_locale_codes: dict[int, str] = {}


def forget_locale_ids(**_kwargs: object) -> None:
    _locale_ids.clear()
    _locale_codes.clear()


def locale_code(locale_id: int) -> str:
    """The language code of a locale, from the same per-process table (all locales in
    one query the first time)."""
    if locale_id not in _locale_codes:
        _locale_codes.update(Locale.objects.values_list("id", "language_code"))
    return _locale_codes.get(locale_id, "fi")


def _live_in_language(language: str) -> QuerySet[Phrase]:
    locale_id = _locale_ids.get(language)
    if locale_id is None:
        # The phrase indexes lead with the locale: its id, not a join.
        found = Locale.objects.filter(language_code=language).values_list("id", flat=True)
        locale_id = next(iter(found), None)
        if locale_id is None:
            return Phrase.objects.none()
        _locale_ids[language] = locale_id
    return Phrase.objects.filter(live=True, locale_id=locale_id)


def _code_filter(field: str, code: str) -> dict[str, str]:
    # The JSON text of the list holds each code in double quotes; both databases can
    # match that, and no code is a part of another.
    return {f"{field}__icontains": f'"{code}"'}


def search_phrases(
    *,
    user: User,
    unit_id: int | None,
    text: str = "",
    theme: str = "",
    service_area: str = "",
    record_type: str = "",
    limit: int = RESULT_LIMIT,
) -> list[Phrase]:
    """Published phrases in the reader's content language that match the text and
    filters, best first. Each carries `is_favourite` and `unit_copies`. For a signed-in
    user (the library's views require one)."""
    language = content_language()
    queryset = _live_in_language(language)
    if theme:
        queryset = queryset.filter(**_code_filter("themes", theme))
    if service_area:
        queryset = queryset.filter(**_code_filter("service_areas", service_area))
    if record_type:
        queryset = queryset.filter(**_code_filter("record_types", record_type))
    text = (text or "").strip()
    if not text:
        listed = search.with_reader_facts(
            queryset.only(*_RESULT_FIELDS), user_id=user.pk, unit_id=unit_id
        )
        return list(listed.order_by("-is_favourite", "-unit_copies", "code")[:limit])
    query = search.Query(text=text, language=language_of(language))
    return search.search(
        queryset, query, user_id=user.pk, unit_id=unit_id, limit=limit, fields=_RESULT_FIELDS
    )


def phrase_for_code(*, code: str, user: User) -> Phrase | None:
    """The live phrase with this code in the reader's content language (Finnish when
    there is no translation), with `is_favourite`. One query."""
    language = content_language()
    candidates = (
        Phrase.objects.filter(
            live=True, code=code.upper(), locale__language_code__in={language, "fi"}
        )
        .select_related("locale")
        .annotate(
            is_favourite=Exists(
                PhraseFavourite.objects.filter(user_id=user.pk, phrase_id=OuterRef("pk"))
            )
        )
    )
    found = {phrase.locale.language_code: phrase for phrase in candidates}
    return found.get(language) or found.get("fi")


def activities_for_chooser() -> list[Activity]:
    """Active activities with their organisers, by name. One query."""
    return list(Activity.objects.filter(active=True).select_related("organisation"))


def activities_by_theme(
    activities: list[Activity], *, themes: list[str] | None
) -> tuple[list[Activity], list[Activity]]:
    """The activities sharing a theme with `themes` (a phrase's), and the others, each
    in the order given."""
    wanted = set(themes or ())
    in_theme = [activity for activity in activities if wanted & set(activity.themes or ())]
    others = [activity for activity in activities if not wanted & set(activity.themes or ())]
    return in_theme, others


def glossary_terms() -> list[GlossaryTerm]:
    """The glossary in the reader's language (the Finnish term where a translation is
    missing), by term. One query."""
    language = (get_language() or "fi")[:2]
    found: dict[uuid.UUID, GlossaryTerm] = {}
    for term in GlossaryTerm.objects.filter(
        locale__language_code__in={language, "fi"}
    ).select_related("locale"):
        if term.locale.language_code == language or term.translation_key not in found:
            found[term.translation_key] = term
    return sorted(found.values(), key=lambda term: term.term.lower())
