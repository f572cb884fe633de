"""The county report for hyte coordinators and HR: completion by sector drillable to the
unit, self-rated knowledge before and after by sector and profession with small groups
hidden, and which quiz questions most people miss."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from quizzes.models import QuizAnswer, QuizAttempt, SelfAssessmentAnswer
from supervision.county import completion_by_branch, self_ratings
from supervision.totals import unit_totals_refresh
from tests.courses.builders import make_course, make_quiz
from tests.factories import make_unit
from tests.supervision.conftest import complete, person, titled

pytestmark = pytest.mark.django_db


def figures(result):
    return {
        (branch.unit.code if branch.unit else None): (
            branch.required,
            branch.completed,
            branch.overdue,
        )
        for branch in result["branches"]
    }


def test_mandatory_training_by_sector_and_unit(county):
    unit_totals_refresh()
    top = completion_by_branch(unit=county["root"], course_id=None)
    # S1: the lead and five reports, Cai done, Anna late. S2: seven people, the
    # stranger late.
    assert figures(top) == {"S1": (6, 1, 1), "S2": (7, 0, 1)}
    assert (top["total"].required, top["total"].completed) == (13, 1)
    sector = completion_by_branch(unit=county["sector"], course_id=None)
    assert figures(sector) == {"S1-1": (4, 0, 1), "S1-2": (2, 1, 0)}
    assert [unit.code for unit in sector["ancestors"]] == ["HVA"]


def test_one_course_counts_only_those_it_is_required_of(county):
    unit_totals_refresh()
    assigned = completion_by_branch(unit=county["root"], course_id=county["assigned"].pk)
    assert figures(assigned) == {"S1": (1, 0, 0), "S2": (0, 0, 0)}


def test_all_mandatory_sums_person_course_pairs_and_audiences_apply(county):
    second = make_course(lessons=1, mandatory=True)
    second.audience_units.add(county["other_sector"])
    second.save()
    complete(county["stranger"], second)
    unit_totals_refresh()
    top = completion_by_branch(unit=county["root"], course_id=None)
    assert figures(top) == {"S1": (6, 1, 1), "S2": (14, 1, 1)}


def test_the_page_drills_down_and_shows_the_numbers(county, as_user):
    unit_totals_refresh()
    client = as_user(county["holders"]["hyte_coordinator"])
    html = client.get("/seuranta/alue/").content.decode()
    assert f'href="?yksikko={county["sector"].pk}"' in html
    assert "<td>6</td>" in html and "17 %" in html  # 1 of 6
    html = client.get(f"/seuranta/alue/?yksikko={county['sector'].pk}").content.decode()
    assert "Yksikkö S1-1" in html and "Yksikkö S1-2" in html
    # Four and two people: too few to show, so nobody's completion can be worked out.
    assert "50 %" not in html and "<td>4</td>" not in html and html.count("alle 5") >= 2
    assert client.get("/seuranta/alue/?yksikko=999999").status_code == 404
    assert client.get("/seuranta/alue/?koulutus=999999").status_code == 404


def _rate(employees, course, phase, value):
    SelfAssessmentAnswer.objects.bulk_create(
        [
            SelfAssessmentAnswer(
                employee=employee,
                course=course,
                block_id=uuid.uuid4(),
                phase=phase,
                question="Kuinka hyvin tunnet hyte-toiminnan?",
                value=value,
            )
            for employee in employees
        ]
    )


def test_self_ratings_by_sector_and_role_hide_groups_under_five(county, as_user):
    course = county["mandatory"]
    nurses = [
        person(county["care"], f"Hoitaja{n}", "Hanna", None, county["nurse"]) for n in range(6)
    ]
    workers = [county["stranger"], county["other_lead"]]
    _rate(nurses, course, "before", 2)
    _rate(nurses[:5], course, "after", 4)
    _rate(workers, course, "before", 3)
    result = self_ratings(course_id=course.pk)
    by_sector = {row.label: row for row in result["by_sector"]}
    s1 = by_sector["Yksikkö S1"]
    assert (s1.before_count, s1.before_mean, s1.after_count, s1.after_mean) == (6, 2.0, 5, 4.0)
    assert s1.change == 2.0
    s2 = by_sector["Yksikkö S2"]
    assert s2.before_count == 2 and s2.before_mean is None and not s2.before_shown
    roles = {row.label: row for row in result["by_role"]}
    assert roles["Sairaanhoitaja"].after_mean == 4.0
    assert roles["Sosiaaliohjaaja"].before_mean is None
    assert result["total"].before_count == 8 and result["total"].before_mean == 2.25
    # A Swedish reader sees the job roles in Swedish (Finnish where none is given).
    county["nurse"].name_sv = "Sjukskötare"
    county["nurse"].save()
    with translation.override("sv"):
        swedish = {row.label for row in self_ratings(course_id=course.pk)["by_role"]}
    assert swedish == {"Sjukskötare", "Sosiaaliohjaaja"}

    client = as_user(county["holders"]["hr_admin"])
    html = client.get(f"/seuranta/alue/?koulutus={course.pk}").content.decode()
    assert "alle 5" in html and "<td>2.0</td>" in html.replace("2,0", "2.0")


def test_quiz_questions_most_missed_first(county, as_user):
    quiz = make_quiz(questions=2)
    course = titled(make_course(lessons=1, quiz=quiz), "Visakurssi")
    first, second = quiz.questions.order_by("sort_order")
    takers = [person(county["care"], f"Visailija{n}", "V") for n in range(6)]
    for number, taker in enumerate(takers):
        attempt = QuizAttempt.objects.create(
            employee=taker, quiz=quiz, number=1, score=50, passed=True
        )
        QuizAnswer.objects.create(attempt=attempt, question=first, correct=number == 0)
        QuizAnswer.objects.create(attempt=attempt, question=second, correct=True)
    html = (
        as_user(county["holders"]["hyte_coordinator"])
        .get(f"/seuranta/alue/?koulutus={course.pk}")
        .content.decode()
    )
    table = html.split('id="quiz-caption"', 1)[1]
    assert table.index("Kysymys 1") < table.index("Kysymys 2")
    assert "83 %" in table and "0 %" in table


def test_county_page_queries_do_not_grow_with_units(county, as_user):
    client = as_user(county["holders"]["hr_admin"])

    def count():
        unit_totals_refresh()
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/seuranta/alue/").status_code == 200
        return len(queries)

    few = count()
    for number in range(20):
        unit = make_unit(f"S3-{number}", county["other_sector"])
        person(unit, f"Uusi{number}", "U")
    assert count() == few
