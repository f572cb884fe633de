"""The demo content lives in data files (courses/demo/content.yaml,
phrases/demo/content.yaml) read by one loader: `load_demo` gives the same demo as the
Python content it replaced (these counts and titles) with a learning history and
the newcomers' checklists, and a second run changes nothing."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from cms.models import HomePage
from courses.demo.loading import demo_courses_content
from courses.models import CourseCompletion, CoursePage, LessonPage
from onboarding.models import ChecklistItem
from organisations.models import Organisation
from phrases.models import Activity, GlossaryTerm, Phrase
from quizzes.models import AnswerChoice, Question, Quiz

pytestmark = pytest.mark.django_db

COURSE_TITLES_FI = [
    "Hyte-ohjauksen perusteet",
    "Järjestöt ja seurakunnat kumppaneina",
    "Hyvinvoinnin puheeksiotto ja hyte-kortti",
]


def _state() -> dict:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "courses": CoursePage.objects.filter(live=True).count(),
        "lessons": LessonPage.objects.filter(live=True).count(),
        "quizzes": Quiz.objects.filter(live=True).count(),
        "questions": Question.objects.count(),
        "choices": AnswerChoice.objects.count(),
        "phrases_fi": Phrase.objects.filter(live=True, locale__language_code="fi").count(),
        "phrases_sv": Phrase.objects.filter(live=True, locale__language_code="sv").count(),
        "activities": Activity.objects.count(),
        "organisations": Organisation.objects.count(),
        "glossary": GlossaryTerm.objects.count(),
        "completions": CourseCompletion.objects.count(),
        "checklist_items": ChecklistItem.objects.count(),
    }


def test_load_demo_from_the_data_files_gives_the_same_demo_and_runs_twice_unchanged():
    call_command("load_demo", stdout=io.StringIO())
    loaded = _state()
    # Three courses of four lessons, each with its quiz (5, 5 and 6 questions), in fi,
    # sv and en; 42 phrases and 32 activities; 16 glossary terms in three languages.
    assert {k: loaded[k] for k in ("courses", "lessons", "quizzes", "questions")} == {
        "courses": 9,
        "lessons": 36,
        "quizzes": 9,
        "questions": 48,
    }
    assert (loaded["phrases_fi"], loaded["activities"], loaded["glossary"]) == (42, 32, 48)
    assert loaded["phrases_sv"] == 42
    # A learning history for the statistics, and the newcomers' checklists.
    assert loaded["completions"] > 0 and loaded["checklist_items"] > 0
    intros = dict(HomePage.objects.values_list("locale__language_code", "intro"))
    assert "Utbildningar" in intros["sv"] and "courses" in intros["en"]

    content = demo_courses_content()
    for language in ("fi", "sv", "en"):
        titles = list(
            CoursePage.objects.filter(locale__language_code=language)
            .order_by("path")
            .values_list("title", flat=True)
        )
        assert titles == [course["title"][language] for course in content["courses"]]
        lesson_titles = set(
            LessonPage.objects.filter(locale__language_code=language).values_list(
                "title", flat=True
            )
        )
        assert lesson_titles == {
            lesson["title"][language]
            for course in content["courses"]
            for lesson in course["lessons"]
        }
    assert [course["title"]["fi"] for course in content["courses"]] == COURSE_TITLES_FI
    mandatory = CoursePage.objects.get(slug="hyte-ohjauksen-perusteet", locale__language_code="fi")
    assert mandatory.mandatory

    call_command("load_demo", stdout=io.StringIO())
    assert _state() == loaded
