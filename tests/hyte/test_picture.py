"""The county's hyte picture: figures from the kept totals against a county with known
answers, small groups hidden, copies booked once, a constant number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hyte.models import CopyMonthTotal
from hyte.selectors import hyte_picture
from hyte.totals import hyte_totals_refresh
from people.models import Employee
from supervision.models import UnitCompletionTotal
from tests.factories import EmployeeFactory, UserFactory, make_unit
from tests.hyte.builders import copies, held_session, rate
from tests.supervision.conftest import person

pytestmark = pytest.mark.django_db


@pytest.fixture
def rated(county):
    """Six nurses in S1 rated 2 last month and five of them 4 this month; two social
    workers in S2 rated 3."""
    course = county["mandatory"]
    nurses = [
        person(county["care"], f"Hoitaja{n}", "Hanna", None, county["nurse"]) for n in range(6)
    ]
    rate(nurses, course, "before", 2, months_ago=1)
    rate(nurses[:5], course, "after", 4)
    rate([county["stranger"], county["other_lead"]], course, "before", 3)
    return {**county, "nurses": nurses}


def test_knowledge_by_sector_role_and_month_hides_groups_under_five(rated):
    hyte_totals_refresh()
    picture = hyte_picture()
    sectors = {row.label: row for row in picture.knowledge_by_sector}
    s1 = sectors["Yksikkö S1"]
    assert (s1.before.people, s1.before.mean, s1.after.people, s1.after.mean) == (6, 2.0, 5, 4.0)
    assert s1.change == 2.0
    s2 = sectors["Yksikkö S2"]
    assert s2.before.people == 2 and s2.before.mean is None
    roles = {row.label: row for row in picture.knowledge_by_role}
    assert roles["Sairaanhoitaja"].after.mean == 4.0
    assert roles["Sosiaaliohjaaja"].before.mean is None
    # (6 × 2 + 2 × 3) / 8
    assert picture.knowledge_total.before.mean == round(18 / 8, 1)
    this_month, last_month = picture.knowledge_by_month[-1], picture.knowledge_by_month[-2]
    assert this_month.after.mean == 4.0 and this_month.before.people == 2
    assert this_month.before.mean is None  # only the two social workers rated this month
    assert last_month.before.mean == 2.0 and last_month.after.people == 0
    assert picture.target == 5


def test_completion_of_each_mandatory_course_by_sector_and_unit(county):
    course = county["mandatory"]
    UnitCompletionTotal.objects.bulk_create(
        [
            UnitCompletionTotal(unit=county["care"], course=course, required=8, completed=6),
            UnitCompletionTotal(unit=county["home"], course=course, required=4, completed=1),
            UnitCompletionTotal(unit=county["other_unit"], course=course, required=3, completed=3),
        ]
    )
    picture = hyte_picture()
    assert [c.pk for c in picture.courses] == [course.pk]
    sectors = {row.label: row.shares[0] for row in picture.completion_by_sector}
    assert (sectors["Yksikkö S1"].required, sectors["Yksikkö S1"].percent) == (12, 58)
    assert sectors["Yksikkö S2"].percent is None  # three people
    units = {row.label: row.shares[0] for row in picture.completion_by_unit}
    assert units["Yksikkö S1-1"].percent == 75
    assert units["Yksikkö S1-2"].percent is None
    # The page lists the lowest shown units first; a unit with nothing shown is left out.
    assert [row.label for row in picture.completion_lowest_units] == ["Yksikkö S1-1"]


def test_copies_are_booked_to_their_month_once_and_quiet_units_named(county):
    copies(county["care"], 7, days_ago=40)
    hyte_totals_refresh()
    hyte_totals_refresh()  # nothing new: nothing booked again
    forty_days_ago = (timezone.localdate() - datetime.timedelta(days=40)).replace(day=1)
    assert dict(CopyMonthTotal.objects.values_list("month", "copies")) == {forty_days_ago: 7}
    copies(county["care"], 10)
    hyte_totals_refresh()
    booked = dict(CopyMonthTotal.objects.values_list("month", "copies"))
    assert booked[timezone.localdate().replace(day=1)] == 3 and sum(booked.values()) == 10
    picture = hyte_picture()
    care = next(row for row in picture.copies_by_unit if row.unit == county["care"])
    assert care.months[-1] == 3 and care.recent == 10
    assert sum(picture.copies_by_month) == 10
    quiet = {unit.code for unit in picture.quiet_units}
    assert "S1-1" not in quiet and {"S1-2", "S2-1"} <= quiet


def test_sessions_useful_shares_for_staff_and_presenters_against_the_pilot(county):
    people = [person(county["care"], f"Kuulija{n}", "K") for n in range(10)]
    held_session(people, useful=9, not_useful=1, presenters_useful=3, presenters_not=1)
    hyte_totals_refresh()
    picture = hyte_picture()
    total = picture.sessions_total
    assert (total.sessions, total.attended) == (1, 10)
    assert total.staff.percent == 90
    assert total.presenters.percent is None  # four organisations: under five
    assert (picture.pilot_staff_useful, picture.pilot_presenter_useful) == (91, 87)


def test_where_to_act_names_units_with_low_knowledge_and_few_copies(county):
    course = county["mandatory"]
    low = make_unit("S2-9", county["other_sector"])
    high = make_unit("S1-9", county["sector"])
    low_people = [person(low, f"Matala{n}", "M") for n in range(5)]
    high_people = [person(high, f"Korkea{n}", "K") for n in range(5)]
    rate(low_people, course, "before", 2)
    rate(high_people, course, "before", 5)
    copies(high, 20)
    hyte_totals_refresh()
    acting = hyte_picture().act_on
    assert [action.unit.code for action in acting] == ["S2-9"]
    assert acting[0].knowledge == 2.0 and acting[0].recent_copies == 0


def test_the_page_costs_the_same_queries_at_ten_and_a_thousand_people(rated, as_user):
    client = as_user(rated["holders"]["hyte_coordinator"])

    def count():
        hyte_totals_refresh()
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/seuranta/hyte/").status_code == 200
        return len(queries)

    count()  # the first request also looks up the default locale, kept for the process
    few = count()
    unit = make_unit("S2-ISO", rated["other_sector"])
    users = UserFactory.create_batch(1000)
    Employee.objects.bulk_create(
        [
            EmployeeFactory.build(
                user=user, unit=unit, job_role=rated["worker"], employee_number=f"T{n:05d}"
            )
            for n, user in enumerate(users)
        ]
    )
    rate(Employee.objects.filter(unit=unit), rated["mandatory"], "before", 3)
    copies(unit, 5)
    assert count() == few


def test_only_hr_and_hyte_coordinators_see_it(county, as_user):
    assert as_user(county["holders"]["hyte_coordinator"]).get("/seuranta/hyte/").status_code == 200
    assert as_user(county["holders"]["hr_admin"]).get("/seuranta/hyte/").status_code == 200
    assert as_user(county["lead"]).get("/seuranta/hyte/").status_code == 403
    assert as_user(county["holders"]["trainer"]).get("/seuranta/hyte/").status_code == 403


def test_plan_a_session_starts_the_coordinators_plan_with_the_unit_chosen(county, as_user):
    course = county["mandatory"]
    low = make_unit("S2-9", county["other_sector"])
    high = make_unit("S1-9", county["sector"])
    rate([person(low, f"Matala{n}", "M") for n in range(5)], course, "before", 2)
    rate([person(high, f"Korkea{n}", "K") for n in range(5)], course, "before", 5)
    copies(high, 20)
    hyte_totals_refresh()
    plan = f"/koordinointi/tilaisuudet/uusi/?yksikot={low.pk}"
    coordinator = as_user(county["holders"]["hyte_coordinator"])
    assert plan.replace("&", "&amp;") in coordinator.get("/seuranta/hyte/").content.decode()
    page = coordinator.get(plan).content.decode()
    assert f'name="yksikot" value="{low.pk}" checked' in page
    # HR admins read the picture but do not plan sessions: no dead end for them.
    assert (
        plan not in as_user(county["holders"]["hr_admin"]).get("/seuranta/hyte/").content.decode()
    )
