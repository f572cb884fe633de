"""Builders for phrase tests: published phrases and activities."""

from wagtail.models import Locale

from organisations.models import Organisation
from phrases.models import Activity, Phrase


def make_phrase(
    code: str,
    title: str,
    body: str,
    *,
    language: str = "fi",
    themes=(),
    service_areas=(),
    record_types=(),
    live: bool = True,
    translation_of: Phrase | None = None,
) -> Phrase:
    locale, _created = Locale.objects.get_or_create(language_code=language)
    phrase = Phrase(
        code=code,
        title=title,
        body=body,
        locale=locale,
        themes=list(themes),
        service_areas=list(service_areas),
        record_types=list(record_types),
        live=False,
    )
    if translation_of is not None:
        phrase.translation_key = translation_of.translation_key
    phrase.full_clean()
    phrase.save()
    revision = phrase.save_revision()
    if live:
        revision.publish()
        phrase.refresh_from_db()
    return phrase


def make_activity(key: str, name: str, organiser: str, **fields) -> Activity:
    organisation, _created = Organisation.objects.get_or_create(
        name=organiser, municipality=fields.get("municipality", "")
    )
    return Activity.objects.create(key=key, name_fi=name, organisation=organisation, **fields)
