"""Reads for learners: the course outline, My learning and the catalogue. Each states
its query budget; none grows with the number of courses or lessons."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from courses.models import (
    CourseCompletion,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
)
from courses.permissions import audience_of, employee_in_audience
from courses.services import current_cycle
from languages.fields import language_code
from people.deadlines import due_soon_until, is_due_soon, is_overdue
from people.models import Employee
from people.selectors import employee_for_user
from people.types import AnyUser


@dataclass
class CourseStatus:
    course: CoursePage
    enrolment: Enrolment | None
    lessons_total: int
    lessons_done: int
    completion: CourseCompletion | None  # the latest one
    today: datetime.date

    @property
    def state(self) -> str:
        """completed, to_renew, overdue, due_soon, in_progress or not_started."""
        now = timezone.now()
        if self.completion is not None:
            if self.completion.is_valid_at(now):
                return "completed"
            return "to_renew"
        due = self.due_date
        if due is not None and is_overdue(due, today=self.today):
            return "overdue"
        if due is not None and is_due_soon(due, today=self.today):
            return "due_soon"
        return "in_progress" if self.lessons_done else "not_started"

    @property
    def due_date(self):
        return self.enrolment.due_date if self.enrolment else None

    @property
    def required(self) -> bool:
        return self.course.mandatory or (
            self.enrolment is not None and self.enrolment.source != Enrolment.Source.SELF
        )

    @property
    def percent(self) -> int:
        if self.state == "completed":
            return 100
        return round(100 * self.lessons_done / self.lessons_total) if self.lessons_total else 0


COURSE_STATE_ORDER = ("overdue", "to_renew", "due_soon", "not_started", "completed")


def course_state_sql(*, due: str, completed_at: str, expires_at: str) -> tuple[str, list]:
    """`CourseStatus.state` as an SQL CASE over three column expressions (the enrolment's
    due date, the latest completion's time and expiry), for pages that rank thousands of
    person–course cells in PostgreSQL (the team dashboard) instead of building a
    `CourseStatus` each. Its positional parameters come back with it. Same rule as the
    property above (lessons not counted: a cell is never *in progress*); a test compares
    the two case by case."""
    sql = (
        f"CASE WHEN {completed_at} IS NOT NULL AND ({expires_at} IS NULL OR {expires_at} > %s)"
        f" THEN 'completed' WHEN {completed_at} IS NOT NULL THEN 'to_renew'"
        f" WHEN {due} < %s THEN 'overdue'"
        f" WHEN {due} <= %s THEN 'due_soon' ELSE 'not_started' END"
    )
    today = timezone.localdate()
    return sql, [timezone.now(), today, due_soon_until(today)]


def _cycle_of(completion: CourseCompletion | None, now) -> int:
    if completion is None:
        return 1
    return completion.cycle if completion.is_valid_at(now) else completion.cycle + 1


def _statuses(
    employee: Employee, courses: list[CoursePage], enrolments: dict[int, Enrolment]
) -> list[CourseStatus]:
    """Four queries for any number of courses."""
    if not courses:
        return []
    now = timezone.now()
    today = timezone.localdate()
    course_ids = [course.pk for course in courses]
    # Live lessons per course: one query over the lessons of the default locale.
    course_by_path = {course.path: course.pk for course in courses}
    lessons_by_course: dict[int, int] = {}
    for path in (
        LessonPage.objects.live()
        .filter(locale_id=courses[0].locale_id)
        .values_list("path", flat=True)
    ):
        course_id = course_by_path.get(path[: -LessonPage.steplen])
        if course_id is not None:
            lessons_by_course[course_id] = lessons_by_course.get(course_id, 0) + 1
    latest: dict[int, CourseCompletion] = {}
    for completion in CourseCompletion.objects.filter(
        employee=employee, course_id__in=course_ids
    ).order_by("cycle"):
        latest[completion.course_id] = completion
    done_counts: dict[tuple[int, int], int] = {}
    for row in (
        LessonCompletion.objects.filter(
            employee=employee, course_id__in=course_ids, lesson__live=True
        )
        .values("course_id", "cycle")
        .annotate(done=Count("pk"))
    ):
        done_counts[(row["course_id"], row["cycle"])] = row["done"]
    statuses = []
    for course in courses:
        completion = latest.get(course.pk)
        cycle = _cycle_of(completion, now)
        statuses.append(
            CourseStatus(
                course=course,
                enrolment=enrolments.get(course.pk),
                lessons_total=lessons_by_course.get(course.pk, 0),
                lessons_done=done_counts.get((course.pk, cycle), 0),
                completion=completion,
                today=today,
            )
        )
    return statuses


def lesson_done(*, employee: Employee, lesson: LessonPage) -> bool:
    """Whether the learner has completed the lesson in their current round of the
    course (a new round starts when a completion expires)."""
    canonical = lesson.canonical
    cycle = current_cycle(employee=employee, course=canonical.course)
    done = LessonCompletion.objects.filter(employee=employee, lesson=canonical, cycle=cycle)
    return done.exists()


def _default_locale_courses():
    from courses.models import default_locale_id

    return CoursePage.objects.live().filter(locale_id=default_locale_id())


def in_reader_language(courses) -> dict[int, CoursePage]:
    """Each course's live translation in the active language, where there is one, keyed
    by the course's own pk (the address is the same; progress stays on the Finnish page).
    One query, none in Finnish."""
    courses = list(courses)
    code = language_code()
    if code == "fi" or not courses:
        return {}
    translations = {
        course.translation_key: course
        for course in CoursePage.objects.live().filter(
            translation_key__in={course.translation_key for course in courses},
            locale__language_code=code,
        )
    }
    return {
        course.pk: translations[course.translation_key]
        for course in courses
        if course.translation_key in translations
    }


def _in_reader_language(statuses: list[CourseStatus]) -> None:
    shown = in_reader_language(status.course for status in statuses)
    for status in statuses:
        status.course = shown.get(status.course.pk, status.course)


def my_learning(*, employee: Employee) -> dict[str, list[CourseStatus]]:
    """The learner's courses in three groups: required (mandatory for their audience or
    assigned, not yet done, or due for renewal) first by due date, then optional ones in
    progress, then completed, each course in the reader's language where it has a live
    translation. Queries: a constant 8 at 1 or 40 courses (9 in Swedish or English)."""
    enrolments = {
        enrolment.course_id: enrolment for enrolment in Enrolment.objects.filter(employee=employee)
    }
    candidates = list(
        _default_locale_courses().filter(Q(mandatory=True) | Q(pk__in=list(enrolments)))
    )
    unit_paths, role_ids = audience_of(candidates)
    courses = [
        course
        for course in candidates
        if course.pk in enrolments
        or employee_in_audience(employee, course, unit_paths[course.pk], role_ids[course.pk])
    ]
    statuses = _statuses(employee, courses, enrolments)
    _in_reader_language(statuses)
    far_future = datetime.date.max
    required = sorted(
        (s for s in statuses if s.required and s.state != "completed"),
        key=lambda s: (
            s.state != "overdue",
            s.state != "to_renew",
            s.due_date or far_future,
            s.course.title,
        ),
    )
    in_progress = sorted(
        (s for s in statuses if not s.required and s.state != "completed"),
        key=lambda s: s.course.title,
    )
    completed = sorted(
        (s for s in statuses if s.state == "completed"),
        key=lambda s: s.completion.completed_at,
        reverse=True,
    )
    return {"required": required, "in_progress": in_progress, "completed": completed}


def catalogue_for(*, user: AnyUser, index: CourseIndexPage) -> list[CourseStatus]:
    """Published courses under `index` whose audience fits the user (all of them for
    someone without an employee record, e.g. a trainer previewing)."""
    courses = list(CoursePage.objects.live().child_of(index).order_by("title"))
    employee = employee_for_user(user)
    if employee is None:
        return [CourseStatus(c, None, 0, 0, None, timezone.localdate()) for c in courses]
    canonical = {course.pk: course.canonical for course in courses}
    canonical_courses = list({c.pk: c for c in canonical.values()}.values())
    unit_paths, role_ids = audience_of(canonical_courses)
    fitting = [
        course
        for course in canonical_courses
        if employee_in_audience(employee, course, unit_paths[course.pk], role_ids[course.pk])
    ]
    enrolments = {
        e.course_id: e for e in Enrolment.objects.filter(employee=employee, course__in=fitting)
    }
    statuses = _statuses(employee, fitting, enrolments)
    localized = {canonical[c.pk].pk: c for c in courses}
    for status in statuses:
        status.course = localized.get(status.course.pk, status.course)
    return statuses


def course_outline(*, user: AnyUser, course: CoursePage) -> dict:
    """The lessons of a course (in the page's own language) with the learner's marks."""
    lessons = list(LessonPage.objects.live().child_of(course).order_by("path"))
    canonical = course.canonical
    employee = employee_for_user(user)
    done: set = set()
    enrolment = None
    completion = None
    if employee is not None:
        enrolment = Enrolment.objects.filter(employee=employee, course=canonical).first()
        completion = (
            CourseCompletion.objects.filter(employee=employee, course=canonical)
            .order_by("-cycle")
            .first()
        )
        cycle = _cycle_of(completion, timezone.now())
        done_keys = set(
            LessonCompletion.objects.filter(
                employee=employee, course=canonical, cycle=cycle
            ).values_list("lesson__translation_key", flat=True)
        )
        done = {lesson.pk for lesson in lessons if lesson.translation_key in done_keys}
    resume = None
    if enrolment is not None and enrolment.last_lesson_id:
        resume = next(
            (
                lesson
                for lesson in lessons
                if lesson.translation_key == enrolment.last_lesson.translation_key
            ),
            None,
        )
    first_open = next((lesson for lesson in lessons if lesson.pk not in done), None)
    return {
        "lessons": [(lesson, lesson.pk in done) for lesson in lessons],
        "enrolment": enrolment,
        "completion": completion,
        "completion_valid": completion is not None and completion.is_valid_at(timezone.now()),
        "next_lesson": resume or first_open or (lessons[0] if lessons else None),
        "done_count": len(done),
    }


def completion_title(*, completion: CourseCompletion) -> str:
    """The completed course's name in the reader's language: its live translation's
    title when there is one, else the title recorded at completion (the Finnish one, or
    the course's name at the time if it has since been removed). One query."""
    course = completion.course
    if course is not None:
        translated = course.localized
        if translated.pk != course.pk:
            return translated.title
    return completion.course_title
