"""Reads for learners: the course outline, My learning and the catalogue. Each states
its query budget; none grows with the number of courses or lessons."""

import datetime
import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import (
    Case,
    Count,
    DateField,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import (
    Cast,
    Coalesce,
    ExtractYear,
    JSONObject,
    Left,
    Length,
    TruncDate,
)
from django.db.models.lookups import GreaterThanOrEqual
from django.utils import timezone

from compiledsql import CompiledQuery
from courses.models import (
    CourseCompletion,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
)
from courses.permissions import employee_in_audience
from courses.services import current_cycle
from languages.fields import language_code
from people.deadlines import due_soon_until, is_due_soon, is_overdue
from people.models import Employee
from people.selectors import employee_for_user
from people.types import AnyUser
from quizzes.models import Quiz, QuizAttempt, SelfAssessmentAnswer


def is_to_renew(completion: CourseCompletion | None, now: datetime.datetime) -> bool:
    """The "to renew" rule: the learner's latest completion of the course has expired.
    A completion expires `validity_months` after it was made, or at the start of the
    next renewal window (`courses.renewal`), or when a trainer marks a later published
    revision of the course a material change (`courses.services.
    course_mark_material_change` brings `expires_at` forward to it). Every page that
    shows a course to renew (My learning, the home page, the catalogue, the course page,
    the team dashboard through `CourseStatus` and `course_state_sql`) and the renewal
    reminders (`completions_to_renew`) ask this."""
    return completion is not None and not completion.is_valid_at(now)


def renewal_due_date(
    *, completion: CourseCompletion | None, course: CoursePage
) -> datetime.date | None:
    """When a course to renew must be renewed by, shown as "uusittava viimeistään …":
    - after a material change: the change plus the course's grace period (*aikaa
      käyttöönotossa*, else COURSE_GRACE_DAYS: nobody could have seen it coming);
    - for a course with a renewal window: the end of the window its expiry opens;
    - otherwise the expiry plus the course's grace period when it has one.
    Never the date of the original enrolment, which is years ago. `renewal_due_date_sql`
    is the same rule for querysets; a test compares the two."""
    from courses.renewal import RenewalWindow

    if completion is None or completion.expires_at is None:
        return None
    due = timezone.localtime(completion.expires_at).date()
    # A caller that loaded the course without its grace period or window (a list of
    # many) gets the expiry itself rather than a query per course.
    grace = None if "grace_days" in course.get_deferred_fields() else course.grace_days
    # Facts read for a list (the team dashboard's) may not carry the mark: read as None.
    if getattr(completion, "renewal_required_by_id", None) is not None:
        return due + datetime.timedelta(
            days=grace if grace is not None else settings.COURSE_GRACE_DAYS
        )
    window = RenewalWindow.of(course)
    if window is not None:
        return window.end_on_or_after(due)
    return due + datetime.timedelta(days=grace or 0)


def renewal_due_date_sql(*, course: str = "course") -> Case:
    """`renewal_due_date` for a CourseCompletion queryset (`course` is the path to the
    completion's course): a date expression to annotate with."""
    expiry_day = TruncDate("expires_at")
    grace = Coalesce(F(f"{course}__grace_days"), Value(0))
    grace_after_change = Coalesce(F(f"{course}__grace_days"), Value(settings.COURSE_GRACE_DAYS))
    year = Cast(ExtractYear(expiry_day), IntegerField())
    end_month = Cast(F(f"{course}__renewal_end_month"), IntegerField())
    end_day = Cast(F(f"{course}__renewal_end_day"), IntegerField())
    end_this_year = Func(year, end_month, end_day, function="make_date", output_field=DateField())
    end_next_year = Func(
        year + 1, end_month, end_day, function="make_date", output_field=DateField()
    )
    return Case(
        When(expires_at__isnull=True, then=Value(None, output_field=DateField())),
        When(
            renewal_required_by__isnull=False,
            then=_plus_days(expiry_day, grace_after_change),
        ),
        When(
            Q(**{f"{course}__renewal_start_month__isnull": False})
            & Q(**{f"{course}__renewal_start_day__isnull": False})
            & Q(**{f"{course}__renewal_end_month__isnull": False})
            & Q(**{f"{course}__renewal_end_day__isnull": False}),
            then=Case(
                When(
                    GreaterThanOrEqual(end_this_year, expiry_day),
                    then=end_this_year,
                ),
                default=end_next_year,
                output_field=DateField(),
            ),
        ),
        default=_plus_days(expiry_day, grace),
        output_field=DateField(),
    )


def _plus_days(day: Any, days: Any) -> Any:
    # date + integer is a date in PostgreSQL.
    return ExpressionWrapper(day + days, output_field=DateField())


@dataclass
class CourseStatus:
    course: CoursePage
    enrolment: Enrolment | None
    lessons_total: int
    lessons_done: int
    completion: CourseCompletion | None  # the latest one
    today: datetime.date
    # The catalogue's: the course's live lessons (each with `done`) and its languages.
    lessons: list[LessonPage] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)

    @property
    def state(self) -> str:
        """completed, to_renew, overdue, due_soon, in_progress or not_started."""
        if self.completion is not None:
            if is_to_renew(self.completion, timezone.now()):
                return "to_renew"
            return "completed"
        due = self.due_date
        if due is not None and is_overdue(due, today=self.today):
            return "overdue"
        if due is not None and is_due_soon(due, today=self.today):
            return "due_soon"
        return "in_progress" if self.lessons_done else "not_started"

    @property
    def due_date(self) -> datetime.date | None:
        """The enrolment's due date; for a course to renew, the renewal's (see
        `renewal_due_date`), never the old enrolment's."""
        if self.completion is not None and is_to_renew(self.completion, timezone.now()):
            return renewal_due_date(completion=self.completion, course=self.course)
        return self.enrolment.due_date if self.enrolment else None

    @property
    def overdue(self) -> bool:
        due = self.due_date
        return self.state != "completed" and due is not None and due < self.today

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


