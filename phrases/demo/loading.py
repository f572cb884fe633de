"""Load the demo phrase library from the data file `content.yaml` beside this module
(activities, phrases, glossary): organisers, activities, phrases published in Finnish with Swedish
translations, glossary terms in three languages, and some copy counts and favourites
for the demo phrase editor's unit. Safe to run again: nothing is duplicated and an
unchanged phrase gets no new revision."""

import logging
from pathlib import Path

from django.db import transaction
from wagtail.models import Locale

from organisations.models import Organisation
from people.demo.content_files import read_demo_content
from phrases.hyte_card import DEMO_CONTENT_FILE
from phrases.models import Activity, GlossaryTerm, Phrase, PhraseCopyCount, PhraseFavourite

logger = logging.getLogger(__name__)

CONTENT_FILE = DEMO_CONTENT_FILE
# Copy counts given to the demo editor's unit, by phrase position; favourites likewise.
DEMO_COPY_COUNTS = (14, 9, 6, 3, 2)
DEMO_FAVOURITES = (1, 3)


def _organisation(data: dict) -> Organisation:
    municipality = data.get("municipality", "")
    found = Organisation.objects.filter(
        name__iexact=data["name"], municipality=municipality
    ).first()
    if found is not None:
        return found
    return Organisation.objects.create(
        name=data["name"],
        kind=data.get("kind") or Organisation.Kind.OTHER,
        municipality=municipality,
    )


def _load_activities(activities: list[dict]) -> None:
    for data in activities:
        Activity.objects.update_or_create(
            key=data["key"],
            defaults={
                "name_fi": data["name_fi"],
                "name_sv": data.get("name_sv", ""),
                "organisation": _organisation(data["organisation"]),
                "municipality": data.get("municipality", ""),
                "themes": list(data.get("themes", [])),
                "description_fi": data.get("description_fi", ""),
                "description_sv": data.get("description_sv", ""),
                "contact": data.get("contact", ""),
                "url": data.get("url", ""),
            },
        )


def _publish(phrase: Phrase, fields: dict) -> Phrase:
    changed = (
        phrase.pk is None
        or not phrase.live
        or any(getattr(phrase, name) != value for name, value in fields.items())
    )
    if not changed:
        return phrase
    for name, value in fields.items():
        setattr(phrase, name, value)
    phrase.full_clean()
    phrase.save()
    phrase.save_revision().publish()
    return phrase


def _load_phrases(phrases: list[dict], finnish: Locale, swedish: Locale) -> list[Phrase]:
    loaded = []
    for data in phrases:
        shared = {
            "code": data["code"].upper(),
            "themes": list(data.get("themes", [])),
            "service_areas": list(data.get("service_areas", [])),
            "record_types": list(data.get("record_types", [])),
        }
        phrase = Phrase.objects.filter(code=shared["code"], locale=finnish).first() or Phrase(
            locale=finnish, live=False
        )
        phrase = _publish(phrase, {**shared, "title": data["title_fi"], "body": data["body_fi"]})
        loaded.append(phrase)
        if data.get("body_sv"):
            swedish_phrase = Phrase.objects.filter(
                translation_key=phrase.translation_key, locale=swedish
            ).first() or Phrase(translation_key=phrase.translation_key, locale=swedish, live=False)
            _publish(
                swedish_phrase,
                {
                    **shared,
                    "title": data.get("title_sv") or data["title_fi"],
                    "body": data["body_sv"],
                },
            )
    return loaded


def _load_glossary(terms: list[dict]) -> None:
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for data in terms:
        finnish = GlossaryTerm.objects.filter(slug=data["slug"], locale=locales["fi"]).first()
        key = finnish.translation_key if finnish is not None else None
        for language in ("fi", "sv", "en"):
            if language not in locales or not data.get(f"term_{language}"):
                continue
            defaults = {
                "slug": data["slug"],
                "term": data[f"term_{language}"],
                "definition": data.get(f"definition_{language}", ""),
            }
            if key is None:
                term = GlossaryTerm.objects.create(locale=locales[language], **defaults)
                key = term.translation_key
            else:
                GlossaryTerm.objects.update_or_create(
                    translation_key=key, locale=locales[language], defaults=defaults
                )


def _load_usage(phrases: list[Phrase]) -> None:
    from people import roles
    from people.demo.loading import demo_sign_ins

    editor = dict(demo_sign_ins()).get(roles.PHRASE_EDITOR)
    if editor is None:
        return
    for phrase, count in zip(phrases, DEMO_COPY_COUNTS, strict=False):
        PhraseCopyCount.objects.update_or_create(
            phrase=phrase, unit_id=editor.unit_id, defaults={"count": count}
        )
    for position in DEMO_FAVOURITES:
        if position < len(phrases):
            PhraseFavourite.objects.get_or_create(user=editor.user, phrase=phrases[position])


@transaction.atomic
def load_demo_phrases(content_file: Path | str = CONTENT_FILE, with_usage: bool = True) -> int:
    """Load the content file; returns the number of Finnish phrases loaded (0 when
    there is no content file)."""
    content = read_demo_content(content_file)
    if content is None:
        logger.info("No demo phrase content (%s); skipped.", content_file)
        return 0
    finnish, _created = Locale.objects.get_or_create(language_code="fi")
    swedish, _created = Locale.objects.get_or_create(language_code="sv")
    _load_activities(content.get("activities", []))
    phrases = _load_phrases(content.get("phrases", []), finnish, swedish)
    _load_glossary(content.get("glossary", []))
    if with_usage:
        _load_usage(phrases)
    return len(phrases)
