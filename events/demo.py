"""Demo sessions for Järvilaakso: two series (families with children; older people),
each with past sessions whose attendance and feedback make the reports show figures,
and one upcoming session with presenter slots. Fictional organisations throughout.
Safe to run again: everything is found by name before it is made."""

import datetime

from django.db import transaction
from django.utils import timezone

from events.models import (
    Feedback,
    Invitation,
    Network,
    PresenterFeedback,
    PresenterSlot,
    Registration,
    Session,
    SessionFormat,
    SessionSeries,
)
from organisations.models import Organisation
from people.models import Employee, OrgUnit

ORGANISATIONS = {
    "families": [
        ("Järvilaakson Perhekammari ry", Organisation.Kind.NGO, "Perhekahvilat ja vertaisryhmät"),
        ("Rantalan seurakunta", Organisation.Kind.PARISH, "Perhekerhot ja diakoniatyö"),
        ("Mäkelän Mannerheim-kerho ry", Organisation.Kind.NGO, "Lapsiparkit ja tukihenkilöt"),
    ],
    "older": [
        ("Järvilaakson Muistiyhdistys ry", Organisation.Kind.NGO, "Muistikahvilat ja omaisryhmät"),
        ("Mäkelän seurakunta", Organisation.Kind.PARISH, "Ystäväpalvelu ja kerhot"),
        ("Liikuntaseura Ikäpotku ry", Organisation.Kind.NGO, "Tuolijumppa ja kävelyryhmät"),
    ],
}

SERIES = {
    "families": {
        "title": "Lapsiperheiden kanssa työskentelevät",
        "description": (
            "Järjestöt ja seurakunnat kertovat, mitä ne tarjoavat lapsiperheille, jotta "
            "osaat ohjata perheen oikean toiminnan pariin."
        ),
        "title_sv": "För dem som arbetar med barnfamiljer",
        "title_en": "Working with families with children",
        "description_sv": (
            "Organisationer och församlingar berättar vad de erbjuder barnfamiljer, så att "
            "du kan hänvisa familjen till rätt verksamhet."
        ),
        "description_en": (
            "NGOs and parishes tell what they offer families with children, so that you "
            "can refer a family to the right activity."
        ),
        "sector": "PSP",
        "network": "Perhetyön verkosto",
    },
    "older": {
        "title": "Ikäihmisten kanssa työskentelevät",
        "description": (
            "Tutustu ikäihmisten kerhoihin, muistikahviloihin ja liikuntaryhmiin, joihin "
            "voit ohjata asiakkaasi."
        ),
        "title_sv": "För dem som arbetar med äldre",
        "title_en": "Working with older people",
        "description_sv": (
            "Bekanta dig med klubbar, minneskaféer och motionsgrupper för äldre som du kan "
            "hänvisa dina klienter till."
        ),
        "description_en": (
            "Get to know the clubs, memory cafés and exercise groups for older people that "
            "you can refer your clients to."
        ),
        "sector": "IKA",
        "network": "Ikäihmisten palveluverkosto",
    },
}

# What each session of a series is called after the series' title, in fi, sv and en.
SPRING = (": kevään esittäytyminen", ": vårens presentationer", ": spring presentations")
MORNING = (": järjestöaamupäivä", ": organisationsförmiddag", ": NGO morning")
AUTUMN = (": syksyn esittäytyminen", ": höstens presentationer", ": autumn presentations")

ANSWERS = [
    (True, 5, "Kerron asiakkaille vertaisryhmistä heti ensikäynnillä.", ""),
    (True, 4, "Otan esitteet mukaan kotikäynneille.", "Hyvä tiivis kokonaisuus."),
    (True, 5, "", "Lisää tällaisia!"),
    (True, 4, "Kirjaan ohjauksen palvelusuunnitelmaan.", ""),
    (False, 3, "", "Osa esityksistä oli minulle jo tuttuja."),
    (True, 5, "Soitan yhdistykseen ennen ohjausta.", ""),
    (True, 4, "", ""),
    (True, 4, "Ohjaan omaisia omaisryhmään.", "Etäyhteys toimi hyvin."),
]


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _half_year_start(day: datetime.date) -> datetime.date:
    return datetime.date(day.year, 1 if day.month < 7 else 7, 1)


def _people(sector_code: str, count: int) -> list[Employee]:
    sector = OrgUnit.objects.filter(code=sector_code).first()
    people = Employee.objects.filter(active=True).select_related("user")
    if sector is not None:
        people = people.filter(unit__path__startswith=sector.path)
    return list(people.order_by("employee_number")[:count])


def _translate(obj, texts: dict[str, str]) -> None:
    """Fill the Swedish and English columns still empty (a demo loaded before they
    existed gets them; nothing written by hand is overwritten)."""
    changed = [field for field, text in texts.items() if not getattr(obj, field)]
    for field in changed:
        setattr(obj, field, texts[field])
    if changed:
        obj.save(update_fields=changed)


