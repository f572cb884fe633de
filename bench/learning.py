"""Benchmark of the learner's pages: a lesson, My learning and a quiz submission.

    make bench                     # the HR import bench, then this one
    scripts/bench.sh learning      # this one only; arguments after the name go to it
    # or, against a PostgreSQL server of your choice (the database is dropped and recreated;
    # its name must contain "bench"):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hyteopas_bench \\
        .venv/bin/python bench/learning.py --requests 200
    # before/after: the same bench at another revision first, in the same run
    scripts/bench.sh learning --baseline main

What it measures (PostgreSQL, DEBUG forced off, learning.settings.test, so Celery is eager):

1. Lesson page: a lesson of 18 blocks (3 headings, 8 paragraphs, 2 callouts, 2 hyte
   activity cards, a reflection, a self-assessment and a required quiz of 10 questions;
   no images or videos: there are no media files) fetched through its real URL with
   Django's test Client as a signed-in employee (force_login), who has rated the
   self-assessment and failed the quiz once. Against it, a bare view written here that
   renders the same template (courses/lesson_page.html) with an equivalent context from
   the same rows in as few ORM calls as we could write, called directly (no middleware,
   request.user already loaded with its employee) and, for the split of the difference,
   through the same Client and middleware as the page.
2. My learning (/opinnot/) for an employee with 40 mandatory courses of 3 lessons (8
   completed, 2 to renew, 12 in progress, 4 overdue, 4 due soon, the rest not started)
   and for one with 1 course; against a bare view rendering courses/my_learning.html.
3. A quiz submission of 20 questions (POST /opinnot/oppitunti/<lesson>/tietovisa/<quiz>/,
   a fresh submission_key each time, unlimited attempts) not passed (half right), and
   passed (all right; passing marks the lesson done, so lesson_complete runs too), each
   by its own employee. The redirect is not followed.

How: the parent process never imports Django; it recreates the database and starts one
child process to migrate and build the data, then one per scenario. A scenario warms up
(--warmup requests), then counts queries over --capture requests (CaptureQueriesContext,
nothing excluded, plus an execute wrapper that keeps each query's Python stack to say
what caused it), then times --requests requests without capturing: time.perf_counter
around client.get/client.post or around the bare view call (rendering included). Page
and bare requests alternate, so drift hits both alike. Every query count must be the same
on every captured request; a change is reported as a problem. The bare views' HTML is
compared with the page's (CSRF tokens, submission keys and the language form's "next"
masked) to show they render the same thing.

Query causes, from the stack of each query: "session" (django.contrib.sessions), "auth"
(loading request.user), "middleware" (people/middleware.py: the employee), "Wagtail
routing" (the site and the home page in the reader's language, cms/routing.py; the
lesson by its path, cms HomePage.route; Wagtail's own lookups if it routes; view
restrictions), "view & selectors" (the project's code below the view: courses/,
quizzes/, people/selectors..., shown with the innermost such file:line), "bare view"
(the bench's own bare views), "template" (through the template engine: a context
processor's lazy value, or a tag such as {% pageurl %}, which looks the Site up outside
Wagtail's serve) and "transaction" (BEGIN, COMMIT and savepoints: CaptureQueriesContext
logs them, so they are in the counts).

Results: a table on stdout and bench/results/learning.json.
"""

from __future__ import annotations

import datetime
import gc
import json
import os
import re
import statistics
import subprocess
import sys
import time
import traceback
import uuid
from pathlib import Path

import harness
from harness import run_in_child

RESULTS = harness.prepare(__file__)
ROOT = harness.ROOT
HOST = "localhost"  # the Site's hostname (cms/migrations/0002_home_page.py)
BARE_URLCONF = "bench_learning_urls"

SCENARIOS = {
    "lesson": "Lesson page, 18 blocks, quiz of 10",
    "my_learning_1": "My learning, 1 course",
    "my_learning_40": "My learning, 40 courses",
    "quiz_fail": "Quiz submission, 20 questions, not passed",
    "quiz_pass": "Quiz submission, 20 questions, passed",
}
TARGETS = {
    "lesson": {"queries": 12, "p50_ratio": 3.0},
    "my_learning_1": {"queries": 8},
    "my_learning_40": {"queries": 8},
    "quiz_fail": {"queries": 6},
    "quiz_pass": {"queries": 6},
}

PARAGRAPHS = [
    "<p>Hyvinvoinnin ja terveyden edistäminen (<b>hyte</b>) kuuluu jokaisen työhön: "
    "asiakas ohjataan hänelle sopivaan toimintaan.</p>",
    "<p>Kysy asiakkaalta, mikä tuottaa hänelle iloa, ja kerro lähialueen "
    "<i>matalan kynnyksen</i> toiminnasta.</p>",
    "<ul><li>liikuntaryhmät</li><li>vertaistuki</li><li>kulttuuri ja harrastukset</li></ul>",
    "<p>Kirjaa ohjaus asiakastietoihin sovitulla fraasilla, niin seuranta onnistuu.</p>",
    "<h3>Kun asiakas ei halua</h3><p>Kunnioita päätöstä ja palaa asiaan myöhemmin.</p>",
    '<p>Ajantasaiset tiedot löytyvät <a href="https://www.example.fi/hyte">hyte-'
    "kalenterista</a>.</p>",
    "<ol><li>tunnista tarve</li><li>kerro vaihtoehdoista</li><li>sovi seuranta</li></ol>",
    "<p>Muista, että pienikin askel on askel kohti parempaa arkea.</p>",
]


# --- the data -----------------------------------------------------------------------------


def _employee(number: int, unit, role):
    from django.contrib.auth import get_user_model

    from people.models import Employee

    user = get_user_model().objects.create_user(
        username=str(number),
        email=f"oppija.{number}@penkkila.example",
        password="penkki-salasana",  # noqa: S106
        first_name="Oppija",
        last_name=f"Nro {number}",
    )
    return Employee.objects.create(
        user=user,
        employee_number=str(number),
        unit=unit,
        job_role=role,
        start_date=datetime.date(2020, 1, 1),
    )


def _lesson(course, number: int, body: list):
    from courses.models import LessonPage

    lesson = course.add_child(
        instance=LessonPage(title=f"Oppitunti {number}", slug=f"oppitunti-{number}", body=body)
    )
    lesson.save_revision().publish()
    return lesson


def _course(index, slug: str, title: str, lessons: int, roles=(), **fields):
    """A published course with `lessons` short lessons (the way tests/courses/builders.py
    builds them: add_child, then save_revision().publish())."""
    from courses.models import CoursePage

    course = index.add_child(
        instance=CoursePage(title=title, slug=slug, summary="Tiivistelmä.", **fields)
    )
    if roles:
        course.audience_job_roles.set(roles)
    course.save_revision().publish()
    for number in range(1, lessons + 1):
        body = [("paragraph", PARAGRAPHS[(number + i) % len(PARAGRAPHS)]) for i in range(3)]
        _lesson(course, number, body)
    return CoursePage.objects.get(pk=course.pk)


