"""Writes about learning: enrolling, completing lessons and courses, self-ratings.

Completions sit under unique constraints and are written inside a lock on the
enrolment row, so two tabs finishing the same lesson at once record one completion.
"""

import datetime
import uuid
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.db import IntegrityError, models, transaction
from django.db.models import QuerySet
from django.utils import timezone
from wagtail.models import Page

from courses.models import (
    CourseCompletion,
    CourseMaterialChange,
    CoursePage,
    CourseRating,
    Enrolment,
    LessonCompletion,
    LessonPage,
)
from courses.status import learning_status_refresh
from intents.services import intent_record
from packages.selectors import best_percent, done_package_ids
from people.models import Employee
from quizzes.models import QuizAttempt, SelfAssessmentAnswer
from xapi.services import Activity, Result, xapi_enabled, xapi_record


def enrolment_ensure(
    *,
    employee: Employee,
    course: CoursePage,
    source: str = Enrolment.Source.SELF,
    due_date: datetime.date | None = None,
) -> Enrolment:
    """Enrol once; a later call with a due date or a stronger source updates it."""
    course = course.canonical
    enrolment, created = Enrolment.objects.get_or_create(
        employee=employee, course=course, defaults={"source": source, "due_date": due_date}
    )
    if not created and due_date and enrolment.due_date != due_date:
        enrolment.due_date = due_date
        enrolment.save(update_fields=["due_date"])
    return enrolment


def current_cycle(
    *, employee: Employee, course: CoursePage, now: datetime.datetime | None = None
) -> int:
    """1 for the first time through; after each completion that has expired, the
    next cycle. While a completion is valid, its own cycle."""
    now = now or timezone.now()
    latest = (
        CourseCompletion.objects.filter(employee=employee, course=course).order_by("-cycle").first()
    )
    if latest is None:
        return 1
    return latest.cycle if latest.is_valid_at(now) else latest.cycle + 1


def enrolment_remember_lesson(*, employee: Employee, lesson: LessonPage) -> Enrolment:
    """Remember the lesson to continue with (the home page's "continue where you left
    off"); working on a lesson of an optional course enrols. Called by the lesson's
    forms (a quiz, a self-rating), never by opening a page: a GET writes nothing."""
    lesson = lesson.canonical
    enrolment = enrolment_ensure(employee=employee, course=lesson.course)
    if enrolment.last_lesson_id != lesson.pk:
        Enrolment.objects.filter(pk=enrolment.pk).update(last_lesson=lesson)
        enrolment.last_lesson = lesson
    return enrolment


def _required_quizzes_passed(
    *, employee: Employee, quiz_keys: set[uuid.UUID], since: datetime.datetime | None
) -> bool:
    if not quiz_keys:
        return True
    passed = set(
        _passed_attempts(employee, quiz_keys, since).values_list("quiz__translation_key", flat=True)
    )
    return quiz_keys <= passed


def _passed_attempts(
    employee: Employee, quiz_keys: set[uuid.UUID], since: datetime.datetime | None
) -> QuerySet[QuizAttempt]:
    attempts = QuizAttempt.objects.filter(
        employee=employee, passed=True, quiz__translation_key__in=quiz_keys
    )
    return attempts if since is None else attempts.filter(submitted_at__gte=since)


def _required_packages_done(
    *, employee: Employee, package_ids: list[int], since: datetime.datetime | None
) -> bool:
    """Every required SCORM or H5P package of the lessons finished (in this round)."""
    if not package_ids:
        return True
    done = done_package_ids(employee=employee, package_ids=package_ids, since=since)
    return set(package_ids) <= done


def _package_ids(lessons: Iterable[LessonPage]) -> list[int]:
    return [pk for lesson in lessons for pk in lesson.required_package_ids()]


def _quiz_keys(lessons: Iterable[LessonPage]) -> set[uuid.UUID]:
    """The translation keys of the lessons' required quizzes, from the quizzes their
    blocks have loaded (one query per lesson with a quiz, none for one already read)."""
    return {
        block.value["quiz"].translation_key
        for lesson in lessons
        for block in lesson.body
        if block.block_type == "quiz" and block.value["required"] and block.value["quiz"]
    }


