"""Swedish and English readers never meet Finnish content: the home page, My learning,
the onboarding checklist, a session page and a session email are rendered in sv and en
and searched for every known Finnish string of what was shown."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from cms.models import HomePage
from courses.models import Enrolment
from events import services as event_services
from onboarding.models import ChecklistItem, ChecklistTemplate, ItemKind, ItemOwner, TemplateItem
from onboarding.services import checklist_build
from tests.courses.builders import course_index, make_course
from tests.events.builders import make_network, make_series, make_session
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

TEXTS = {
    "home": ("Tervetuloa Hyteoppaaseen", "Välkommen till Hyteopas", "Welcome to Hyteopas"),
    "template": ("Uusille työntekijöille", "För nya medarbetare", "For new employees"),
    "item": ("Hae kulkukortti ja avaimet", "Hämta passerkort och nycklar", "Collect your keys"),
    "item_help": ("Aulapalvelusta arkisin", "I receptionen vardagar", "At the reception"),
    "course": ("Hyte-ohjauksen perusteet", "Grunderna i hänvisning", "Basics of referrals"),
    "series": ("Lapsiperheiden kanssa", "Med barnfamiljer", "With families"),
    "session": ("Järjestöt esittäytyvät", "Organisationerna presenterar sig", "NGOs present"),
    "session_help": ("Tule kuulemaan järjestöistä", "Kom och hör om", "Come and hear about"),
}
FINNISH = [finnish for finnish, _sv, _en in TEXTS.values()] + [
    # Our own Finnish around the content, which the catalogues translate.
    "Omat opinnot",
    "Perehdytys",
    "määräpäivä",
    "Merkitse tehdyksi",
    "Tilaisuussarja",
    "Ilmoittaudu",
    "Kutsu tilaisuuteen",
    "Sinut on kutsuttu",
]
COLUMN = {"sv": 1, "en": 2}


def _translate_page(page, language: str, **fields):
    locale, _created = Locale.objects.get_or_create(language_code=language)
    parent = page.get_parent().specific
    if parent.depth > 1 and not parent.has_translation(locale):
        _translate_page(parent, language)
    if page.has_translation(locale):
        return page.get_translation(locale)
    copy = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return copy


@pytest.fixture
def content():
    home = HomePage.objects.get(locale__language_code="fi")
    home.intro = f"<p>{TEXTS['home'][0]}</p>"
    home.save_revision().publish()
    for language, column in COLUMN.items():
        _translate_page(home, language, intro=f"<p>{TEXTS['home'][column]}</p>")
    course = make_course(lessons=1)
    course.title = TEXTS["course"][0]
    course.save_revision().publish()
    course.refresh_from_db()
    for language, column in COLUMN.items():
        _translate_page(course_index(), language)
        _translate_page(course, language, title=TEXTS["course"][column])

    template = ChecklistTemplate.objects.create(
        name=TEXTS["template"][0], name_sv=TEXTS["template"][1], name_en=TEXTS["template"][2]
    )
    TemplateItem.objects.create(
        template=template,
        kind=ItemKind.TASK,
        owner=ItemOwner.EMPLOYEE,
        due_days=3,
        title=TEXTS["item"][0],
        title_sv=TEXTS["item"][1],
        title_en=TEXTS["item"][2],
        description=TEXTS["item_help"][0],
        description_sv=TEXTS["item_help"][1],
        description_en=TEXTS["item_help"][2],
    )
    series = make_series(title=TEXTS["series"][0])
    series.title_sv, series.title_en = TEXTS["series"][1:]
    series.save()
    session = make_session(
        series=series,
        title=TEXTS["session"][0],
        title_sv=TEXTS["session"][1],
        title_en=TEXTS["session"][2],
        description=TEXTS["session_help"][0],
        description_sv=TEXTS["session_help"][1],
        description_en=TEXTS["session_help"][2],
    )
    return course, session


def _reader(language: str, course):
    employee = EmployeeFactory(language=language, start_date=datetime.date.today())
    checklist_build(employee_id=employee.pk)
    # Made well before its due date, so the reminder stages lie ahead of it.
    ChecklistItem.objects.filter(checklist__employee=employee).update(
        created_at=timezone.now() - datetime.timedelta(days=30)
    )
    Enrolment.objects.get_or_create(employee=employee, course=course)
    return employee


def _finnish_in(text: str) -> list[str]:
    return [finnish for finnish in FINNISH if finnish in text]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_pages_show_no_finnish(client, content, language):
    course, session = content
    reader = _reader(language, course)
    client.force_login(reader.user)
    pages = {
        "home": client.get("/"),
        "my learning": client.get(reverse("courses:my_learning")),
        "session": client.get(reverse("events:session", args=[session.pk])),
    }
    for name, response in pages.items():
        assert response.status_code == 200, name
        text = response.content.decode()
        assert _finnish_in(text) == [], name
    home = pages["home"].content.decode()
    for key in ("home", "item", "item_help"):
        assert TEXTS[key][COLUMN[language]] in home, key
    assert TEXTS["course"][COLUMN[language]] in pages["my learning"].content.decode()
    session_page = pages["session"].content.decode()
    for key in ("session", "session_help", "series"):
        assert TEXTS[key][COLUMN[language]] in session_page, key


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_session_email_shows_no_finnish(content, language, django_capture_on_commit_callbacks):
    course, session = content
    reader = _reader(language, course)
    session.target_networks.add(make_network(members=[reader]))
    session.save()
    with django_capture_on_commit_callbacks(execute=True):
        event_services.invitations_start(session=session)
    (message,) = [m for m in mail.outbox if reader.user.email in m.to]
    parts = [message.subject, message.body] + [body for body, _type in message.alternatives]
    for part in parts:
        assert _finnish_in(part) == []
    assert TEXTS["session"][COLUMN[language]] in message.subject


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_checklist_reminder_shows_no_finnish(content, language):
    from notifications import services as reminder_services

    course, _session = content
    reader = _reader(language, course)
    reminder_services.reminders_sweep()
    messages = [m for m in mail.outbox if reader.user.email in m.to]
    item = [m for m in messages if TEXTS["item"][COLUMN[language]] in m.subject]
    assert item, [m.subject for m in messages]
    for message in messages:
        parts = [message.subject, message.body] + [body for body, _t in message.alternatives]
        for part in parts:
            assert _finnish_in(part) == [], message.subject