def course_state_sql(
    *, due: str, completed_at: str, expires_at: str
) -> tuple[str, list[datetime.datetime | datetime.date]]:
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


def _cycle_of(completion: CourseCompletion | None, now: datetime.datetime) -> int:
    if completion is None:
        return 1
    return completion.cycle if completion.is_valid_at(now) else completion.cycle + 1


def with_audience(courses: QuerySet[CoursePage]) -> QuerySet[CoursePage]:
    """`courses` (a CoursePage queryset) with each course's audience
    (`audience_unit_paths`, `audience_role_ids`) read in the same query."""
    through_units = CoursePage.audience_units.through.objects.filter(coursepage_id=OuterRef("pk"))
    through_roles = CoursePage.audience_job_roles.through.objects.filter(
        coursepage_id=OuterRef("pk")
    )
    annotated: QuerySet[CoursePage] = courses.annotate(
        audience_unit_paths=ArraySubquery(through_units.values("orgunit__path")),
        audience_role_ids=ArraySubquery(through_roles.values("jobrole_id")),
    )
    return annotated


def with_audience_and_lessons(courses: QuerySet[CoursePage]) -> QuerySet[CoursePage]:
    """`with_audience`, and each course's number of live lessons (`live_lessons`)."""
    lessons = (
        LessonPage.objects.live()
        .filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
        .order_by()
        .annotate(count=Func(F("pk"), function="COUNT"))
        .values("count")
    )
    annotated: QuerySet[CoursePage] = with_audience(courses).annotate(
        live_lessons=Subquery(lessons, output_field=IntegerField())
    )
    return annotated


def _fits(employee: Employee, course: CoursePage) -> bool:
    """The audience rule for a course read by `with_audience_and_lessons`."""
    return employee_in_audience(
        employee, course, course.audience_unit_paths or [], course.audience_role_ids or []
    )


def _latest_completions(employee: Employee, course_ids: list[int]) -> dict[int, CourseCompletion]:
    latest: dict[int, CourseCompletion] = {}
    for completion in CourseCompletion.objects.filter(
        employee=employee, course_id__in=course_ids
    ).order_by("cycle"):
        latest[completion.course_id] = completion
    return latest


def _statuses(
    employee: Employee, courses: list[CoursePage], enrolments: dict[int, Enrolment]
) -> list[CourseStatus]:
    """Two queries for any number of courses read by `with_audience_and_lessons`."""
    if not courses:
        return []
    now = timezone.now()
    today = timezone.localdate()
    course_ids = [course.pk for course in courses]
    latest = _latest_completions(employee, course_ids)
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
                lessons_total=course.live_lessons or 0,
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


