"""One course, one approval: submitting a course carries its lessons and the quizzes
they use; a second trainer approves once and everything goes live together; nobody who
edited any part approves it; a course without a lesson cannot be submitted."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from wagtail.models import Page, TaskState
from wagtail.test.utils.form_data import nested_form_data

from courses.models import CoursePage, LessonPage
from people import roles
from quizzes.models import Quiz
from tests.courses.builders import course_index, lessons_of, make_quiz
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def trainer():
    person = EmployeeFactory()
    person.user.groups.add(Group.objects.get(name=roles.TRAINER))
    return person.user


def _draft_course(author, quiz, lessons=2) -> CoursePage:
    """A course and its lessons as a trainer leaves them: drafts, never published."""
    course = course_index().add_child(
        instance=CoursePage(title="Uusi kurssi", slug="uusi-kurssi", summary="x", live=False)
    )
    course.save_revision(user=author)
    for number in range(1, lessons + 1):
        body = [("paragraph", f"<p>Teksti {number}</p>")]
        if number == lessons:
            body.append(("quiz", {"quiz": quiz, "required": True}))
        lesson = course.add_child(
            instance=LessonPage(
                title=f"Oppitunti {number}", slug=f"oppitunti-{number}", body=body, live=False
            )
        )
        lesson.save_revision(user=author)
    return CoursePage.objects.get(pk=course.pk)


def _edit_quiz(quiz, user, title):
    draft = quiz.get_latest_revision_as_object()
    draft.title = title
    return draft.save_revision(user=user)


def _submit(page, user):
    page.save_revision(user=user)
    page.get_workflow().start(page, user)
    page.refresh_from_db()
    state = page.current_workflow_task_state
    return state, state.task.specific


def test_a_two_lesson_course_with_a_quiz_goes_live_with_one_approval():
    author, reviewer = trainer(), trainer()
    quiz = make_quiz(questions=3, live=False)
    _edit_quiz(quiz, author, "Uusi visa")
    course = _draft_course(author, quiz)

    state, task = _submit(course, author)
    # Nothing goes live before the approval.
    assert not Page.objects.filter(pk__in=[course.pk, *[p.pk for p in lessons_of(course)]]).live()
    assert not Quiz.objects.get(pk=quiz.pk).live

    task.on_action(state, reviewer, "approve")
    first, second = lessons_of(course)
    assert CoursePage.objects.get(pk=course.pk).live
    assert first.live and second.live
    quiz = Quiz.objects.get(pk=quiz.pk)
    assert quiz.live and quiz.title == "Uusi visa"
    # One approval: the only task state of the whole course.
    assert TaskState.objects.filter(status=TaskState.STATUS_APPROVED).count() == 1


def test_a_changed_lesson_waits_for_the_course_approval():
    author, reviewer = trainer(), trainer()
    quiz = make_quiz(questions=1)
    course = _draft_course(author, quiz, lessons=1)
    state, task = _submit(course, author)
    task.on_action(state, reviewer, "approve")
    (lesson,) = lessons_of(course)
    lesson.title = "Korjattu oppitunti"
    lesson.save_revision(user=author)
    assert LessonPage.objects.get(pk=lesson.pk).title == "Oppitunti 1"

    course = CoursePage.objects.get(pk=course.pk)
    state, task = _submit(course, author)
    task.on_action(state, reviewer, "approve")
    assert LessonPage.objects.get(pk=lesson.pk).title == "Korjattu oppitunti"


def test_lessons_have_no_approval_of_their_own(client):
    author = trainer()
    course = _draft_course(author, make_quiz(questions=1), lessons=1)
    (lesson,) = lessons_of(course)
    assert lesson.get_workflow() is None and not lesson.has_workflow
    assert course.get_workflow() is not None
    client.force_login(author)
    edit = client.get(f"/admin/pages/{lesson.pk}/edit/").content.decode()
    assert 'name="action-submit"' not in edit and 'name="action-publish"' not in edit
    add = client.get(f"/admin/pages/add/courses/lessonpage/{course.pk}/").content.decode()
    assert 'name="action-submit"' not in add
    assert 'name="action-submit"' in client.get(f"/admin/pages/{course.pk}/edit/").content.decode()


def test_the_last_editor_of_a_lesson_cannot_approve_the_course():
    course_author, lesson_author, reviewer = trainer(), trainer(), trainer()
    course = _draft_course(course_author, make_quiz(questions=1), lessons=1)
    (lesson,) = lessons_of(course)
    lesson.title = "Toisen muokkaama"
    lesson.save_revision(user=lesson_author)
    state, task = _submit(course, course_author)
    assert task.get_actions(course, lesson_author) == []
    with pytest.raises(PermissionDenied):
        task.on_action(state, lesson_author, "approve")
    assert not LessonPage.objects.get(pk=lesson.pk).live
    assert task.get_actions(course, reviewer)


def test_the_last_editor_of_a_quiz_cannot_approve_the_course():
    course_author, quiz_author = trainer(), trainer()
    quiz = make_quiz(questions=1)
    course = _draft_course(course_author, quiz, lessons=1)
    _edit_quiz(quiz, quiz_author, "Korjattu visa")
    state, task = _submit(course, course_author)
    with pytest.raises(PermissionDenied):
        task.on_action(state, quiz_author, "approve")


def test_the_approver_finds_each_changed_part_with_a_preview(client):
    author, reviewer = trainer(), trainer()
    quiz = make_quiz(questions=2, live=False)
    _edit_quiz(quiz, author, "Uusi visa")
    course = _draft_course(author, quiz)
    _submit(course, author)
    client.force_login(reviewer)
    edit = client.get(f"/admin/pages/{course.pk}/edit/").content.decode()
    first, second = lessons_of(course)
    for lesson in (first, second):
        url = f"/admin/pages/{lesson.pk}/revisions/{lesson.latest_revision_id}/view/"
        assert url in edit
        preview = client.get(url)
        assert preview.status_code == 200
    assert f"#quiz-{quiz.pk}" in edit and "Uusi visa" in edit
    html = client.get(f"/admin/pages/{second.pk}/revisions/{second.latest_revision_id}/view/")
    assert "Uusi visa" in html.content.decode() and "Kysymys 2" in html.content.decode()


def _course_form(course, **extra):
    return nested_form_data(
        {
            "title": course.title,
            "slug": course.slug,
            "summary": "Tiivistelmä.",
            "estimated_minutes": "30",
            "require_all_lessons": "on",
            **extra,
        }
    )


def test_a_course_without_a_lesson_cannot_be_submitted(client):
    author = trainer()
    course = course_index().add_child(
        instance=CoursePage(title="Tyhjä kurssi", slug="tyhja", summary="x", live=False)
    )
    client.force_login(author)
    answer = client.post(
        f"/admin/pages/{course.pk}/edit/", _course_form(course, **{"action-submit": "1"})
    )
    assert answer.status_code == 200
    assert "Koulutuksessa ei ole yhtään oppituntia" in answer.content.decode()
    course.refresh_from_db()
    assert course.current_workflow_state is None
    # A draft of it saves.
    saved = client.post(f"/admin/pages/{course.pk}/edit/", _course_form(course))
    assert saved.status_code == 302


def test_a_course_with_a_lesson_is_submitted_from_the_editor(client):
    author = trainer()
    course = _draft_course(author, make_quiz(questions=1), lessons=1)
    client.force_login(author)
    answer = client.post(
        f"/admin/pages/{course.pk}/edit/", _course_form(course, **{"action-submit": "1"})
    )
    assert answer.status_code == 302
    course.refresh_from_db()
    assert course.current_workflow_state is not None
