"""The learner's pages through the browser's eyes (Django test client): My learning,
a lesson with a quiz, the certificate; access and query budgets."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import CourseCompletion, Enrolment
from quizzes.models import QuizAttempt, SelfAssessmentAnswer
from tests.courses.builders import lessons_of, make_course, make_quiz, right_answers, wrong_answers
from tests.factories import EmployeeFactory, JobRoleFactory, make_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(client):
    employee = EmployeeFactory()
    client.force_login(employee.user)
    return employee


def form_key(page: str, quiz) -> str:
    match = re.search(
        rf'action="[^"]*/tietovisa/{quiz.pk}/".*?name="submission_key" value="([^"]+)"', page, re.S
    )
    assert match, "quiz form not on the page"
    return match.group(1)


def quiz_post(answers: dict, key: str) -> dict:
    return {"submission_key": key, **{f"question-{q}": choices for q, choices in answers.items()}}


def test_working_through_a_course_with_a_quiz(client, learner):
    quiz = make_quiz(max_attempts=3, pass_mark=100)
    course = make_course(lessons=2, quiz=quiz, mandatory=True)
    first, last = lessons_of(course)

    page = client.get(first.url).content.decode()
    assert "Oppitunti 1/2" in page and "Kuinka hyvin tunnet hyte-toiminnan?" in page
    block_id = re.search(r"/itsearvio/([0-9a-f-]+)/", page).group(1)
    client.post(f"/opinnot/oppitunti/{first.pk}/itsearvio/{block_id}/", {"value": "3"})
    assert SelfAssessmentAnswer.objects.get(employee=learner).value == 3

    response = client.post(f"/opinnot/oppitunti/{first.pk}/valmis/")
    assert response["Location"] == last.url

    page = client.get(last.url).content.decode()
    response = client.post(
        f"/opinnot/oppitunti/{last.pk}/tietovisa/{quiz.pk}/",
        quiz_post(wrong_answers(quiz), form_key(page, quiz)),
        follow=True,
    )
    page = response.content.decode()
    assert "Ei vielä hyväksytty" in page and "pisteet 0 %" in page and "Ei aivan." in page
    assert "Yrityksiä jäljellä 2." in page

    response = client.post(
        f"/opinnot/oppitunti/{last.pk}/tietovisa/{quiz.pk}/",
        quiz_post(right_answers(quiz), form_key(page, quiz)),
        follow=True,
    )
    page = response.content.decode()
    assert "Koulutus suoritettu" in page and "Onneksi olkoon!" in page
    completion = CourseCompletion.objects.get(employee=learner)
    assert completion.score == 100

    certificate = client.get(f"/todistus/{completion.verification_code}/").content.decode()
    assert (
        course.title in certificate
        and learner.full_name in certificate
        and "Todistus on voimassa." in certificate
    )
    client.logout()
    assert client.get(f"/todistus/{completion.verification_code}/").status_code == 200
    assert client.get("/todistus/vaarennetty/").status_code == 404


def test_empty_quiz_submission_keeps_nothing_and_says_so(client, learner):
    quiz = make_quiz()
    course = make_course(lessons=1, quiz=quiz)
    (lesson,) = lessons_of(course)
    page = client.get(lesson.url).content.decode()
    response = client.post(
        f"/opinnot/oppitunti/{lesson.pk}/tietovisa/{quiz.pk}/",
        {"submission_key": form_key(page, quiz)},
        follow=True,
    )
    assert "Et vastannut yhteenkään kysymykseen" in response.content.decode()
    assert not QuizAttempt.objects.exists()


def test_double_click_on_submit_records_one_attempt(client, learner):
    quiz = make_quiz()
    course = make_course(lessons=1, quiz=quiz)
    (lesson,) = lessons_of(course)
    data = quiz_post(wrong_answers(quiz), form_key(client.get(lesson.url).content.decode(), quiz))
    client.post(f"/opinnot/oppitunti/{lesson.pk}/tietovisa/{quiz.pk}/", data)
    client.post(f"/opinnot/oppitunti/{lesson.pk}/tietovisa/{quiz.pk}/", data)
    assert QuizAttempt.objects.count() == 1


def test_a_quiz_that_is_not_in_the_lesson_answers_404(client, learner):
    quiz, other = make_quiz(), make_quiz()
    course = make_course(lessons=1, quiz=quiz)
    (lesson,) = lessons_of(course)
    response = client.post(
        f"/opinnot/oppitunti/{lesson.pk}/tietovisa/{other.pk}/",
        quiz_post(right_answers(other), "x"),
    )
    assert response.status_code == 404


def test_a_course_for_another_audience_answers_404(client, learner):
    other_unit = make_unit("MUU", make_unit("HVA2"))
    course = make_course(lessons=1)
    course.audience_units.set([other_unit])
    course.save_revision().publish()
    (lesson,) = lessons_of(course)
    assert client.get(lesson.url).status_code == 404
    assert client.get(course.url).status_code == 404
    assert client.post(f"/opinnot/oppitunti/{lesson.pk}/valmis/").status_code == 404
    # Assigned to them anyway: then they may.
    Enrolment.objects.create(employee=learner, course=course, source=Enrolment.Source.ASSIGNED)
    assert client.get(lesson.url).status_code == 200


def test_signed_out_visitor_is_sent_to_sign_in(client):
    course = make_course(lessons=1)
    for url in (lessons_of(course)[0].url, course.url, course.get_parent().url):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/kirjaudu/"), url


def test_lesson_remembers_where_the_learner_left_off(client, learner):
    course = make_course(lessons=3)
    first, second, _third = lessons_of(course)
    client.post(f"/opinnot/oppitunti/{first.pk}/valmis/")
    # Done with the first lesson: the second is where to continue.
    assert Enrolment.objects.get(employee=learner).last_lesson_id == second.pk
    page = client.get(course.url).content.decode()
    assert f'href="{second.url}">Jatka opiskelua' in page.replace("\n", "")
    home = client.get("/").content.decode()
    assert "Jatka siitä, mihin jäit" in home and f'href="{second.url}"' in home


def test_opening_a_lesson_writes_nothing(client, learner):
    """A GET is a read: no enrolment, no "last lesson" written by opening a page."""
    course = make_course(lessons=2, quiz=make_quiz(questions=2))
    lesson = lessons_of(course)[1]
    with CaptureQueriesContext(connection) as queries:
        assert client.get(lesson.url).status_code == 200
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "SAVEPOINT"))
    ]
    assert writes == []
    assert not Enrolment.objects.filter(employee=learner).exists()


def test_my_learning_groups_and_orders(client, learner):
    role = JobRoleFactory(code="XX")
    mandatory = make_course(lessons=1, mandatory=True)
    not_for_me = make_course(lessons=1, mandatory=True)
    not_for_me.audience_job_roles.set([role])
    not_for_me.save_revision().publish()
    optional = make_course(lessons=2)
    client.post(f"/opinnot/ilmoittaudu/{optional.pk}/")
    page = client.get("/opinnot/").content.decode()
    required_section = page.split('id="group-required"')[1].split('id="group-in_progress"')[0]
    assert mandatory.title in required_section and not_for_me.title not in page
    assert (
        optional.title in page.split('id="group-in_progress"')[1].split('id="group-completed"')[0]
    )


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_my_learning_costs_the_same_queries_for_1_or_12_courses(client, learner):
    make_course(lessons=2, mandatory=True)
    client.get("/opinnot/")  # the first request of a process fills Wagtail's and our caches
    one = _count(client, "/opinnot/")
    for number in range(11):
        course = make_course(lessons=3, mandatory=True, validity_months=12)
        first = lessons_of(course)[0]
        if number % 2:
            client.post(f"/opinnot/oppitunti/{first.pk}/valmis/")
    many = _count(client, "/opinnot/")
    assert one == many
    # session, user with employee, the bell; enrolments, courses with audiences and
    # lesson counts, completions, lessons done, the catalogue.
    assert many <= 8


def test_lesson_page_costs_the_same_queries_for_3_or_18_blocks(client, learner):
    small = make_course(lessons=1, quiz=make_quiz(questions=2), blocks_per_lesson=1)
    large = make_course(lessons=1, quiz=make_quiz(questions=10), blocks_per_lesson=16)
    small_url, large_url = lessons_of(small)[0].url, lessons_of(large)[0].url
    for lesson in (lessons_of(small)[0], lessons_of(large)[0]):
        # Something of the learner's own on the page: a rating and a failed attempt.
        page = client.get(lesson.url).content.decode()
        block_id = re.search(r"/itsearvio/([0-9a-f-]+)/", page).group(1)
        client.post(f"/opinnot/oppitunti/{lesson.pk}/itsearvio/{block_id}/", {"value": "3"})
    small_count, large_count = _count(client, small_url), _count(client, large_url)
    assert small_count == large_count
    # session, user with employee, the bell; the site, and the home page in the
    # reader's language (cms/routing.py); the lesson with whether a view restriction may
    # apply; the course with its lessons and audience, the quizzes, their questions, and
    # one for all of the learner's own state.
    assert large_count <= 10


def test_a_lesson_with_two_required_quizzes_completes_when_both_are_passed(client, learner):
    first_quiz, second_quiz = make_quiz(), make_quiz()
    course = make_course(lessons=1, quiz=first_quiz)
    (lesson,) = lessons_of(course)
    lesson.body.append(("quiz", {"quiz": second_quiz, "required": True}))
    lesson.save_revision().publish()
    for quiz in (first_quiz, second_quiz):
        page = client.get(lesson.url).content.decode()
        response = client.post(
            f"/opinnot/oppitunti/{lesson.pk}/tietovisa/{quiz.pk}/",
            quiz_post(right_answers(quiz), form_key(page, quiz)),
        )
        done = quiz is second_quiz
        assert CourseCompletion.objects.filter(employee=learner).exists() == done
        if done:
            completion = CourseCompletion.objects.get(employee=learner)
            assert response["Location"] == f"/opinnot/suoritettu/{completion.verification_code}/"
        else:
            assert response["Location"].endswith(f"#quiz-result-{quiz.pk}")


def test_a_lesson_shows_it_is_done_in_the_current_round_only(client, learner, monkeypatch):
    import datetime

    from django.utils import timezone

    from courses import services

    def done_mark_shown() -> bool:
        response = client.get(lesson.url)
        assert response.status_code == 200
        return 'class="status-done"' in response.content.decode()

    course = make_course(lessons=1, validity_months=12)
    (lesson,) = lessons_of(course)
    assert not done_mark_shown()
    # Completed thirteen months ago: that completion has expired, the lesson is to redo.
    long_ago = timezone.now() - datetime.timedelta(days=400)
    with monkeypatch.context() as patched:
        patched.setattr(timezone, "now", lambda: long_ago)
        services.lesson_complete(employee=learner, lesson=lesson)
    assert not done_mark_shown()
    services.lesson_complete(employee=learner, lesson=lesson)
    assert done_mark_shown()


def test_a_view_restriction_on_the_course_still_guards_its_lessons(client, learner):
    """The lesson's route reads whether a restriction may apply with the page (no query
    of its own when none does); one on an ancestor still applies."""
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    course = make_course(lessons=1)
    (lesson,) = lessons_of(course)
    assert client.get(lesson.url).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="Vain kouluttajat")])
    assert client.get(lesson.url).status_code != 200


@pytest.mark.parametrize(("language", "label"), [("fi", "Järjestö"), ("sv", "Organisation")])
def test_an_activity_card_names_the_kind_of_organiser_in_the_readers_language(
    client, learner, language, label
):
    """The card shows the organiser kind's label, never its stored code ("ngo")."""
    course = make_course(lessons=1)
    lesson = lessons_of(course)[0]
    card = {
        "name": "Kävelyryhmä",
        "organiser": "Eläkeläiset ry",
        "organiser_kind": "ngo",
        "description": "Viikoittainen ryhmä.",
        "link": "",
    }
    lesson.body.append(("hyte_activity", card))
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    assert [block.block_type for block in lesson.body][-1] == "hyte_activity"
    learner.language = language
    learner.save(update_fields=["language"])
    page = client.get(lesson.url, headers={"accept-language": language}).content.decode()
    assert f"Eläkeläiset ry · {label}" in page
    assert "· ngo" not in page


