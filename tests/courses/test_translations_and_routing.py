"""A Swedish-speaking learner gets the Swedish course at the same address and keeps one
progress; the home page's one-query routing still answers 404 where it should."""

import pytest
from wagtail.models import Locale

from cms.models import HomePage
from courses import services
from courses.models import CourseCompletion, LessonCompletion
from tests.courses.builders import course_index, lessons_of, make_course
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def translate(page, language: str, title: str):
    locale, _created = Locale.objects.get_or_create(language_code=language)
    parent = page.get_parent().specific
    if not parent.has_translation(locale):
        translate(parent, language, parent.title)
    copy = page.copy_for_translation(locale)
    copy.title = title
    copy.save_revision().publish()
    return copy


def test_swedish_learner_sees_swedish_and_progress_counts_once(client):
    course = make_course(lessons=1)
    (lesson,) = lessons_of(course)
    home = HomePage.objects.get(locale__language_code="fi")
    for language in ("sv",):
        locale, _created = Locale.objects.get_or_create(language_code=language)
        if not home.has_translation(locale):
            home.copy_for_translation(locale).save_revision().publish()
    translate(course_index(), "sv", "Utbildningar")
    translate(course, "sv", "Kurs på svenska")
    swedish_lesson = translate(lesson, "sv", "Lektion på svenska")

    learner = EmployeeFactory(language="sv")
    client.force_login(learner.user)
    page = client.get(lesson.url).content.decode()
    assert "Lektion på svenska" in page and '<html lang="sv">' in page

    done, completion = services.lesson_complete(employee=learner, lesson=swedish_lesson)
    assert done and completion is not None
    assert LessonCompletion.objects.get(employee=learner).lesson_id == lesson.pk
    assert CourseCompletion.objects.get(employee=learner).course_id == course.pk


def test_routing_answers_404_for_missing_and_unpublished_pages(client):
    course = make_course(lessons=2)
    first, second = lessons_of(course)
    client.force_login(EmployeeFactory().user)
    assert client.get(first.url).status_code == 200
    assert client.get(first.url + "ei-ole/").status_code == 404
    assert client.get("/koulutukset/ei-ole/").status_code == 404
    second.unpublish()
    assert (
        client.get(second.url if second.url else f"{course.url}{second.slug}/").status_code == 404
    )


def test_a_certificate_names_the_course_in_the_readers_language(client):
    from django.utils import timezone

    course = make_course(lessons=1)
    home = HomePage.objects.get(locale__language_code="fi")
    locale, _created = Locale.objects.get_or_create(language_code="sv")
    if not home.has_translation(locale):
        home.copy_for_translation(locale).save_revision().publish()
    translate(course_index(), "sv", "Utbildningar")
    translate(course, "sv", "Kurs på svenska")
    completion = CourseCompletion.objects.create(
        employee=EmployeeFactory(),
        course=course,
        course_title=course.title,
        completed_at=timezone.now(),
    )
    swedish = client.get(completion.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="sv")
    assert "Kurs på svenska" in swedish.content.decode()
    finnish = client.get(completion.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fi")
    assert course.title in finnish.content.decode()
    assert "Kurs på svenska" not in finnish.content.decode()
