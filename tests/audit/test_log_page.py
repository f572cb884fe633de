"""The audit log page: HR reads it, nobody else; reading it is itself logged; odd input
in its filters is cleaned rather than answering 500."""

import pytest

from audit.models import AuditAction, AuditEntry
from audit.permissions import LOG_READER_GROUP
from people import roles

pytestmark = pytest.mark.django_db


def test_the_log_reader_group_is_the_hr_admin_role():
    assert LOG_READER_GROUP == roles.HR_ADMIN


def test_reading_the_log_is_logged(county, client):
    hr = county["holders"]["hr_admin"]
    client.force_login(hr.user)
    response = client.get("/seuranta/loki/", {"haku": "Aalto", "toiminto": "view_person"})
    assert response.status_code == 200
    read = AuditEntry.objects.get(action=AuditAction.READ_LOG)
    assert read.actor == hr.user
    assert read.target == "Aalto"
    assert read.detail == {"filter_action": "view_person", "page": 1}


@pytest.mark.parametrize("value", ["%00", "a%00b", "%ED%A0%80", "%E2%80%AE%00", "x" * 5000])
def test_odd_characters_in_the_filters_do_not_break_the_page(county, client, value):
    client.force_login(county["holders"]["hr_admin"].user)
    # The site refuses NUL bytes and the like in any query string with 400
    # (accounts.middleware); whatever passes that, the page itself must take.
    for name in ("haku", "toiminto", "sivu"):
        assert client.get(f"/seuranta/loki/?{name}={value}").status_code in (200, 400)


def test_the_log_is_in_the_admin_menu_for_hr_only(county, client):
    client.force_login(county["holders"]["hr_admin"].user)
    assert "/seuranta/loki/" in client.get("/admin/").content.decode()
    client.force_login(county["holders"]["trainer"].user)
    assert "/seuranta/loki/" not in client.get("/admin/").content.decode()