def lesson_body(quiz) -> list:
    """18 blocks: 3 headings, 8 paragraphs, 2 callouts, 2 hyte activity cards, a
    reflection, a self-assessment and the quiz."""
    paragraph = iter(PARAGRAPHS)
    activity = {
        "organiser_kind": "ngo",
        "description": "Kerran viikossa kokoontuva ryhmä, ei ilmoittautumista.",
        "link": "https://www.example.fi/toiminta",
    }
    return [
        ("heading", {"text": "Mitä hyte-ohjaus on?"}),
        ("paragraph", next(paragraph)),
        ("paragraph", next(paragraph)),
        (
            "self_assessment",
            {
                "question": "Kuinka hyvin tunnet alueesi hyte-toiminnan?",
                "phase": "before",
                "low_label": "En lainkaan",
                "high_label": "Erittäin hyvin",
            },
        ),
        ("callout", {"kind": "tip", "text": "<p>Kysy avoimesti: mikä sinua kiinnostaa?</p>"}),
        ("paragraph", next(paragraph)),
        ("heading", {"text": "Toimintaa lähelläsi"}),
        ("paragraph", next(paragraph)),
        ("hyte_activity", {**activity, "name": "Kävelyryhmä", "organiser": "Eläkeliitto"}),
        ("hyte_activity", {**activity, "name": "Omaishoitajien kahvila", "organiser": "Srk"}),
        ("paragraph", next(paragraph)),
        ("reflection", {"question": "Mihin toimintaan ohjasit viimeksi asiakkaan?"}),
        ("heading", {"text": "Kirjaaminen"}),
        ("paragraph", next(paragraph)),
        ("callout", {"kind": "note", "text": "<p>Käytä fraasikirjaston valmiita fraaseja.</p>"}),
        ("paragraph", next(paragraph)),
        ("paragraph", next(paragraph)),
        ("quiz", {"quiz": quiz, "required": True}),
    ]


def build(courses: int) -> dict:
    """Everything the scenarios need; returns the ids and addresses."""
    from courses import services
    from courses.models import CourseCompletion, Enrolment, LessonCompletion
    from people.models import JobRole, OrgUnit
    from quizzes import services as quiz_services
    from quizzes.models import SelfAssessmentAnswer
    from tests.courses.builders import course_index, lessons_of, make_quiz, wrong_answers

    county = OrgUnit.add_root(code="HVA", name_fi="Penkkilän hyvinvointialue", kind="county")
    unit = county.add_child(code="HVA-U01", name_fi="Kotihoito 1", kind="unit")
    unit = OrgUnit.objects.get(pk=unit.pk)
    roles = [("R1", "Sairaanhoitaja"), ("R2", "Fysioterapeutti"), ("R3", "Lähihoitaja")]
    many_role, one_role, learner_role = JobRole.objects.bulk_create(
        JobRole(code=code, name_fi=name) for code, name in roles
    )
    many = _employee(100001, unit, many_role)  # 40 mandatory courses
    one = _employee(100002, unit, one_role)  # 1 mandatory course
    learner = _employee(100003, unit, learner_role)  # the lesson page; quiz not passed
    passer = _employee(100004, unit, learner_role)  # quiz passed

    index = course_index()
    today = datetime.date.today()
    now = datetime.datetime.now(datetime.UTC)
    plan = {"completed": 0, "to_renew": 0, "in_progress": 0, "overdue": 0, "due_soon": 0}
    for number in range(courses):
        course = _course(
            index,
            f"pakollinen-{number + 1:02d}",
            f"Pakollinen koulutus {number + 1:02d}",
            3,
            roles=[many_role],
            mandatory=True,
            validity_months=24 if number % 2 else None,
        )
        lessons = lessons_of(course)
        if number < 8:  # completed: every lesson done through the service
            for lesson in lessons:
                services.lesson_complete(employee=many, lesson=lesson)
            plan["completed"] += 1
        elif number < 10:  # completed three years ago, expired a year ago: to renew
            long_ago = now - datetime.timedelta(days=3 * 365)
            for lesson in lessons:
                LessonCompletion.objects.create(employee=many, lesson=lesson, course=course)
            CourseCompletion.objects.create(
                employee=many,
                course=course,
                course_title=course.title,
                completed_at=long_ago,
                expires_at=long_ago + datetime.timedelta(days=2 * 365),
                revision_id=course.live_revision_id,
            )
            plan["to_renew"] += 1
        elif number < 22:  # in progress: one or two lessons done
            for lesson in lessons[: 1 + number % 2]:
                services.lesson_complete(employee=many, lesson=lesson)
            plan["in_progress"] += 1
        elif number < 30:  # assigned with a due date: overdue or due soon
            overdue = number % 2 == 0
            services.enrolment_ensure(
                employee=many,
                course=course,
                source=Enrolment.Source.ASSIGNED,
                due_date=today + datetime.timedelta(days=-10 if overdue else 7),
            )
            plan["overdue" if overdue else "due_soon"] += 1
    plan["not_started"] = courses - sum(plan.values())

    single = _course(index, "oma-koulutus", "Ainoa koulutus", 3, roles=[one_role], mandatory=True)
    services.lesson_complete(employee=one, lesson=lessons_of(single)[0])

    # The lesson page and the quiz submissions: an optional course open to everyone.
    quiz10 = make_quiz(questions=10, pass_mark=70, max_attempts=0)
    quiz20 = make_quiz(questions=20, pass_mark=70, max_attempts=0)
    course = _course(index, "hyte-ohjaus", "Hyte-ohjauksen perusteet", 1)
    lesson = _lesson(course, 2, lesson_body(quiz10))
    quiz_lesson = _lesson(
        course,
        3,
        [("paragraph", PARAGRAPHS[0]), ("quiz", {"quiz": quiz20, "required": True})],
    )
    services.enrolment_remember_lesson(employee=learner, lesson=lesson)
    block_id = next(block.id for block in lesson.body if block.block_type == "self_assessment")
    services.self_assessment_record(employee=learner, lesson=lesson, block_id=block_id, value=3)
    quiz_services.quiz_submit(
        employee=learner,
        quiz_id=quiz10.pk,
        answers=wrong_answers(quiz10),
        submission_key=str(uuid.uuid4()),
    )
    for employee in (learner, passer):
        services.enrolment_remember_lesson(employee=employee, lesson=quiz_lesson)
    return {
        "employees": {"many": many.pk, "one": one.pk, "learner": learner.pk, "passer": passer.pk},
        "users": {
            "many": many.user_id,
            "one": one.user_id,
            "learner": learner.user_id,
            "passer": passer.user_id,
        },
        "lesson": {"id": lesson.pk, "url": lesson.url, "quiz": quiz10.pk},
        "quiz_lesson": {"id": quiz_lesson.pk, "url": quiz_lesson.url, "quiz": quiz20.pk},
        "my_learning_plan": plan,
        "self_ratings": SelfAssessmentAnswer.objects.count(),
    }