def test_a_refused_submission_keeps_the_learners_choices_on_the_form(client, learner):
    quiz = make_quiz(questions=3)  # question 2 takes several answers
    course = make_course(lessons=1, quiz=quiz)
    (lesson,) = lessons_of(course)
    questions = list(quiz.questions.order_by("sort_order"))
    right = right_answers(quiz)
    page = client.get(lesson.url).content.decode()
    # Questions 1 and 2 answered, 3 left out: refused, and nothing is lost.
    answers = {questions[0].pk: right[questions[0].pk], questions[1].pk: right[questions[1].pk]}
    response = client.post(
        f"/opinnot/oppitunti/{lesson.pk}/tietovisa/{quiz.pk}/",
        quiz_post(answers, form_key(page, quiz)),
        follow=True,
    )
    html = response.content.decode()
    assert not QuizAttempt.objects.exists()
    # What was refused is said in the quiz, where the learner is taken back to (#quiz-N),
    # not at the top of the page, out of sight on a phone.
    assert response.redirect_chain[-1][0].endswith(f"#quiz-{quiz.pk}")
    quiz_html = html.split(f'id="quiz-{quiz.pk}"', 1)[1].split("</section>", 1)[0]
    alerts = re.findall(r'<p class="message error" role="alert">([^<]+)</p>', quiz_html)
    assert len(alerts) == 1 and "3" in alerts[0]
    assert '<div class="messages"' not in html
    checked = re.findall(r'<input type="(\w+)" name="question-(\d+)" value="(\d+)"\s*checked', html)
    assert sorted((int(q), int(c)) for _kind, q, c in checked) == sorted(
        (question, choice) for question, choices in answers.items() for choice in choices
    )
    kinds = {q: kind for kind, q in re.findall(r'<input type="(\w+)" name="question-(\d+)"', html)}
    assert kinds == {
        str(questions[0].pk): "radio",
        str(questions[1].pk): "checkbox",
        str(questions[2].pk): "radio",
    }