def _locked_round(
    *, employee: Employee, course: CoursePage
) -> tuple[Enrolment, int, datetime.datetime | None]:
    """Lock the learner's enrolment on `course` (everything one learner does on one
    course is serialised); return it, the current round and when that round began."""
    # Read and locked in one statement (a new enrolment is the transaction's own).
    enrolment, _created = Enrolment.objects.select_for_update().get_or_create(
        employee=employee, course=course, defaults={"source": Enrolment.Source.SELF}
    )
    cycle = current_cycle(employee=employee, course=course)
    return enrolment, cycle, _cycle_started(employee=employee, course=course, cycle=cycle)


def _cycle_started(
    *, employee: Employee, course: CoursePage, cycle: int
) -> datetime.datetime | None:
    """Quiz passes count toward a cycle only if made after the previous one ended."""
    if cycle == 1:
        return None
    previous = CourseCompletion.objects.get(employee=employee, course=course, cycle=cycle - 1)
    return previous.expires_at or previous.completed_at


def round_started(*, employee: Employee, course: CoursePage) -> datetime.datetime | None:
    """When the learner's current round of the course began (None: the first round).
    Queries: one or two."""
    course = course.canonical
    cycle = current_cycle(employee=employee, course=course)
    return _cycle_started(employee=employee, course=course, cycle=cycle)


@transaction.atomic
def lesson_complete(
    *, employee: Employee, lesson: LessonPage
) -> tuple[bool, CourseCompletion | None]:
    """Mark a lesson done (for lessons with a required quiz: only once it is passed).
    Returns (lesson_done, new course completion or None)."""
    lesson = lesson.canonical
    course = lesson.course
    enrolment, cycle, since = _locked_round(employee=employee, course=course)
    if not _required_quizzes_passed(employee=employee, quiz_keys=_quiz_keys([lesson]), since=since):
        return False, None
    if not _required_packages_done(
        employee=employee, package_ids=_package_ids([lesson]), since=since
    ):
        return False, None
    try:
        with transaction.atomic():
            lesson_done, created = LessonCompletion.objects.get_or_create(
                employee=employee, lesson=lesson, cycle=cycle, defaults={"course": course}
            )
            if created:
                _xapi_lesson_completed(lesson_done, lesson=lesson, course=course)
    except IntegrityError:
        created = False  # the other tab won; the lesson is done either way
    # Continue with the next live lesson (or this one, the last).
    following = lesson.get_next_siblings().live().only("pk").first()
    Enrolment.objects.filter(pk=enrolment.pk).update(last_lesson_id=(following or lesson).pk)
    if not created:
        # Already done (a quiz passed again, a second tab): the course was checked then.
        return True, None
    return True, course_complete_if_done(employee=employee, course=course, cycle=cycle, since=since)


def after_assessments_unanswered(
    *, employee: Employee, course: CoursePage, lessons: list[LessonPage] | None = None
) -> tuple[LessonPage, str] | None:
    """The first after-course self-assessment of the course's live lessons that the
    learner has not answered in this round, as (lesson, block id), else None. An answer
    counts for the round it was given in: a renewal asks again."""
    if lessons is None:
        lessons = list(LessonPage.objects.live().child_of(course).order_by("path").specific())
    blocks = [
        (lesson, block.id)
        for lesson in lessons
        for block in lesson.body
        if block.block_type == "self_assessment" and block.value["phase"] == "after"
    ]
    if not blocks:
        return None
    cycle = current_cycle(employee=employee, course=course)
    since = _cycle_started(employee=employee, course=course, cycle=cycle)
    answers = SelfAssessmentAnswer.objects.filter(
        employee=employee, block_id__in=[block_id for _lesson, block_id in blocks]
    )
    if since is not None:
        answers = answers.filter(answered_at__gte=since)
    answered = {str(block_id) for block_id in answers.values_list("block_id", flat=True)}
    return next(
        ((lesson, block_id) for lesson, block_id in blocks if str(block_id) not in answered),
        None,
    )


@transaction.atomic
def course_complete_check(*, employee: Employee, course: CoursePage) -> CourseCompletion | None:
    """Complete the course if everything it asks is done (after the learner answered
    the after-course self-assessment, the last thing it waited for)."""
    course = course.canonical
    _enrolment, cycle, since = _locked_round(employee=employee, course=course)
    return course_complete_if_done(employee=employee, course=course, cycle=cycle, since=since)