def _session(series, suffixes, *, starts_at, format, capacity, organisations, sector, network):
    fi, sv, en = suffixes
    session, created = Session.objects.get_or_create(
        series=series,
        title=f"{series.title}{fi}",
        defaults={
            "description": series.description,
            "format": format,
            "address": "Järvilaakson kulttuuritalo, Rantakatu 3" if format != "remote" else "",
            "meeting_link": "https://kokous.example.test/jarvilaakso-hyte"
            if format != SessionFormat.ON_SITE
            else "",
            "starts_at": starts_at,
            "duration_minutes": 120,
            "capacity": capacity,
        },
    )
    _translate(
        session,
        {
            "title_sv": f"{series.title_sv}{sv}",
            "title_en": f"{series.title_en}{en}",
            "description_sv": series.description_sv,
            "description_en": series.description_en,
        },
    )
    if created:
        session.target_networks.add(network)
        session.target_units.add(sector)
        session.save()
        for order, (organisation, topic) in enumerate(organisations):
            PresenterSlot.objects.create(
                session=session,
                organisation=organisation,
                minutes=20,
                topic=topic,
                sort_order=order,
                confirmed_at=timezone.now(),
            )
    return session, created


def _history(session: Session, people: list[Employee]) -> None:
    """Invitations, registrations, attendance and feedback of a past session."""
    now = session.ends_at
    for index, person in enumerate(people):
        Invitation.objects.get_or_create(session=session, employee=person)
        registration, _created = Registration.objects.get_or_create(
            session=session,
            employee=person,
            defaults={
                "status": Registration.Status.REGISTERED,
                "queued_at": session.starts_at - datetime.timedelta(days=10),
                "attended_at": now if index % 6 != 5 else None,  # a few did not come
            },
        )
        if registration.attended_at and index < len(ANSWERS):
            useful, rating, differently, free = ANSWERS[index]
            Feedback.objects.get_or_create(
                registration=registration,
                defaults={
                    "useful": useful,
                    "rating": rating,
                    "will_do_differently": differently,
                    "free_text": free,
                    "submitted_at": now,
                },
            )
    for index, slot in enumerate(session.slots.all()):
        PresenterFeedback.objects.get_or_create(
            slot=slot,
            defaults={
                "useful": index != 2 or session.format != SessionFormat.REMOTE,
                "free_text": "Saimme uusia yhteyksiä ammattilaisiin.",
                "submitted_at": now,
            },
        )
    Session.objects.filter(pk=session.pk).update(
        invited_at=session.starts_at - datetime.timedelta(days=21),
        reminded_at=session.starts_at - datetime.timedelta(days=1),
        feedback_requested_at=now,
    )


@transaction.atomic
def load_demo_events(
    today: datetime.date | None = None,
) -> list[SessionSeries]:  # long: demo data, one series after another
    today = today or timezone.localdate()
    loaded = []
    hyte = Employee.objects.filter(unit__code="JL", job_role__code="HYTE").order_by(
        "employee_number"
    )
    for key, spec in SERIES.items():
        sector = OrgUnit.objects.filter(code=spec["sector"]).first()
        if sector is None:
            continue  # the demo county is not loaded
        organisations = []
        for name, kind, topic in ORGANISATIONS[key]:
            organisation = Organisation.objects.filter(
                name=name, municipality="Järvilaakso"
            ).first()
            if organisation is None:
                organisation = Organisation.objects.create(
                    name=name,
                    kind=kind,
                    municipality="Järvilaakso",
                    contact_name="Yhteyshenkilö",
                    contact_email=f"info@{name.split()[1].lower()}.example.test",
                )
            organisations.append((organisation, topic))
        network, _created = Network.objects.get_or_create(
            name=spec["network"],
            defaults={"description": spec["description"]},
        )
        people = _people(spec["sector"], 14)
        network.members.add(*people[:10])
        if hyte.exists():
            network.conveners.add(hyte[min(1, hyte.count() - 1)])
        series, _created = SessionSeries.objects.get_or_create(
            title=spec["title"],
            half_year_start=_half_year_start(today),
            defaults={"description": spec["description"]},
        )
        _translate(
            series,
            {
                field: spec[field]
                for field in ("title_sv", "title_en", "description_sv", "description_en")
            },
        )
        past = [
            (SPRING, today - datetime.timedelta(days=40)),
            (MORNING, today - datetime.timedelta(days=12)),
        ]
        for index, (suffixes, day) in enumerate(past):
            session, created = _session(
                series,
                suffixes,
                starts_at=_at(day, 9),
                format=SessionFormat.HYBRID if index else SessionFormat.REMOTE,
                capacity=60,
                organisations=organisations,
                sector=sector,
                network=network,
            )
            if created:
                _history(session, people)
        _session(
            series,
            AUTUMN,
            starts_at=_at(today + datetime.timedelta(days=16), 13),
            format=SessionFormat.HYBRID,
            capacity=40,
            organisations=organisations,
            sector=sector,
            network=network,
        )
        loaded.append(series)
    return loaded
