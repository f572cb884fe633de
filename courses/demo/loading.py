"""Build the demo courses, in Finnish with Swedish and English translations, from the
data file `content.yaml` beside this module. Safe to run again: existing courses are
left as they are."""

from pathlib import Path

from django.db import transaction
from wagtail.models import Locale, Page

from courses.models import CourseIndexPage, CoursePage, LessonPage
from people.demo.content_files import read_demo_content
from people.models import JobRole
from quizzes.models import AnswerChoice, Question, Quiz

LANGUAGES = ("fi", "sv", "en")
CONTENT_FILE = Path(__file__).with_name("content.yaml")


def demo_courses_content() -> dict:
    """The demo courses' data: `home_intro`, `catalogue` and `courses`."""
    return read_demo_content(CONTENT_FILE)


def _text(value, language: str):
    """A {"fi": ..., "sv": ..., "en": ...} dict in one language; other values as they are."""
    if isinstance(value, dict) and set(value) <= set(LANGUAGES) and "fi" in value:
        return value.get(language) or value["fi"]
    if isinstance(value, dict):
        return {key: _text(item, language) for key, item in value.items()}
    return value


def _quiz(spec: dict, language: str, locale: Locale, translation_key=None) -> Quiz:
    fields = {
        "title": _text(spec["title"], language),
        "intro": _text(spec.get("intro", ""), language),
        "pass_mark": spec.get("pass_mark", 70),
        "max_attempts": spec.get("max_attempts", 3),
        "shuffle": spec.get("shuffle", False),
        "locale": locale,
    }
    if translation_key:
        fields["translation_key"] = translation_key
    quiz = Quiz(**fields)
    for position, question_spec in enumerate(spec["questions"]):
        question = Question(
            sort_order=position,
            text=_text(question_spec["text"], language),
            kind=question_spec.get("kind", Question.Kind.SINGLE),
            explanation=_text(question_spec.get("explanation", ""), language),
        )
        question.choices = [
            AnswerChoice(
                sort_order=order,
                text=_text(choice["text"], language),
                is_correct=choice.get("correct", False),
                feedback=_text(choice.get("feedback", ""), language),
            )
            for order, choice in enumerate(question_spec["choices"])
        ]
        quiz.questions.add(question)
    quiz.save()
    quiz.save_revision().publish()
    return quiz


def _body(blocks: list, language: str, quiz: Quiz | None) -> list:
    body = []
    for block_type, value in blocks:
        value = _text(value, language)
        if block_type == "quiz":
            value = {"quiz": quiz, "required": value.get("required", True)}
        body.append((block_type, value))
    return body


def _publish(page: Page) -> None:
    page.save_revision().publish()


@transaction.atomic
def load_demo_courses(home: Page) -> CourseIndexPage:
    """The catalogue under `home` (the Finnish home page), and the demo courses in it."""
    content = demo_courses_content()
    catalogue = content["catalogue"]
    index = CourseIndexPage.objects.filter(locale__language_code="fi").first()
    if index is None:
        index = home.add_child(
            instance=CourseIndexPage(
                title=catalogue["title"]["fi"], slug="koulutukset", intro=catalogue["intro"]["fi"]
            )
        )
        _publish(index)
    _translate_tree(home, index, content)
    for spec in content["courses"]:
        if CoursePage.objects.filter(slug=spec["slug"], locale=index.locale).exists():
            continue
        _create_course(index, spec)
    return index


def _translate_tree(home: Page, index: CourseIndexPage, content: dict) -> None:
    """The Swedish and English home page and catalogue, so translated courses have a place."""
    for language in ("sv", "en"):
        locale = Locale.objects.get(language_code=language)
        if not home.has_translation(locale):
            home_copy = home.copy_for_translation(locale)
            home_copy.intro = content["home_intro"][language]
            _publish(home_copy)
        if not index.has_translation(locale):
            copy = index.copy_for_translation(locale)
            copy.title = content["catalogue"]["title"][language]
            copy.intro = content["catalogue"]["intro"][language]
            _publish(copy)


def _create_course(index: CourseIndexPage, spec: dict) -> None:
    quizzes = {}
    fi_locale = index.locale
    for language in LANGUAGES:
        locale = Locale.objects.get(language_code=language)
        quizzes[language] = _quiz(
            spec["quiz"],
            language,
            locale,
            quizzes["fi"].translation_key if language != "fi" else None,
        )
    course = index.add_child(
        instance=CoursePage(
            title=spec["title"]["fi"],
            slug=spec["slug"],
            summary=spec["summary"]["fi"],
            estimated_minutes=spec["estimated_minutes"],
            mandatory=spec.get("mandatory", False),
            validity_months=spec.get("validity_months"),
            locale=fi_locale,
        )
    )
    if spec.get("audience_job_roles"):
        course.audience_job_roles.set(JobRole.objects.filter(code__in=spec["audience_job_roles"]))
    _publish(course)
    lessons = []
    for lesson_spec in spec["lessons"]:
        lesson = course.add_child(
            instance=LessonPage(
                title=lesson_spec["title"]["fi"],
                slug=lesson_spec["slug"],
                body=_body(lesson_spec["blocks"], "fi", quizzes["fi"]),
                locale=fi_locale,
            )
        )
        _publish(lesson)
        lessons.append((lesson, lesson_spec))
    for language in ("sv", "en"):
        locale = Locale.objects.get(language_code=language)
        course_copy = course.copy_for_translation(locale)
        course_copy.title = spec["title"][language]
        course_copy.summary = spec["summary"][language]
        _publish(course_copy)
        for lesson, lesson_spec in lessons:
            copy = lesson.copy_for_translation(locale)
            copy.title = lesson_spec["title"][language]
            # Same blocks in the same order keep their ids, so self-ratings line up.
            copy.body = _body(lesson_spec["blocks"], language, quizzes[language])
            for translated, original in zip(copy.body, lesson.body, strict=True):
                translated.id = original.id
            _publish(copy)
