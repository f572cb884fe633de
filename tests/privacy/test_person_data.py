"""HR produces one person's data as a readable XLSX and a JSON file built from the
inventory; nobody else can; each hand-over is logged."""

import io
import json

import openpyxl
import pytest
from django.contrib.auth.models import Group

from audit.models import AuditAction, AuditEntry
from people import roles
from privacy.access import person_data_json, person_data_xlsx
from privacy.inventory import INVENTORY
from tests.factories import EmployeeFactory
from tests.privacy.history import five_years_of_history

pytestmark = pytest.mark.django_db


@pytest.fixture
def hr(client):
    person = EmployeeFactory()
    person.user.groups.add(Group.objects.get(name=roles.HR_ADMIN))
    client.force_login(person.user)
    return person


def test_the_json_file_holds_every_inventory_entry_and_only_this_persons_rows():
    person, other = EmployeeFactory(), EmployeeFactory()
    counts = five_years_of_history(person)
    five_years_of_history(other)
    document = json.loads(person_data_json(employee=person))
    assert set(document["data"]) == {holding.model for holding in INVENTORY}
    data = document["data"]
    assert data["auth.User"]["rows"] == [
        {
            **data["auth.User"]["rows"][0],
            "username": person.user.username,
            "email": person.user.email,
        }
    ]
    assert len(data["courses.CourseCompletion"]["rows"]) == counts["completions"]
    assert len(data["quizzes.QuizAttempt"]["rows"]) == counts["quiz_attempts"]
    assert len(data["notifications.Notification"]["rows"]) == counts["notifications"]
    assert len(data["events.Registration"]["rows"]) == counts["sessions"]
    assert len(data["audit.AuditEntry"]["rows"]) == counts["audit_entries"]
    assert other.user.username not in json.dumps(document)


def test_the_xlsx_file_has_an_index_and_a_sheet_per_kind_of_data():
    person = EmployeeFactory()
    counts = five_years_of_history(person)
    workbook = openpyxl.load_workbook(io.BytesIO(person_data_xlsx(employee=person)))
    index = list(workbook.worksheets[0].iter_rows(values_only=True))
    assert index[0] == ("Tiedot", "Rivejä", "Malli")
    assert len(index) - 1 == len(INVENTORY)
    rows_by_model = {model: rows for _title, rows, model in index[1:]}
    assert rows_by_model["courses.CourseCompletion"] == counts["completions"]
    sheets = {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook}
    # Each sheet with rows has as many as the index says, under readable headers.
    for title, rows, model in index[1:]:
        if rows:
            sheet = next(s for name, s in sheets.items() if name.startswith(title[:25]))
            assert len(sheet) - 1 == rows, model
    account = next(rows for rows in sheets.values() if person.user.email in rows[1])
    assert "Sähköpostiosoite" in account[0] or "Email address" in account[0]


def test_hr_downloads_the_file_from_the_admin_and_it_is_logged(client, hr):
    person = EmployeeFactory()
    page = client.get("/admin/henkilotiedot/")
    assert page.status_code == 200
    response = client.post(
        "/admin/henkilotiedot/", {"employee_number": person.employee_number, "file_format": "json"}
    )
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert person.employee_number in response["Content-Disposition"]
    assert json.loads(response.content)["employee_number"] == person.employee_number
    response = client.post(
        "/admin/henkilotiedot/", {"employee_number": person.employee_number, "file_format": "xlsx"}
    )
    openpyxl.load_workbook(io.BytesIO(response.content))
    logged = AuditEntry.objects.filter(action=AuditAction.PERSON_DATA_EXPORT).order_by("pk")
    assert [(e.actor, e.target_employee, e.detail["file_format"]) for e in logged] == [
        (hr.user, person, "json"),
        (hr.user, person, "xlsx"),
    ]
    missing = client.post(
        "/admin/henkilotiedot/", {"employee_number": "ei-ole", "file_format": "json"}
    )
    assert "Tällä henkilönumerolla ei löydy ketään." in missing.content.decode()


def test_only_hr_may_produce_a_persons_data(client):
    trainer = EmployeeFactory()
    trainer.user.groups.add(Group.objects.get(name=roles.TRAINER))
    client.force_login(trainer.user)
    assert client.get("/admin/henkilotiedot/").status_code in (302, 403)
    response = client.post(
        "/admin/henkilotiedot/", {"employee_number": trainer.employee_number, "file_format": "json"}
    )
    assert response.status_code in (302, 403)
    assert not AuditEntry.objects.filter(action=AuditAction.PERSON_DATA_EXPORT).exists()


@pytest.mark.parametrize(("language", "word"), [("fi", "henkilotiedot"), ("sv", "personuppgifter")])
def test_the_file_is_named_by_the_export_rule_in_the_readers_language(hr, language, word):
    """Named like every other export (reporting.filenames): the name in the reader's
    language in ASCII, the person's number, the day; sent as an attachment by Django's
    own header, so a name Django would have to quote or encode is still read right."""
    from django.utils import timezone, translation

    from privacy.services import person_data_export

    person = EmployeeFactory(employee_number="Ö-12 34")
    with translation.override(language):
        _content, name, _type = person_data_export(
            actor=hr.user, employee=person, file_format="json"
        )
    assert name == f"{word}-o-12-34-{timezone.localdate():%Y-%m-%d}.json"


def test_no_download_header_is_written_by_hand():
    """Download names go through FileResponse(filename=…) or content_disposition_header,
    which quote and encode them; a header put together by hand does neither."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    written = [
        str(path.relative_to(root))
        for path in root.glob("*/**/*.py")
        if not path.is_relative_to(root / ".venv")
        # var/: what the project writes, e.g. the peer's virtual environment of the benches
        and not path.is_relative_to(root / "var")
        and not path.is_relative_to(root / "tests")
        and "node_modules" not in path.parts
        and '["Content-Disposition"] =' in path.read_text(encoding="utf-8")
    ]
    assert written == []
