"""What the exports contain: Finnish (active language) column headers and rows of
plain values — dates as dates — for `reporting.spreadsheets`, which makes them
formula-safe and writes them as they come."""

from collections.abc import Iterator

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext as _
from wagtail.models import Page

from courses.models import CourseCompletion, CoursePage
from languages.fields import in_language_sql, language_code
from people.models import OrgUnit
from reporting.privacy import is_reportable
from reporting.spreadsheets import Identifier, Percent
from supervision.dashboard import TeamDashboard
from supervision.models import UnitCompletionTotal

# Large enough for any one team; a bigger export goes to the task.
STREAMED_ROWS_MAX = 5000


def team_headers(dashboard: TeamDashboard) -> list[str]:
    headers = [
        _("Henkilönumero"),
        _("Sukunimi"),
        _("Etunimi"),
        _("Yksikkö"),
        _("Tehtävänimike"),
        _("Aloituspäivä"),
        _("Perehdytys tehty"),
        _("Perehdytys yhteensä"),
        _("Tila"),
    ]
    for course in dashboard.courses:
        headers += [
            _("%(course)s: tila") % {"course": course.title},
            _("%(course)s: määräpäivä") % {"course": course.title},
            _("%(course)s: suoritettu") % {"course": course.title},
        ]
    return headers


def team_rows(dashboard: TeamDashboard) -> Iterator[list]:
    for row in dashboard.rows:
        employee = row.employee
        values = [
            Identifier(employee.employee_number),
            employee.user.last_name,
            employee.user.first_name,
            employee.unit.name,
            employee.job_role.name,
            employee.start_date,
            row.checklist_done,
            row.checklist_total,
            str(row.state_label),
        ]
        for course in dashboard.courses:
            cell = row.cells.get(course.pk)
            if cell is None:
                values += ["", None, None]
            else:
                values += [str(cell.label), cell.due_date, cell.completed_at]
        yield values


def completion_headers() -> list[str]:
    return [
        _("Henkilönumero"),
        _("Sukunimi"),
        _("Etunimi"),
        _("Yksikkökoodi"),
        _("Yksikkö"),
        _("Tehtävänimike"),
        _("Koulutus"),
        _("Suoritettu"),
        _("Voimassa asti"),
        _("Pisteet"),
    ]


def completions_queryset(*, unit: OrgUnit | None, course_id: int | None):
    """Every course completion in `unit` and below (all units when None)."""
    completions = CourseCompletion.objects.all()
    if unit is not None:
        completions = completions.filter(employee__unit__path__startswith=unit.path)
    if course_id is not None:
        completions = completions.filter(course_id=course_id)
    return completions.order_by("employee__unit__path", "employee__employee_number", "pk")


def completion_rows(completions) -> Iterator[list]:
    """One query for the rows, read in chunks from a server-side cursor (memory stays
    flat), and one for the course titles. Unit and job role are named in the active (the
    reader's) language in SQL; a course under its live translation's title in that
    language (else the title it had when completed), looked up in Python from a dict
    of the few courses: a subquery per row cost more than the rest of the query."""
    completions = completions.annotate(
        unit_name=in_language_sql("employee__unit__name_fi"),
        role_name=in_language_sql("employee__job_role__name_fi"),
    )
    titles = _course_titles(language_code())
    fields = (
        "employee__employee_number",
        "employee__user__last_name",
        "employee__user__first_name",
        "employee__unit__code",
        "unit_name",
        "role_name",
        "course_id",
        "completed_at",
        "expires_at",
        "score",
        "course_title",
    )
    for values in completions.values_list(*fields).iterator(chunk_size=5000):
        *row, stored_title = values
        row[0] = Identifier(row[0])
        row[6] = titles.get(row[6]) or stored_title
        yield row


def _course_titles(language: str) -> dict[int, str]:
    """{course id: the title of its live translation in `language`}, for every course
    that has one. One query."""
    return dict(
        CoursePage.objects.annotate(
            title_in_language=Subquery(
                Page.objects.filter(
                    translation_key=OuterRef("translation_key"),
                    locale__language_code=language,
                    live=True,
                ).values("title")[:1]
            )
        )
        .filter(title_in_language__isnull=False)
        .values_list("pk", "title_in_language")
    )


# --- the county summary: one row per unit, never per person ----------------------------


def county_summary_headers() -> list[str]:
    return [
        _("Yksikkökoodi"),
        _("Yksikkö"),
        _("Koulutus"),
        _("Vaaditaan"),
        _("Suoritettu"),
        _("Myöhässä"),
        _("Suoritusaste (%)"),
    ]


def county_summary_queryset(*, unit: OrgUnit | None, course_id: int | None):
    """The per-unit totals of `unit` and below (all units when None), for one course or,
    when None, all mandatory training."""
    totals = UnitCompletionTotal.objects.select_related("unit", "course")
    if unit is not None:
        totals = totals.filter(unit__path__startswith=unit.path)
    totals = totals.filter(course_id=course_id) if course_id else totals.filter(course__isnull=True)
    return totals.order_by("unit__path")


def county_summary_rows(totals) -> Iterator[list]:
    """A unit where fewer than reporting.privacy.MIN_GROUP_SIZE people are counted shows
    no figures, so nobody's completion can be worked out."""
    everything = _("Kaikki pakolliset koulutukset")
    for total in totals.iterator(chunk_size=2000):
        values = [
            total.unit.code,
            total.unit.name,
            total.course.title if total.course_id else str(everything),
        ]
        if is_reportable(total.required):
            percent = round(100 * total.completed / total.required)
            values += [total.required, total.completed, total.overdue, Percent(percent)]
        else:
            values += [None, None, None, None]
        yield values
