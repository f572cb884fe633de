"""The one rule for a translated field (in Python and in SQL) and dates in the reader's
style: Finland-Swedish `13.12.2026 kl. 15.00`, never Sweden's `2026-12-13 15:00`."""

import datetime

import pytest
from django.utils import timezone, translation

from events import messages
from languages.dates import day, moment
from languages.fields import in_language, in_language_sql, translations_of
from people.models import JobRole
from reporting.filenames import export_filename
from tests.events.builders import make_session
from tests.factories import JobRoleFactory


class Item:
    title = "Otsikko"
    title_sv = "Rubrik"
    title_en = ""


def test_a_field_in_the_readers_language_else_finnish():
    assert in_language(Item(), "title", language="sv") == "Rubrik"
    assert in_language(Item(), "title", language="sv-fi") == "Rubrik"
    assert in_language(Item(), "title", language="en") == "Otsikko"
    assert in_language(Item(), "title", language="de") == "Otsikko"
    with translation.override("sv"):
        assert in_language(Item(), "title") == "Rubrik"
    assert translations_of(Item(), "title") == {
        "title": "Otsikko",
        "title_sv": "Rubrik",
        "title_en": "",
    }


@pytest.mark.django_db
def test_the_same_rule_in_sql():
    JobRoleFactory(code="SH", name_fi="Sairaanhoitaja", name_sv="Sjukskötare", name_en="")
    for language, expected in (
        ("fi", "Sairaanhoitaja"),
        ("sv", "Sjukskötare"),
        ("en", "Sairaanhoitaja"),
    ):
        name = (
            JobRole.objects.filter(code="SH")
            .annotate(shown=in_language_sql("name_fi", language=language))
            .values_list("shown", flat=True)
            .get()
        )
        assert name == expected
        with translation.override(language):
            assert JobRole.objects.get(code="SH").name == expected


def test_dates_in_finnish_and_finland_swedish_style():
    value = timezone.make_aware(datetime.datetime(2026, 12, 13, 15, 0))
    assert moment(value, language="sv") == "13.12.2026 kl. 15.00"
    assert moment(value, language="fi") == "13.12.2026 15.00"
    assert day(value.date(), language="sv") == "13.12.2026"
    assert day(value.date(), language="fi") == "13.12.2026"
    with translation.override("sv"):
        from django.template import Context, Template

        shown = Template('{{ value|date:"SHORT_DATETIME_FORMAT" }}').render(
            Context({"value": value})
        )
    assert shown == "13.12.2026 kl. 15.00"


@pytest.mark.django_db
def test_a_swedish_session_email_has_the_finland_swedish_time():
    starts = timezone.make_aware(datetime.datetime(2026, 12, 13, 15, 0))
    session = make_session(title="Järjestöt", title_sv="Organisationerna")
    session.starts_at = starts
    with translation.override("sv"):
        text = messages.text_for(messages.INVITATION, session)
    assert "Organisationerna" in text.title and "Järjestöt" not in text.title
    assert "13.12.2026 kl. 15.00" in text.intro


def test_export_file_names_are_ascii_and_dated():
    day_ = datetime.date(2026, 11, 27)
    assert export_filename(name="Teamets läge", extension="csv", day=day_) == (
        "teamets-lage-2026-11-27.csv"
    )
    assert export_filename(name="Tiimin tilanne", extension="xlsx", day=day_) == (
        "tiimin-tilanne-2026-11-27.xlsx"
    )
