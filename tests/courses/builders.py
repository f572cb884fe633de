"""Build course trees and quizzes for tests through Wagtail's own API."""

import itertools

from wagtail.models import Locale

from cms.models import HomePage
from courses.models import CourseIndexPage, CoursePage, LessonPage
from quizzes.models import AnswerChoice, Question, Quiz

_slugs = itertools.count(1)


def course_index() -> CourseIndexPage:
    index = CourseIndexPage.objects.filter(locale__language_code="fi").first()
    if index is None:
        home = HomePage.objects.get(locale__language_code="fi")
        index = home.add_child(instance=CourseIndexPage(title="Koulutukset", slug="koulutukset"))
        index.save_revision().publish()
    return index


def make_quiz(questions=2, pass_mark=50, max_attempts=3, live=True, **fields) -> Quiz:
    """Question n has choices "oikea n" (correct) and "väärä n"; question 2 of a
    three-question quiz is multiple choice with two correct answers."""
    quiz = Quiz(
        title=f"Visa {next(_slugs)}", pass_mark=pass_mark, max_attempts=max_attempts, **fields
    )
    for number in range(1, questions + 1):
        kind = Question.Kind.MULTIPLE if number == 2 and questions >= 3 else Question.Kind.SINGLE
        question = Question(text=f"Kysymys {number}", kind=kind, sort_order=number)
        choices = [
            AnswerChoice(text=f"oikea {number}", is_correct=True, feedback="Juuri niin."),
            AnswerChoice(text=f"väärä {number}", is_correct=False, feedback="Ei aivan."),
        ]
        if kind == Question.Kind.MULTIPLE:
            choices.append(AnswerChoice(text=f"myös oikea {number}", is_correct=True))
        question.choices = choices
        quiz.questions.add(question)
    quiz.save()
    if live:
        quiz.save_revision().publish()
    else:
        quiz.live = False
        quiz.save()
    return quiz


def make_course(lessons=2, quiz: Quiz | None = None, blocks_per_lesson=1, **fields) -> CoursePage:
    """A published course; the last lesson carries `quiz` (required) when given."""
    index = course_index()
    slug = f"kurssi-{next(_slugs)}"
    course = index.add_child(
        instance=CoursePage(
            title=fields.pop("title", f"Kurssi {slug}"), slug=slug, summary="Tiivistelmä.", **fields
        )
    )
    course.save_revision().publish()
    for number in range(1, lessons + 1):
        body = [("paragraph", f"<p>Teksti {i}</p>") for i in range(blocks_per_lesson)]
        if number == 1:
            body.insert(
                0,
                (
                    "self_assessment",
                    {
                        "question": "Kuinka hyvin tunnet hyte-toiminnan?",
                        "phase": "before",
                        "low_label": "En",
                        "high_label": "Hyvin",
                    },
                ),
            )
        if number == lessons and quiz is not None:
            body.append(("quiz", {"quiz": quiz, "required": True}))
        lesson = course.add_child(
            instance=LessonPage(title=f"Oppitunti {number}", slug=f"oppitunti-{number}", body=body)
        )
        lesson.save_revision().publish()
    return CoursePage.objects.get(pk=course.pk)


def lessons_of(course: CoursePage) -> list[LessonPage]:
    return list(LessonPage.objects.child_of(course).order_by("path").specific())


def right_answers(quiz: Quiz) -> dict[int, list[int]]:
    return {
        question.pk: [choice.pk for choice in question.choices.all() if choice.is_correct]
        for question in quiz.questions.all()
    }


def wrong_answers(quiz: Quiz) -> dict[int, list[int]]:
    return {
        question.pk: [choice.pk for choice in question.choices.all() if not choice.is_correct]
        for question in quiz.questions.all()
    }


def default_locale() -> Locale:
    return Locale.get_default()


def quiz_form_data(title="Visa", questions=None, pass_mark=50, quiz_pk="", **rules) -> dict:
    """A quiz block as the lesson editor posts it, for nested_form_data/streamfield:
    `questions` are (kind, text, [(choice text, correct)]) tuples; by default two
    single-choice questions with "oikea n" correct and "väärä n"."""
    from wagtail.test.utils.form_data import streamfield

    questions = questions or [
        ("single", f"Kysymys {n}", [(f"oikea {n}", True), (f"väärä {n}", False)]) for n in (1, 2)
    ]
    return {
        "quiz": quiz_pk,
        "title": title,
        "intro": rules.pop("intro", ""),
        "pass_mark": pass_mark,
        "max_attempts": rules.pop("max_attempts", 3),
        "reveal_answers": rules.pop("reveal_answers", "final"),
        "required": "on",
        **rules,
        "questions": streamfield(
            [
                (
                    kind,
                    {
                        "text": text,
                        "explanation": "",
                        "choices": list_block(
                            [
                                {
                                    "text": choice,
                                    "feedback": "",
                                    **({"is_correct": "on"} if ok else {}),
                                }
                                for choice, ok in choices
                            ]
                        ),
                    },
                )
                for kind, text, choices in questions
            ]
        ),
    }


def list_block(items: list) -> dict:
    """ListBlock form data for nested_form_data."""
    data: dict = {"count": len(items)}
    for index, value in enumerate(items):
        data[str(index)] = {"value": value, "deleted": "", "order": index, "id": ""}
    return data


def inline_quiz(title="Visa", questions=None, quiz=None, **rules) -> dict:
    """A quiz block's value written in the lesson (raw questions, for LessonPage.body):
    `questions` are (block id, kind, text, [(choice id, text, correct)]) tuples."""
    import uuid

    questions = questions or [
        (
            str(uuid.uuid4()),
            "single",
            f"Kysymys {n}",
            [(str(uuid.uuid4()), f"oikea {n}", True), (str(uuid.uuid4()), f"väärä {n}", False)],
        )
        for n in (1, 2)
    ]
    return {
        "quiz": quiz,
        "required": True,
        "title": title,
        "intro": "",
        "pass_mark": rules.pop("pass_mark", 50),
        "max_attempts": rules.pop("max_attempts", 3),
        "shuffle": False,
        "reveal_answers": "final",
        **rules,
        "questions": [
            {
                "type": kind,
                "id": question_id,
                "value": {
                    "text": text,
                    "explanation": "",
                    "choices": [
                        {
                            "type": "item",
                            "id": choice_id,
                            "value": {"text": choice, "is_correct": correct, "feedback": ""},
                        }
                        for choice_id, choice, correct in choices
                    ],
                },
            }
            for question_id, kind, text, choices in questions
        ],
    }
