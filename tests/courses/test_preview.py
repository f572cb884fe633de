"""Every page type previews as the learner sees it: a trainer opens Wagtail's preview
(the preview panel and *Esikatsele* post the form, then load the preview) and the
draft view of a workflow's approver."""

import re

import pytest
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from people import roles
from tests.courses.builders import (
    course_index,
    lessons_of,
    make_course,
    make_quiz,
    quiz_form_data,
)
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer_client(client):
    trainer = EmployeeFactory()
    trainer.user.groups.add(Group.objects.get(name=roles.TRAINER))
    client.force_login(trainer.user)
    return client


def _preview(client, url, data):
    answer = client.post(url, data)
    assert answer.status_code == 200, answer.content[:2000]
    assert answer.json()["is_valid"], answer.json()
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "preview-error" not in html
    return html


def _lesson_data(title, quiz_title="Visa esikatselussa"):
    return nested_form_data(
        {
            "title": title,
            "slug": "esikatselu",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Hyte tarkoittaa hyvinvoinnin edistämistä.</p>")),
                    ("quiz", quiz_form_data(title=quiz_title)),
                    (
                        "self_assessment",
                        {
                            "question": "Miten hyvin tunnet lähialueen järjestöt?",
                            "phase": "after",
                            "low_label": "Huonosti",
                            "high_label": "Hyvin",
                        },
                    ),
                ]
            ),
        }
    )


def test_lesson_preview_on_edit_shows_the_course_the_quiz_and_the_self_assessment(
    trainer_client,
):
    course = make_course(lessons=2)
    first, second = lessons_of(course)
    html = _preview(
        trainer_client,
        f"/admin/pages/{second.pk}/edit/preview/",
        _lesson_data("Järjestöt lähelläsi"),
    )
    assert "Järjestöt lähelläsi" in html
    assert course.title in html  # the breadcrumb and the page title name the course
    assert "Oppitunti 2/2" in html
    assert first.url in html  # the previous lesson
    assert "Hyte tarkoittaa hyvinvoinnin edistämistä." in html
    # The quiz as written, unsaved, as a learner who has not tried it sees it: its
    # questions and choices, each question a group of its own.
    assert "Visa esikatselussa" in html and "Kysymys 1" in html and "oikea 2" in html
    assert "Lähetä vastaukset" in html and "Hyväksymisraja on 50 %" in html
    assert (
        html.count('name="question-') == 4
        and len(set(re.findall(r'name="(question-[^"]+)"', html))) == 2
    )
    assert "Miten hyvin tunnet lähialueen järjestöt?" in html and "Tallenna arvio" in html


def test_new_lesson_previews_before_it_is_saved(trainer_client):
    course = make_course(lessons=1)
    html = _preview(
        trainer_client,
        f"/admin/pages/add/courses/lessonpage/{course.pk}/preview/",
        _lesson_data("Uusi oppitunti"),
    )
    assert "Uusi oppitunti" in html and "Oppitunti 2/2" in html and "Kysymys 1" in html


def test_approver_draft_view_shows_the_lesson(trainer_client):
    quiz = make_quiz(questions=1)
    course = make_course(lessons=1, quiz=quiz)
    (lesson,) = lessons_of(course)
    lesson.title = "Muokattu oppitunti"
    lesson.save_revision()
    page = trainer_client.get(f"/admin/pages/{lesson.pk}/view_draft/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Muokattu oppitunti" in html and course.title in html and "Kysymys 1" in html


def test_course_preview_lists_its_lessons(trainer_client):
    course = make_course(lessons=2)
    html = _preview(
        trainer_client,
        f"/admin/pages/{course.pk}/edit/preview/",
        nested_form_data(
            {
                "title": "Hyte-ohjauksen perusteet",
                "slug": course.slug,
                "summary": "Mitä hyvinvoinnin edistäminen on.",
                "estimated_minutes": "30",
                "require_all_lessons": "on",
            }
        ),
    )
    assert "Hyte-ohjauksen perusteet" in html and "Mitä hyvinvoinnin edistäminen on." in html
    assert "Oppitunti 1" in html and "Oppitunti 2" in html


def test_course_index_preview_lists_the_courses(trainer_client):
    course = make_course(lessons=1)
    index = course_index()
    html = _preview(
        trainer_client,
        f"/admin/pages/{index.pk}/edit/preview/",
        nested_form_data(
            {
                "title": "Koulutusluettelo",
                "slug": index.slug,
                "intro": rich_text("<p>Tervetuloa</p>"),
            }
        ),
    )
    assert "Koulutusluettelo" in html and "Tervetuloa" in html
    assert course.title in html


def test_lesson_preview_shows_the_quiz_change_that_goes_live_with_it(trainer_client):
    quiz = make_quiz(questions=1)
    course = make_course(lessons=1, quiz=quiz)
    (lesson,) = lessons_of(course)
    draft = quiz.get_latest_revision_as_object()
    question = draft.questions.first()
    question.text = "Mikä on hyte-kerroin?"
    draft.save_revision()
    page = trainer_client.get(f"/admin/pages/{lesson.pk}/view_draft/")
    html = page.content.decode()
    assert "Mikä on hyte-kerroin?" in html and "Kysymys 1" not in html
    # Learners still get the published quiz until the lesson is approved.
    live = trainer_client.get(lesson.url).content.decode()
    assert "Kysymys 1" in live and "Mikä on hyte-kerroin?" not in live
