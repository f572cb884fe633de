"""The HR import through the admin: upload, preview, confirm."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from people import roles
from people.models import Employee, ImportRun
from tests.factories import EmployeeFactory, JobRoleFactory, make_unit

pytestmark = pytest.mark.django_db

HEADER = "henkilönumero;etunimi;sukunimi;sähköposti;yksikkö;tehtävänimike;esihenkilö;aloituspäivä;päättymispäivä;kieli"


@pytest.fixture
def hr_client(client):
    make_unit("U1", make_unit("HVA"))
    JobRoleFactory(code="SH")
    hr = EmployeeFactory(employee_number="1", user__username="1", user__email="hr@hva.example")
    hr.user.groups.add(Group.objects.get(name=roles.HR_ADMIN))
    client.force_login(hr.user)
    return client


def upload(client, content: bytes, name="henkilosto.csv"):
    return client.post("/admin/henkilostotuonti/", {"file": SimpleUploadedFile(name, content)})


def good_file() -> bytes:
    return "\n".join(
        [
            HEADER,
            "1;Helka;HR;hr@hva.example;U1;SH;;1.1.2020;;fi",
            "2;Aino;Aalto;aino@hva.example;U1;SH;1;1.1.2024;;fi",
            "3;Eero;Esa;eero@hva.example;U1;SH;1;1.1.2024;;sv",
        ]
    ).encode()


def test_upload_preview_confirm(hr_client, django_capture_on_commit_callbacks, mailoutbox):
    response = upload(hr_client, good_file())
    run = ImportRun.objects.get()
    assert (
        response.status_code == 302 and response["Location"] == f"/admin/henkilostotuonti/{run.pk}/"
    )
    assert Employee.objects.count() == 1  # nothing written yet

    page = hr_client.get(response["Location"]).content.decode()
    assert (
        "Uusia henkilöitä: 2, päivitettäviä: 1, poistuviksi merkittäviä: 0, ennallaan: 0." in page
    )
    assert "aino@hva.example" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = hr_client.post(f"/admin/henkilostotuonti/{run.pk}/tallenna/", follow=True)
    assert (
        "Henkilöstö tuotu. Uusia: 2, päivitettyjä: 1, poistuneita: 0." in response.content.decode()
    )
    assert Employee.objects.count() == 3
    run.refresh_from_db()
    assert run.status == ImportRun.Status.APPLIED and run.content == b""
    # The welcome task (eager here; a real worker in tests/integration) greets both, each in their language.
    assert sorted(m.to[0] for m in mailoutbox) == ["aino@hva.example", "eero@hva.example"]
    swedish = next(m for m in mailoutbox if m.to[0] == "eero@hva.example")
    assert swedish.subject != "Tervetuloa Hyteoppaaseen"
    assert "/salasana/" in swedish.body


def test_bad_file_lists_problems_and_keeps_nothing(hr_client):
    content = good_file() + b"\n4;X;Y;x@hva.example;EI;SH;;huomenna;;fi"
    response = upload(hr_client, content)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Tiedostossa on 2 virhettä. Mitään ei tallennettu." in page
    assert "Rivi 5: Tuntematon yksikkökoodi ”EI”." in page
    assert "Rivi 5: Aloituspäivä ”huomenna” ei ole kelvollinen päivämäärä" in page
    assert not ImportRun.objects.exists() and Employee.objects.count() == 1


def test_50_mb_upload_is_refused(hr_client):
    response = upload(hr_client, b"x" * (50 * 1024 * 1024))
    assert response.status_code == 400
    assert "Tiedosto on liian suuri (50,0 Mt)" in response.content.decode()


def test_wrong_type_is_refused(hr_client):
    response = upload(hr_client, b"GIF89a", name="kuva.gif")
    assert "Tiedostotyyppiä ei tueta" in response.content.decode()


def test_only_hr_may_import(client):
    nurse = EmployeeFactory()
    nurse.user.groups.add(Group.objects.get(name=roles.TRAINER))
    client.force_login(nurse.user)
    assert client.get("/admin/henkilostotuonti/").status_code in (302, 403)
    assert client.post("/admin/henkilostotuonti/1/tallenna/").status_code in (302, 403)
