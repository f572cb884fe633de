"""The org-tree import and the unit form in the admin: every bad file is refused whole
with line-numbered Finnish messages and writes nothing; a good file builds the tree;
importing it again changes nothing; HR admins create, rename, move and close units."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from people import roles, services
from people.models import ImportRun, OrgUnit
from tests.factories import EmployeeFactory, JobRoleFactory, make_unit

pytestmark = pytest.mark.django_db

HEADER = "koodi;nimi suomeksi;nimi ruotsiksi;nimi englanniksi;yläyksikkö;taso;esihenkilöt"
TREE = [
    "HVA;Hyvinvointialue;Välfärdsområdet;County;;hyvinvointialue;",
    "SOS;Sosiaalipalvelut;Socialtjänster;Social services;HVA;toimiala;",
    "SOS-A;Ikäihmiset;Äldre;Older people;SOS;palvelualue;",
    "SOS-A-1;Kotihoito;Hemvård;Home care;SOS-A;yksikkö;",
    "SOS-A-2;Palvelutalo;Servicehus;Service house;SOS-A;yksikkö;",
]


def tree_file(*rows: str, header: str = HEADER) -> bytes:
    return "\n".join([header, *rows]).encode("utf-8")


def import_tree(content: bytes, name: str = "organisaatio.csv"):
    preview = services.org_import_preview(name=name, content=content)
    assert preview.ok, [str(p) for p in preview.problems]
    applied = services.org_import_apply(run=preview.run)
    assert applied.ok, [str(p) for p in applied.problems]
    return applied


def snapshot():
    return sorted(
        OrgUnit.objects.values_list(
            "code", "path", "name_fi", "name_sv", "name_en", "kind", "closed_on"
        )
    )


def test_a_file_builds_the_tree_parents_first_in_any_order():
    import_tree(tree_file(*reversed(TREE)))
    home_care = OrgUnit.objects.get(code="SOS-A-1")
    assert [unit.code for unit in home_care.get_ancestors()] == ["HVA", "SOS", "SOS-A"]
    assert (home_care.name_sv, home_care.kind) == ("Hemvård", OrgUnit.Kind.UNIT)


def test_reimporting_the_same_tree_changes_nothing():
    import_tree(tree_file(*TREE))
    before = snapshot()
    preview = services.org_import_preview(name="o.csv", content=tree_file(*TREE))
    assert not preview.plan.has_changes
    assert preview.plan.unchanged_count == len(TREE)
    import_tree(tree_file(*TREE))
    assert snapshot() == before


def test_a_file_renames_moves_and_sets_managers():
    import_tree(tree_file(*TREE))
    boss = EmployeeFactory(employee_number="900", user__username="900")
    changed = [*TREE[:4], "SOS-A-2;Palvelukoti;Servicehem;Care home;SOS;yksikkö;900"]
    import_tree(tree_file(*changed))
    unit = OrgUnit.objects.get(code="SOS-A-2")
    assert (unit.name_fi, unit.get_parent().code) == ("Palvelukoti", "SOS")
    assert list(unit.managers.all()) == [boss]


BAD = [
    (
        tree_file(*TREE, "X-1;Uusi;;;EI-OLE;yksikkö;"),
        "Rivi 7: Yläyksikköä EI-OLE ei löydy tiedostosta eikä organisaatiosta.",
    ),
    (
        tree_file("A;A;;;B;yksikkö;", "B;B;;;A;yksikkö;"),
        "Rivi 2: Yksiköt muodostavat silmukan: A → B → A (rivit 2, 3).",
    ),
    (
        tree_file(*TREE, "sos-a-1;Toinen;;;SOS-A;yksikkö;"),
        "Rivi 7: Yksikkökoodi sos-a-1 on jo rivillä 5.",
    ),
    (
        tree_file(*TREE, header=HEADER.replace(";taso", "")),
        "Rivi 1: Sarake puuttuu: organisaatiotaso.",
    ),
    (tree_file(*TREE, "X-2;Uusi;;;SOS;planeetta;"), "Rivi 7: Tuntematon organisaatiotaso"),
    (tree_file(*TREE, "X-3;Uusi;;;SOS;yksikkö;404"), "Rivi 7: Esihenkilön henkilönumeroa 404"),
    (tree_file(*TREE, ";Uusi;;;SOS;yksikkö;"), "Rivi 7: Yksikkökoodi puuttuu."),
    (b"", "Tiedosto on tyhjä."),
    (tree_file(), "Tiedostossa ei ole yhtään yksikköriviä"),
]


@pytest.mark.parametrize(("content", "expected"), BAD)
def test_bad_tree_is_refused_with_its_message_and_writes_nothing(content, expected):
    make_unit("OLD")
    before = snapshot()
    preview = services.org_import_preview(name="organisaatio.csv", content=content)
    assert not preview.ok
    messages = [str(problem) for problem in preview.problems]
    assert any(message.startswith(expected) for message in messages), messages
    assert preview.run is None and not ImportRun.objects.exists()
    assert snapshot() == before


def test_wrong_file_type_is_refused():
    preview = services.org_import_preview(name="puu.pdf", content=b"%PDF-1.4")
    assert [str(p) for p in preview.problems] == [
        "Tiedostotyyppiä ei tueta. Lataa CSV- tai XLSX-tiedosto (.csv tai .xlsx)."
    ]


def test_closing_a_unit_with_active_people_is_refused_and_an_empty_one_closes():
    import_tree(tree_file(*TREE))
    EmployeeFactory(unit=OrgUnit.objects.get(code="SOS-A-1"))
    header = f"{HEADER};suljettu"
    preview = services.org_import_preview(
        name="o.csv",
        content=tree_file(*(f"{row};" for row in TREE[:3]), f"{TREE[3]};31.12.2026", header=header),
    )
    assert [str(p) for p in preview.problems] == [
        "Rivi 5: Yksikköä SOS-A-1 ei voi sulkea: siinä tai sen alayksiköissä on 1 voimassa "
        "olevaa henkilöä."
    ]
    assert OrgUnit.objects.get(code="SOS-A-1").closed_on is None
    import_tree(tree_file(f"{TREE[4]};31.12.2026", header=header))
    assert OrgUnit.objects.get(code="SOS-A-2").closed_on is not None


def test_a_closed_unit_receives_nobody_from_the_staff_file():
    import_tree(tree_file(*TREE, header=HEADER))
    OrgUnit.objects.filter(code="SOS-A-2").update(closed_on="2026-01-01")
    JobRoleFactory(code="SH")
    content = (
        "henkilönumero;etunimi;sukunimi;sähköposti;yksikkö;tehtävänimike;esihenkilö;"
        "aloituspäivä;päättymispäivä;kieli\n"
        "1;Aino;Aalto;aino@hva.example;SOS-A-2;SH;;1.1.2024;;fi"
    ).encode()
    preview = services.employee_import_preview(name="h.csv", content=content)
    assert [str(p) for p in preview.problems] == [
        "Rivi 2: Yksikkö SOS-A-2 on suljettu: siihen ei voi siirtää henkilöitä."
    ]


def test_the_command_previews_then_imports(tmp_path, capsys):
    path = tmp_path / "organisaatio.csv"
    path.write_bytes(tree_file(*TREE))
    call_command("import_org_units", str(path), "--dry-run")
    assert not OrgUnit.objects.exists()
    call_command("import_org_units", str(path), "--yes")
    assert OrgUnit.objects.count() == len(TREE)
    bad = tmp_path / "huono.csv"
    bad.write_bytes(tree_file("A;A;;;B;yksikkö;", "B;B;;;A;yksikkö;"))
    with pytest.raises(CommandError):
        call_command("import_org_units", str(bad), "--yes")
    assert "silmukan" in capsys.readouterr().err


@pytest.fixture
def hr_client(client):
    root = make_unit("HVA")
    make_unit("SOS", root, "sector")
    make_unit("TER", root, "sector")
    hr = EmployeeFactory(unit=OrgUnit.objects.get(code="SOS"))
    hr.user.groups.add(Group.objects.get(name=roles.HR_ADMIN))
    client.force_login(hr.user)
    return client


def test_hr_admin_uploads_previews_and_confirms_a_tree(hr_client):
    response = hr_client.post(
        "/admin/organisaatiotuonti/",
        {"file": SimpleUploadedFile("o.csv", tree_file(*TREE))},
    )
    run = ImportRun.objects.get(kind=ImportRun.Kind.ORG_UNITS)
    assert response["Location"] == f"/admin/organisaatiotuonti/{run.pk}/"
    page = hr_client.get(response["Location"]).content.decode()
    assert "Uusia yksiköitä: 3, muuttuvia: 2, suljettavia: 0, ennallaan: 0." in page
    hr_client.post(f"/admin/organisaatiotuonti/{run.pk}/tallenna/")
    assert OrgUnit.objects.filter(code="SOS-A-1").exists()
    bad = hr_client.post(
        "/admin/organisaatiotuonti/",
        {"file": SimpleUploadedFile("o.csv", tree_file("A;A;;;B;yksikkö;", "B;B;;;A;yksikkö;"))},
    )
    assert bad.status_code == 400 and "silmukan" in bad.content.decode()


def _form(**fields):
    data = {
        "code": "",
        "name_fi": "",
        "name_sv": "",
        "name_en": "",
        "kind": "unit",
        "parent": "",
        "manager_numbers": "",
        "closed_on": "",
    }
    data.update(fields)
    return data


def test_hr_admin_creates_renames_moves_and_closes_a_unit(hr_client):
    sos, ter = OrgUnit.objects.get(code="SOS"), OrgUnit.objects.get(code="TER")
    response = hr_client.post(
        "/admin/people/units/new/",
        _form(code="SOS-9", name_fi="Uusi yksikkö", parent=sos.pk),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    unit = OrgUnit.objects.get(code="SOS-9")
    assert unit.get_parent() == sos

    hr_client.post(
        f"/admin/people/units/edit/{unit.pk}/",
        _form(
            code="SOS-9",
            name_fi="Kotikuntoutus",
            name_sv="Hemrehabilitering",
            name_en="Home rehabilitation",
            parent=ter.pk,
        ),
    )
    unit.refresh_from_db()
    assert (unit.name_sv, unit.get_parent()) == ("Hemrehabilitering", ter)

    worker = EmployeeFactory(unit=unit)
    refused = hr_client.post(
        f"/admin/people/units/edit/{unit.pk}/",
        _form(code="SOS-9", name_fi="Kotikuntoutus", parent=ter.pk, closed_on="2026-12-31"),
    )
    assert "voimassa olevaa henkilöä" in refused.content.decode()
    worker.active = False
    worker.save()
    hr_client.post(
        f"/admin/people/units/edit/{unit.pk}/",
        _form(code="SOS-9", name_fi="Kotikuntoutus", parent=ter.pk, closed_on="2026-12-31"),
    )
    unit.refresh_from_db()
    assert unit.closed_on is not None


def test_a_unit_cannot_move_under_itself_or_reuse_a_code_in_another_case(hr_client):
    sos = OrgUnit.objects.get(code="SOS")
    child = make_unit("SOS-1", sos)
    response = hr_client.post(
        f"/admin/people/units/edit/{sos.pk}/",
        _form(code="SOS", name_fi="Sote", kind="sector", parent=child.pk),
    )
    assert response.status_code == 200 and OrgUnit.objects.get(pk=child.pk).get_parent() == sos
    response = hr_client.post(
        "/admin/people/units/new/", _form(code="sos-1", name_fi="Kaksoiskappale", parent=sos.pk)
    )
    assert "Yksikkökoodi SOS-1 on jo käytössä." in response.content.decode()


def test_the_unit_and_employee_listings_name_their_name_column_in_the_users_language(hr_client):
    for address in ("/admin/people/units/", "/admin/people/employees/"):
        page = hr_client.get(address).content.decode()
        assert re.search(r">\s*Nimi\s*<", page), address
        assert not re.search(r">\s*(Name|Full name)\s*<", page), address


def test_the_unit_forms_added_fields_are_capitalised_like_the_model_fields(hr_client):
    page = hr_client.get("/admin/people/units/new/").content.decode()
    assert "Yläyksikkö" in page and "Yksikön esihenkilöt (henkilönumerot)" in page
    assert not re.search(r">\s*yläyksikkö", page)
