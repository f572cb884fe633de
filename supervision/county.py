"""Reads for the county report (HR admins and hyte coordinators): completion by sector
and unit from the precomputed totals, self-rated hyte knowledge before and after
training by sector and profession, and quiz results per course.

Query budget: completion is four queries whatever the size of the county (the unit,
its ancestors, its children, and the totals summed per child branch with a prefix of
the treebeard path); self-ratings are two grouped queries plus the sector names.
Groups smaller than `reporting.privacy.MIN_GROUP_SIZE` show no figures.
"""

from dataclasses import dataclass

from django.db.models import Avg, CharField, Count, Max, Sum, Value
from django.db.models.functions import Substr

from courses.models import CoursePage, default_locale_id
from courses.statistics import course_statistics
from languages.fields import in_language_sql
from people.models import OrgUnit
from quizzes.models import SelfAssessmentAnswer
from reporting.privacy import is_reportable, suppress_small
from supervision.models import UnitCompletionTotal


@dataclass
class BranchTotal:
    unit: OrgUnit | None  # None: people placed directly in the selected unit
    required: int
    completed: int
    overdue: int

    @property
    def shown(self) -> bool:
        """Figures of fewer than MIN_GROUP_SIZE people are not shown."""
        return is_reportable(self.required)

    @property
    def percent(self) -> int | None:
        return round(100 * self.completed / self.required) if self.shown else None


def county_courses() -> list[CoursePage]:
    return list(
        CoursePage.objects.live()
        .filter(locale_id=default_locale_id())
        .only("pk", "title", "mandatory", "path", "depth", "locale_id")
        .order_by("title")
    )


def root_unit() -> OrgUnit | None:
    return OrgUnit.get_root_nodes().first()


def completion_by_branch(*, unit: OrgUnit, course_id: int | None) -> dict:
    """The selected unit's children with the totals of everything under each."""
    depth_end = len(unit.path) + OrgUnit.steplen
    totals = UnitCompletionTotal.objects.filter(unit__path__startswith=unit.path)
    totals = totals.filter(course_id=course_id) if course_id else totals.filter(course__isnull=True)
    summed = {
        found["branch"]: found
        for found in totals.annotate(branch=Substr("unit__path", 1, depth_end))
        .order_by()
        .values("branch")
        .annotate(
            required=Sum("required"),
            completed=Sum("completed"),
            overdue=Sum("overdue"),
            refreshed=Max("refreshed_at"),
        )
    }
    children = list(
        OrgUnit.objects.filter(path__startswith=unit.path, depth=unit.depth + 1).order_by("path")
    )
    branches = []
    for child in children:
        found = summed.get(child.path, {})
        branches.append(
            BranchTotal(
                child, found.get("required", 0), found.get("completed", 0), found.get("overdue", 0)
            )
        )
    own = summed.get(unit.path)
    if own:
        branches.append(BranchTotal(None, own["required"], own["completed"], own["overdue"]))
    total = BranchTotal(
        unit,
        sum(b.required for b in branches),
        sum(b.completed for b in branches),
        sum(b.overdue for b in branches),
    )
    refreshed = max((found["refreshed"] for found in summed.values()), default=None)
    return {
        "branches": branches,
        "total": total,
        "refreshed_at": refreshed,
        "ancestors": list(unit.get_ancestors()),
    }


@dataclass
class RatingRow:
    label: str
    before_count: int
    before_mean: float | None
    after_count: int
    after_mean: float | None

    @property
    def before_shown(self) -> bool:
        return is_reportable(self.before_count)

    @property
    def after_shown(self) -> bool:
        return is_reportable(self.after_count)

    @property
    def change(self) -> float | None:
        if self.before_mean is None or self.after_mean is None:
            return None
        return round(self.after_mean - self.before_mean, 2)


def _rating_rows(answers, key: str, label_of) -> list[RatingRow]:
    grouped: dict = {}
    for found in (
        answers.order_by()
        .values(key, "phase")
        .annotate(people=Count("employee", distinct=True), mean=Avg("value"))
    ):
        grouped.setdefault(found[key], {})[found["phase"]] = found
    rows = []
    for group_key, phases in grouped.items():
        before = phases.get(SelfAssessmentAnswer.Phase.BEFORE, {})
        after = phases.get(SelfAssessmentAnswer.Phase.AFTER, {})
        before_count, after_count = before.get("people", 0), after.get("people", 0)
        rows.append(
            RatingRow(
                label=label_of(group_key),
                before_count=before_count,
                before_mean=_rounded(suppress_small(before.get("mean"), before_count)),
                after_count=after_count,
                after_mean=_rounded(suppress_small(after.get("mean"), after_count)),
            )
        )
    return sorted(rows, key=lambda row: row.label)


def _rounded(value):
    return round(value, 2) if value is not None else None


def self_ratings(*, course_id: int | None) -> dict:
    """Self-rated knowledge (1–5) before and after training, by sector and by job role,
    with the number of people who answered. A course, or every course."""
    answers = SelfAssessmentAnswer.objects.all()
    if course_id:
        answers = answers.filter(course_id=course_id)
    sector_length = 2 * OrgUnit.steplen
    sector_names = {unit.path: unit.name for unit in OrgUnit.objects.filter(depth__lte=2)}
    by_sector = _rating_rows(
        answers.annotate(sector=Substr("employee__unit__path", 1, sector_length)),
        "sector",
        lambda path: sector_names.get(path, path),
    )
    # The job role's name in the reader's language, as JobRole.name gives it, in SQL.
    role_name = in_language_sql("employee__job_role__name_fi")
    by_role = _rating_rows(answers.annotate(role_name=role_name), "role_name", str)
    before = sum(row.before_count for row in by_sector)
    after = sum(row.after_count for row in by_sector)
    everyone = Value("", output_field=CharField())
    total = _rating_rows(answers.annotate(everyone=everyone), "everyone", str)
    return {
        "by_sector": by_sector,
        "by_role": by_role,
        "total": total[0] if total else None,
        "answers_before": before,
        "answers_after": after,
    }


@dataclass
class MissedQuestion:
    quiz: str
    number: int
    text: str
    answers: int
    share_wrong: int | None


def quiz_results(*, course: CoursePage) -> dict:
    """The course's average score and each quiz question with the share of answers that
    were wrong, most missed first (the trainers' item analysis, quizzes.statistics).
    A question answered by fewer than five people shows no share."""
    statistics = course_statistics(course)
    missed = []
    for quiz, items in statistics["quizzes"]:
        for item in items:
            share = suppress_small(item.share_correct, item.answers)
            missed.append(
                MissedQuestion(
                    quiz=quiz.title,
                    number=item.number,
                    text=item.text,
                    answers=item.answers,
                    share_wrong=round(100 * (1 - share)) if share is not None else None,
                )
            )
    missed.sort(key=lambda q: (q.share_wrong is None, -(q.share_wrong or 0), q.quiz, q.number))
    return {
        "completed": statistics["completed"],
        "enrolled": statistics["enrolled"],
        "average_score": suppress_small(statistics["average_score"], statistics["completed"]),
        "questions": missed,
    }
