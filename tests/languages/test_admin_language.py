"""The Wagtail admin speaks the person's own language, not the browser's; the Finnish
admin has no English where Wagtail's own catalogue lacks Finnish; a snippet chooser's
texts follow the reader's language, not the one the admin started in."""

import pytest
from django.contrib.auth.models import Group

from people import roles
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

TEMPLATE_ADD = "/admin/snippets/onboarding/checklisttemplate/add/"


def _admin(client, *, language: str, role: str = roles.TRAINER):
    person = EmployeeFactory(language=language)
    person.user.groups.add(Group.objects.get(name=role))
    client.force_login(person.user)
    return person


@pytest.mark.parametrize(("profile", "browser"), [("sv", "fi"), ("en", "sv"), ("fi", "en")])
def test_the_admin_follows_the_profile_not_the_browser(client, profile, browser):
    _admin(client, language=profile)
    page = client.get("/admin/", HTTP_ACCEPT_LANGUAGE=browser).content.decode()
    assert f'<html lang="{profile}"' in page


def test_a_changed_profile_language_changes_the_admin(client):
    person = _admin(client, language="fi")
    person.preferred_language = "sv"
    person.save()
    page = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert '<html lang="sv"' in page


def test_the_finnish_admin_translates_what_wagtail_leaves_in_english(client):
    _admin(client, language="fi")
    page = client.get("/admin/").content.decode()
    assert "Search all pages" not in page
    assert "Hae kaikista sivuista…" in page
    explorer = client.get("/admin/pages/").content.decode()
    assert "Exploring" not in explorer


def test_a_snippet_chooser_speaks_the_readers_language(client):
    _admin(client, language="fi", role=roles.HR_ADMIN)
    finnish = client.get(TEMPLATE_ADD).content.decode()
    assert "Valitse tilaisuussarja" in finnish
    client.logout()
    _admin(client, language="en", role=roles.HR_ADMIN)
    english = client.get(TEMPLATE_ADD).content.decode()
    assert "Valitse tilaisuussarja" not in english
    assert "Choose session series" in english


def test_a_language_chosen_in_the_admin_becomes_the_persons_one_language(client):
    from wagtail.users.models import UserProfile

    person = _admin(client, language="fi")
    profile = UserProfile.get_for_user(person.user)
    profile.preferred_language = "en"
    profile.save()
    person.refresh_from_db()
    assert person.ui_language == "en"
    assert '<html lang="en"' in client.get("/admin/").content.decode()
    assert '<html lang="en"' in client.get("/").content.decode()
    # Chosen again on the site's own language switch: the admin follows that too.
    client.post("/kieli/", {"language": "sv", "next": "/"})
    assert '<html lang="sv"' in client.get("/admin/").content.decode()


def test_a_new_page_with_errors_is_refused_in_finnish(client):
    from tests.courses.builders import make_course

    index = make_course(lessons=1).get_parent()
    _admin(client, language="fi")
    response = client.post(f"/admin/pages/add/courses/coursepage/{index.pk}/", {"title": ""})
    page = response.content.decode()
    assert "Sivua ei voitu luoda, koska lomakkeessa on virheitä." in page
    assert "could not be created" not in page
    assert "Correct the validation errors" not in page
