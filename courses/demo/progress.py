"""Demo learning history: everyone is enrolled in the mandatory course with a due date
a month after they started; long-serving staff have completed it (some after a failed
first quiz attempt), so trainers' statistics and supervisors' views have something to
show. Written through the same services a learner's clicks use."""

import datetime
import uuid

from django.db import transaction

from courses import services
from courses.models import CourseCompletion, CoursePage, Enrolment, LessonPage
from people.models import Employee
from quizzes.models import Quiz
from quizzes.services import quiz_submit


def _answers(quiz: Quiz, wrong_first: bool) -> dict[int, list[int]]:
    answers = {}
    for position, question in enumerate(quiz.questions.order_by("sort_order", "pk")):
        choices = list(question.choices.all())
        right = [c.pk for c in choices if c.is_correct]
        wrong = [c.pk for c in choices if not c.is_correct][:1]
        answers[question.pk] = wrong if (wrong_first and position == 0 and wrong) else right
    return answers


@transaction.atomic
def load_demo_progress() -> None:
    course = (
        CoursePage.objects.live()
        .filter(mandatory=True, locale__language_code="fi")
        .order_by("pk")
        .first()
    )
    if course is None or CourseCompletion.objects.filter(course=course).exists():
        return
    lessons = list(LessonPage.objects.live().child_of(course).order_by("path").specific())
    people = list(
        Employee.objects.filter(active=True).select_related("user").order_by("employee_number")
    )
    for person in people:
        Enrolment.objects.get_or_create(
            employee=person,
            course=course,
            defaults={
                "source": Enrolment.Source.MANDATORY,
                "due_date": person.start_date + datetime.timedelta(days=30),
            },
        )
    veterans = [
        p for p in people if p.start_date < datetime.date.today() - datetime.timedelta(days=365)
    ]
    for index, person in enumerate(veterans):
        if index % 4 == 3:
            continue  # a quarter have not done it yet: overdue
        for lesson in lessons:
            for block in lesson.body:
                if block.block_type == "self_assessment":
                    value = (
                        2 + index % 2 if block.value["phase"] == "before" else 4 + (index % 3 == 0)
                    )
                    services.self_assessment_record(
                        employee=person, lesson=lesson, block_id=str(block.id), value=min(value, 5)
                    )
                if block.block_type == "quiz" and block.value["quiz"]:
                    quiz = block.value["quiz"]
                    if index % 3 == 0:
                        quiz_submit(
                            employee=person,
                            quiz_id=quiz.pk,
                            answers=_answers(quiz, wrong_first=True),
                            submission_key=str(uuid.uuid4()),
                        )
                    quiz_submit(
                        employee=person,
                        quiz_id=quiz.pk,
                        answers=_answers(quiz, wrong_first=False),
                        submission_key=str(uuid.uuid4()),
                    )
            services.lesson_complete(employee=person, lesson=lesson)
