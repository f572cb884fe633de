"""A person with five years of history in every part of Hyteopas, for the right-of-access
tests and for measuring the size of the file."""

import datetime
import uuid

from django.utils import timezone

from audit.models import AuditAction, AuditEntry
from courses.models import CourseCompletion, Enrolment, LessonCompletion
from events.models import Feedback, Invitation, Registration
from notifications.models import Notification, ReminderOutbox, SubjectKind
from onboarding.models import Checklist, ChecklistItem, ItemKind, ItemOwner
from quizzes.models import QuizAnswer, QuizAttempt, SelfAssessmentAnswer
from tests.courses.builders import lessons_of, make_course, make_quiz
from tests.events.builders import make_session

YEARS = 5


def five_years_of_history(employee) -> dict:
    """Yearly renewed mandatory courses and one-off ones with quizzes and self-ratings,
    an onboarding checklist, reminders and notices, sessions with feedback, and a working
    day's sign-in in the audit log for five years. Returns the counts written."""
    now = timezone.now()
    start = now - datetime.timedelta(days=365 * YEARS)
    quiz = make_quiz(questions=3)
    questions = list(quiz.questions.all())
    renewed = [make_course(lessons=2, quiz=quiz, mandatory=True) for _ in range(3)]
    one_off = [make_course(lessons=2) for _ in range(3)]
    completions, lesson_rows, attempts, ratings = [], [], [], []
    for course in renewed + one_off:
        Enrolment.objects.create(
            employee=employee, course=course, source="mandatory", due_date=start.date()
        )
        cycles = YEARS if course in renewed else 1
        for cycle in range(1, cycles + 1):
            done = start + datetime.timedelta(days=365 * (cycle - 1) + 30)
            completions.append(
                CourseCompletion(
                    employee=employee,
                    course=course,
                    cycle=cycle,
                    course_title=course.title,
                    completed_at=done,
                    score=80 + cycle,
                    expires_at=done + datetime.timedelta(days=365),
                )
            )
            for lesson in lessons_of(course):
                lesson_rows.append(
                    LessonCompletion(employee=employee, lesson=lesson, course=course, cycle=cycle)
                )
            for phase, value in (("before", 2), ("after", 4)):
                ratings.append(
                    SelfAssessmentAnswer(
                        employee=employee,
                        course=course,
                        block_id=uuid.uuid4(),
                        phase=phase,
                        question="Kuinka hyvin tunnet alueen hyte-toiminnan?",
                        value=value,
                    )
                )
    CourseCompletion.objects.bulk_create(completions)
    LessonCompletion.objects.bulk_create(lesson_rows)
    SelfAssessmentAnswer.objects.bulk_create(ratings)
    for number in range(1, YEARS * len(renewed) + 1):
        attempts.append(
            QuizAttempt(employee=employee, quiz=quiz, number=number, score=67, passed=True)
        )
    attempts = QuizAttempt.objects.bulk_create(attempts)
    QuizAnswer.objects.bulk_create(
        [
            QuizAnswer(attempt=attempt, question=question, selected_choice_ids=[1], correct=True)
            for attempt in attempts
            for question in questions
        ]
    )

    checklist = Checklist.objects.create(employee=employee)
    items = ChecklistItem.objects.bulk_create(
        [
            ChecklistItem(
                checklist=checklist,
                kind=ItemKind.TASK,
                title=f"Perehdytystehtävä {n}",
                owner=ItemOwner.EMPLOYEE,
                due_date=start.date() + datetime.timedelta(days=n),
                done_at=start + datetime.timedelta(days=n),
            )
            for n in range(15)
        ]
    )
    reminders = ReminderOutbox.objects.bulk_create(
        [
            ReminderOutbox(
                recipient=employee,
                about=employee,
                subject_kind=SubjectKind.CHECKLIST_ITEM,
                subject_id=items[n % len(items)].pk,
                stage=f"manual-{n}",
                due_date=start.date(),
                status="sent",
                created_at=start + datetime.timedelta(days=9 * n),
                sent_at=start + datetime.timedelta(days=9 * n),
            )
            for n in range(200)
        ]
    )
    Notification.objects.bulk_create(
        [
            Notification(
                recipient=employee,
                outbox=reminder,
                title="Koulutus on myöhässä: Hyte-perusteet",
                body="Suorita koulutus Hyte-perusteet. Määräpäivä oli 1.3.",
                url="/opinnot/",
            )
            for reminder in reminders
        ]
    )

    registrations = []
    for n in range(10 * YEARS):
        session = make_session(starts_in=-datetime.timedelta(days=36 * n + 1))
        Invitation.objects.create(session=session, employee=employee)
        registrations.append(
            Registration.objects.create(
                session=session,
                employee=employee,
                status="registered",
                queued_at=session.starts_at - datetime.timedelta(days=5),
                attended_at=session.starts_at,
            )
        )
    Feedback.objects.bulk_create(
        [
            Feedback(
                registration=registration,
                useful=True,
                rating=4,
                will_do_differently="Ohjaan asiakkaita järjestöjen toimintaan useammin.",
                submitted_at=registration.attended_at,
            )
            for registration in registrations[:30]
        ]
    )

    sign_ins = [
        AuditEntry(
            actor=employee.user,
            actor_name=f"{employee.user.get_full_name()} ({employee.user.username})",
            action=AuditAction.SIGN_IN,
            target=employee.user.username,
            target_employee=employee,
            detail={"address": "10.20.30.40"},
            created_at=start + datetime.timedelta(days=day * 7 / 5),
        )
        for day in range(220 * YEARS)
    ]
    AuditEntry.objects.bulk_create(sign_ins)
    return {
        "completions": len(completions),
        "quiz_attempts": len(attempts),
        "notifications": len(reminders),
        "sessions": len(registrations),
        "audit_entries": len(sign_ins),
    }
