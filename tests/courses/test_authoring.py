"""The trainer's admin: lessons in course order, ASCII addresses for new pages, a
self-assessment block that starts empty, the tip block named Vinkki."""

import re

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import HomePage
from courses.blocks import LessonStreamBlock, SelfAssessmentBlock
from courses.models import LessonPage
from people import roles
from tests.courses.builders import course_index, lessons_of, make_course
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer_client(client):
    trainer = EmployeeFactory()
    trainer.user.groups.add(Group.objects.get(name=roles.TRAINER))
    client.force_login(trainer.user)
    return client


def test_admin_lists_a_courses_lessons_in_course_order(trainer_client):
    course = make_course(lessons=3)
    first, second, third = lessons_of(course)
    # Edited last, so a listing by last edit would put it first.
    first.title = "Oppitunti 1 (korjattu)"
    first.save_revision().publish()
    html = trainer_client.get(f"/admin/pages/{course.pk}/").content.decode()
    found = re.findall(r"Oppitunti \d", html)
    assert [title for i, title in enumerate(found) if title not in found[:i]] == [
        "Oppitunti 1",
        "Oppitunti 2",
        "Oppitunti 3",
    ]


def _add_lesson(client, course, title, slug):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "body": streamfield([("paragraph", rich_text("<p>Teksti</p>"))]),
        }
    )
    return client.post(f"/admin/pages/add/courses/lessonpage/{course.pk}/", data)


def test_new_pages_get_ascii_addresses(trainer_client):
    course = make_course(lessons=1)
    answer = _add_lesson(
        trainer_client, course, "Hyvinvointiä työssä på Åland", "hyvinvointiä-työssä-på-åland"
    )
    assert answer.status_code == 302
    lesson = LessonPage.objects.get(title="Hyvinvointiä työssä på Åland")
    assert lesson.slug == "hyvinvointia-tyossa-pa-aland"


def test_an_existing_address_is_kept(trainer_client):
    course = make_course(lessons=1)
    (lesson,) = lessons_of(course)
    LessonPage.objects.filter(pk=lesson.pk).update(slug="ennen-äätä")
    lesson = LessonPage.objects.get(pk=lesson.pk)
    lesson.title = "Muokattu"
    lesson.full_clean()
    assert lesson.slug == "ennen-äätä"


def test_self_assessment_block_starts_empty_with_an_example():
    block = SelfAssessmentBlock()
    assert not block.get_default()["question"]
    question = block.child_blocks["question"]
    assert question.field.widget.attrs["placeholder"] == (
        "Esim. Kuinka hyvin tunnet alueesi hyte-toiminnan?"
    )
    assert question.required


def test_tip_block_is_called_vinkki(trainer_client):
    assert LessonStreamBlock().child_blocks["callout"].label == "Vinkki"
    (lesson,) = lessons_of(make_course(lessons=1))
    html = trainer_client.get(f"/admin/pages/{lesson.pk}/edit/").content.decode()
    # "Nosto" stays Wagtail's Promote tab only.
    assert "Vinkki" in html


def test_a_translation_keeps_the_address_of_its_page():
    course = make_course(lessons=1)
    (lesson,) = lessons_of(course)
    LessonPage.objects.filter(pk=lesson.pk).update(slug="ennen-äätä")
    swedish = Locale.objects.get_or_create(language_code="sv")[0]
    home = HomePage.objects.get(locale__language_code="fi")
    for page in (home, course_index(), course):
        if not page.has_translation(swedish):
            page.copy_for_translation(swedish)
    copy = LessonPage.objects.get(pk=lesson.pk).copy_for_translation(swedish)
    assert copy.slug == "ennen-äätä"