def _default_locale_courses() -> QuerySet[CoursePage]:
    from courses.models import default_locale_id

    courses: QuerySet[CoursePage] = CoursePage.objects.live().filter(locale_id=default_locale_id())
    return courses


def in_reader_language(courses: Iterable[CoursePage]) -> dict[int, CoursePage]:
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
    translation. Queries: a constant 4 (enrolments, courses with their audiences and
    lesson counts, completions, lessons done) at 1 or 40 courses; 5 in Swedish or English."""
    enrolments = {
        enrolment.course_id: enrolment
        for enrolment in Enrolment.objects.filter(employee=employee).select_related("last_lesson")
    }
    candidates = list(
        with_audience_and_lessons(
            _default_locale_courses().filter(Q(mandatory=True) | Q(pk__in=list(enrolments)))
        )
    )
    courses = [
        course for course in candidates if course.pk in enrolments or _fits(employee, course)
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
        key=lambda s: cast(CourseCompletion, s.completion).completed_at,
        reverse=True,
    )
    return {"required": required, "in_progress": in_progress, "completed": completed}


@dataclass
class NextStep:
    """The home page's one suggestion: carry on with a course begun (`resume`), or
    start the next one due."""

    status: CourseStatus
    resume: bool

    @property
    def url(self) -> str:
        enrolment = self.status.enrolment
        url: str
        if enrolment is not None and enrolment.last_lesson_id:
            last = enrolment.last_lesson
            if last is not None and last.live:
                url = last.url
                return url
        url = self.status.course.url
        return url


def next_step(groups: dict[str, list[CourseStatus]]) -> NextStep | None:
    """From `my_learning`: the required course begun most urgently due, else any course
    begun, else the first required one not begun; None when nothing is open."""
    open_courses = groups["required"] + groups["in_progress"]
    begun = [s for s in open_courses if s.lessons_done or _has_resume(s)]
    if begun:
        return NextStep(begun[0], resume=True)
    if groups["required"]:
        return NextStep(groups["required"][0], resume=False)
    return None


def _has_resume(status: CourseStatus) -> bool:
    return status.enrolment is not None and bool(status.enrolment.last_lesson_id)


CATALOGUE_SORTS = ("title", "due")


@dataclass
class CatalogueFilters:
    """What the catalogue's form asks: words to find, mandatory courses only, courses
    required of me only, courses available in a language, and the order."""

    query: str = ""
    mandatory: bool = False
    for_me: bool = False
    language: str = ""
    sort: str = "title"

    @classmethod
    def from_request(cls, params: Mapping[str, str]) -> "CatalogueFilters":
        from django.conf import settings

        languages = {code for code, _name in settings.LANGUAGES}
        language = params.get("kieli", "")
        sort = params.get("jarjestys", "title")
        return cls(
            query=params.get("haku", "").strip()[:100],
            mandatory=params.get("pakollinen") == "1",
            for_me=params.get("minulle") == "1",
            language=language if language in languages else "",
            sort=sort if sort in CATALOGUE_SORTS else "title",
        )


def catalogue_for(
    *, user: AnyUser, index: CourseIndexPage, filters: CatalogueFilters | None = None
) -> list[CourseStatus]:
    """Published courses under `index` whose audience fits the user, or that they are
    enrolled in (all of them for someone without an employee record, e.g. a trainer
    previewing), filtered and sorted as `filters` ask. Each status carries `lessons`:
    the course's live lessons in the index's language, each with `done` for the
    learner's current round. Queries: a constant 7 at any number of courses."""
    filters = filters or CatalogueFilters()
    courses = list(CoursePage.objects.live().child_of(index).order_by("title"))
    keys = [course.translation_key for course in courses]
    languages: dict[uuid.UUID, set[str]] = {}
    for key, code in (
        CoursePage.objects.live()
        .filter(translation_key__in=keys)
        .values_list("translation_key", "locale__language_code")
    ):
        languages.setdefault(key, set()).add(code)
    employee = employee_for_user(user)
    canonical_courses = list(
        with_audience_and_lessons(_default_locale_courses().filter(translation_key__in=keys))
    )
    if employee is None:
        enrolments: dict[int, Enrolment] = {}
        fitting = canonical_courses
    else:
        enrolments = {
            e.course_id: e
            for e in Enrolment.objects.filter(employee=employee).select_related("last_lesson")
        }
        fitting = [c for c in canonical_courses if c.pk in enrolments or _fits(employee, c)]
    statuses = (
        _statuses(employee, fitting, enrolments)
        if employee is not None
        else [
            CourseStatus(c, None, c.live_lessons or 0, 0, None, timezone.localdate())
            for c in fitting
        ]
    )
    localized = {course.translation_key: course for course in courses}
    lessons_by_course = _catalogue_lessons(employee, index, statuses, localized)
    for status in statuses:
        status.lessons = lessons_by_course.get(status.course.pk, [])
        status.languages = sorted(languages.get(status.course.translation_key, ()))
        status.course = localized.get(status.course.translation_key, status.course)
    return _filtered(statuses, filters)


