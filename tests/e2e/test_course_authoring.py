"""A trainer authors a course in the Finnish admin: a lesson with a video and its
captions and a five-question quiz written in the lesson (the three question kinds),
previews the lesson and submits the course once; a second trainer approves it once; the
course is translated to Swedish and published the same way; a Swedish-speaking employee
completes it. axe checks every admin page visited.

Steps are counted (`Counter`): every click and every field filled or chosen is one
step; going to an address is not (the same in every flow). The quiz's own steps, from
adding the quiz block to its last question, are printed as `quiz steps`."""

import os
import re

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale

from cms.models import HomePage
from courses.models import CourseCompletion, CoursePage, LessonPage
from people import roles
from quizzes.models import Quiz
from tests.courses.builders import course_index
from tests.e2e.axe import assert_no_serious_axe_violations
from tests.factories import EmployeeFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "salasana-testi"  # tests.factories.UserFactory's
SHOTS = os.environ.get("E2E_SHOTS", "")


class Counter:
    def __init__(self, page):
        self.page = page
        self.count = 0

    def click(self, locator, **kwargs):
        self.count += 1
        locator.click(**kwargs)

    def fill(self, locator, value):
        self.count += 1
        locator.fill(value)

    def shot(self, name):
        if SHOTS:
            self.page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def _people():
    author = EmployeeFactory(user__email="aino.kouluttaja@example.test")
    reviewer = EmployeeFactory(user__email="bertta.kouluttaja@example.test")
    for person in (author, reviewer):
        person.user.groups.add(Group.objects.get(name=roles.TRAINER))
    learner = EmployeeFactory(user__email="sara.svensson@example.test", language="sv")
    sv, _created = Locale.objects.get_or_create(language_code="sv")
    home = HomePage.objects.get(locale__language_code="fi")
    home.copy_for_translation(sv).save_revision().publish()
    index = course_index()
    index.copy_for_translation(sv).save_revision().publish()
    return author, reviewer, learner, index


def _sign_in(page, email):
    page.context.clear_cookies()
    page.goto("/kirjaudu/")
    page.get_by_label("Sähköposti tai henkilönumero").fill(email)
    page.get_by_label("Salasana", exact=True).fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Kirjaudu", exact=True).click()


def _save_draft(counter):
    page = counter.page
    with page.expect_navigation():
        counter.click(
            page.locator("button[name='action-draft'], button:has-text('Tallenna luonnos')").first
        )
    if "/edit/" not in page.url:
        problems = page.locator(".messages, .error-message, .w-field__errors").all_inner_texts()
        pytest.fail(f"not saved: {problems}")


QUESTIONS = [
    (
        "single",
        "Mitä hyte tarkoittaa?",
        [("Hyvinvoinnin ja terveyden edistämistä", True), ("Hyvää tahtoa", False)],
    ),
    (
        "multiple",
        "Ketkä järjestävät hyte-toimintaa?",
        [("Järjestöt", True), ("Seurakunnat", True), ("Ei kukaan", False)],
    ),
    ("true_false", "Liikunta on hyte-toimintaa.", [("Tosi", True), ("Epätosi", False)]),
    (
        "single",
        "Mistä löydät alueesi hyte-toiminnan?",
        [("Palvelutarjottimelta", True), ("Ei mistään", False)],
    ),
    (
        "true_false",
        "Hyte-ohjaus kirjataan asiakkaan tietoihin.",
        [("Tosi", True), ("Epätosi", False)],
    ),
]
KIND_LABELS = {
    "single": "Yksi oikea vastaus",
    "multiple": "Useita oikeita vastauksia",
    "true_false": "Tosi vai epätosi",
}


