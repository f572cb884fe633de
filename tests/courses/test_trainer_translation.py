"""Trainers translate a course with its lessons and quizzes to Swedish, edit the
translation and publish it under the same four eyes as the Finnish course."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale

from cms.models import HomePage
from courses.models import CoursePage, LessonPage
from people import roles
from quizzes.models import Quiz
from tests.courses.builders import course_index, lessons_of, make_course, make_quiz
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def trainer():
    person = EmployeeFactory()
    person.user.groups.add(Group.objects.get(name=roles.TRAINER))
    return person.user


def _swedish_tree():
    locale, _created = Locale.objects.get_or_create(language_code="sv")
    home = HomePage.objects.get(locale__language_code="fi")
    if not home.has_translation(locale):
        home.copy_for_translation(locale).save_revision().publish()
    index = course_index()
    if not index.has_translation(locale):
        index.copy_for_translation(locale).save_revision().publish()
    return locale


def test_trainer_translates_a_course_with_its_lessons_and_quiz_and_a_second_approves(client):
    author, reviewer = trainer(), trainer()
    assert author.has_perm("simple_translation.submit_translation")
    locale = _swedish_tree()
    quiz = make_quiz(questions=2)
    course = make_course(lessons=2, quiz=quiz)
    client.force_login(author)
    answer = client.post(
        f"/admin/translation/submit/page/{course.pk}/",
        {"locales": [locale.pk], "include_subtree": "on"},
    )
    assert answer.status_code == 302, answer.content[:500]
    swedish = CoursePage.objects.get(translation_key=course.translation_key, locale=locale)
    first, second = lessons_of(swedish)
    swedish_quiz = Quiz.objects.get(translation_key=quiz.translation_key, locale=locale)
    assert second.quiz_ids() == [swedish_quiz.pk]
    assert swedish_quiz.questions.count() == 2
    assert not swedish.live and not swedish_quiz.live

    # The trainer opens and edits the Swedish pages (their permissions cover the tree).
    assert client.get(f"/admin/pages/{second.pk}/edit/").status_code == 200
    edit = client.get(f"/admin/pages/{swedish.pk}/edit/").content.decode()
    assert 'name="action-submit"' in edit and 'name="action-publish"' not in edit
    second.title = "Lektion 2"
    second.save_revision(user=author)
    draft = swedish_quiz.get_latest_revision_as_object()
    draft.title = "Frågesport"
    draft.save_revision(user=author)

    swedish.save_revision(user=author)
    swedish.get_workflow().start(swedish, author)
    swedish.refresh_from_db()
    state = swedish.current_workflow_task_state
    task = state.task.specific
    assert task.get_actions(swedish, author) == []
    task.on_action(state, reviewer, "approve")
    assert CoursePage.objects.get(pk=swedish.pk).live
    assert LessonPage.objects.get(pk=second.pk).live
    assert LessonPage.objects.get(pk=second.pk).title == "Lektion 2"
    live_quiz = Quiz.objects.get(pk=swedish_quiz.pk)
    assert live_quiz.live and live_quiz.title == "Frågesport"
    # The Finnish course and quiz are untouched.
    assert Quiz.objects.get(pk=quiz.pk).title == quiz.title


def test_a_course_without_a_swedish_version_is_shown_in_finnish_with_a_note(client):
    from courses.models import Enrolment

    _swedish_tree()
    course = make_course(lessons=1)
    (lesson,) = lessons_of(course)
    learner = EmployeeFactory(language="sv")
    client.force_login(learner.user)
    page = client.get(course.url)
    assert page.status_code == 200
    html = page.content.decode()
    assert course.title in html
    assert "Innehållet har ännu inte översatts" in html
    lesson_page = client.get(lesson.url)
    assert lesson_page.status_code == 200 and lesson.title in lesson_page.content.decode()
    # Progress is recorded once, on the Finnish course.
    assert client.post(reverse("courses:enrol", args=[course.pk])).status_code == 302
    client.get(lesson.url)
    assert Enrolment.objects.filter(employee=learner).count() == 1
    assert Enrolment.objects.get(employee=learner).course_id == course.pk