def _catalogue_lessons(
    employee: Employee | None,
    index: CourseIndexPage,
    statuses: list[CourseStatus],
    localized: dict[uuid.UUID, CoursePage],
) -> dict[int, list[LessonPage]]:
    """The live lessons of each course in the index's language, keyed by the canonical
    course's id, with `done` marks for the learner's current round: two queries."""
    canonical_of_path = {
        localized[s.course.translation_key].path: s.course.pk
        for s in statuses
        if s.course.translation_key in localized
    }
    lessons = list(
        LessonPage.objects.live()
        .filter(locale_id=index.locale_id, depth=index.depth + 2, path__startswith=index.path)
        .order_by("path")
        .only("id", "title", "url_path", "path", "depth", "locale_id", "translation_key")
    )
    done: set[uuid.UUID] = set()
    if employee is not None and statuses:
        now = timezone.now()
        cycles = {s.course.pk: _cycle_of(s.completion, now) for s in statuses}
        for key, course_id, cycle in LessonCompletion.objects.filter(
            employee=employee, course_id__in=list(cycles), lesson__live=True
        ).values_list("lesson__translation_key", "course_id", "cycle"):
            if cycles.get(course_id) == cycle:
                done.add(key)
    result: dict[int, list[LessonPage]] = {}
    for lesson in lessons:
        canonical_id = canonical_of_path.get(lesson.path[: -LessonPage.steplen])
        if canonical_id is not None:
            lesson.done = lesson.translation_key in done
            result.setdefault(canonical_id, []).append(lesson)
    return result


def _filtered(statuses: list[CourseStatus], filters: CatalogueFilters) -> list[CourseStatus]:
    words = filters.query.casefold().split()
    kept = [
        status
        for status in statuses
        if (not filters.mandatory or status.course.mandatory)
        and (not filters.for_me or status.required)
        and (not filters.language or filters.language in status.languages)
        and all(
            word in f"{status.course.title} {status.course.summary}".casefold() for word in words
        )
    ]
    if filters.sort == "due":
        far_future = datetime.date.max
        kept.sort(key=lambda s: (s.state == "completed", s.due_date or far_future, s.course.title))
    else:
        kept.sort(key=lambda s: s.course.title.casefold())
    return kept


def course_outline(*, user: AnyUser, course: CoursePage) -> dict[str, Any]:
    """The lessons of a course (in the page's own language) with the learner's marks."""
    lessons = list(LessonPage.objects.live().child_of(course).order_by("path"))
    canonical = course.canonical
    employee = employee_for_user(user)
    done: set[int] = set()
    enrolment = None
    completion = None
    if employee is not None:
        enrolment = (
            Enrolment.objects.filter(employee=employee, course=canonical)
            .select_related("last_lesson")
            .first()
        )
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
    last = enrolment.last_lesson if enrolment is not None and enrolment.last_lesson_id else None
    if last is not None:
        resume = next(
            (lesson for lesson in lessons if lesson.translation_key == last.translation_key),
            None,
        )
    first_open = next((lesson for lesson in lessons if lesson.pk not in done), None)
    status = CourseStatus(
        course=canonical,
        enrolment=enrolment,
        lessons_total=len(lessons),
        lessons_done=len(done),
        completion=completion,
        today=timezone.localdate(),
    )
    return {
        "lessons": [(lesson, lesson.pk in done) for lesson in lessons],
        "enrolment": enrolment,
        "completion": completion,
        "completion_valid": completion is not None and completion.is_valid_at(timezone.now()),
        "status": status,
        "next_lesson": resume or first_open or (lessons[0] if lessons else None),
        "done_count": len(done),
    }