# --- the bare views -----------------------------------------------------------------------


def bare_lesson(request, lesson_id: int):
    """What courses.views.serve_lesson shows, from the same rows in as few queries as we
    could write. request.user is signed in and carries its employee (as after the
    middleware). Not handled: translations (progress on the Finnish page), the quiz
    draft kept in the session after a refused submission, and a trainer's preview."""
    import random

    from django.contrib.postgres.aggregates import BoolOr
    from django.db.models import CharField, Count, DateTimeField, Max, Q, Value
    from django.db.models.functions import Cast
    from django.http import Http404
    from django.shortcuts import render
    from django.utils import timezone
    from wagtail.models import Page

    from courses.models import (
        CourseCompletion,
        CoursePage,
        Enrolment,
        LessonCompletion,
        LessonPage,
    )
    from courses.permissions import employee_in_audience
    from quizzes.models import AnswerChoice, QuizAttempt, SelfAssessmentAnswer
    from quizzes.selectors import QuizState, choose_all_hint_needed

    employee = request.user.employee
    # 1: the lesson with its body.
    lesson = LessonPage.objects.filter(pk=lesson_id, live=True).first()
    if lesson is None:
        raise Http404
    # 2: the course and the live lessons under it, in tree order (the course sorts first).
    parent_path = lesson.path[: -LessonPage.steplen]
    pages = list(
        Page.objects.filter(
            Q(path=parent_path)
            | Q(
                path__startswith=parent_path,
                depth=lesson.depth,
                live=True,
                content_type_id=lesson.content_type_id,
            )
        )
        .order_by("path")
        .only("id", "title", "url_path", "path", "depth", "locale_id", "live")
    )
    course, siblings = pages[0], pages[1:]
    # 3: the course's audience and the learner's enrolment, as tagged rows of one UNION.
    text = CharField()

    def tag(name):
        return Value(name, output_field=text)

    rows = list(
        CoursePage.audience_units.through.objects.filter(coursepage_id=course.pk)
        .values_list(tag("unit"), "orgunit__path")
        .union(
            CoursePage.audience_job_roles.through.objects.filter(
                coursepage_id=course.pk
            ).values_list(tag("role"), Cast("jobrole_id", text)),
            Enrolment.objects.filter(employee=employee, course_id=course.pk).values_list(
                tag("enrolment"), Cast("last_lesson_id", text)
            ),
            all=True,
        )
    )
    unit_paths = [value for kind, value in rows if kind == "unit"]
    role_ids = [int(value) for kind, value in rows if kind == "role"]
    enrolled = [value for kind, value in rows if kind == "enrolment"]
    if not enrolled and not employee_in_audience(employee, course, unit_paths, role_ids):
        raise Http404
    # Nothing written: like the page, a GET is a read.
    # 4: the quiz snippets (Wagtail's StreamField, one query for all chooser blocks).
    quizzes = {
        block.value["quiz"].pk: block.value["quiz"]
        for block in lesson.body
        if block.block_type == "quiz" and block.value["quiz"]
    }
    block_ids = [block.id for block in lesson.body if block.block_type == "self_assessment"]
    states = {}
    if quizzes:
        # 5: every question with its choices.
        questions: dict[int, list] = {pk: [] for pk in quizzes}
        seen = {}
        for choice in (
            AnswerChoice.objects.filter(question__quiz_id__in=list(quizzes))
            .select_related("question")
            .order_by("question__sort_order", "question_id", "sort_order", "pk")
        ):
            question = seen.get(choice.question_id)
            if question is None:
                question = seen[choice.question_id] = choice.question
                question.shuffled_choices = []
                question.choose_all_hint = question.kind == "multiple" and choose_all_hint_needed(
                    question.text
                )
                questions[question.quiz_id].append(question)
            question.shuffled_choices.append(choice)
        # 6: the learner's attempts per quiz, counted in the database.
        keys = {quiz.translation_key: quiz.pk for quiz in quizzes.values()}
        attempts = {
            keys[row["quiz__translation_key"]]: row
            for row in QuizAttempt.objects.filter(
                employee=employee, quiz__translation_key__in=list(keys)
            )
            .order_by()
            .values("quiz__translation_key")
            .annotate(used=Count("pk"), best=Max("score"), passed=BoolOr("passed"))
        }
        shown = request.GET.get("yritys", "")
        for pk, quiz in quizzes.items():
            mine = attempts.get(pk, {"used": 0, "best": None, "passed": False})
            own_questions = questions[pk]
            if quiz.shuffle:
                rng = random.Random(f"{employee.pk}-{quiz.pk}-{mine['used']}")
                rng.shuffle(own_questions)
                for question in own_questions:
                    rng.shuffle(question.shuffled_choices)
            state = QuizState(
                quiz=quiz,
                questions=own_questions,
                attempts_used=mine["used"],
                passed=bool(mine["passed"]),
                best_score=mine["best"],
                submission_key=str(uuid.uuid4()),
            )
            if shown.isdigit():  # only after a submission: one more query
                result = (
                    QuizAttempt.objects.filter(pk=shown, employee=employee, quiz_id=pk)
                    .prefetch_related("answers")
                    .first()
                )
                if result is not None:
                    state.result = result
                    state.result_answers = {a.question_id: a for a in result.answers.all()}
            states[pk] = state

    # 7: self-ratings, the course completions and this lesson's completions, one UNION.
    no_text, no_moment = Value(None, output_field=text), Value(None, output_field=DateTimeField())
    rows = list(
        SelfAssessmentAnswer.objects.filter(employee=employee, block_id__in=block_ids)
        .values_list(tag("rating"), Cast("block_id", text), "value", no_moment)
        .union(
            CourseCompletion.objects.filter(employee=employee, course_id=course.pk)
            .order_by()
            .values_list(tag("course"), no_text, "cycle", "expires_at"),
            LessonCompletion.objects.filter(employee=employee, lesson_id=lesson.pk).values_list(
                tag("lesson"), no_text, "cycle", no_moment
            ),
            all=True,
        )
    )
    ratings = {value: rating for kind, value, rating, _ in rows if kind == "rating"}
    course_cycles = sorted((c, e) for kind, _, c, e in rows if kind == "course")
    cycle = 1
    if course_cycles:
        latest, expires = course_cycles[-1]
        cycle = latest if expires is None or expires > timezone.now() else latest + 1
    lesson_done = any(kind == "lesson" and c == cycle for kind, _, c, _ in rows)

    position = next((i for i, page in enumerate(siblings) if page.pk == lesson.pk), 0)
    context = {
        "page": lesson,
        "self": lesson,
        "request": request,
        "course": course,
        "lesson_number": position + 1,
        "lesson_count": len(siblings),
        "previous_lesson": siblings[position - 1] if position > 0 else None,
        "next_lesson": siblings[position + 1] if position + 1 < len(siblings) else None,
        "quiz_states": states,
        "self_ratings": ratings,
        "lesson_done": lesson_done,
    }
    return render(request, "courses/lesson_page.html", context)