def _author_quiz_in_lesson(counter, block: int, title: str, questions) -> int:
    """Write the quiz in the lesson's block number `block`: its title, then each
    question (the first one is there already), its choices and the correct ones. A
    true-or-false question comes with Tosi (correct) and Epätosi. Returns the steps."""
    page = counter.page
    before = counter.count
    _add_block(counter, "Tietovisa")
    prefix = f"body-{block}-value"
    counter.fill(page.locator(f"[name='{prefix}-title']"), title)
    for number, (kind, text, choices) in enumerate(questions):
        question = f"{prefix}-questions-{number}-value"
        if number > 0:
            counter.click(
                page.locator("[data-contentpath='questions'] button.c-sf-add-button").last
            )
            counter.click(page.locator(".w-combobox__option", has_text=KIND_LABELS[kind]).first)
        counter.fill(page.locator(f"[name='{question}-text']"), text)
        if kind == "true_false":
            texts = page.locator(f"input[name^='{question}-choices-'][name$='-value-text']")
            assert [texts.nth(i).input_value() for i in range(texts.count())] == [
                "Tosi",
                "Epätosi",
            ]
            continue
        for position, (choice, correct) in enumerate(choices):
            if position >= 2:
                counter.click(
                    page.locator(f"[name='{question}-choices-count']")
                    .locator("xpath=..")
                    .locator("button.c-sf-add-button")
                    .last
                )
            counter.fill(page.locator(f"[name='{question}-choices-{position}-value-text']"), choice)
            if correct:
                counter.click(
                    page.locator(f"[name='{question}-choices-{position}-value-is_correct']")
                )
    return counter.count - before


def _more_actions(counter):
    counter.click(counter.page.get_by_role("button", name="Lisää toimintoja"))


def _add_block(counter, name):
    page = counter.page
    counter.click(page.locator("button.c-sf-add-button").last)
    counter.click(page.locator(".w-combobox__option", has_text=name).first)


def _upload_document(counter, chooser_button, title, filename, content):
    """Upload through the document chooser's upload tab, which chooses the new file."""
    page = counter.page
    counter.click(chooser_button)
    counter.click(page.locator(".modal a[role=tab][href='#tab-upload']"))
    page.locator(".modal input[name='document-chooser-upload-file']").set_input_files(
        {"name": filename, "mimeType": "application/octet-stream", "buffer": content}
    )
    page.locator(".modal input[name='document-chooser-upload-title']").fill(title)
    counter.click(page.locator(".modal #tab-upload button[type=submit]"))
    page.locator(".modal").wait_for(state="hidden")


def _set_slug(page, slug):
    """The address on the Nosto tab. In this browser the admin's title-to-address sync
    does not fire, so the journey types it as a trainer can."""
    page.get_by_role("tab", name="Nosto").click()
    page.locator("#id_slug").fill(slug)
    page.get_by_role("tab", name="Sisältö").click()


def _author_course(counter, index):
    page = counter.page
    page.goto(f"/admin/pages/add/courses/coursepage/{index.pk}/")
    assert_no_serious_axe_violations(page, "koulutuksen lisäys")
    page.locator("#id_title").press_sequentially("Hyte arjessa")
    _set_slug(page, "hyte-arjessa")
    page.locator("#id_summary").fill("Miten hyvinvointia edistetään asiakastyössä.")
    _save_draft(counter)
    course = CoursePage.objects.get(title="Hyte arjessa")

    page.goto(f"/admin/pages/add/courses/lessonpage/{course.pk}/")
    page.locator("#id_title").press_sequentially("Video ja visa")
    _set_slug(page, "video-ja-visa")
    _add_block(counter, "Video")
    video = page.locator("[data-contentpath='video_file']").last
    _upload_document(
        counter,
        video.get_by_role("button", name=re.compile("Valitse dokumentti")),
        "Hyte-video",
        "hyte.mp4",
        b"\x00\x00\x00\x18ftypmp42",
    )
    captions = page.locator("[data-contentpath='captions']").last
    _upload_document(
        counter,
        captions.get_by_role("button", name=re.compile("Valitse dokumentti")),
        "Hyte-video, tekstitys",
        "hyte.vtt",
        b"WEBVTT\n\n00:00.000 --> 00:02.000\nHyvinvointi\n",
    )
    counter.quiz_steps = _author_quiz_in_lesson(counter, 1, "Hyten perusteet", QUESTIONS)
    counter.shot("lesson-form")
    assert_no_serious_axe_violations(page, "oppitunnin lisäys")

    # The preview panel shows the lesson as the learner will see it, quiz included.
    counter.click(page.get_by_role("button", name="Toggle preview"))
    frame = page.frame_locator("iframe").last
    frame.locator("h2", has_text="Hyten perusteet").wait_for()
    assert frame.locator("track[kind=captions]").count() == 1
    assert frame.locator("fieldset.question").count() == 5
    counter.shot("lesson-preview")
    _save_draft(counter)
    return course


