"""The team dashboard as a supervisor sees it: overdue first, filters, search, sort,
paging, the completion-rate row, the chart's table, and a constant query count."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from supervision.dashboard import DashboardFilters, team_dashboard
from tests.supervision.conftest import in_swedish, person

pytestmark = pytest.mark.django_db


def names_in_order(html: str) -> list[str]:
    """The people of the team table, top to bottom (last name as shown)."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r'<th scope="row"[^>]*><a href="/tiimi/[^"]+/">[^ <]+ ([^<]+)</a>', body)


def test_overdue_first_then_to_renew_due_soon_not_started_and_done(county, as_user):
    html = as_user(county["lead"]).get("/tiimi/").content.decode()
    assert names_in_order(html) == [
        "Aalto",
        "Dahl",
        "Berg",
        "=HYPERLINK(&quot;http://x.invalid&quot;,&quot;y&quot;)",
        "Carlsson",
    ]
    assert "Vieras" not in html  # another team's person


def test_each_course_cell_shows_its_state_and_dates(county, as_user):
    html = as_user(county["lead"]).get("/tiimi/").content.decode()
    assert "Hyte-perusteet" in html and "Järjestöyhteistyö" in html
    assert "Myöhässä" in html and "Uusittava" in html and "Erääntyy pian" in html
    assert "Suoritettu" in html and "Suorittamatta" in html
    # Anna's checklist: one of two done, one late.
    assert "1/2" in html and "1 myöhässä" in html


def test_course_titles_are_in_the_readers_language(county, as_user):
    """Column headers, the phone cards' cell labels, the completion-rate row and the
    course filter name a course by its translation where it has one."""
    in_swedish(county)
    lead = county["lead"]
    lead.language = "sv"
    lead.save()
    html = as_user(lead).get("/tiimi/").content.decode()
    assert "Hyte-perusteet" not in html
    mandatory = county["mandatory"].pk
    assert re.search(rf'<a href="[^"]*course-{mandatory}[^"]*">Hyte-grunder</a></th>', html)
    assert f'<option value="{mandatory}">Hyte-grunder</option>' in html
    assert html.count('data-label="Hyte-grunder"') == 6  # five people and the rates row
    assert "Järjestöyhteistyö" in html  # no Swedish translation: its Finnish title


def test_completion_rate_row_per_course(county, as_user):
    data = team_dashboard(supervisor=county["lead"], filters=DashboardFilters())
    rates = {rate.course.title: (rate.completed, rate.required) for rate in data.rates}
    # The mandatory course concerns all five; only Cai holds a valid completion.
    assert rates == {"Hyte-perusteet": (1, 5), "Järjestöyhteistyö": (0, 1)}
    html = as_user(county["lead"]).get("/tiimi/").content.decode()
    assert "20 %" in html and "(1/5)" in html


@pytest.mark.parametrize(
    "query, expected",
    [
        ("tila=overdue", ["Aalto"]),
        ("tila=due_soon", ["Berg"]),
        ("tila=completed", ["Carlsson"]),
        ("tila=to_renew", ["Dahl"]),
        ("haku=ber", ["Berg"]),
        ("haku=anna+aalto", ["Aalto"]),
        ("haku=aalto+anna", ["Aalto"]),
        ("jarjestys=name", ["=HYPERLINK", "Aalto", "Berg", "Carlsson", "Dahl"]),
        ("jarjestys=-name", ["Dahl", "Carlsson", "Berg", "Aalto", "=HYPERLINK"]),
    ],
)
def test_filters_search_and_sort(county, as_user, query, expected):
    html = as_user(county["lead"]).get(f"/tiimi/?{query}").content.decode()
    shown = [name.replace("&quot;", '"').split("(")[0] for name in names_in_order(html)]
    assert shown == expected


def test_filter_by_unit_and_course(county, as_user):
    client = as_user(county["lead"])
    html = client.get(f"/tiimi/?yksikko={county['home'].pk}").content.decode()
    assert names_in_order(html) == ["Dahl", "Carlsson"]
    html = client.get(f"/tiimi/?koulutus={county['assigned'].pk}").content.decode()
    assert names_in_order(html) == ["Aalto"]
    assert "Hyte-perusteet</a></th>" not in html  # only the chosen course's column


def test_sort_by_a_course_column_and_checklist(county, as_user):
    client = as_user(county["lead"])
    html = client.get(f"/tiimi/?jarjestys=-course-{county['mandatory'].pk}").content.decode()
    assert names_in_order(html)[0] == "Carlsson"  # done is last ascending, first descending
    html = client.get("/tiimi/?jarjestys=checklist").content.decode()
    assert names_in_order(html)[:2] == ["Berg", "Aalto"]  # 0/1 then 1/2
    assert 'aria-sort="ascending"' in html


def test_pages_of_fifty(county, as_user):
    for number in range(55):
        person(county["care"], f"Zeta{number:02d}", "Testi", county["lead"])
    client = as_user(county["lead"])
    first = client.get("/tiimi/?jarjestys=name").content.decode()
    second = client.get("/tiimi/?jarjestys=name&sivu=2").content.decode()
    assert len(names_in_order(first)) == 50
    assert len(names_in_order(second)) == 10
    assert "Sivu 2/2" in second and 'rel="prev"' in second
    assert "jarjestys=name&amp;sivu=2" in first


def test_the_chart_has_its_numbers_as_a_table(county, as_user):
    html = as_user(county["lead"]).get("/tiimi/").content.decode()
    assert '<svg class="timeline-chart"' in html and 'aria-hidden="true"' in html
    table = html.split('class="timeline-table"', 1)[1].split("</table>", 1)[0]
    counts = [int(n) for n in re.findall(r"</th><td>(\d+)</td>", table)]
    assert len(counts) == 12
    # Cai's completion of ten days ago is in the table; Dan's from 400 days ago is not.
    assert sum(counts) == 1


def test_someone_without_reports_gets_404(county, as_user):
    assert as_user(county["anna"]).get("/tiimi/").status_code == 404


def _make_reports(supervisor, unit, count, courses):
    """Bulk: `count` direct reports, each enrolled in every course, half completed."""
    import datetime

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from courses.models import CourseCompletion, Enrolment
    from people.models import Employee

    users = get_user_model().objects.bulk_create(
        [
            get_user_model()(username=f"b{supervisor.pk}-{n}", first_name="B", last_name=f"L{n}")
            for n in range(count)
        ]
    )
    employees = Employee.objects.bulk_create(
        [
            Employee(
                user=user,
                employee_number=user.username,
                unit=unit,
                job_role=supervisor.job_role,
                supervisor=supervisor,
                start_date=datetime.date(2024, 1, 1),
            )
            for user in users
        ]
    )
    today = timezone.localdate()
    Enrolment.objects.bulk_create(
        [
            Enrolment(employee=e, course=c, source="mandatory", due_date=today)
            for e in employees
            for c in courses
        ]
    )
    CourseCompletion.objects.bulk_create(
        [
            CourseCompletion(
                employee=e,
                course=c,
                course_title=c.title,
                completed_at=timezone.now(),
                verification_code=f"v{e.pk}-{c.pk}",
            )
            for e in employees[::2]
            for c in courses
        ]
    )
    # Bulk creation bypasses the services: build the status table as the command does.
    from courses.status import learning_status_refresh

    learning_status_refresh(employee_ids=[e.pk for e in employees])


def test_dashboard_costs_the_same_queries_for_10_and_500_reports(county, as_user):
    from tests.courses.builders import make_course

    courses = [county["mandatory"], county["assigned"]] + [
        make_course(lessons=1, mandatory=True) for _ in range(3)
    ]
    small = person(county["other_unit"], "Pieni", "Pia")
    big = person(county["other_unit"], "Iso", "Ilkka")
    _make_reports(small, county["other_unit"], 10, courses)
    _make_reports(big, county["other_unit"], 500, courses)

    def count(supervisor, own_data_only=False):
        client = as_user(supervisor)
        with CaptureQueriesContext(connection) as queries:
            if own_data_only:
                data = team_dashboard(supervisor=supervisor, filters=DashboardFilters())
            else:
                response = client.get("/tiimi/")
                assert response.status_code == 200
        if own_data_only:
            return len(queries), data
        return len(queries), response

    own_small, data_small = count(small, own_data_only=True)
    own_big, data_big = count(big, own_data_only=True)
    assert own_small == own_big == 3
    assert len(data_small.rows) == 10 and len(data_big.rows) == 500
    page_small, _ = count(small)
    page_big, response = count(big)
    assert page_small == page_big
    assert page_big <= 10  # session, user, the role check, the three of the dashboard
    assert "Sivu 1/10" in response.content.decode()


def test_a_manager_higher_up_sees_everyone_below_and_never_people_who_left(county):
    from people.selectors import employee_reports

    county["sector"].managers.add(county["other_lead"])  # a manager two levels up
    county["cai"].active = False
    county["cai"].save()
    below = set(employee_reports(supervisor=county["other_lead"]))
    assert county["ben"] in below and county["cai"] not in below
    assert county["other_lead"] not in below


def test_the_page_costs_the_same_two_queries_for_10_and_2000_reports(county, as_user):
    """The page is cut in the database: its own data is the courses and one statement,
    whatever the team's size (2,000 reports made with bulk_create)."""
    from supervision.dashboard import team_page

    courses = [county["mandatory"], county["assigned"]]
    small = person(county["other_unit"], "Pieni", "Pia")
    big = person(county["other_unit"], "Iso", "Ilkka")
    _make_reports(small, county["other_unit"], 10, courses)
    _make_reports(big, county["other_unit"], 2000, courses)

    def own(supervisor, number):
        with CaptureQueriesContext(connection) as queries:
            data = team_page(supervisor=supervisor, filters=DashboardFilters(), page_number=number)
        return len(queries), data

    own(small, 1)  # the default locale's id is looked up once per process
    own_small, data_small = own(small, 1)
    own_big, data_big = own(big, 3)
    assert own_small == own_big == 2
    assert data_small.team_size == 10 and len(data_small.page.object_list) == 10
    past_the_end = team_page(supervisor=small, filters=DashboardFilters(), page_number=3)
    assert past_the_end.page.number == 1 and len(past_the_end.page.object_list) == 10
    assert data_big.team_size == 2000 and len(data_big.page.object_list) == 50
    assert data_big.page.num_pages == 40 and data_big.page.number == 3
    assert data_big.overdue_count == 0  # due today is due soon, not overdue
    assert [rate.required for rate in data_big.rates] == [2000, 2000]

    def page(supervisor):
        client = as_user(supervisor)
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/tiimi/?tila=due_soon&jarjestys=-name")
            assert response.status_code == 200
        return len(queries), response

    page_small, _ = page(small)
    page_big, response = page(big)
    assert page_small == page_big <= 9  # session, user, the role check, the dashboard's two
    assert "Sivu 1/20" in response.content.decode()


@pytest.mark.parametrize("completion", [None, "valid", "expired"])
@pytest.mark.parametrize("due_in", [None, -1, 0, 14, 15])
def test_the_sql_state_rule_is_course_status(completion, due_in):
    """`course_state_sql` (the dashboard's cells in SQL) says what `CourseStatus` says."""
    import datetime

    from django.utils import timezone

    from courses.selectors import CourseStatus, course_state_sql
    from supervision.team import _CompletionFacts, _EnrolmentFacts

    today = timezone.localdate()
    now = timezone.now()
    due = today + datetime.timedelta(days=due_in) if due_in is not None else None
    latest = None
    if completion:
        expires = now + datetime.timedelta(days=1 if completion == "valid" else -1)
        latest = _CompletionFacts(1, now - datetime.timedelta(days=400), expires)
    case, params = course_state_sql(due="d.due", completed_at="d.done", expires_at="d.expires")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {case} FROM (SELECT %s::date AS due, %s::timestamptz AS done,"
            " %s::timestamptz AS expires) AS d",
            [
                *params,
                due,
                latest.completed_at if latest else None,
                latest.expires_at if latest else None,
            ],
        )
        in_sql = cursor.fetchone()[0]
    expected = CourseStatus(None, _EnrolmentFacts(due, "mandatory"), 0, 0, latest, today).state
    assert in_sql == expected


def test_a_completion_counts_in_its_own_local_month(county):
    """Cai's completion of ten days ago in its month; Eve's at the local midnight that
    begins this month in this month, not the one before."""
    import datetime
    from collections import Counter

    from django.utils import timezone

    from courses.models import CourseCompletion
    from supervision.dashboard import team_page

    first = timezone.localdate().replace(day=1)
    CourseCompletion.objects.create(
        employee=county["eve"],
        course=county["mandatory"],
        course_title="Hyte-perusteet",
        completed_at=datetime.datetime.combine(
            first, datetime.time(), tzinfo=timezone.get_current_timezone()
        ),
    )
    expected = Counter(
        timezone.localtime(completion.completed_at).date().replace(day=1)
        for completion in CourseCompletion.objects.filter(
            employee__in=[county["cai"], county["eve"]]
        )
    )
    data = team_page(supervisor=county["lead"], filters=DashboardFilters())
    assert {month.month: month.completions for month in data.timeline if month.completions} == (
        dict(expected)
    )
    assert expected[first] >= 1