@dataclass
class LessonPlace:
    """A lesson's course and the course's live lessons in order (the lesson itself in
    its place even when it is a draft being previewed), with the course's audience."""

    course: CoursePage
    lessons: list[LessonPage]
    unit_paths: list[str]
    role_ids: list[int]

    def position_of(self, lesson: LessonPage) -> int:
        return next((i for i, page in enumerate(self.lessons) if page is lesson), 0)


def _sibling_rows(*, bodies: bool = False) -> ArraySubquery:
    """The live lessons under the course row of the outer query, in order, as JSON."""
    fields: dict[str, Any] = {"id": "pk", "title": "title", "url_path": "url_path", "path": "path"}
    if bodies:
        fields |= {"body": "body", "translation_key": "translation_key", "slug": "slug"}
    siblings = (
        LessonPage.objects.live()
        .filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
        .order_by("path")
        .values(row=JSONObject(**fields))
    )
    return ArraySubquery(siblings)


def _sibling(row: dict[str, Any], *, course: CoursePage) -> LessonPage:
    lesson = LessonPage(
        id=row["id"],
        page_ptr_id=row["id"],
        title=row["title"],
        url_path=row["url_path"],
        path=row["path"],
        depth=course.depth + 1,
        locale_id=course.locale_id,
        live=True,
    )
    if "body" in row:
        lesson.body = row["body"]
        lesson.translation_key = uuid.UUID(row["translation_key"])
        lesson.slug = row["slug"]
    return lesson


def _place(course: CoursePage, lessons: list[LessonPage]) -> LessonPlace:
    return LessonPlace(
        course=course,
        lessons=lessons,
        unit_paths=course.audience_unit_paths or [],
        role_ids=course.audience_role_ids or [],
    )


_LESSON_PLACE = CompiledQuery(
    lambda path: with_audience(CoursePage.objects.filter(path=path)).annotate(
        lesson_rows=_sibling_rows()
    ),
    path="\x00course-path\x00",
)
_LESSON_BY_URL = CompiledQuery(
    lambda url_path, locale_id: LessonPage.objects.filter(
        url_path=url_path, locale_id=locale_id
    ).annotate(restricted=LessonPage.may_be_restricted())[:1],
    url_path="\x00url-path\x00",
    locale_id=-731_958_204,
)


def routed_lesson(*, url_path: str, locale_id: int) -> LessonPage | None:
    """The lesson at `url_path` in the locale, with whether a view restriction may
    apply (`LessonPage.may_be_restricted`): one query, for routing a request."""
    sql, params = _LESSON_BY_URL.bind(url_path=url_path, locale_id=locale_id)
    return next(iter(LessonPage.objects.raw(sql, params)), None)


def lesson_place(*, lesson: LessonPage) -> LessonPlace:
    """One query: the course with its audience and its live lessons as a JSON array.
    Kept on the lesson, so the view's access check and the context share it."""
    cached: LessonPlace | None = lesson.__dict__.get("_lesson_place")
    if cached is not None:
        return cached
    sql, params = _LESSON_PLACE.bind(path=lesson.path[: -lesson.steplen])
    (course,) = CoursePage.objects.raw(sql, params)
    rows = [json.loads(row) if isinstance(row, str) else row for row in course.lesson_rows or []]
    lessons = [
        _sibling(row, course=course) for row in rows if lesson.pk is None or row["id"] != lesson.pk
    ]
    lessons.append(lesson)
    lessons.sort(key=lambda page: page.path)
    place = _place(course, lessons)
    lesson.__dict__["_lesson_place"] = place
    lesson.__dict__["course"] = course  # LessonPage.course, already read
    return place