def _submit_course(counter, course):
    page = counter.page
    page.goto(f"/admin/pages/{course.pk}/edit/")
    _more_actions(counter)
    with page.expect_navigation():
        counter.click(page.locator("button[name='action-submit']"))


def _approve(counter, course):
    page = counter.page
    page.goto(f"/admin/pages/{course.pk}/edit/")
    assert_no_serious_axe_violations(page, "koulutuksen hyväksyntä")
    counter.shot("review")
    panel = page.get_by_text("Hyväksyttävät osat").first
    assert panel.is_visible()
    _more_actions(counter)
    with page.expect_navigation():
        counter.click(
            page.locator(
                "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
            )
        )


def test_trainer_authors_a_course_and_a_second_trainer_approves_it_once(page, settings):
    # Wagtail's autosave of a new object racing the trainer's own save can create the
    # object twice; the journey is about authoring and approval, so it saves by hand.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    # The admin's editor pages are heavy: give them time to load on a busy machine.
    page.set_default_navigation_timeout(60_000)
    page.set_default_timeout(30_000)
    author, reviewer, learner, index = _people()
    counter = Counter(page)
    _sign_in(page, author.user.email)
    course = _author_course(counter, index)
    (lesson,) = LessonPage.objects.child_of(course)
    (block,) = [b for b in lesson.get_latest_revision_as_object().body if b.block_type == "quiz"]
    quiz = block.value["quiz"]
    draft = quiz.get_latest_revision_as_object()
    assert [q.kind for q in draft.questions.all()] == [kind for kind, *_rest in QUESTIONS]
    assert [[(c.text, c.is_correct) for c in q.choices.all()] for q in draft.questions.all()] == [
        choices for *_rest, choices in QUESTIONS
    ]
    _submit_course(counter, course)
    authoring_clicks = counter.count
    assert not CoursePage.objects.get(pk=course.pk).live
    assert not LessonPage.objects.filter(live=True, path__startswith=course.path).exists()

    _sign_in(page, reviewer.user.email)
    reviewer_counter = Counter(page)
    _approve(reviewer_counter, course)
    assert CoursePage.objects.get(pk=course.pk).live
    (lesson,) = LessonPage.objects.child_of(course).live()
    assert Quiz.objects.get(pk=quiz.pk).live

    # Translated to Swedish with its lesson and quiz, and published the same way.
    _sign_in(page, author.user.email)
    sv = Locale.objects.get(language_code="sv")
    page.goto(f"/admin/translation/submit/page/{course.pk}/")
    counter.click(page.locator(f"input[name=locales][value='{sv.pk}']"))
    counter.click(page.locator("#id_include_subtree"))
    with page.expect_navigation():
        counter.click(page.locator("form[data-controller=w-bulk] input[type=submit]"))
    swedish = CoursePage.objects.get(translation_key=course.translation_key, locale=sv)
    page.goto(f"/admin/pages/{swedish.pk}/edit/")
    page.locator("#id_title").fill("Hälsofrämjande i vardagen")
    _more_actions(counter)
    with page.expect_navigation():
        counter.click(page.locator("button[name='action-submit']"))
    _sign_in(page, reviewer.user.email)
    _approve(reviewer_counter, swedish)
    swedish = CoursePage.objects.get(pk=swedish.pk)
    assert swedish.live and swedish.title == "Hälsofrämjande i vardagen"
    swedish_quiz = Quiz.objects.get(translation_key=quiz.translation_key, locale=sv)
    assert swedish_quiz.live

    # A Swedish-speaking employee completes it.
    _sign_in(page, learner.user.email)
    page.goto(swedish.url)
    assert page.locator("h1").inner_text() == "Hälsofrämjande i vardagen"
    with page.expect_navigation():
        page.locator("form[action*='ilmoittaudu'] button").click()
    assert page.locator("video track[kind=captions]").count() == 1
    for _kind, text, choices in QUESTIONS:
        question = page.locator("fieldset.question", has_text=text)
        for choice, correct in choices:
            if correct:
                question.locator("label.choice", has_text=choice).first.locator("input").check()
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("Skicka|Lähetä")).click()
    assert CourseCompletion.objects.filter(employee=learner, course=course).exists()
    print(
        f"trainer steps: {authoring_clicks}, quiz steps: {counter.quiz_steps}, approvals: 1, "
        f"reviewer clicks: {reviewer_counter.count}"
    )
