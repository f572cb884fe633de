"""Course statistics for trainers: how many enrolled, are in progress and completed,
the average score, the self-rating before and after, the scores of the SCORM and H5P
packages its lessons play, and the item analysis of each of
the course's quizzes (quizzes.statistics)."""

from dataclasses import dataclass, field
from statistics import mean

from django.db.models import Avg

from courses.models import CourseCompletion, CoursePage, Enrolment, LessonCompletion
from packages.selectors import package_statistics
from quizzes.models import Quiz, SelfAssessmentAnswer
from quizzes.statistics import item_analysis


@dataclass
class PhaseSummary:
    count: int = 0
    mean: float | None = None
    distribution: list[int] = field(default_factory=lambda: [0, 0, 0, 0, 0])

    @property
    def shares(self) -> list[int]:
        return [round(100 * n / self.count) if self.count else 0 for n in self.distribution]


def _phase_summary(values: list[int]) -> PhaseSummary:
    summary = PhaseSummary(count=len(values), mean=round(mean(values), 2) if values else None)
    for value in values:
        summary.distribution[value - 1] += 1
    return summary


def self_assessment_summary(course: CoursePage) -> dict[str, PhaseSummary]:
    values: dict[str, list[int]] = {"before": [], "after": []}
    for phase, value in SelfAssessmentAnswer.objects.filter(course=course).values_list(
        "phase", "value"
    ):
        values[phase].append(value)
    return {phase: _phase_summary(found) for phase, found in values.items()}


def course_statistics(course: CoursePage) -> dict:
    course = course.canonical
    enrolled = Enrolment.objects.filter(course=course).count()
    completions = CourseCompletion.objects.filter(course=course)
    completed = completions.values("employee").distinct().count()
    started = (
        LessonCompletion.objects.filter(course=course)
        .exclude(employee__in=completions.values("employee"))
        .values("employee")
        .distinct()
        .count()
    )
    average = completions.aggregate(value=Avg("score"))["value"]
    lessons = list(course.get_children().live().specific())
    quiz_ids = {
        block.value["quiz"].pk
        for lesson in lessons
        for block in getattr(lesson, "body", [])
        if block.block_type == "quiz" and block.value["quiz"]
    }
    package_ids = {
        block.value["package"].pk
        for lesson in lessons
        for block in getattr(lesson, "body", [])
        if block.block_type == "package" and block.value["package"]
    }
    quizzes = list(Quiz.objects.filter(pk__in=quiz_ids))
    return {
        "course": course,
        "enrolled": enrolled,
        "in_progress": started,
        "completed": completed,
        "average_score": round(average) if average is not None else None,
        "self_assessment": self_assessment_summary(course),
        "quizzes": [(quiz, item_analysis(quiz)) for quiz in quizzes],
        "packages": package_statistics(package_ids=package_ids) if package_ids else [],
    }