def bare_my_learning(request):
    """What courses.views.my_learning shows, from the same rows: the candidate courses
    with their audience, lesson count and the learner's enrolment in one query, then
    the learner's course completions and lesson-completion counts."""
    from django.conf import settings
    from django.contrib.postgres.expressions import ArraySubquery
    from django.db.models import Count, F, FilteredRelation, Func, OuterRef, Q, Subquery
    from django.shortcuts import render
    from django.utils import timezone, translation

    from courses.models import (
        CourseCompletion,
        CourseIndexPage,
        CoursePage,
        Enrolment,
        LessonCompletion,
        LessonPage,
        default_locale_id,
    )
    from courses.permissions import employee_in_audience
    from courses.selectors import CourseStatus

    employee = request.user.employee
    lessons = (
        LessonPage.objects.filter(
            live=True,
            locale_id=OuterRef("locale_id"),
            depth=OuterRef("depth") + 1,
            path__startswith=OuterRef("path"),
        )
        .order_by()
        .annotate(n=Func("pk", function="COUNT"))
        .values("n")
    )
    through_units = CoursePage.audience_units.through.objects
    through_roles = CoursePage.audience_job_roles.through.objects
    candidates = list(
        CoursePage.objects.live()
        .filter(locale_id=default_locale_id())
        .annotate(mine=FilteredRelation("enrolments", condition=Q(enrolments__employee=employee)))
        .filter(Q(mandatory=True) | Q(mine__isnull=False))
        .annotate(
            enrolment_id=F("mine__id"),
            enrolment_source=F("mine__source"),
            enrolment_due=F("mine__due_date"),
            unit_paths=ArraySubquery(
                through_units.filter(coursepage_id=OuterRef("pk")).values("orgunit__path")
            ),
            role_ids=ArraySubquery(
                through_roles.filter(coursepage_id=OuterRef("pk")).values("jobrole_id")
            ),
            lessons_total=Subquery(lessons[:1]),
        )
    )
    courses = [
        course
        for course in candidates
        if course.enrolment_id is not None
        or employee_in_audience(employee, course, course.unit_paths, course.role_ids)
    ]
    ids = [course.pk for course in courses]
    now, today = timezone.now(), timezone.localdate()
    latest = {
        completion.course_id: completion
        for completion in CourseCompletion.objects.filter(
            employee=employee, course_id__in=ids
        ).order_by("cycle")
    }
    done = {
        (row["course_id"], row["cycle"]): row["done"]
        for row in LessonCompletion.objects.filter(
            employee=employee, course_id__in=ids, lesson__live=True
        )
        .values("course_id", "cycle")
        .annotate(done=Count("pk"))
    }
    statuses = []
    for course in courses:
        completion = latest.get(course.pk)
        cycle = 1
        if completion is not None:
            cycle = completion.cycle if completion.is_valid_at(now) else completion.cycle + 1
        enrolment = None
        if course.enrolment_id is not None:
            enrolment = Enrolment(
                pk=course.enrolment_id,
                employee=employee,
                course=course,
                source=course.enrolment_source,
                due_date=course.enrolment_due,
            )
        statuses.append(
            CourseStatus(
                course=course,
                enrolment=enrolment,
                lessons_total=course.lessons_total or 0,
                lessons_done=done.get((course.pk, cycle), 0),
                completion=completion,
                today=today,
            )
        )
    far_future = datetime.date.max
    groups = {
        "required": sorted(
            (s for s in statuses if s.required and s.state != "completed"),
            key=lambda s: (
                s.state != "overdue",
                s.state != "to_renew",
                s.due_date or far_future,
                s.course.title,
            ),
        ),
        "in_progress": sorted(
            (s for s in statuses if not s.required and s.state != "completed"),
            key=lambda s: s.course.title,
        ),
        "completed": sorted(
            (s for s in statuses if s.state == "completed"),
            key=lambda s: s.completion.completed_at,
            reverse=True,
        ),
    }
    catalogue = CourseIndexPage.objects.live().filter(locale_id=default_locale_id()).first()
    if catalogue is not None and translation.get_language() != settings.LANGUAGE_CODE:
        catalogue = catalogue.localized  # the default locale is LANGUAGE_CODE's
    context = {"groups": groups, "catalogue": catalogue}
    return render(request, "courses/my_learning.html", context)


def install_bare_urls() -> None:
    """The project's URLs with the bare views in front, so they can also be served
    through the same Client and middleware as the real pages."""
    import types

    from django.test.utils import override_settings
    from django.urls import path

    import learning.urls

    module = types.ModuleType(BARE_URLCONF)
    module.urlpatterns = [
        path("bench/bare/lesson/<int:lesson_id>/", bare_lesson),
        path("bench/bare/opinnot/", bare_my_learning),
        *learning.urls.urlpatterns,
    ]
    sys.modules[BARE_URLCONF] = module
    override_settings(ROOT_URLCONF=BARE_URLCONF).enable()


# --- measuring ----------------------------------------------------------------------------

# Every other top-level folder is the project's; compiledsql is plumbing (its caller asked).
NOT_PROJECT = {".venv", "bench", "tests", "compiledsql"}
ROUTING_FUNCTIONS = {
    "route",
    "route_for_request",
    "find_for_request",
    "_find_for_request",
    "get_site_for_hostname",
    "check_view_restrictions",
    "localized",
    "localized_draft",
}


def _project_frame(frame) -> bool:
    if not os.path.isabs(frame.filename):  # e.g. "<frozen _collections_abc>"
        return False
    try:
        relative = Path(frame.filename).resolve().relative_to(ROOT)
    except ValueError:
        return False
    return relative.parts[0] not in NOT_PROJECT


def _short(frame) -> str:
    filename = frame.filename
    if "site-packages/" in filename:
        filename = filename.split("site-packages/", 1)[1]
    elif Path(filename).is_absolute() and Path(filename).resolve().is_relative_to(ROOT):
        filename = str(Path(filename).resolve().relative_to(ROOT))
    return f"{filename}:{frame.lineno} {frame.name}"


TRANSACTION_ENDS = ("BEGIN", "COMMIT", "ROLLBACK")
TRANSACTION_CONTROL = re.compile(r"(SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO SAVEPOINT) ")


def _tables(sql: str) -> list[str]:
    return sorted(set(re.findall(r'\b(?:FROM|JOIN|INTO|UPDATE)\s+"(\w+)"', sql)))