def course_rate(*, employee: Employee, course: CoursePage, value: int) -> CourseRating:
    """The one-click rating on the completion page: 1–5, a second one replaces the
    first. Only someone who has completed the course may rate it."""
    if value not in range(1, 6):
        raise ValueError("value out of range")
    course = course.canonical
    if not CourseCompletion.objects.filter(employee=employee, course=course).exists():
        raise ValueError("not completed")
    rating, _created = CourseRating.objects.update_or_create(
        employee=employee, course=course, defaults={"value": value}
    )
    return rating


def course_complete_if_done(
    *, employee: Employee, course: CoursePage, cycle: int, since: datetime.datetime | None
) -> CourseCompletion | None:
    """Record the course completion when the course's rules are met. Call inside the
    enrolment lock."""
    if CourseCompletion.objects.filter(employee=employee, course=course, cycle=cycle).exists():
        return None
    # LessonPage rows are the specific pages already: no second query.
    lessons = list(LessonPage.objects.live().child_of(course))
    if not lessons:
        return None
    done = set(
        LessonCompletion.objects.filter(employee=employee, course=course, cycle=cycle).values_list(
            "lesson_id", flat=True
        )
    )
    if course.require_all_lessons and not {lesson.pk for lesson in lessons} <= done:
        return None
    quiz_keys = _quiz_keys(lessons)
    best: dict[uuid.UUID, int] = {}  # the best passing score per required quiz, in one query
    if quiz_keys:
        for key, score in _passed_attempts(employee, quiz_keys, since).values_list(
            "quiz__translation_key", "score"
        ):
            best[key] = max(score, best.get(key, 0))
    if not quiz_keys <= set(best):
        return None
    package_ids = _package_ids(lessons)
    if not _required_packages_done(employee=employee, package_ids=package_ids, since=since):
        return None
    # The before/after figure needs the after-course self-rating: asked before completing.
    if after_assessments_unanswered(employee=employee, course=course, lessons=lessons):
        return None
    scores = list(best.values())
    if package_ids:
        scores += best_percent(employee=employee, package_ids=package_ids, since=since).values()
    now = timezone.now()
    try:
        with transaction.atomic():
            completion = CourseCompletion.objects.create(
                employee=employee,
                course=course,
                cycle=cycle,
                revision_id=course.live_revision_id,
                course_title=course.title,
                completed_at=now,
                score=round(sum(scores) / len(scores)) if scores else None,
                expires_at=course.expiry_for(now),
            )
            # Written with the completion: its checklist items get ticked even if the
            # broker is down right now.
            intent_record("onboarding.tick_course_items", employee.pk, course.pk)
            _xapi_course_completed(completion)
    except IntegrityError:
        return None
    return completion


def _page_activity(kind: str, page: Page) -> Activity:
    """The page as an xAPI activity: its translation key, its live titles in fi/sv/en.
    One query."""
    names = dict(
        Page.objects.filter(translation_key=page.translation_key, live=True).values_list(
            "locale__language_code", "title"
        )
    )
    return Activity(kind=kind, key=str(page.translation_key), names=names or {"fi": page.title})


def _xapi_lesson_completed(
    done: LessonCompletion, *, lesson: LessonPage, course: CoursePage
) -> None:
    """The statement "completed <lesson>" (in its course), recorded with the completion.
    Three queries while xAPI is on, none while it is off."""
    if not xapi_enabled():
        return
    employee = done.employee
    xapi_record(
        event_key=f"lesson-completion/{done.pk}",
        employee_number=employee.employee_number,
        user_id=employee.user_id,
        verb="completed",
        activity=_page_activity("lesson", lesson),
        parent=_page_activity("course", course),
        result=Result(completion=True),
        timestamp=done.completed_at,
    )


def _xapi_course_completed(completion: CourseCompletion) -> None:
    """The statement "completed <course>" with its score, recorded with the completion.
    Three queries while xAPI is on, none while it is off."""
    if not xapi_enabled():
        return
    employee = completion.employee
    xapi_record(
        event_key=f"course-completion/{completion.pk}",
        employee_number=employee.employee_number,
        user_id=employee.user_id,
        verb="completed",
        activity=_page_activity("course", completion.course),
        result=Result(score_percent=completion.score, success=True, completion=True),
        timestamp=completion.completed_at,
    )


