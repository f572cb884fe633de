"""Writes about learning: enrolling, completing lessons and courses, self-ratings.

Completions sit under unique constraints and are written inside a lock on the
enrolment row, so two tabs finishing the same lesson at once record one completion.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import User
from django.contrib.postgres.expressions import ArraySubquery
from django.db import IntegrityError, connection, models, transaction
from django.db.models import QuerySet, Subquery
from django.db.models.functions import JSONObject
from django.utils import timezone
from wagtail.models import Page

from audit.models import AuditAction
from audit.services import record as audit_record
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
from quizzes import services as quiz_services
from quizzes.models import Quiz, QuizAttempt, SelfAssessmentAnswer
from xapi.services import Activity, Result, xapi_enabled, xapi_record

if TYPE_CHECKING:
    from courses.selectors import LessonPlace


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
    return _cycle_after(latest, now)


def _cycle_after(latest: CourseCompletion | None, now: datetime.datetime) -> int:
    """The current round from the latest completion (None: none yet): the rule of
    `current_cycle`, for callers that read the completions already."""
    if latest is None:
        return 1
    return latest.cycle if latest.is_valid_at(now) else latest.cycle + 1


def _round_began(previous: CourseCompletion | None) -> datetime.datetime | None:
    """When a round began, from the completion of the round before it (None: the first
    round): quiz passes count toward a round only if made after the previous one ended."""
    return (previous.expires_at or previous.completed_at) if previous else None


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
    return _round_began(
        CourseCompletion.objects.get(employee=employee, course=course, cycle=cycle - 1)
    )


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


@dataclass
class QuizOutcome:
    attempt: QuizAttempt
    lesson_done: bool  # the lesson is done (now or before) in the learner's round
    completion: CourseCompletion | None  # the course completed by this submission
    # The lesson done was the last: the first after-course self-assessment left to
    # answer in this round (lesson, block id), as `after_assessments_unanswered` says.
    after_pending: tuple[LessonPage, str] | None = None


@transaction.atomic
def lesson_quiz_submit(
    *,
    employee: Employee,
    lesson: LessonPage,
    place: LessonPlace,
    quiz_id: int,
    answers: dict[int, list[int]],
    submission_key: str,
) -> QuizOutcome:  # long: lock, read, grade, record, then the lesson and the course
    """A quiz of `lesson` answered: as `quizzes.services.quiz_submit` (lock the learner,
    validate, grade, record), and a passing one completes the lesson once every required
    quiz and package in it is done, and then the course when its rules are met; where
    the learner goes on is remembered. `place`: the lesson's
    (`courses.selectors.live_lesson_with_place`), its lessons carrying their blocks.

    The learner and their enrolment on the course are locked in one statement (the
    enrolment made if there is none), then the quiz, its choices, the learner's attempts
    and their round of the course are read in one, so the rules are decided on facts no
    other tab can change meanwhile. Queries for a passing submission that completes the
    lesson and the course: seven (lock, read, attempt, lesson, course, its status row,
    the checklist intent); three for one that does not pass."""
    key = quiz_services.submission_key_of(submission_key)
    canonical = lesson.canonical
    if canonical is lesson:
        course, lessons = place.course, place.lessons
    else:  # a translation: progress is the Finnish lesson's
        course = canonical.course
        lessons = list(LessonPage.objects.live().child_of(course))
    enrolment_id, last_lesson_id = _lock_learner_and_enrolment(employee=employee, course=course)
    required = _raw_required_quiz_ids(lessons)
    after = _raw_after_block_ids(lessons)
    submission = quiz_services.quiz_for_submission(
        quiz_id,
        employee=employee,
        key=key,
        **_round_annotations(employee=employee, course=course, quiz_ids=required, after=after),
    )
    attempt = quiz_services.quiz_grade_and_record(
        employee=employee, submission=submission, answers=answers, key=key
    )
    facts, keys = _round_of(submission.quiz, attempt)
    mine = {keys[pk] for pk in _raw_required_quiz_ids([canonical]) if pk in keys}
    done = (
        attempt.passed
        and mine <= set(facts.passed)
        and _required_packages_done(
            employee=employee, package_ids=_package_ids_if_any([canonical]), since=facts.since
        )
    )
    if not done:
        if last_lesson_id != canonical.pk:
            Enrolment.objects.filter(pk=enrolment_id).update(last_lesson_id=canonical.pk)
        return QuizOutcome(attempt=attempt, lesson_done=False, completion=None)
    following = next((page for page in lessons if page.path > canonical.path), None)
    created = _lesson_done_record(
        employee=employee,
        lesson=canonical,
        course=course,
        cycle=facts.cycle,
        enrolment_id=enrolment_id,
        continue_with=(following or canonical).pk,
        already=canonical.pk in facts.lessons_done,
    )
    completion = None
    if created:  # else already done (a passed again, a second tab): checked then
        facts.lessons_done.add(canonical.pk)
        completion = _complete_if_facts_say(
            employee=employee,
            course=course,
            lessons=lessons,
            quiz_keys={keys[pk] for pk in required if pk in keys},
            facts=facts,
        )
    pending = None
    if completion is None and following is None:
        pending = next(
            (
                (page, block_id)
                for page in lessons
                for block_id in _raw_after_block_ids([page])
                if block_id not in facts.answered
            ),
            None,
        )
    return QuizOutcome(
        attempt=attempt, lesson_done=True, completion=completion, after_pending=pending
    )


def _package_ids_if_any(lessons: list[LessonPage]) -> list[int]:
    """The lessons' required packages, parsed (one query) only when there are some."""
    return _package_ids(lessons) if _raw_required_package_ids(lessons) else []


