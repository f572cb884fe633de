"""From the hyte picture: a course assigned to everyone in a unit at once, and the
aggregates exported as CSV and XLSX with small groups left empty."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.utils import timezone

from audit.models import AuditAction, AuditEntry
from courses.models import Enrolment
from hyte.totals import hyte_totals_refresh
from tests.hyte.builders import rate
from tests.supervision.conftest import enrol, person

pytestmark = pytest.mark.django_db


def test_a_course_is_assigned_to_a_unit_and_its_sub_units_once(county, as_user):
    client = as_user(county["holders"]["hyte_coordinator"])
    course = county["assigned"]
    due = timezone.localdate() + datetime.timedelta(days=30)
    earlier = timezone.localdate() + datetime.timedelta(days=10)
    # Anna already has it, due sooner: her date stays. Ben chose it himself.
    Enrolment.objects.filter(employee=county["anna"], course=course).update(due_date=earlier)
    enrol(county["ben"], course, 90, source=Enrolment.Source.SELF)
    address = f"/seuranta/hyte/yksikko/{county['sector'].pk}/koulutus/"
    form = client.get(address)
    assert form.status_code == 200 and "Määräpäivä" in form.content.decode()
    # A date field's value is ISO, or the browser shows it empty and the form fails.
    default_due = timezone.localdate() + datetime.timedelta(days=60)
    assert f'value="{default_due.isoformat()}"' in form.content.decode()
    for _ in range(2):
        response = client.post(address, {"course": course.pk, "due_date": due.isoformat()})
        assert response.status_code == 302
    in_sector = county["sector"].path
    enrolments = Enrolment.objects.filter(course=course, employee__unit__path__startswith=in_sector)
    active_in_sector = county["lead"].__class__.objects.filter(
        active=True, unit__path__startswith=in_sector
    )
    assert enrolments.count() == active_in_sector.count()
    assert enrolments.get(employee=county["anna"]).due_date == earlier
    ben = enrolments.get(employee=county["ben"])
    assert (ben.due_date, ben.source) == (due, Enrolment.Source.ASSIGNED)
    assert not Enrolment.objects.filter(course=course, employee=county["stranger"]).exists()
    assert AuditEntry.objects.filter(action=AuditAction.COURSE_ASSIGN).count() == 2


def test_a_past_due_date_is_refused_in_finnish_and_nothing_is_assigned(county, as_user):
    client = as_user(county["holders"]["hr_admin"])
    before = Enrolment.objects.count()
    response = client.post(
        f"/seuranta/hyte/yksikko/{county['care'].pk}/koulutus/",
        {"course": county["assigned"].pk, "due_date": "2020-01-01"},
    )
    assert response.status_code == 200
    assert "Määräpäivä ei voi olla menneisyydessä." in response.content.decode()
    assert Enrolment.objects.count() == before


def test_the_aggregates_export_as_csv_and_xlsx_with_small_groups_empty(county, as_user):
    nurses = [person(county["care"], f"Hoitaja{n}", "H", None, county["nurse"]) for n in range(5)]
    rate(nurses, county["mandatory"], "before", 3)
    rate([county["stranger"]], county["mandatory"], "before", 1)
    hyte_totals_refresh()
    client = as_user(county["holders"]["hyte_coordinator"])
    response = client.get("/seuranta/hyte/vienti.csv")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    by_sector = {
        row[1]: row[3]
        for row in rows
        if row[0] == "Osaaminen toimialoittain" and row[2] == "Keskiarvo ennen"
    }
    assert by_sector["Yksikkö S1"] in ("3.0", "3,0")
    assert by_sector["Yksikkö S2"] == ""  # one person
    response = client.get("/seuranta/hyte/vienti.xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook["Osaaminen toimialoittain"]
    values = {row[0]: row[3] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert values["Yksikkö S1"] == 3.0 and values["Yksikkö S2"] is None
    assert AuditEntry.objects.filter(action=AuditAction.EXPORT_XLSX).exists()
    assert client.get("/seuranta/hyte/vienti.pdf").status_code == 404
