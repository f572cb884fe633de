"""A package's files are served to signed-in people from their own address, with their
own Content-Security-Policy, a safe content type, and never a file outside the package."""

import pytest
from django.urls import reverse

from packages import services
from tests.factories import EmployeeFactory
from tests.packages.builders import h5p_file, scorm_members, zip_of
from tests.packages.test_upload import upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def package():
    members = {**scorm_members(), "sivut/tuntematon.exe": b"MZ", "sivut/kuva.svg": "<svg/>"}
    return services.package_store(upload=upload(zip_of(members)), h5p=False, title="P")


def url(package, path):
    return reverse("packages:content", args=[package.pk, path])


def test_files_are_served_with_the_package_policy(client, package):
    client.force_login(EmployeeFactory().user)
    response = client.get(url(package, "sivut/index.html"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    policy = response["Content-Security-Policy"]
    own = f"http://testserver/paketit/{package.pk}/sisalto/"
    assert f"default-src {own}" in policy
    assert f"connect-src {own}" in policy
    assert "frame-ancestors 'self'" in policy
    assert "form-action 'none'" in policy
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"<!doctype html>")
    assert client.get(url(package, "sivut/harjoitus.js"))["Content-Type"].startswith(
        "text/javascript"
    )
    assert (
        client.get(url(package, "sivut/tuntematon.exe"))["Content-Type"]
        == "application/octet-stream"
    )


def test_nothing_outside_the_package_and_nobody_signed_out(client, package):
    assert client.get(url(package, "sivut/index.html")).status_code == 302
    client.force_login(EmployeeFactory().user)
    for path in ["../../settings.py", "sivut/../../x", "sivut/puuttuu.html", "sivut"]:
        assert client.get(url(package, path)).status_code == 404, path


def test_the_h5p_player_page_allows_the_player_scripts(client):
    package = services.package_store(upload=upload(h5p_file(), "k.h5p"), h5p=True, title="")
    client.force_login(EmployeeFactory().user)
    response = client.get(reverse("packages:h5p_player", args=[package.pk]))
    assert response.status_code == 200
    assert "http://testserver/static/packages/" in response["Content-Security-Policy"]
    assert b"h5p-standalone/main.bundle.js" in response.content
