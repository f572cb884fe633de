"""Activity import in the admin: upload → preview → confirm, all rows or none,
line-numbered Finnish problems, formula-like cells kept as text."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from organisations.models import Organisation
from people import roles
from phrases import activity_import
from phrases.models import Activity
from tests.factories import EmployeeFactory, UserFactory
from tests.phrases.builders import make_activity

pytestmark = pytest.mark.django_db

HEADER = "tunniste;nimi;nimi ruotsiksi;järjestäjä;järjestäjän tyyppi;kunta;teemat;linkki\n"


def _csv(*rows: str) -> bytes:
    return (HEADER + "".join(f"{row}\n" for row in rows)).encode("utf-8")


@pytest.fixture
def editor(client):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=roles.PHRASE_EDITOR))
    client.force_login(user)
    return user


def _upload(client, content: bytes, name: str = "toiminnat.csv"):
    return client.post(
        reverse("phrases_import:upload"), {"file": SimpleUploadedFile(name, content)}
    )


def test_upload_preview_confirm_creates_and_updates(client, editor):
    make_activity("kuoro", "Vanha nimi", "Laaksolan seurakunta", municipality="Laaksola")
    content = _csv(
        "kavely;Kävelyryhmä;Promenadgrupp;Järvelän Kuntoilijat ry;Järjestö;Järvelä;"
        "liikunta, osallisuus;https://kuntoilijat.example/kavely",
        "kuoro;Avoin kuoro;Öppen kör;Laaksolan seurakunta;seurakunta;Laaksola;kulttuuri;",
    )
    response = _upload(client, content)
    assert response.status_code == 302
    preview = client.get(response["Location"])
    text = preview.content.decode()
    assert "Uusia toimintoja 1, päivitettäviä 1." in text
    assert Activity.objects.get(key="kuoro").name_fi == "Vanha nimi"
    response = client.post(reverse("phrases_import:confirm"), follow=True)
    assert "Toiminnat tuotu. Uusia: 1, päivitettyjä: 1." in response.content.decode()
    walk = Activity.objects.get(key="kavely")
    assert walk.themes == ["liikunta", "osallisuus"]
    assert walk.organisation.kind == Organisation.Kind.NGO
    assert Activity.objects.get(key="kuoro").name_fi == "Avoin kuoro"
    assert Organisation.objects.filter(name="Laaksolan seurakunta").count() == 1


def test_problems_are_line_numbered_and_nothing_is_saved(client, editor):
    content = _csv(
        "hyva;Hyvä rivi;;Järjestö ry;ngo;Järvelä;liikunta;",
        ";Ilman tunnistetta;;Järjestö ry;ngo;Järvelä;;",
        "teema;Väärä teema;;Järjestö ry;ngo;Järvelä;shakki;",
        "linkki;Väärä linkki;;Järjestö ry;kerho;Järvelä;;ei-osoite",
        "hyva;Toistettu;;Järjestö ry;ngo;Järvelä;;",
    )
    response = _upload(client, content)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Rivi 3: Tunniste puuttuu." in text
    assert "Rivi 4: Tuntematon teema ”shakki”." in text
    assert "Rivi 5: Tuntematon järjestäjän tyyppi ”kerho”." in text
    assert "Rivi 5: Linkki ei ole kelvollinen verkko-osoite: ei-osoite." in text
    assert "Rivi 6: Tunniste hyva on jo rivillä 2." in text
    assert not Activity.objects.exists()


def test_missing_column_and_wrong_file_type(client, editor):
    response = _upload(client, b"nimi;kunta\nKuoro;Laaksola\n")
    assert "Rivi 1: Sarake puuttuu: tunniste." in response.content.decode()
    response = _upload(client, b"%PDF-1.4", name="toiminnat.pdf")
    assert "Tiedostotyyppiä ei tueta" in response.content.decode()


def test_formula_like_cells_are_stored_as_text():
    plan = activity_import.build_plan(
        name="t.csv", content=_csv('kaava;=HYPERLINK("x");;Järjestö ry;ngo;;;')
    )
    assert plan.ok
    activity_import.apply_plan(plan)
    assert Activity.objects.get(key="kaava").name_fi == '=HYPERLINK("x")'


def test_unit_staff_cannot_import(client):
    client.force_login(EmployeeFactory().user)
    response = client.get(reverse("phrases_import:upload"))
    assert response.status_code in (302, 403)
