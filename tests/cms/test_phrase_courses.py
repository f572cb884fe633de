"""Phrases and courses point at each other: a lesson shows a library phrase (its
published version, in the reader's language) with a link to fill and copy it, and a
phrase's page lists the published courses that teach it which the reader may take."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.models import LessonPage
from tests.courses.builders import make_course
from tests.factories import EmployeeFactory, make_unit
from tests.phrases.builders import make_phrase

pytestmark = pytest.mark.django_db


def lesson_with_phrase(course, phrase, *, slug="fraasi", live=True) -> LessonPage:
    lesson = course.add_child(
        instance=LessonPage(
            title="Kirjaaminen", slug=slug, body=[("phrase", {"phrase": phrase})], live=live
        )
    )
    revision = lesson.save_revision()
    if live:
        revision.publish()
    return lesson


def test_a_lesson_shows_the_published_phrase_with_a_link_to_fill_it(client):
    phrase = make_phrase("HYTE-OHJ-1", "Ohjaus ryhmään", "Ohjattu ryhmään {{date}}.")
    phrase.body = "Luonnosteksti, ei vielä hyväksytty."
    phrase.save_revision()  # a draft waiting for approval
    draft_only = make_phrase("HYTE-OHJ-2", "Keskeneräinen", "Ei julkaistu.", live=False)
    course = make_course(lessons=1)
    lesson = lesson_with_phrase(course, phrase)
    lesson_with_phrase(course, draft_only, slug="luonnos")
    client.force_login(EmployeeFactory().user)

    page = client.get(lesson.url).content.decode()
    assert "Ohjaus ryhmään" in page and "Ohjattu ryhmään" in page
    assert "Luonnosteksti" not in page
    assert reverse("phrases:phrase", args=["HYTE-OHJ-1"]) in page
    assert "Täytä ja kopioi fraasi" in page
    other = client.get(f"{course.url}luonnos/").content.decode()
    assert "Keskeneräinen" not in other


def test_a_swedish_reader_sees_the_swedish_phrase():
    from django.utils import translation

    from cms.phrase_courses import published_phrase

    finnish = make_phrase("HYTE-OHJ-3", "Ohjaus", "Suomeksi.")
    swedish = make_phrase(
        "HYTE-OHJ-3", "Hänvisning", "På svenska.", language="sv", translation_of=finnish
    )
    with translation.override("sv"):
        assert published_phrase(finnish) == swedish
    with translation.override("en"):
        assert published_phrase(finnish) == finnish  # no English one: the Finnish


def test_the_phrase_page_lists_the_courses_that_teach_it_in_constant_queries(client):
    home_unit = make_unit("KOTI-1", make_unit("HVA"))
    other_unit = make_unit("MUU-1", home_unit.get_parent())
    reader = EmployeeFactory(unit=home_unit)
    client.force_login(reader.user)
    phrase = make_phrase("HYTE-OHJ-4", "Ohjaus kerhoon", "Ohjattu kerhoon.")
    url = reverse("phrases:phrase", args=["HYTE-OHJ-4"])

    def page():
        client.get(url)  # per-process lookups (site roots, locales) are read once, first
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured), response.content.decode()

    without, content = page()
    assert "Koulutukset, joissa tätä fraasia opetetaan" not in content

    first = make_course(lessons=1, title="Kerhot tutuiksi")
    lesson_with_phrase(first, phrase)
    one, content = page()
    assert "Kerhot tutuiksi" in content

    for title in ("Ryhmät kotihoidossa", "Liikkeelle yhdessä"):
        lesson_with_phrase(make_course(lessons=1, title=title), phrase)
    hidden = make_course(lessons=1, title="Toisen yksikön kurssi")
    hidden.audience_units.add(other_unit)
    hidden.save_revision().publish()
    lesson_with_phrase(hidden, phrase)
    lesson_with_phrase(make_course(lessons=1, title="Vain luonnoksessa"), phrase, live=False)
    many, content = page()
    assert content.index("Kerhot tutuiksi") < content.index("Liikkeelle yhdessä")
    for title in ("Kerhot tutuiksi", "Ryhmät kotihoidossa", "Liikkeelle yhdessä"):
        assert title in content
    assert "Toisen yksikön kurssi" not in content  # not for the reader's unit
    assert "Vain luonnoksessa" not in content  # the lesson is not published
    # The same for 1 course as for 3: the section reads the phrase's translations and
    # the courses with their audiences, two queries whatever their number, and the
    # courses' addresses from the request's one reading of the site roots.
    print("PHRASE-PAGE-QUERIES", without, one, many)
    # The page: 7 queries; with the section's links, 8 for 1 course as for 3.
    assert (without, one, many) == (7, 8, 8)