@transaction.atomic
def self_assessment_record(
    *, employee: Employee, lesson: LessonPage, block_id: str, value: int
) -> SelfAssessmentAnswer:
    """Store a 1–5 self-rating for a self-assessment block of the lesson; a second
    answer to the same block replaces the first."""
    block = next(
        (
            b
            for b in lesson.body
            if b.block_type == "self_assessment" and str(b.id) == str(block_id)
        ),
        None,
    )
    if block is None:
        raise ValueError("unknown block")
    if value not in range(1, 6):
        raise ValueError("value out of range")
    course = lesson.canonical.course
    answer, _created = SelfAssessmentAnswer.objects.update_or_create(
        employee=employee,
        block_id=block.id,
        defaults={
            "course": course,
            "phase": block.value["phase"],
            "question": block.value["question"],
            "value": value,
        },
    )
    return answer


def enrolments_assign(
    *, employees: QuerySet[Employee], course: CoursePage, due_date: datetime.date
) -> dict[str, int]:
    """Assign `course` to every employee of the queryset `employees`, due on `due_date`,
    in three statements whatever their number. An existing enrolment keeps the earlier
    of its due dates; one chosen by the person becomes an assignment."""
    course = course.canonical
    with transaction.atomic():
        existing = Enrolment.objects.filter(course=course, employee__in=employees)
        updated = existing.filter(
            models.Q(due_date__isnull=True) | models.Q(due_date__gt=due_date)
        ).update(due_date=due_date)
        existing.filter(source=Enrolment.Source.SELF).update(source=Enrolment.Source.ASSIGNED)
        new = [
            Enrolment(
                employee_id=employee_id,
                course=course,
                source=Enrolment.Source.ASSIGNED,
                due_date=due_date,
            )
            for employee_id in employees.exclude(enrolments__course=course).values_list(
                "pk", flat=True
            )
        ]
        Enrolment.objects.bulk_create(new, ignore_conflicts=True)
        learning_status_refresh(
            employee_ids=employees.values_list("pk", flat=True), course_ids=[course.pk]
        )
    return {"created": len(new), "updated": updated}


@transaction.atomic
def course_mark_material_change(
    *, course: CoursePage, now: datetime.datetime | None = None
) -> CourseMaterialChange:
    """Mark the course's published revision a material change (olennainen muutos):
    every completion made before now that is still valid expires now, so the course is
    to renew for those learners, due after the course's grace period
    (`courses.selectors.renewal_due_date`), and the hourly reminder sweep reminds them.
    Completions made later are not touched. Once per revision: marking the same
    revision again changes nothing and returns the first mark. Three queries, and the
    status table's refresh for the course (`courses.status`)."""
    course = course.canonical
    existing = CourseMaterialChange.objects.filter(
        course=course, revision_id=course.live_revision_id
    ).first()
    if existing is not None and course.live_revision_id is not None:
        return existing
    change = CourseMaterialChange.objects.create(
        course=course, revision_id=course.live_revision_id, changed_at=now or timezone.now()
    )
    change.completions_affected = CourseCompletion.objects.filter(
        course=course
    ).expire_for_material_change(change)
    learning_status_refresh(course_ids=[course.pk])
    CourseMaterialChange.objects.filter(pk=change.pk).update(
        completions_affected=change.completions_affected
    )
    return change


def lesson_quizzes_keep(*, lesson: LessonPage, user: User | None = None) -> None:
    """Keep each quiz written in `lesson`'s blocks as a draft of its quiz (a new quiz in
    the lesson's language for a new block, the quiz's translation for a block copied
    from another language) and point the block at it, so the lesson's
    revision names the quiz that goes live with it. Called by LessonPage.save_revision.
    A block that only points at a quiz is left as it is.
    Queries: two per unchanged quiz, about six per changed one."""
    from courses.blocks import quiz_spec
    from quizzes.services import quiz_save_draft
    from quizzes.translation import quiz_translation_ensure

    for block in lesson.body:
        if block.block_type != "quiz":
            continue
        spec = quiz_spec(block.value)
        if spec is None:
            continue
        quiz = block.value["quiz"]
        if quiz is not None and quiz.locale_id != lesson.locale_id:
            # A lesson's translation: the quiz's translation, so attempts in either
            # language count together.
            quiz = quiz_translation_ensure(quiz=quiz, locale=lesson.locale, user=user)
        block.value["quiz"] = quiz_save_draft(quiz=quiz, spec=spec, locale=lesson.locale, user=user)