def _lock_learner_and_enrolment(
    *, employee: Employee, course: CoursePage
) -> tuple[int, int | None]:
    """Lock the learner (as `quizzes.services.quiz_submit` does: their submissions are
    graded one after the other) and their enrolment on `course` (everything one learner
    does on one course is serialised, as in `_locked_round`), enrolling them as their
    own choice when they are not: one statement. Returns the enrolment's id and the
    lesson it remembers. A new enrolment chosen by the learner changes no status row
    (courses.status.enrolment_changed), so no signal is missed."""
    enrolments = Enrolment._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH learner AS (
                SELECT id FROM {Employee._meta.db_table} WHERE id = %s FOR UPDATE
            )
            INSERT INTO {enrolments} (employee_id, course_id, source, enrolled_at)
            SELECT learner.id, %s, %s, %s FROM learner
            ON CONFLICT (employee_id, course_id) DO UPDATE SET source = {enrolments}.source
            RETURNING id, last_lesson_id
            """,  # noqa: S608 (table names from the models, values as parameters)
            [employee.pk, course.pk, Enrolment.Source.SELF.value, timezone.now()],
        )
        enrolment_id, last_lesson_id = cursor.fetchone()
    return enrolment_id, last_lesson_id


def _round_annotations(
    *, employee: Employee, course: CoursePage, quiz_ids: list[int], after: list[str]
) -> dict[str, ArraySubquery]:
    """The learner's round of `course` as JSON arrays, to be read with the quiz: their
    completions of the course and of its lessons, their passing attempts at the
    required quizzes `quiz_ids` (and those quizzes' translation keys), their answers to
    the after-course self-assessments `after`."""
    annotations = {
        "round_completions": ArraySubquery(
            CourseCompletion.objects.filter(employee=employee, course=course)
            .order_by()
            .values(row=JSONObject(cycle="cycle", at="completed_at", expires="expires_at"))
        ),
        "round_lessons": ArraySubquery(
            LessonCompletion.objects.filter(employee=employee, course=course)
            .order_by()
            .values(row=JSONObject(lesson="lesson_id", cycle="cycle"))
        ),
    }
    if quiz_ids:
        required = Quiz.objects.filter(pk__in=quiz_ids).order_by()
        annotations["round_quizzes"] = ArraySubquery(
            required.values(row=JSONObject(id="pk", key="translation_key"))
        )
        annotations["round_passed"] = ArraySubquery(
            QuizAttempt.objects.filter(
                employee=employee,
                passed=True,
                quiz__translation_key__in=Subquery(required.values("translation_key")),
            )
            .order_by()
            .values(row=JSONObject(key="quiz__translation_key", score="score", at="submitted_at"))
        )
    if after:
        annotations["round_answers"] = ArraySubquery(
            SelfAssessmentAnswer.objects.filter(employee=employee, block_id__in=after)
            .order_by()
            .values(row=JSONObject(block="block_id", at="answered_at"))
        )
    return annotations


def _round_of(quiz: Quiz, attempt: QuizAttempt) -> tuple[RoundFacts, dict[int, uuid.UUID]]:
    """`RoundFacts` from the arrays of `_round_annotations` on `quiz` (the current round
    as `current_cycle` and `_cycle_started` say), with `attempt` just recorded; and the
    required quizzes' translation keys by id."""
    moment = datetime.datetime.fromisoformat
    completions = [
        CourseCompletion(
            cycle=row["cycle"],
            completed_at=moment(row["at"]),
            expires_at=moment(row["expires"]) if row["expires"] else None,
        )
        for row in quiz.round_completions or []
    ]
    latest = max(completions, key=lambda completion: completion.cycle, default=None)
    cycle = _cycle_after(latest, timezone.now())
    since = _round_began(next((c for c in completions if c.cycle == cycle - 1), None))
    keys = {row["id"]: uuid.UUID(row["key"]) for row in getattr(quiz, "round_quizzes", None) or []}
    passed: dict[uuid.UUID, int] = {}
    rows = [
        (uuid.UUID(row["key"]), row["score"], moment(row["at"]))
        for row in getattr(quiz, "round_passed", None) or []
    ]
    if attempt.passed and quiz.translation_key in keys.values():
        rows.append((quiz.translation_key, attempt.score, attempt.submitted_at))
    for key, score, at in rows:
        if since is None or at >= since:
            passed[key] = max(score, passed.get(key, 0))
    facts = RoundFacts(
        cycle=cycle,
        since=since,
        completed=any(completion.cycle == cycle for completion in completions),
        lessons_done={row["lesson"] for row in quiz.round_lessons or [] if row["cycle"] == cycle},
        passed=passed,
        answered={
            str(row["block"])
            for row in getattr(quiz, "round_answers", None) or []
            if since is None or moment(row["at"]) >= since
        },
    )
    return facts, keys


def _lesson_done_record(
    *,
    employee: Employee,
    lesson: LessonPage,
    course: CoursePage,
    cycle: int,
    enrolment_id: int,
    continue_with: int,
    already: bool,
) -> bool:
    """The lesson's completion in `cycle` (unless `already` done) and the lesson the
    learner continues with, in one statement. Whether the completion is new."""
    if already:
        Enrolment.objects.filter(pk=enrolment_id).update(last_lesson_id=continue_with)
        return False
    done = LessonCompletion(
        employee=employee, lesson=lesson, course=course, cycle=cycle, completed_at=timezone.now()
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH moved AS (
                UPDATE {Enrolment._meta.db_table} SET last_lesson_id = %s WHERE id = %s
            )
            INSERT INTO {LessonCompletion._meta.db_table}
                (employee_id, lesson_id, course_id, cycle, completed_at)
            VALUES (%s, %s, %s, %s, %s)
            ON CONFLICT DO NOTHING
            RETURNING id
            """,  # noqa: S608 (table names from the models, values as parameters)
            [
                continue_with,
                enrolment_id,
                employee.pk,
                lesson.pk,
                course.pk,
                cycle,
                done.completed_at,
            ],
        )
        row = cursor.fetchone()
    if row is None:
        return False
    done.pk = row[0]
    _xapi_lesson_completed(done, lesson=lesson, course=course)
    return True


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


@dataclass
class RoundFacts:
    """What completing a course is decided on: the learner's current round of the course
    and, in it, the lessons done, the best passing score per required quiz (by
    translation key), the after-course self-assessments answered (block ids), and
    whether the course is already completed in it."""

    cycle: int
    since: datetime.datetime | None
    completed: bool
    lessons_done: set[int]
    passed: dict[uuid.UUID, int]
    answered: set[str]


def _raw_blocks(lessons: Iterable[LessonPage], kind: str) -> list[dict[str, Any]]:
    """The lessons' stored `kind` blocks, read without loading them (no query for their
    quizzes or packages)."""
    return [
        block for lesson in lessons for block in lesson.body.raw_data if block.get("type") == kind
    ]


def _raw_values(lessons: Iterable[LessonPage], kind: str) -> list[dict[str, Any]]:
    """The stored values of the lessons' `kind` blocks (`_raw_blocks`)."""
    return [block.get("value") or {} for block in _raw_blocks(lessons, kind)]


def _raw_required_quiz_ids(lessons: Iterable[LessonPage]) -> list[int]:
    return [
        value["quiz"]
        for value in _raw_values(lessons, "quiz")
        if value.get("quiz") and value.get("required", True)
    ]


def _raw_after_block_ids(lessons: Iterable[LessonPage]) -> list[str]:
    return [
        str(block["id"])
        for block in _raw_blocks(lessons, "self_assessment")
        if (block.get("value") or {}).get("phase", "before") == "after"
    ]


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
    quiz_keys = _quiz_keys(lessons)
    best: dict[uuid.UUID, int] = {}  # the best passing score per required quiz, in one query
    if quiz_keys:
        for key, score in _passed_attempts(employee, quiz_keys, since).values_list(
            "quiz__translation_key", "score"
        ):
            best[key] = max(score, best.get(key, 0))
    after = _raw_after_block_ids(lessons)
    answers = SelfAssessmentAnswer.objects.filter(employee=employee, block_id__in=after)
    if since is not None:
        answers = answers.filter(answered_at__gte=since)
    facts = RoundFacts(
        cycle=cycle,
        since=since,
        completed=False,
        lessons_done=set(
            LessonCompletion.objects.filter(
                employee=employee, course=course, cycle=cycle
            ).values_list("lesson_id", flat=True)
        ),
        passed=best,
        answered={str(b) for b in answers.values_list("block_id", flat=True)} if after else set(),
    )
    return _complete_if_facts_say(
        employee=employee, course=course, lessons=lessons, quiz_keys=quiz_keys, facts=facts
    )


def _complete_if_facts_say(
    *,
    employee: Employee,
    course: CoursePage,
    lessons: list[LessonPage],
    quiz_keys: set[uuid.UUID],
    facts: RoundFacts,
) -> CourseCompletion | None:
    """The course's rules, on the facts of the learner's round: every lesson done (when
    the course asks for all), every required quiz passed, every required package
    finished, every after-course self-assessment answered. Then the completion, with the
    average of the best scores. `quiz_keys`: the translation keys of the lessons'
    required quizzes."""
    if facts.completed or not lessons:
        return None
    if course.require_all_lessons and not {lesson.pk for lesson in lessons} <= facts.lessons_done:
        return None
    if not quiz_keys <= set(facts.passed):
        return None
    best = {key: facts.passed[key] for key in quiz_keys}
    # Parsed (one query) only when there are some: a removed package is not required.
    package_ids = _package_ids(lessons) if _raw_required_package_ids(lessons) else []
    since = facts.since
    if not _required_packages_done(employee=employee, package_ids=package_ids, since=since):
        return None
    # The before/after figure needs the after-course self-rating: asked before completing.
    if not set(_raw_after_block_ids(lessons)) <= facts.answered:
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
                cycle=facts.cycle,
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


def _raw_required_package_ids(lessons: Iterable[LessonPage]) -> list[int]:
    return [
        value["package"]
        for value in _raw_values(lessons, "package")
        if value.get("package") and value.get("required", True)
    ]


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
    *, course: CoursePage, now: datetime.datetime | None = None, actor: User | None = None
) -> CourseMaterialChange:
    """Mark the course's published revision a material change (olennainen muutos):
    every completion made before now that is still valid expires now, so the course is
    to renew for those learners, due after the course's grace period
    (`courses.selectors.renewal_due_date`), and the hourly reminder sweep reminds them.
    Completions made later are not touched; the status rows of the course are renewed
    in the same transaction, and the mark is written in the audit log (`actor`: None
    for the person signed in). Once per revision: marking the same revision again
    changes nothing and returns the first mark."""
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
    CourseMaterialChange.objects.filter(pk=change.pk).update(
        completions_affected=change.completions_affected
    )
    learning_status_refresh(course_ids=[course.pk])
    audit_record(
        action=AuditAction.COURSE_MATERIAL_CHANGE,
        actor=actor,
        target=course.title,
        course_id=course.pk,
        revision_id=change.revision_id,
        completions_affected=change.completions_affected,
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