def _origin(stack):
    """The innermost frame above the ORM: what asked for the query."""
    for frame in reversed(stack):
        name = frame.filename.replace(os.sep, "/")
        if (
            "/django/db/" in name
            or "/django/utils/functional" in name
            or "/compiledsql/" in name  # the compiled queries' plumbing: its caller asked
            or name.startswith("<")
        ):
            continue
        return frame
    return stack[-1]


def classify(stack) -> dict:
    """What caused a query, from its Python stack (outermost frame first)."""
    files = [frame.filename.replace(os.sep, "/") for frame in stack]
    named = list(zip(files, stack, strict=True))
    origin = _origin(stack)
    if any("django/contrib/sessions/" in name for name in files):
        return {"cause": "session", "where": _short(origin), "origin": _short(origin)}
    if any(
        n.endswith("django/contrib/auth/__init__.py") and f.name == "get_user" for n, f in named
    ):
        return {"cause": "auth", "where": _short(origin), "origin": _short(origin)}
    # Below the handler's _get_response the URL is resolved and the view runs; a bare view
    # called directly has no such frame, so all of its stack counts.
    view_at = max(
        (
            i
            for i, (name, frame) in enumerate(named)
            if name.endswith("django/core/handlers/base.py") and frame.name == "_get_response"
        ),
        default=None,
    )
    if view_at is None and any(name.endswith("django/core/handlers/base.py") for name in files):
        project = [frame for frame in stack if _project_frame(frame)]
        cause = "middleware" if project else "other"
        where = project[-1] if project else origin
        return {"cause": cause, "where": _short(where), "origin": _short(origin)}
    below = named[view_at + 1 :] if view_at is not None else named
    project = [frame for _, frame in below if _project_frame(frame)]
    bare = [
        frame for _, frame in below if Path(frame.filename).resolve() == Path(__file__).resolve()
    ]
    inner = project[-1] if project else None
    top = Path(inner.filename).resolve().relative_to(ROOT).parts if inner else ()
    # While rendering (a tag such as {% pageurl %}, a filter, a context processor's lazy
    # value), whether the view renders itself or returns a TemplateResponse.
    rendering = next((i for i, (name, _) in enumerate(below) if "django/template/" in name), None)
    if rendering is not None:
        cause = "template"
        deeper = [frame for _, frame in below[rendering:] if _project_frame(frame)]
        inner = deeper[-1] if deeper else None
    elif top and top[0] == "cms":
        # cms/routing.py (the site and the home page) and cms.models.HomePage.route:
        # the project's own routing around Wagtail's.
        cause = "Wagtail routing"
    elif top:
        cause = "view & selectors"
    elif any(
        name.endswith("wagtail/views.py")
        or ("/wagtail/" in name and frame.name in ROUTING_FUNCTIONS)
        for name, frame in below
    ):
        cause = "Wagtail routing"
    elif bare:
        cause = "bare view"
        inner = bare[-1]
    else:
        cause = "other"
    return {
        "cause": cause,
        "where": _short(inner if inner is not None else origin),
        "origin": _short(origin),
    }


class StackRecorder:
    """An execute wrapper that keeps each query's stack and its time in the database
    (only while counting: taking the stack is slow, so it is timed separately)."""

    def __init__(self):
        self.entries: list = []

    def __call__(self, execute, sql, params, many, context):
        stack = traceback.StackSummary.extract(
            traceback.walk_stack(sys._getframe(1)), lookup_lines=False
        )
        stack.reverse()  # outermost first
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.entries.append((stack, time.perf_counter() - started))


