"""Finishing a course as the learner meets it: the after-course self-assessment asked
before the course completes, the completion page with its next step and rating, when
the right answers are shown, the certificate, renewal dates, the home page's next step
and the catalogue's search and filters."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses import services
from courses.models import CourseCompletion, CourseRating, Enrolment
from courses.selectors import my_learning, renewal_due_date
from quizzes.models import Question, Quiz
from tests.courses.builders import lessons_of, make_course, make_quiz, right_answers, wrong_answers
from tests.courses.test_learning_pages import form_key, quiz_post
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(client):
    employee = EmployeeFactory()
    client.force_login(employee.user)
    return employee


def with_after_assessment(lesson):
    lesson.body.append(
        (
            "self_assessment",
            {
                "question": "Kuinka hyvin tunnet hyte-toiminnan nyt?",
                "phase": "after",
                "low_label": "En",
                "high_label": "Hyvin",
            },
        )
    )
    lesson.save_revision().publish()
    return lesson


def after_block_id(page: str) -> str:
    return re.findall(r"/itsearvio/([0-9a-f-]+)/", page)[-1]


def submit(client, lesson, quiz, answers, **kwargs):
    page = client.get(lesson.url).content.decode()
    return client.post(
        f"/opinnot/oppitunti/{lesson.pk}/tietovisa/{quiz.pk}/",
        quiz_post(answers, form_key(page, quiz)),
        **kwargs,
    )


def test_the_after_assessment_is_asked_before_the_course_completes(client, learner):
    quiz = make_quiz(questions=2)
    course = make_course(lessons=1, quiz=quiz, mandatory=True)
    lesson = with_after_assessment(lessons_of(course)[0])

    response = submit(client, lesson, quiz, right_answers(quiz))
    # Passed, but the course waits for the self-rating: the learner is taken to it.
    assert not CourseCompletion.objects.filter(employee=learner).exists()
    page = client.get(response["Location"]).content.decode()
    assert "Arvioi vielä osaamisesi" in page
    block_id = after_block_id(page)
    assert response["Location"].endswith(f"#block-{block_id}")

    response = client.post(
        f"/opinnot/oppitunti/{lesson.pk}/itsearvio/{block_id}/", {"value": "4"}, follow=True
    )
    completion = CourseCompletion.objects.get(employee=learner)
    assert response.redirect_chain[-1][0] == f"/opinnot/suoritettu/{completion.verification_code}/"
    page = response.content.decode()
    assert "Koulutus suoritettu" in page and completion.get_absolute_url() in page


def test_a_lesson_marked_done_waits_for_the_after_assessment_too(client, learner):
    course = make_course(lessons=1)
    lesson = with_after_assessment(lessons_of(course)[0])
    response = client.post(f"/opinnot/oppitunti/{lesson.pk}/valmis/")
    assert "#block-" in response["Location"]
    assert not CourseCompletion.objects.filter(employee=learner).exists()
    # Answered first, then marked done: completes at once.
    block_id = after_block_id(client.get(lesson.url).content.decode())
    client.post(f"/opinnot/oppitunti/{lesson.pk}/itsearvio/{block_id}/", {"value": "2"})
    assert CourseCompletion.objects.filter(employee=learner).count() == 1


def test_the_completion_page_offers_the_certificate_the_next_course_and_a_rating(client, learner):
    done_course = make_course(lessons=1)
    next_course = make_course(lessons=1, mandatory=True)
    Enrolment.objects.create(
        employee=learner, course=next_course, due_date=timezone.localdate() + datetime.timedelta(5)
    )
    response = client.post(f"/opinnot/oppitunti/{lessons_of(done_course)[0].pk}/valmis/")
    completion = CourseCompletion.objects.get(employee=learner)
    assert response["Location"] == f"/opinnot/suoritettu/{completion.verification_code}/"
    page = client.get(response["Location"]).content.decode()
    assert "Koulutus suoritettu" in page
    assert completion.get_absolute_url() in page
    assert next_course.title in page and next_course.url in page
    assert page.count('name="value"') == 5

    client.post(f"/opinnot/suoritettu/{completion.verification_code}/arvio/", {"value": "5"})
    client.post(f"/opinnot/suoritettu/{completion.verification_code}/arvio/", {"value": "4"})
    assert list(CourseRating.objects.values_list("value", flat=True)) == [4]
    assert "Arviosi: 4/5" in client.get(response["Location"]).content.decode()


def test_someone_elses_completion_page_answers_404(client, learner):
    other = EmployeeFactory()
    course = make_course(lessons=1)
    _done, completion = services.lesson_complete(employee=other, lesson=lessons_of(course)[0])
    assert client.get(f"/opinnot/suoritettu/{completion.verification_code}/").status_code == 404
    response = client.post(
        f"/opinnot/suoritettu/{completion.verification_code}/arvio/", {"value": "5"}
    )
    assert response.status_code == 404 and not CourseRating.objects.exists()


def test_a_completed_course_offers_its_certificate_not_continue(client, learner):
    course = make_course(lessons=2)
    for lesson in lessons_of(course):
        client.post(f"/opinnot/oppitunti/{lesson.pk}/valmis/")
    page = client.get(course.url).content.decode()
    assert "Jatka opiskelua" not in page and "Aloita" not in page
    assert "Näytä todistus" in page


def test_right_answers_are_shown_only_once_passed_or_out_of_attempts(client, learner):
    quiz = make_quiz(questions=2, pass_mark=100, max_attempts=2)
    course = make_course(lessons=1, quiz=quiz)
    (lesson,) = lessons_of(course)
    page = submit(client, lesson, quiz, wrong_answers(quiz), follow=True).content.decode()
    assert "Ei vielä hyväksytty" in page
    assert "Oikea vastaus:" not in page
    assert "Oikeat vastaukset näytetään" in page
    page = submit(client, lesson, quiz, wrong_answers(quiz), follow=True).content.decode()
    assert "Oikea vastaus: oikea 1" in page  # the attempts are used up


def test_a_trainer_may_show_the_right_answers_after_every_attempt(client, learner):
    quiz = make_quiz(questions=1, pass_mark=100, reveal_answers=Quiz.Reveal.EACH)
    (lesson,) = lessons_of(make_course(lessons=1, quiz=quiz))
    page = submit(client, lesson, quiz, wrong_answers(quiz), follow=True).content.decode()
    assert "Oikea vastaus: oikea 1" in page


def test_after_passing_no_attempts_left_are_counted(client, learner):
    quiz = make_quiz(questions=1, max_attempts=3)
    (lesson,) = lessons_of(make_course(lessons=2, quiz=quiz))[1:]
    page = submit(client, lesson, quiz, right_answers(quiz), follow=True).content.decode()
    assert "Hyväksytty" in page and "Yrityksiä jäljellä" not in page


def test_the_choose_all_hint_is_said_once(client, learner):
    quiz = make_quiz(questions=3)  # question 2 is multiple choice
    (lesson,) = lessons_of(make_course(lessons=1, quiz=quiz))
    page = client.get(lesson.url).content.decode()
    assert page.count("Valitse kaikki oikeat vaihtoehdot.") == 1
    # A trainer who wrote it into the question gets no second one.
    Question.objects.filter(quiz=quiz, kind=Question.Kind.MULTIPLE).update(
        text="Mitkä pitävät paikkansa? Valitse kaikki oikeat."
    )
    page = client.get(lesson.url).content.decode().lower()
    assert page.count("valitse kaikki oikeat") == 1


def test_the_certificate_names_the_issuer_and_length(client, learner, settings):
    settings.COUNTY_NAME = "Järvilaakson hyvinvointialue"
    course = make_course(lessons=1, estimated_minutes=45)
    _done, completion = services.lesson_complete(employee=learner, lesson=lessons_of(course)[0])
    page = client.get(completion.get_absolute_url()).content.decode()
    assert "Järvilaakson hyvinvointialue" in page and "noin 45 min" in page
    assert 'class="hint certificate-url"' in page


def test_an_unknown_certificate_code_gets_a_friendly_404(client):
    response = client.get("/todistus/eiolemassa123/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Todistusta ei löydy" in page and "eiolemassa123" in page
    assert 'class="site-header"' in page  # the site's own layout


def test_renewal_is_due_at_expiry_plus_the_grace_period_not_the_old_enrolment(client, learner):
    course = make_course(lessons=1, validity_months=12, mandatory=True, grace_days=30)
    Enrolment.objects.create(employee=learner, course=course, due_date=datetime.date(2020, 12, 28))
    now = timezone.now()
    completion = CourseCompletion.objects.create(
        employee=learner,
        course=course,
        course_title=course.title,
        completed_at=now - datetime.timedelta(days=400),
        expires_at=now - datetime.timedelta(days=35),
    )
    (status,) = my_learning(employee=learner)["required"]
    assert status.state == "to_renew"
    expiry = timezone.localtime(completion.expires_at).date()
    assert status.due_date == expiry + datetime.timedelta(days=30)
    assert renewal_due_date(completion=completion, course=course) == status.due_date
    due = status.due_date
    for url in ("/opinnot/", course.url):
        page = client.get(url).content.decode()
        assert f"{due.day}.{due.month}.{due.year}" in page, url
        assert "28.12.2020" not in page, url
    assert f"uusittava viimeistään {due.day}.{due.month}.{due.year}" in client.get(
        "/opinnot/"
    ).content.decode().replace("\n", " ")


def test_home_shows_the_next_step_and_progress(client, learner):
    course = make_course(lessons=2, mandatory=True)
    page = client.get("/").content.decode()
    assert "Seuraavaksi" in page and course.title in page and ">Aloita" in page
    client.post(f"/opinnot/oppitunti/{lessons_of(course)[0].pk}/valmis/")
    page = client.get("/").content.decode()
    assert "Jatka siitä, mihin jäit" in page and lessons_of(course)[1].url in page
    assert "1/2 oppituntia" in page
    assert 'aria-expanded="false"' in page and 'aria-controls="site-menu"' in page


def test_catalogue_search_filters_sort_and_lesson_marks(client, learner):
    first = make_course(lessons=2, title="Luonto ja hyvinvointi", mandatory=True)
    second = make_course(lessons=1, title="Kulttuuri hoitotyössä")
    Enrolment.objects.create(
        employee=learner,
        course=second,
        due_date=timezone.localdate(),
        source=Enrolment.Source.ASSIGNED,
    )
    client.post(f"/opinnot/oppitunti/{lessons_of(first)[0].pk}/valmis/")
    index = first.get_parent().url

    def titles(query=""):
        page = client.get(f"{index}?{query}").content.decode()
        return re.findall(r'<h2 class="card-title"><a href="[^"]+">([^<]+)</a>', page), page

    found, page = titles()
    assert found == ["Kulttuuri hoitotyössä", "Luonto ja hyvinvointi"]
    assert "Oppitunnit: 1/2 tehty" in page and "✓ tehty" in page and "tekemättä" in page
    assert titles("haku=luonto")[0] == ["Luonto ja hyvinvointi"]
    assert titles("pakollinen=1")[0] == ["Luonto ja hyvinvointi"]
    assert titles("minulle=1")[0] == ["Kulttuuri hoitotyössä", "Luonto ja hyvinvointi"]
    assert titles("kieli=sv")[0] == []
    assert titles("jarjestys=due")[0] == ["Kulttuuri hoitotyössä", "Luonto ja hyvinvointi"]
    found, page = titles("haku=olematon")
    assert found == [] and "Hakuehtoja vastaavia koulutuksia ei löytynyt." in page


def test_catalogue_queries_do_not_grow_with_courses(client, learner):
    make_course(lessons=2)
    index = make_course(lessons=1).get_parent().url
    client.get(index)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(index).status_code == 200
        return len(queries)

    few = count()
    for _ in range(5):
        course = make_course(lessons=3, mandatory=True)
        client.post(f"/opinnot/oppitunti/{lessons_of(course)[0].pk}/valmis/")
    assert count() == few
