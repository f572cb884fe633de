"""The supervisors' weekly digest: one email per supervisor per ISO week with the
reports' late and soon-due items and courses, nothing for a team with nothing due."""

import pytest
from django.core import mail

from notifications import services
from notifications.enqueue import iso_week
from notifications.models import ReminderOutbox
from tests.courses.builders import make_course
from tests.factories import EmployeeFactory
from tests.notifications.conftest import enrol, item_for, today

pytestmark = pytest.mark.django_db


def digests_to(employee) -> list:
    return [m for m in mail.outbox if m.to == [employee.user.email]]


def test_each_supervisor_gets_one_digest_a_week_about_her_team(county, settings):
    settings.SITE_URL = "https://hyteopas.example"
    nurse, aide, lead = county["nurse"], county["aide"], county["lead"]
    item = item_for(nurse, due_in=-3, title="Lue tietoturvaohje")
    item_for(aide, due_in=5, title="Tapaa perehdyttäjä")
    item_for(aide, due_in=30, title="Ei vielä")
    course = make_course(lessons=1)
    enrol(aide, course, due_in=2)

    result = services.reminders_send_weekly_digest()
    services.reminders_send_weekly_digest()

    (digest,) = digests_to(lead)
    assert digest.subject == f"Tiimisi viikkokooste, viikko {today().isocalendar()[1]:02d}"
    assert "1 tehtävä tai koulutus on myöhässä." in digest.body
    assert "2 tehtävää tai koulutusta erääntyy 7 päivän sisällä." in digest.body
    assert "Noora Hoitaja: Lue tietoturvaohje" in digest.body
    assert f"Aapo Avustaja: {course.title}" in digest.body
    assert "Ei vielä" not in digest.body
    assert (
        f"https://hyteopas.example/tiimi/{nurse.employee_number}/#checklist-item-{item.pk}"
        in digest.body
    )
    assert "https://hyteopas.example/tiimi/" in digest.alternatives[0][0]
    # The sector head manages the sector, so the unit is her team too; the reports
    # get no digest of their own.
    assert len(digests_to(county["sector_head"])) == 1
    assert digests_to(nurse) == digests_to(aide) == []
    assert result.digests == 2
    assert set(ReminderOutbox.objects.values_list("stage", flat=True)) == {iso_week(today())}


def test_a_team_with_nothing_due_gets_no_digest(county):
    item_for(county["nurse"], due_in=30)
    item_for(county["aide"], due_in=-3, done=True)
    services.reminders_send_weekly_digest()
    assert mail.outbox == []


def test_a_long_digest_is_cut_with_a_link_to_the_whole_team(county, settings):
    settings.REMINDER_DIGEST_MAX_LINES = 3
    for number in range(5):
        item_for(county["nurse"], due_in=-number - 1, title=f"Tehtävä {number}")
    services.reminders_send_weekly_digest()
    (digest,) = digests_to(county["lead"])
    assert "…ja 2 muuta." in digest.body
    assert digest.body.count("Noora Hoitaja:") == 3


def test_digests_of_people_who_left_are_not_sent(county):
    item_for(county["nurse"], due_in=-1)
    county["lead"].active = False
    county["lead"].save()
    services.reminders_send_weekly_digest()
    assert digests_to(county["lead"]) == []
    assert len(digests_to(county["sector_head"])) == 1


def test_weekly_digest_ignores_a_leaver_in_the_team(county):
    nurse = county["nurse"]
    item_for(nurse, due_in=-1)
    nurse.active = False
    nurse.save()
    services.reminders_send_weekly_digest()
    assert mail.outbox == []


def test_a_supervisor_without_email_sees_the_digest_in_the_app(county):
    lead = county["lead"]
    lead.user.email = ""
    lead.user.save()
    extra = EmployeeFactory(unit=county["unit"], supervisor=lead)
    item_for(extra, due_in=-1)
    services.reminders_send_weekly_digest()
    assert lead.notifications.get().url == "/tiimi/"


def test_a_swedish_digest_names_items_and_courses_in_swedish(county):
    from wagtail.models import Locale

    from onboarding.models import ChecklistItem

    lead = county["lead"]
    lead.language = "sv"
    lead.save()
    item = item_for(county["nurse"], due_in=-3, title="Lue tietoturvaohje")
    ChecklistItem.objects.filter(pk=item.pk).update(title_sv="Läs dataskyddsanvisningen")
    course = make_course(lessons=1)
    swedish, _created = Locale.objects.get_or_create(language_code="sv")
    for page in [*(p.specific for p in course.get_ancestors()[1:]), course]:
        if not page.has_translation(swedish):
            copy = page.copy_for_translation(swedish)
            copy.title = "Kurs på svenska" if page.pk == course.pk else page.title
            copy.save_revision().publish()
    enrol(county["aide"], course, due_in=2)

    services.reminders_send_weekly_digest()

    (digest,) = digests_to(lead)
    assert "Läs dataskyddsanvisningen" in digest.body and "Kurs på svenska" in digest.body
    assert "Lue tietoturvaohje" not in digest.body and course.title not in digest.body
