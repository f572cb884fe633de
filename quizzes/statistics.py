"""Course statistics for trainers: how many enrolled, are in progress and completed,
the average score, the self-rating before and after, and per-question item analysis.

Item analysis: the share of answers that were right, and the discrimination index
D = p(upper) − p(lower), comparing the best and the weakest 27 % of attempts. A
question that weak learners get right as often as strong ones (D near 0 or below)
does not measure what the course teaches.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from statistics import mean

from django.db.models import Avg

from courses.models import CourseCompletion, CoursePage, Enrolment, LessonCompletion
from quizzes.models import Question, Quiz, QuizAnswer, SelfAssessmentAnswer

SMALL_GROUP = 5
EXTREME_SHARE = 0.27


@dataclass
class PhaseSummary:
    count: int = 0
    mean: float | None = None
    distribution: list[int] = field(default_factory=lambda: [0, 0, 0, 0, 0])

    @property
    def shares(self) -> list[int]:
        return [round(100 * n / self.count) if self.count else 0 for n in self.distribution]


@dataclass
class ItemStatistics:
    number: int
    text: str
    answers: int
    share_correct: float | None
    discrimination: float | None

    @property
    def flagged(self) -> bool:
        """Worth a look: nearly everyone or nearly no one gets it right, or it does not
        tell strong and weak learners apart."""
        if self.share_correct is None:
            return False
        too_easy_or_hard = self.share_correct > 0.95 or self.share_correct < 0.2
        weak = self.discrimination is not None and self.discrimination < 0.2
        return too_easy_or_hard or weak


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


def item_analysis(quiz: Quiz) -> list[ItemStatistics]:
    """Over every attempt at the quiz in any language: questions are matched across
    translations by their position."""
    # Position of every question within its own translation of the quiz.
    position_of: dict[int, int] = {}
    per_quiz: dict[int, int] = defaultdict(int)
    for question_id, quiz_id in (
        Question.objects.filter(quiz__translation_key=quiz.translation_key)
        .order_by("quiz_id", "sort_order", "pk")
        .values_list("pk", "quiz_id")
    ):
        position_of[question_id] = per_quiz[quiz_id]
        per_quiz[quiz_id] += 1
    questions = list(Question.objects.filter(quiz=quiz).order_by("sort_order", "pk"))
    rows = QuizAnswer.objects.filter(
        attempt__quiz__translation_key=quiz.translation_key
    ).values_list("attempt_id", "attempt__score", "question_id", "correct")
    by_attempt: dict[int, int] = {}
    answers: dict[int, dict[int, bool]] = defaultdict(dict)
    for attempt_id, score, question_id, correct in rows:
        by_attempt[attempt_id] = score
        answers[position_of[question_id]][attempt_id] = correct
    ranked = sorted(by_attempt, key=by_attempt.get)
    size = max(1, round(len(ranked) * EXTREME_SHARE))
    lower, upper = set(ranked[:size]), set(ranked[-size:])
    result = []
    for number, question in enumerate(questions, start=1):
        given = answers.get(number - 1, {})
        share = sum(given.values()) / len(given) if given else None
        discrimination = None
        if len(ranked) >= 2 * SMALL_GROUP:
            p_upper = mean(given.get(a, False) for a in upper)
            p_lower = mean(given.get(a, False) for a in lower)
            discrimination = round(p_upper - p_lower, 2)
        result.append(ItemStatistics(number, question.text, len(given), share, discrimination))
    return result


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
    quiz_ids = {
        block.value["quiz"].pk
        for lesson in course.get_children().live().specific()
        for block in getattr(lesson, "body", [])
        if block.block_type == "quiz" and block.value["quiz"]
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
    }
