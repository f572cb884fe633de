"""Build the demo courses, in Finnish with Swedish and English translations, from the
data file `content.yaml` beside this module. Safe to run again: existing courses are
left as they are."""

import uuid
from pathlib import Path

from django.db import transaction
from wagtail.models import Locale, Page

from courses.models import CourseIndexPage, CoursePage, LessonPage
from people.demo.content_files import read_demo_content
from people.models import JobRole
from quizzes.models import Quiz

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


def _quiz_value(spec: dict, language: str, place: str, quiz: Quiz | None) -> dict:
    """A lesson's quiz block written from `spec` in `language`. Its questions and
    choices get ids made from `place` (the lesson's address), the same in every
    language and on every run."""

    def block_id(*path) -> str:
        return str(
            uuid.uuid5(uuid.NAMESPACE_URL, "/".join(["hyteopas-demo", place, *map(str, path)]))
        )

    return {
        "quiz": quiz,
        "required": spec.get("required", True),
        "title": _text(spec["title"], language),
        "intro": _text(spec.get("intro", ""), language),
        "pass_mark": spec.get("pass_mark", 70),
        "max_attempts": spec.get("max_attempts", 3),
        "shuffle": spec.get("shuffle", False),
        "reveal_answers": spec.get("reveal_answers", "final"),
        "questions": [
            {
                "type": question.get("kind", "single"),
                "id": block_id(number),
                "value": {
                    "text": _text(question["text"], language),
                    "choices": [
                        {
                            "type": "item",
                            "id": block_id(number, order),
                            "value": {
                                "text": _text(choice["text"], language),
                                "is_correct": choice.get("correct", False),
                                "feedback": _text(choice.get("feedback", ""), language),
                            },
                        }
                        for order, choice in enumerate(question["choices"])
                    ],
                    "explanation": _text(question.get("explanation", ""), language),
                },
            }
            for number, question in enumerate(spec["questions"])
        ],
    }


def _body(blocks: list, language: str, place: str, quizzes: list | None = None) -> list:
    """The lesson's blocks in `language`; its quiz blocks point at `quizzes` (the
    quizzes of the lesson's Finnish original, in order), or at none for a new lesson."""
    body = []
    quizzes = list(quizzes or [])
    for block_type, value in blocks:
        if block_type == "quiz":
            quiz = quizzes.pop(0) if quizzes else None
            body.append((block_type, _quiz_value(value, language, place, quiz)))
            continue
        body.append((block_type, _text(value, language)))
    return body


def _publish(page: Page) -> None:
    page.save_revision().publish()
    if isinstance(page, LessonPage):
        page.publish_parts()  # the quizzes written in it


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


def _place(course_spec: dict, lesson_spec: dict) -> str:
    return f"{course_spec['slug']}/{lesson_spec['slug']}"


def _create_course(index: CourseIndexPage, spec: dict) -> None:
    fi_locale = index.locale
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
                body=_body(lesson_spec["blocks"], "fi", _place(spec, lesson_spec)),
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
            # Its quizzes are the Finnish quizzes' translations (courses.translation).
            quizzes = [b.value["quiz"] for b in copy.body if b.block_type == "quiz"]
            copy.body = _body(lesson_spec["blocks"], language, _place(spec, lesson_spec), quizzes)
            for translated, original in zip(copy.body, lesson.body, strict=True):
                translated.id = original.id
            _publish(copy)
