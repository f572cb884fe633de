"""A quiz as its lesson writes it (courses.blocks.QuizBlock), in plain data: what the
quiz services save as a draft of the quiz and what a preview shows. Questions and
choices carry the ids of the blocks they were written in, which keep their rows."""

import uuid
from dataclasses import dataclass, field

from quizzes.models import AnswerChoice, Question, Quiz


@dataclass(frozen=True)
class ChoiceSpec:
    block_id: uuid.UUID | None
    text: str
    is_correct: bool
    feedback: str = ""


@dataclass(frozen=True)
class QuestionSpec:
    block_id: uuid.UUID | None
    kind: str
    text: str
    explanation: str = ""
    choices: tuple[ChoiceSpec, ...] = ()


@dataclass(frozen=True)
class QuizSpec:
    title: str
    intro: str = ""
    pass_mark: int = 70
    max_attempts: int = 3
    shuffle: bool = False
    reveal_answers: str = Quiz.Reveal.FINAL
    questions: tuple[QuestionSpec, ...] = field(default_factory=tuple)

    def settings(self) -> dict[str, object]:
        return {
            "title": self.title,
            "intro": self.intro,
            "pass_mark": self.pass_mark,
            "max_attempts": self.max_attempts,
            "shuffle": self.shuffle,
            "reveal_answers": self.reveal_answers,
        }


def spec_of(quiz: Quiz) -> QuizSpec:
    """What `quiz` (a saved quiz or a revision of it, with its questions and choices in
    memory or in the database) says, in the shape of a spec, to compare with an edit."""
    return QuizSpec(
        title=quiz.title,
        intro=quiz.intro,
        pass_mark=quiz.pass_mark,
        max_attempts=quiz.max_attempts,
        shuffle=quiz.shuffle,
        reveal_answers=quiz.reveal_answers,
        questions=tuple(
            QuestionSpec(
                block_id=question.block_id,
                kind=question.kind,
                text=question.text,
                explanation=question.explanation,
                choices=tuple(
                    ChoiceSpec(
                        block_id=choice.block_id,
                        text=choice.text,
                        is_correct=choice.is_correct,
                        feedback=choice.feedback,
                    )
                    for choice in question.choices.all()
                ),
            )
            for question in quiz.questions.all()
        ),
    )


def quiz_from_spec(spec: QuizSpec, *, quiz: Quiz | None = None, ids: dict | None = None) -> Quiz:
    """`quiz` (or a new quiz) with the settings, questions and choices of `spec`, in
    memory only. A question or choice gets the primary key of the row written in the
    same block (`ids`: {block id: pk}), so saving the quiz keeps that row. No queries."""
    ids = dict(ids or {})

    def row(block_id: uuid.UUID | None) -> int | None:
        # A row is kept by one block only (a duplicated block gets a new row).
        return ids.pop(block_id, None) if block_id is not None else None

    quiz = quiz if quiz is not None else Quiz()
    for name, value in spec.settings().items():
        setattr(quiz, name, value)
    questions = []
    for position, question_spec in enumerate(spec.questions):
        question = Question(
            pk=row(question_spec.block_id),
            block_id=question_spec.block_id,
            sort_order=position,
            kind=question_spec.kind,
            text=question_spec.text,
            explanation=question_spec.explanation,
        )
        question.choices = [
            AnswerChoice(
                pk=row(choice.block_id),
                block_id=choice.block_id,
                sort_order=order,
                text=choice.text,
                is_correct=choice.is_correct,
                feedback=choice.feedback,
            )
            for order, choice in enumerate(question_spec.choices)
        ]
        questions.append(question)
    quiz.questions = questions
    return quiz