def live_lesson_with_place(*, lesson_id: int) -> tuple[LessonPage, LessonPlace] | None:
    """The live lesson `lesson_id` with its place (as `lesson_place`), every live lesson
    of its course carrying its blocks (`body`): what a lesson's form needs to grade,
    complete the lesson and check the course, in one query. None: no such live lesson.
    The lessons are built from the query's rows: their id, title, address, path,
    language, translation key and blocks are set, nothing else."""
    parent = (
        LessonPage.objects.live()
        .filter(pk=lesson_id)
        .annotate(parent_path=Left("path", Length("path") - LessonPage.steplen))
        .values("parent_path")[:1]
    )
    course = (
        with_audience(CoursePage.objects.filter(path=Subquery(parent)))
        .annotate(lesson_rows=_sibling_rows(bodies=True))
        .first()
    )
    if course is None:
        return None
    lessons = [_sibling(row, course=course) for row in course.lesson_rows or []]
    lesson = next((page for page in lessons if page.pk == lesson_id), None)
    if lesson is None:
        return None
    place = _place(course, lessons)
    lesson.__dict__["_lesson_place"] = place
    lesson.__dict__["course"] = course
    return lesson, place


@dataclass
class LessonLearnerState:
    attempts: list[QuizAttempt]  # with `quiz_key`, oldest first
    ratings: dict[str, int]  # {self-assessment block id: value}
    lesson_done: bool


def lesson_learner_state(
    *,
    employee: Employee,
    lesson: LessonPage,
    course: CoursePage,
    quiz_keys: Iterable[uuid.UUID],
    block_ids: Iterable[str],
) -> LessonLearnerState:
    """Everything of the learner's own that a lesson page shows, in one UNION query:
    their attempts at the lesson's quizzes, their self-ratings of its self-assessment
    blocks, and whether the lesson is done in their current round of the course (its
    completions and the course's). `lesson` and `course` are the canonical pages.
    Written as SQL: the ORM took longer to compile the UNION than PostgreSQL to run it."""
    with connection.cursor() as cursor:
        cursor.execute(
            _LEARNER_STATE_SQL,
            [
                employee.pk,
                [str(key) for key in quiz_keys],
                employee.pk,
                [str(block_id) for block_id in block_ids],
                employee.pk,
                lesson.pk,
                employee.pk,
                course.pk,
            ],
        )
        rows = cursor.fetchall()
    state = LessonLearnerState(attempts=[], ratings={}, lesson_done=False)
    done_cycles: set[int] = set()
    latest: CourseCompletion | None = None
    for kind, key, number, score, passed, moment in rows:
        if kind == "attempt":
            attempt = QuizAttempt(pk=number, score=score, passed=passed, submitted_at=moment)
            attempt.quiz_key = uuid.UUID(key)
            state.attempts.append(attempt)
        elif kind == "rating":
            state.ratings[key] = number
        elif kind == "lesson":
            done_cycles.add(number)
        elif latest is None or number > latest.cycle:
            latest = CourseCompletion(cycle=number, expires_at=moment)
    state.attempts.sort(key=lambda attempt: attempt.submitted_at)
    state.lesson_done = _cycle_of(latest, timezone.now()) in done_cycles
    return state


_LEARNER_STATE_SQL = f"""
    SELECT 'attempt', quiz.translation_key::text, attempt.id, attempt.score, attempt.passed,
        attempt.submitted_at
    FROM {QuizAttempt._meta.db_table} attempt
    JOIN {Quiz._meta.db_table} quiz ON quiz.id = attempt.quiz_id
    WHERE attempt.employee_id = %s AND quiz.translation_key = ANY(%s::uuid[])
    UNION ALL
    SELECT 'rating', answer.block_id::text, answer.value, NULL, NULL, NULL
    FROM {SelfAssessmentAnswer._meta.db_table} answer
    WHERE answer.employee_id = %s AND answer.block_id = ANY(%s::uuid[])
    UNION ALL
    SELECT 'lesson', NULL, done.cycle, NULL, NULL, NULL
    FROM {LessonCompletion._meta.db_table} done
    WHERE done.employee_id = %s AND done.lesson_id = %s
    UNION ALL
    SELECT 'completion', NULL, completion.cycle, NULL, NULL, completion.expires_at
    FROM {CourseCompletion._meta.db_table} completion
    WHERE completion.employee_id = %s AND completion.course_id = %s
"""  # noqa: S608 (table names from the models, values as parameters)


def pending_after_assessment(
    *, employee: Employee, course: CoursePage
) -> tuple[LessonPage, str] | None:
    """The course's after-course self-assessment the learner has not answered in this
    round, as (lesson, block id), or None. The course completes only once it is
    answered (courses.services.course_complete_if_done)."""
    from courses.services import after_assessments_unanswered

    return after_assessments_unanswered(employee=employee, course=course.canonical)


