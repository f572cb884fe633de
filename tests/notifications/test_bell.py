"""The bell in the header and the notices page."""

import pytest
from django.utils import timezone

from notifications.models import Notification
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def notice(employee, title, read=False):
    return Notification.objects.create(
        recipient=employee,
        title=title,
        body="Määräpäivä on tänään.",
        url="/#checklist-item-1",
        read_at=timezone.now() if read else None,
    )


def test_the_header_shows_the_unread_count_with_words_for_screen_readers(client, county):
    nurse = county["nurse"]
    notice(nurse, "Yksi")
    notice(nurse, "Kaksi")
    notice(nurse, "Luettu", read=True)
    notice(county["aide"], "Jonkun muun")
    client.force_login(nurse.user)
    page = client.get("/ilmoitukset/").content.decode()
    assert (
        '<a href="/ilmoitukset/">Ilmoitukset <span class="badge">2'
        '<span class="visually-hidden"> lukematonta</span></span></a>'
    ) in page
    assert "Yksi" in page and "Luettu" in page and "Jonkun muun" not in page


def test_marking_all_read_clears_the_badge(client, county):
    nurse = county["nurse"]
    notice(nurse, "Yksi")
    client.force_login(nurse.user)
    response = client.post("/ilmoitukset/")
    assert response.status_code == 302 and response["Location"] == "/ilmoitukset/"
    page = client.get("/ilmoitukset/").content.decode()
    assert 'class="badge"' not in page
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_no_notices_says_so(client, county):
    client.force_login(county["nurse"].user)
    page = client.get("/ilmoitukset/").content.decode()
    assert "Sinulla ei ole ilmoituksia." in page and 'class="badge"' not in page


def test_the_notices_page_needs_a_sign_in_and_an_employee_record(client):
    assert client.get("/ilmoitukset/").status_code == 302
    client.force_login(UserFactory())
    assert client.get("/ilmoitukset/").status_code == 404


def test_the_unread_count_is_each_persons_own_in_one_query(county, django_assert_num_queries):
    """The count's SQL is compiled once per process and bound to each person's id."""
    from notifications.selectors import unread_count_for_user

    nurse, aide = county["nurse"], county["aide"]
    notice(nurse, "Yksi")
    notice(nurse, "Kaksi")
    notice(nurse, "Luettu", read=True)
    notice(aide, "Kolme")
    with django_assert_num_queries(1):
        assert unread_count_for_user(nurse.user_id) == 2
    assert unread_count_for_user(aide.user_id) == 1
    assert unread_count_for_user(nurse.user_id) == 2
