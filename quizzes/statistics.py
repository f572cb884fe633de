"""Item analysis of one quiz, for the trainers' course statistics (courses.statistics)
and the county report: per question, the share of answers that were right and the
discrimination index D = p(upper) − p(lower), comparing the best and the weakest 27 %
of attempts. A question that weak learners get right as often as strong ones (D near 0
or below) does not measure what the course teaches. Knows quizzes only, not courses.
"""

from collections import defaultdict
from dataclasses import dataclass
from statistics import mean

from quizzes.models import Question, Quiz, QuizAnswer

SMALL_GROUP = 5
EXTREME_SHARE = 0.27


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