def completion_title(*, completion: CourseCompletion) -> str:
    """The completed course's name in the reader's language: its live translation's
    title when there is one, else the title recorded at completion (the Finnish one, or
    the course's name at the time if it has since been removed). One query."""
    from django.conf import settings
    from django.utils.translation import get_language

    from courses.models import default_locale_id

    course = completion.course
    reader = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if (
        course is not None
        and course.locale_id == default_locale_id()
        and reader == settings.LANGUAGE_CODE
    ):
        return completion.course_title  # a Finnish reader of a Finnish course
    if course is not None:
        translated = course.localized
        if translated.pk != course.pk:
            title: str = translated.title
            return title
    return completion.course_title


def catalogue_page() -> CourseIndexPage | None:
    """The course catalogue in the reader's language (else the default one's): one
    query."""
    from django.db.models import Case, When
    from django.utils.translation import get_language

    from courses.models import default_locale_id

    language = (get_language() or "").split("-")[0]
    page: CourseIndexPage | None = (
        CourseIndexPage.objects.live()
        .filter(Q(locale__language_code=language) | Q(locale_id=default_locale_id()))
        .order_by(Case(When(locale__language_code=language, then=0), default=1), "path")
        .first()
    )
    return page


def course_rating(*, employee: Employee, course: CoursePage) -> int | None:
    """The learner's own 1–5 rating of the course, if they gave one."""
    from courses.models import CourseRating

    return (
        CourseRating.objects.filter(employee=employee, course=course.canonical)
        .values_list("value", flat=True)
        .first()
    )


def certificate_issuer() -> str:
    """Who issues certificates: the COUNTY_NAME setting, else a translated
    "Hyvinvointialue" (wellbeing services county)."""
    from django.conf import settings
    from django.utils.translation import gettext

    return getattr(settings, "COUNTY_NAME", "") or gettext("Hyvinvointialue")


@dataclass
class PackageState:
    """What a lesson's package block needs: where the package starts, where its runtime
    commits (None in a preview: the package plays but nothing is stored) and the stored
    runtime data to resume from."""

    package_id: int
    kind: str
    launch_url: str
    commit_url: str | None
    resume: dict[str, Any]
    done: bool
    score: int | None

    @property
    def resume_id(self) -> str:
        return f"package-resume-{self.package_id}"


PACKAGE_COMMIT_SALT = "courses.package_commit"


def package_commit_url(*, employee: Employee, lesson: LessonPage, package_id: int) -> str:
    """Where a package's runtime commits, with a token signed for this learner, lesson
    and package: the runtime's last commit goes out as a beacon, which cannot carry the
    CSRF header, so the token stands in for it. No queries."""
    from django.core import signing
    from django.urls import reverse

    token = signing.dumps([employee.user_id, lesson.pk, package_id], salt=PACKAGE_COMMIT_SALT)
    return reverse("courses:package_commit", args=[lesson.pk, package_id]) + f"?t={token}"


def lesson_package_states(
    *, employee: Employee | None, lesson: LessonPage, package_ids: list[int]
) -> dict[int, PackageState]:
    """The learner's state of each package of the lesson, by package id. Queries: the
    packages and, for a learner, their attempts (two)."""
    from django.urls import reverse

    from packages.models import ContentPackage
    from packages.selectors import attempts_of, resume_data

    packages = ContentPackage.objects.in_bulk(package_ids)
    attempts = attempts_of(employee=employee, package_ids=package_ids) if employee else {}
    states = {}
    for pk, package in packages.items():
        attempt = attempts.get(pk)
        if package.is_h5p:
            launch = reverse("packages:h5p_player", args=[pk])
        else:
            launch = reverse("packages:content_root", args=[pk]) + package.launch
        states[pk] = PackageState(
            package_id=pk,
            kind=package.kind,
            launch_url=launch,
            commit_url=package_commit_url(employee=employee, lesson=lesson, package_id=pk)
            if employee is not None
            else None,
            resume=resume_data(attempt),
            done=bool(attempt and attempt.completed_at),
            score=attempt.score if attempt else None,
        )
    return states
