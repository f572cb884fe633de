"""Uploading SCORM packages and H5P files: the version and the launch page are read
from the manifest; a missing or broken manifest, a path leaving the package, an
oversize upload and a zip bomb are refused with their message and nothing is stored,
on disk or in the database."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from packages import archive, services
from packages.models import ContentPackage
from people import roles
from tests.factories import EmployeeFactory
from tests.packages.builders import (
    MANIFEST_12,
    h5p_file,
    h5p_members,
    scorm_members,
    scorm_zip,
    zip_bomb,
    zip_of,
)

pytestmark = pytest.mark.django_db


def upload(content: bytes, name: str = "paketti.zip") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/zip")


def stored_folders() -> list[str]:
    root = Path(settings.PACKAGE_ROOT)
    return sorted(path.name for path in root.iterdir()) if root.exists() else []


def refused(content: bytes, *, h5p: bool = False, name: str = "paketti.zip") -> str:
    before, count = stored_folders(), ContentPackage.objects.count()
    with pytest.raises(archive.PackageRefused) as caught:
        services.package_store(upload=upload(content, name), h5p=h5p, title="Paketti")
    assert ContentPackage.objects.count() == count
    assert stored_folders() == before
    return caught.value.message


def test_a_scorm_12_package_is_stored_with_its_launch_page():
    package = services.package_store(upload=upload(scorm_zip("1.2")), h5p=False, title="")
    assert package.kind == ContentPackage.Kind.SCORM_12
    assert package.launch == "sivut/index.html"
    assert package.title == "Arkiliikunta puheeksi"  # from the manifest when none given
    folder = Path(settings.PACKAGE_ROOT) / package.folder
    assert (folder / "sivut" / "harjoitus.js").read_text().startswith("(function")


def test_a_scorm_2004_package_is_told_from_its_manifest_and_nested_items_launch():
    package = services.package_store(upload=upload(scorm_zip("2004")), h5p=False, title="P")
    assert package.kind == ContentPackage.Kind.SCORM_2004
    assert package.launch == "sivut/index.html"


def test_the_default_organisation_and_item_parameters_decide_the_launch():
    manifest = (
        MANIFEST_12.replace('default="org"', 'default="toinen"')
        .replace(
            "</organizations>",
            '<organization identifier="toinen"><title>T</title>'
            '<item identifier="i2" identifierref="res2" parameters="?osa=2"><title>x</title></item>'
            "</organization></organizations>",
        )
        .replace(
            "</resources>",
            '<resource identifier="res2" type="webcontent" href="toinen.html"/></resources>',
        )
    )
    members = {**scorm_members(), "imsmanifest.xml": manifest, "toinen.html": "<p>toinen</p>"}
    package = services.package_store(upload=upload(zip_of(members)), h5p=False, title="P")
    assert package.launch == "toinen.html?osa=2"


def test_a_missing_manifest_is_refused():
    members = scorm_members()
    del members["imsmanifest.xml"]
    assert "puuttuu imsmanifest.xml" in refused(zip_of(members))


def test_a_broken_manifest_is_refused():
    members = {**scorm_members(), "imsmanifest.xml": "<manifest><organizations>"}
    assert "imsmanifest.xml on virheellinen" in refused(zip_of(members))


def test_a_manifest_pointing_outside_or_at_nothing_is_refused():
    members = {
        **scorm_members(),
        "imsmanifest.xml": MANIFEST_12.replace("sivut/index.html", "puuttuu.html"),
    }
    assert "käynnistystiedostoa" in refused(zip_of(members))
    members["imsmanifest.xml"] = MANIFEST_12.replace(
        'href="sivut/index.html"', 'href="../x.html"', 1
    )
    assert "käynnistystiedostoa" in refused(zip_of(members))


def test_entity_expansion_in_the_manifest_is_refused():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><manifest>&b;</manifest>'
    )
    members = {**scorm_members(), "imsmanifest.xml": bomb}
    assert "imsmanifest.xml on virheellinen" in refused(zip_of(members))


@pytest.mark.parametrize(
    "name", ["../pois.html", "sivut/../../pois.html", "/etc/pois.html", "C:/pois.html", "a\\..\\b"]
)
def test_a_path_leaving_the_package_is_refused(name):
    message = refused(zip_of({**scorm_members(), name: "x"}))
    assert "paketin ulkopuolelle" in message


def test_a_symbolic_link_is_refused():
    buffer = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buffer, "w") as built:
        for name, content in scorm_members().items():
            built.writestr(name, content)
        link = zipfile.ZipInfo("sivut/linkki")
        link.external_attr = (0o120777) << 16
        built.writestr(link, "/etc/passwd")
    assert "paketin ulkopuolelle" in refused(buffer.getvalue())


def test_a_zip_bomb_is_refused_before_unpacking():
    message = refused(zip_bomb(20 * 1024 * 1024))
    assert "purkautuisi liian suureksi" in message


def test_the_unpacked_size_is_bounded_by_settings(settings):
    settings.PACKAGE_MAX_UNPACKED_BYTES = 1000
    assert "purkautuisi liian suureksi" in refused(scorm_zip())


def test_an_oversize_upload_is_refused(settings):
    settings.PACKAGE_UPLOAD_MAX_BYTES = 100
    assert "liian suuri" in refused(scorm_zip())


def test_a_file_that_is_not_a_zip_is_refused():
    assert "ei ole kelvollinen zip-paketti" in refused(b"PK\x03\x04 ei oikeasti zip")


def test_an_h5p_file_is_stored_and_checked():
    package = services.package_store(upload=upload(h5p_file(), "k.h5p"), h5p=True, title="")
    assert package.kind == ContentPackage.Kind.H5P
    assert package.title == "Kuittaa lukeneesi"
    members = h5p_members()
    del members["Hyteopas.Kuittaus-1.0/library.json"]
    assert "puuttuu kirjasto" in refused(zip_of(members), h5p=True, name="k.h5p")
    members = {**h5p_members(), "h5p.json": "{ei json"}
    assert "h5p.json on virheellinen" in refused(zip_of(members), h5p=True, name="k.h5p")
    members = {**h5p_members(), "../x.js": "x"}
    assert "paketin ulkopuolelle" in refused(zip_of(members), h5p=True, name="k.h5p")


@pytest.fixture
def trainer_client(client):
    trainer = EmployeeFactory()
    trainer.user.groups.add(Group.objects.get(name=roles.TRAINER))
    client.force_login(trainer.user)
    return client


def test_a_trainer_uploads_a_package_in_the_admin(trainer_client):
    response = trainer_client.post(
        "/admin/snippets/packages/contentpackage/add/",
        {"title": "Arkiliikunta", "archive": upload(scorm_zip("2004")), "mastery_score": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    package = ContentPackage.objects.get()
    assert (package.title, package.kind) == ("Arkiliikunta", "scorm2004")
    assert package.uploaded_by is not None


def test_the_admin_refuses_a_traversal_with_its_message_and_stores_nothing(trainer_client):
    before = stored_folders()
    response = trainer_client.post(
        "/admin/snippets/packages/contentpackage/add/",
        {"title": "Paha", "archive": upload(zip_of({**scorm_members(), "../../pois.sh": "x"}))},
    )
    assert response.status_code == 200
    assert "johtaa paketin ulkopuolelle" in response.content.decode()
    assert ContentPackage.objects.count() == 0
    assert stored_folders() == before