def captured(action, repeat: int) -> dict:
    """Run `action` `repeat` times counting queries; the causes are those of the last run.
    CaptureQueriesContext also logs BEGIN and COMMIT, which no execute wrapper sees."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts, sql_ms = [], []
    for _ in range(repeat):
        recorder = StackRecorder()
        with connection.execute_wrapper(recorder), CaptureQueriesContext(connection) as queries:
            action()
        counts.append(len(queries))
        seconds = sum(elapsed for _, elapsed in recorder.entries) + sum(
            float(q["time"]) for q in queries.captured_queries if q["sql"] in TRANSACTION_ENDS
        )
        sql_ms.append(seconds * 1000)
    entries = iter(recorder.entries)
    listing = []
    for query in queries.captured_queries:
        sql = query["sql"]
        if sql in TRANSACTION_ENDS:
            found = {"cause": "transaction", "where": None, "origin": None}
            ms = float(query["time"]) * 1000
        else:
            stack, elapsed = next(entries)
            found = classify(stack)
            ms = elapsed * 1000
            if TRANSACTION_CONTROL.match(sql):
                found["cause"] = "transaction"
        listing.append(
            {
                **found,
                "tables": _tables(sql),
                "ms": ms,
                "sql": sql[:240] + ("…" if len(sql) > 240 else ""),
            }
        )
    if next(entries, None) is not None:
        raise RuntimeError("more queries executed than captured")
    by_cause: dict[str, int] = {}
    for entry in listing:
        by_cause[entry["cause"]] = by_cause.get(entry["cause"], 0) + 1
    return {
        "queries": counts[-1],
        "query_counts": sorted(set(counts)),
        "sql_ms_median": statistics.median(sql_ms),
        "by_cause": by_cause,
        "listing": listing,
    }


def timed(actions: dict, warmup: int, requests: int, capture: int) -> dict:
    """Warm up, count queries, then time `requests` runs of each action, alternating."""
    for _ in range(warmup):
        for action in actions.values():
            action()
    out = {name: captured(action, capture) for name, action in actions.items()}
    times: dict[str, list[float]] = {name: [] for name in actions}
    gc.collect()
    for _ in range(requests):
        for name, action in actions.items():
            started = time.perf_counter()
            action()
            times[name].append(time.perf_counter() - started)
    for name in actions:
        out[name].update(harness.percentiles(times[name]))
    return out


def _masked(html: str) -> str:
    masked = r'name="(csrfmiddlewaretoken|submission_key|next)" value="[^"]*"'
    # The CSP nonce is per response (accounts/middleware.py); a bare view has none.
    return re.sub(r' nonce="[^"]*"', "", re.sub(masked, r'name="\1"', html))


def _same_html(page: str, bare: str) -> dict:
    page, bare = _masked(page), _masked(bare)
    if page == bare:
        return {"identical": True, "page_bytes": len(page), "bare_bytes": len(bare)}
    import difflib

    diff = list(difflib.unified_diff(page.splitlines(), bare.splitlines(), "page", "bare", n=0))
    return {
        "identical": False,
        "page_bytes": len(page),
        "bare_bytes": len(bare),
        "diff": diff[:40],
    }


def _client(user_id: int):
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client(HTTP_HOST=HOST)
    client.force_login(get_user_model().objects.get(pk=user_id))
    return client


def _direct_request(path: str, user_id: int):
    """A request as the view sees it after the middleware: user signed in, employee on it."""
    from django.test import RequestFactory

    from people.models import Employee

    employee = Employee.objects.select_related("user", "unit", "job_role").get(user_id=user_id)
    user = employee.user
    user.employee = employee
    request = RequestFactory(HTTP_HOST=HOST).get(path)
    request.user = user
    return request


def _call_bare(view, path: str, user_id: int, **kwargs):
    """Calls the bare view on a fresh request each time (Wagtail caches the Site on it)."""
    from django.utils import translation

    template = _direct_request(path, user_id)

    def call():
        request = template.__class__(template.environ.copy())
        request.user = template.user
        with translation.override("fi"):
            response = view(request, **kwargs)
        assert response.status_code == 200, response.status_code
        return response

    return call


def _quiet() -> None:
    """Celery is eager here and logs every task it runs (onboarding ticks on completion)."""
    import logging

    logging.getLogger("celery").setLevel(logging.WARNING)


def run_scenario(spec: dict, args) -> dict:
    import django

    django.setup()
    _quiet()
    from django.conf import settings
    from django.db import connection

    if settings.DEBUG:
        raise SystemExit("DEBUG must be off for the bench")
    install_bare_urls()
    data = spec["data"]
    name = spec["scenario"]
    result: dict = {"scenario": name, "label": SCENARIOS[name]}

    def get(client, url):
        def action():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            return response

        return action

    if name == "lesson" or name.startswith("my_learning"):
        if name == "lesson":
            user_id = data["users"]["learner"]
            url = data["lesson"]["url"]
            bare_url = f"/bench/bare/lesson/{data['lesson']['id']}/"
            bare = _call_bare(bare_lesson, url, user_id, lesson_id=data["lesson"]["id"])
        else:
            user_id = data["users"]["many" if name.endswith("40") else "one"]
            url = "/opinnot/"
            bare_url = "/bench/bare/opinnot/"
            bare = _call_bare(bare_my_learning, url, user_id)
        client = _client(user_id)
        actions = {"page": get(client, url), "bare": bare, "bare_client": get(client, bare_url)}
        result["url"] = url
        result["html"] = {
            "bare": _same_html(actions["page"]().content.decode(), bare().content.decode()),
            "bare_client": _same_html(
                actions["page"]().content.decode(), actions["bare_client"]().content.decode()
            ),
        }
        result["courses_shown"] = actions["page"]().content.decode().count('class="course-row')
        result.update(timed(actions, args.warmup, args.requests, args.capture))
        if name == "lesson" and args.profile:
            import cProfile

            profiler = cProfile.Profile()
            profiler.runcall(lambda: [actions["page"]() for _ in range(args.requests)])
            profiler.dump_stats(args.profile)
    else:
        from quizzes.models import Quiz
        from tests.courses.builders import right_answers

        passing = name == "quiz_pass"
        user_id = data["users"]["passer" if passing else "learner"]
        lesson = data["quiz_lesson"]
        quiz = Quiz.objects.get(pk=lesson["quiz"])
        answers = right_answers(quiz)
        if not passing:  # half right: 50 % against a pass mark of 70 %
            wrong = {
                q.pk: [c.pk for c in q.choices.all() if not c.is_correct]
                for q in quiz.questions.all()
            }
            answers = {q: (a if i % 2 else wrong[q]) for i, (q, a) in enumerate(answers.items())}
        url = f"/opinnot/oppitunti/{lesson['id']}/tietovisa/{quiz.pk}/"
        client = _client(user_id)

        def post():
            form = {"submission_key": str(uuid.uuid4())}
            form.update({f"question-{q}": choices for q, choices in answers.items()})
            response = client.post(url, form)
            assert response.status_code == 302 and "yritys=" in response["Location"], (
                response.status_code,
                response.get("Location"),
            )
            return response

        result["url"] = url
        result["questions"] = quiz.questions.count()
        result.update(timed({"page": post}, args.warmup, args.submissions, args.capture))
        from quizzes.models import QuizAttempt

        attempts = QuizAttempt.objects.filter(employee__user_id=user_id, quiz=quiz)
        result["attempts_after"] = attempts.count()
        result["passed_attempts_after"] = attempts.filter(passed=True).count()
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        result["postgres_version"] = cursor.fetchone()[0]
    return result


# --- the orchestration --------------------------------------------------------------------


def set_up_database(courses: int) -> dict:
    import django

    django.setup()
    _quiet()
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter() - started
    data = build(courses)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    data["migrate_s"] = migrated
    data["build_s"] = time.perf_counter() - started - migrated
    return data


def child(spec: dict, args) -> dict:
    options = ("requests", "submissions", "warmup", "capture", "courses")
    extra = tuple(part for name in options for part in (f"--{name}", str(getattr(args, name))))
    if args.profile:
        extra += ("--profile", args.profile)
    return run_in_child(__file__, spec, extra)


def _git_state() -> dict:
    """The code measured: the commit and the files changed on top of it."""

    def git(*args):
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else None

    status = git("status", "--porcelain", "--untracked-files=all", "--", ".", ":!bench")
    return {
        "commit": git("rev-parse", "HEAD"),
        "subject": git("log", "-1", "--format=%s"),
        "changed_files": status.splitlines() if status else [],
    }


def run_baseline(revision: str, args) -> dict:
    """The lesson page as it was at `revision` ("before"), measured in this same run:
    a throwaway checkout of that revision runs its own copy of this bench against its
    own database (this one's name + "_before"), with the same parameters, before ours
    runs. Returns its lesson result and load averages."""
    config = harness.bench_database()
    url = os.environ["DATABASE_URL"]
    before_url = url[: url.rindex("/") + 1] + config["NAME"] + "_before"
    with harness.baseline_checkout(revision) as tree:
        options = ("requests", "warmup", "capture", "courses")
        command = [sys.executable, str(tree / "bench" / "learning.py")]
        command += [part for name in options for part in (f"--{name}", str(getattr(args, name)))]
        command += ["--submissions", str(min(args.submissions, 20))]
        load_before = os.getloadavg()
        subprocess.run(
            command, cwd=tree, env={**os.environ, "DATABASE_URL": before_url}, check=True
        )
        data = json.loads((tree / "bench" / "results" / "learning.json").read_text())
    return {
        "revision": revision,
        "commit": subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", revision], capture_output=True, text=True
        ).stdout.strip(),
        "lesson": data["results"]["lesson"],
        "my_learning_40": data["results"]["my_learning_40"],
        "load_average_at_start": load_before,
        "load_average_at_end": os.getloadavg(),
    }


def baseline_report(baseline: dict, results: dict) -> str:
    lines = [f"\nBefore ({baseline['revision']}, {baseline['commit'][:10]}) and after, one run:"]
    for name in ("lesson", "my_learning_40"):
        old, new = baseline[name]["page"], results[name]["page"]
        lines.append(
            f"  {SCENARIOS[name]:34} p50 {old['p50_ms']:7.1f} → {new['p50_ms']:7.1f} ms "
            f"(after/before ×{new['p50_ms'] / old['p50_ms']:.2f}); "
            f"queries {old['queries']} → {new['queries']}"
        )
    return "\n".join(lines)


def verdicts(result: dict) -> list[tuple[str, bool]]:
    target = TARGETS[result["scenario"]]
    page = result["page"]
    without = page["queries"] - page["by_cause"].get("transaction", 0)
    label = f"queries ≤ {target['queries']} (has {page['queries']}"
    label += f", {without} without BEGIN/COMMIT/savepoints)" if without != page["queries"] else ")"
    out = [(label, page["queries"] <= target["queries"])]
    if "p50_ratio" in target:
        ratio = page["p50_ms"] / result["bare"]["p50_ms"]
        out.append(
            (f"p50 ≤ {target['p50_ratio']:g}× bare (is ×{ratio:.2f})", ratio <= target["p50_ratio"])
        )
    return out


def problems_of(results: dict) -> list[str]:
    problems = []
    for name, result in results.items():
        for variant in ("page", "bare", "bare_client"):
            if variant in result and len(result[variant]["query_counts"]) > 1:
                problems.append(
                    f"{name} {variant}: the query count changed between requests: "
                    f"{result[variant]['query_counts']}"
                )
        for variant, check in result.get("html", {}).items():
            if not check["identical"]:
                problems.append(f"{name}: {variant} HTML differs from the page's")
    if results["my_learning_40"]["courses_shown"] != results["my_learning_40"]["expected_courses"]:
        problems.append(
            f"My learning shows {results['my_learning_40']['courses_shown']} courses, expected "
            f"{results['my_learning_40']['expected_courses']}"
        )
    if results["my_learning_1"]["courses_shown"] != 1:
        problems.append(f"My learning (1) shows {results['my_learning_1']['courses_shown']}")
    if results["quiz_fail"]["passed_attempts_after"]:
        problems.append("a failing submission passed")
    pass_run = results["quiz_pass"]
    if pass_run["passed_attempts_after"] != pass_run["attempts_after"]:
        problems.append("a passing submission did not pass")
    return problems


def report(data: dict) -> str:
    results = data["results"]
    head = (
        f"{'scenario':42} {'variant':11} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'SQL ms':>7} "
        f"{'queries':>7} {'sess':>4} {'auth':>4} {'mw':>3} {'wagt':>4} {'own':>4} {'tmpl':>4} "
        f"{'tx':>3}"
    )
    lines = [
        "",
        f"Learner pages benchmark — PostgreSQL {data['postgres_version']}, Python "
        f"{data['python']}, {data['cpu_count']} CPUs, settings {data['settings']} (DEBUG off)",
        f"Code: {data['git']['commit'] or '?'} {data['git']['subject'] or ''}"
        + (
            f" + {len(data['git']['changed_files'])} uncommitted file(s)"
            if data["git"]["changed_files"]
            else ""
        ),
        "Load average (1, 5, 15 min) at start "
        + ", ".join(f"{x:.2f}" for x in data["load_average_at_start"])
        + "; at end "
        + ", ".join(f"{x:.2f}" for x in data["load_average_at_end"])
        + f". Requests: {data['parameters']['requests']} timed per variant after "
        f"{data['parameters']['warmup']} warm-up, {data['parameters']['submissions']} quiz "
        f"submissions; queries counted over {data['parameters']['capture']}.",
        "Times: time.perf_counter around client.get/client.post (page) or the bare view call",
        "(rendering included); SQL ms: median time spent in SQL per request, from the",
        "counting pass. Queries: CaptureQueriesContext, nothing excluded, split by cause:",
        "sess = session, auth = request.user, mw = people/middleware.py (employee), wagt =",
        "Wagtail routing (site, page tree, view restrictions; cms HomePage.route), own = the",
        "project's code below the view (or the bare view), tmpl = during template rendering",
        "(context processors, {% pageurl %}'s Site lookup outside Wagtail's serve),",
        "tx = BEGIN, COMMIT and savepoints.",
        "Variants: page = the real URL through the test Client; bare = the bench's bare view",
        "called directly (no middleware, user already loaded); bare_client = the bare view",
        "through the same Client and middleware as the page.",
        "",
        head,
        "-" * len(head),
    ]
    for result in results.values():
        for variant in ("page", "bare", "bare_client"):
            if variant not in result:
                continue
            entry = result[variant]
            cause = entry["by_cause"]
            own = cause.get("view & selectors", 0) + cause.get("bare view", 0)
            lines.append(
                f"{result['label'] if variant == 'page' else '':42} {variant:11} {entry['n']:>4} "
                f"{entry['p50_ms']:8.2f} {entry['p95_ms']:8.2f} {entry['sql_ms_median']:7.2f} "
                f"{entry['queries']:>7} {cause.get('session', 0):>4} {cause.get('auth', 0):>4} "
                f"{cause.get('middleware', 0):>3} {cause.get('Wagtail routing', 0):>4} "
                f"{own:>4} {cause.get('template', 0):>4} {cause.get('transaction', 0):>3}"
                + (f"  other {cause['other']}" if cause.get("other") else "")
            )
    lines += ["", "Ratios page ÷ bare (p50, p95):"]
    for result in results.values():
        if "bare" not in result:
            continue
        page, bare, through = result["page"], result["bare"], result["bare_client"]
        lines.append(
            f"  {result['label']:42} ÷ bare ×{page['p50_ms'] / bare['p50_ms']:5.2f} "
            f"×{page['p95_ms'] / bare['p95_ms']:5.2f}    ÷ bare_client "
            f"×{page['p50_ms'] / through['p50_ms']:5.2f} ×{page['p95_ms'] / through['p95_ms']:5.2f}"
        )
    lines += ["", "Targets:"]
    for result in results.values():
        for label, ok in verdicts(result):
            lines.append(f"  {'PASS' if ok else 'FAIL'}  {result['label']:42} {label}")
    lesson = results["lesson"]["page"]["listing"]
    lines += ["", f"Lesson page, its {len(lesson)} queries in order (cause, our frame, SQL):"]
    for number, entry in enumerate(lesson, 1):
        lines.append(f"  {number:2}. {entry['cause']:16} {entry['where']}")
        origin = f"{entry['origin']}; " if entry["origin"] != entry["where"] else ""
        lines.append(f"      {origin}tables {', '.join(entry['tables'])}")
    for name in ("my_learning_40", "quiz_fail", "quiz_pass"):
        listing = results[name]["page"]["listing"]
        lines += ["", f"{results[name]['label']}, its {len(listing)} queries:"]
        for number, entry in enumerate(listing, 1):
            where = entry["where"] or ""
            lines.append(
                f"  {number:2}. {entry['cause']:16} {where:58} {', '.join(entry['tables'])}"
            )
    plan = data["setup"]["my_learning_plan"]
    lines += [
        "",
        "My learning (40): " + ", ".join(f"{count} {state}" for state, count in plan.items()),
        f"Quiz submissions: {results['quiz_fail']['attempts_after']} attempts recorded in the "
        f"failing run, {results['quiz_pass']['attempts_after']} in the passing run (warm-up and "
        "counting included; the earlier attempts are read on every submission).",
    ]
    html = [
        f"{result['label']} ({variant}): "
        + ("identical" if check["identical"] else "DIFFERS")
        + f", {check['page_bytes']:,} bytes"
        for result in results.values()
        for variant, check in result.get("html", {}).items()
    ]
    lines += ["", "HTML of the bare views against the page (tokens masked):"]
    lines += [f"  {line}" for line in html]
    if data["problems"]:
        lines += ["", "PROBLEMS:"] + [f"  {problem}" for problem in data["problems"]]
    return "\n".join(lines)


PEER_HOME = ROOT / "var" / "bench" / "wagtail-lms"
PEER_REQUIREMENTS = ("wagtail-lms==0.11.1", "wagtail==7.4.*", "django==5.2.*", "psycopg[binary]")


def run_peer(config: dict, args) -> dict:
    """wagtail-lms's lesson page (bench/lesson_peer/): its own virtual environment (made
    and filled from PyPI with pip on first use), its own database next to ours on the
    same server, the same kind of signed-in test-Client GETs. Run right after our
    scenarios, so both see the same machine."""
    python = PEER_HOME / "venv" / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEER_HOME / "venv")], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *PEER_REQUIREMENTS], check=True)
    peer = {**config, "NAME": config["NAME"] + "_peer"}
    harness.recreate_database(peer)
    user = peer.get("USER") or "postgres"
    auth = f"{user}:{peer['PASSWORD']}" if peer.get("PASSWORD") else user
    url = f"postgres://{auth}@{peer.get('HOST') or '127.0.0.1'}:{peer.get('PORT') or 5432}"
    env = {
        **os.environ,
        "PEER_DATABASE_URL": f"{url}/{peer['NAME']}",
        "PYTHONPATH": str(ROOT / "bench"),
        "DJANGO_SETTINGS_MODULE": "lesson_peer.settings",
    }
    done = subprocess.run(
        [
            str(python),
            str(ROOT / "bench" / "lesson_peer" / "child.py"),
            str(args.requests),
            str(args.warmup),
        ],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=str(PEER_HOME),
    )
    # The child reports the versions it ran with, and its query count.
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def peer_report(ours: dict, peer: dict) -> str:
    return (
        f"\nLesson page against wagtail-lms {peer['versions'].get('wagtail-lms', '?')}'s "
        f"(Wagtail {peer['versions'].get('wagtail', '?')}), same run:\n"
        f"  ours  p50 {ours['p50_ms']:6.1f} ms  p95 {ours['p95_ms']:6.1f} ms  "
        f"{ours['queries']} queries\n"
        f"  peer  p50 {peer['p50_ms']:6.1f} ms  p95 {peer['p95_ms']:6.1f} ms  "
        f"{peer['queries']} queries\n"
        f"  ours / peer p50 ×{ours['p50_ms'] / peer['p50_ms']:.2f}, "
        f"p95 ×{ours['p95_ms'] / peer['p95_ms']:.2f}  "
        f"(load average {' '.join(f'{load:.2f}' for load in os.getloadavg())})"
    )


def main() -> None:
    parser = harness.parser(__doc__)
    parser.add_argument("--requests", type=int, default=200, help="timed GETs per variant")
    parser.add_argument("--submissions", type=int, default=200, help="timed quiz POSTs")
    parser.add_argument("--warmup", type=int, default=20, help="untimed requests first")
    parser.add_argument("--capture", type=int, default=5, help="requests with queries counted")
    parser.add_argument("--courses", type=int, default=40, help="mandatory courses of one learner")
    parser.add_argument(
        "--profile",
        metavar="FILE",
        help="after timing, profile the lesson page over --requests GETs with cProfile "
        "into FILE (read it with python -m pstats FILE)",
    )
    parser.add_argument(
        "--peer",
        action="store_true",
        help="also time wagtail-lms's lesson page in the same run (installed from PyPI into "
        "its own virtual environment under var/bench/wagtail-lms/ on first use)",
    )
    parser.add_argument(
        "--baseline",
        metavar="REVISION",
        help="also measure the lesson page and My learning at this git revision (e.g. main), "
        "in the same run, and print before/after",
    )
    args = parser.parse_args()

    if harness.answer_child(
        args,
        lambda spec: (
            set_up_database(args.courses)
            if spec["scenario"] == "setup"
            else run_scenario(spec, args)
        ),
    ):
        return

    baseline = None
    if args.baseline:
        print(f"Measuring {args.baseline} first (before)…", flush=True)
        baseline = run_baseline(args.baseline, args)
    started_load = os.getloadavg()
    git_state = _git_state()
    config = harness.fresh_database(f"Migrating and building {args.courses + 2} courses…")
    setup = child({"scenario": "setup"}, args)
    print(f"Migrated in {setup['migrate_s']:.1f} s, built in {setup['build_s']:.1f} s.", flush=True)

    results = {}
    for name, label in SCENARIOS.items():
        print(f"  {label} …", flush=True)
        results[name] = child({"scenario": name, "data": setup}, args)
    results["my_learning_40"]["expected_courses"] = args.courses
    peer = None
    if args.peer:
        print("  wagtail-lms's lesson page (the peer) …", flush=True)
        peer = run_peer(config, args)
    data = {
        "postgres_version": results["lesson"]["postgres_version"],
        "python": sys.version.split()[0],
        "cpu_count": os.cpu_count(),
        "load_average_at_start": started_load,
        "load_average_at_end": os.getloadavg(),
        "settings": os.environ["DJANGO_SETTINGS_MODULE"],
        "git": git_state,
        "started_at": datetime.datetime.now().isoformat(timespec="seconds"),
        "parameters": {
            "requests": args.requests,
            "submissions": args.submissions,
            "warmup": args.warmup,
            "capture": args.capture,
            "courses": args.courses,
        },
        "targets": TARGETS,
        "setup": setup,
        "results": results,
    }
    for result in results.values():
        result["verdicts"] = dict(verdicts(result))
    data["problems"] = problems_of(results)
    if baseline is not None:
        data["baseline"] = baseline
    if peer is not None:
        data["peer"] = peer
    harness.write_results(RESULTS, data)
    print(report(data))
    if baseline is not None:
        print(baseline_report(baseline, results))
    if peer is not None:
        print(peer_report(results["lesson"]["page"], peer))
    print(f"\nJSON: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
