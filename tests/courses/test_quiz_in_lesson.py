"""A quiz written in its lesson: each save keeps it as the quiz's draft without touching
what learners answer; the course's approval publishes it; a question or choice keeps its
row through edits (by its block id), so attempts, answers and statistics stay."""

import uuid

import pytest

from courses.models import LessonPage
from quizzes.models import AnswerChoice, Question, QuizAnswer
from quizzes.services import quiz_submit
from quizzes.statistics import item_analysis
from tests.courses.builders import inline_quiz, make_course
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def _ids():
    return [str(uuid.uuid4()) for _ in range(3)]


def _lesson_with_quiz(questions):
    course = make_course(lessons=0)
    lesson = course.add_child(
        instance=LessonPage(
            title="Visa oppitunnissa",
            slug="visa-oppitunnissa",
            body=[("quiz", inline_quiz(title="Oma visa", questions=questions))],
        )
    )
    lesson.save_revision().publish()
    lesson.publish_parts()
    return LessonPage.objects.get(pk=lesson.pk)


def _quiz_of(lesson):
    (block,) = [b for b in lesson.body if b.block_type == "quiz"]
    return block.value["quiz"]


def _answer_right(employee, quiz):
    answers = {
        question.pk: [c.pk for c in question.choices.all() if c.is_correct]
        for question in quiz.questions.all()
    }
    return quiz_submit(
        employee=employee, quiz_id=quiz.pk, answers=answers, submission_key=str(uuid.uuid4())
    )


def test_edits_keep_the_rows_answers_point_at_and_go_live_with_the_approval():
    q1, a1, b1 = _ids()
    q2, a2, b2 = _ids()
    lesson = _lesson_with_quiz(
        [
            (q1, "single", "Mitä hyte on?", [(a1, "Hyvinvointia", True), (b1, "Ei mitään", False)]),
            (q2, "true_false", "Liikunta on hytea.", [(a2, "Tosi", True), (b2, "Epätosi", False)]),
        ]
    )
    quiz = _quiz_of(lesson)
    assert quiz.live and quiz.title == "Oma visa"
    rows = dict(Question.objects.filter(quiz=quiz).values_list("block_id", "pk"))
    assert set(map(str, rows)) == {q1, q2}
    attempt = _answer_right(EmployeeFactory(), quiz)
    assert attempt.passed

    # The trainer rewords a question and a choice and adds a third question: a draft.
    q3, a3, b3 = _ids()
    draft = lesson.get_latest_revision_as_object()
    draft.body = [
        (
            "quiz",
            inline_quiz(
                title="Oma visa",
                quiz=quiz,
                questions=[
                    (
                        q1,
                        "single",
                        "Mitä hyte tarkoittaa?",
                        [(a1, "Hyvinvointia", True), (b1, "Ei", False)],
                    ),
                    (
                        q2,
                        "true_false",
                        "Liikunta on hytea.",
                        [(a2, "Tosi", True), (b2, "Epätosi", False)],
                    ),
                    (q3, "single", "Uusi kysymys", [(a3, "Oikein", True), (b3, "Väärin", False)]),
                ],
            ),
        )
    ]
    draft.save_revision()
    # Learners still answer the published quiz.
    assert list(
        Question.objects.filter(quiz=quiz).order_by("sort_order").values_list("text", flat=True)
    ) == [
        "Mitä hyte on?",
        "Liikunta on hytea.",
    ]
    assert quiz.pk in {q.pk for q in lesson.course.pending_parts()[1]}

    # The approval publishes the lesson and its quiz together.
    lesson.course.publish_parts()
    after = {str(k): v for k, v in Question.objects.filter(quiz=quiz).values_list("block_id", "pk")}
    assert after[q1] == rows[uuid.UUID(q1)] and after[q2] == rows[uuid.UUID(q2)]
    assert Question.objects.get(pk=after[q1]).text == "Mitä hyte tarkoittaa?"
    assert AnswerChoice.objects.get(block_id=b1).text == "Ei"
    assert QuizAnswer.objects.filter(attempt=attempt).count() == 2
    statistics = item_analysis(quiz)
    assert [item.answers for item in statistics][:2] == [1, 1]


def test_saving_an_unchanged_lesson_makes_no_quiz_revision():
    q1, a1, b1 = _ids()
    lesson = _lesson_with_quiz(
        [(q1, "single", "Kysymys", [(a1, "Oikein", True), (b1, "Väärin", False)])]
    )
    quiz = _quiz_of(lesson)
    revision = quiz.latest_revision_id
    lesson.get_latest_revision_as_object().save_revision()
    quiz.refresh_from_db()
    assert quiz.latest_revision_id == revision


def test_the_data_migration_writes_a_chosen_quiz_into_its_lesson_keeping_its_rows():
    import importlib
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection

    from tests.courses.builders import lessons_of, make_quiz, right_answers

    migration = importlib.import_module("courses.migrations.0010_quiz_written_in_lesson")
    quiz = make_quiz(questions=2)
    course = make_course(lessons=1, quiz=quiz)  # the block only points at the quiz
    (lesson,) = lessons_of(course)
    employee = EmployeeFactory()
    quiz_submit(
        employee=employee,
        quiz_id=quiz.pk,
        answers=right_answers(quiz),
        submission_key=str(uuid.uuid4()),
    )
    before = list(
        Question.objects.filter(quiz=quiz).order_by("sort_order").values_list("pk", flat=True)
    )

    migration.write_quizzes_in_lessons(apps, SimpleNamespace(connection=connection))

    lesson = LessonPage.objects.get(pk=lesson.pk)
    (block,) = [b for b in lesson.body if b.block_type == "quiz"]
    assert block.value["quiz"].pk == quiz.pk and block.value["title"] == quiz.title
    assert [q.value["text"] for q in block.value["questions"]] == ["Kysymys 1", "Kysymys 2"]
    ids = [str(q.id) for q in block.value["questions"]]
    assert ids == [str(Question.objects.get(pk=pk).block_id) for pk in before]
    revision = lesson.get_latest_revision_as_object()
    assert [b for b in revision.body if b.block_type == "quiz"][0].value["questions"]

    # Edited and approved afterwards, the quiz keeps its rows and the answers given.
    draft = lesson.get_latest_revision_as_object()
    (quiz_block,) = [b for b in draft.body if b.block_type == "quiz"]
    quiz_block.value["questions"][0].value["text"] = "Kysymys 1, tarkennettu"
    draft.save_revision()
    lesson.course.publish_parts()
    assert (
        list(Question.objects.filter(quiz=quiz).order_by("sort_order").values_list("pk", flat=True))
        == before
    )
    assert Question.objects.get(pk=before[0]).text == "Kysymys 1, tarkennettu"
    assert QuizAnswer.objects.filter(attempt__employee=employee).count() == 2
