"""The fictional organisation and staff of Järvilaakso, as an HR file would list them."""

import datetime

DEMO_PASSWORD = "hyteopas-demo"
EMAIL_DOMAIN = "jarvilaakso.example"

COUNTY = (
    "JL",
    "Järvilaakson hyvinvointialue",
    "Järvilaaksos välfärdsområde",
    "Järvilaakso Wellbeing Services County",
)

# sector code, names; areas: code, names; units: code, names
SECTORS = [
    (
        ("IKA", "Ikääntyneiden palvelut", "Tjänster för äldre", "Services for older people"),
        [
            (
                ("IKA-KH", "Kotihoito", "Hemvård", "Home care"),
                [
                    ("IKA-KH-1", "Kotihoito Rantala", "Hemvården Rantala", "Rantala home care"),
                    ("IKA-KH-2", "Kotihoito Mäkelä", "Hemvården Mäkelä", "Mäkelä home care"),
                ],
            ),
            (
                ("IKA-AP", "Asumispalvelut", "Boendetjänster", "Housing services"),
                [
                    (
                        "IKA-AP-1",
                        "Palvelukoti Kuusikko",
                        "Servicehemmet Kuusikko",
                        "Kuusikko care home",
                    ),
                    (
                        "IKA-AP-2",
                        "Muistikoti Satakieli",
                        "Minneshemmet Satakieli",
                        "Satakieli memory care home",
                    ),
                ],
            ),
        ],
    ),
    (
        (
            "MTP",
            "Mielenterveys- ja päihdepalvelut",
            "Mentalvårds- och missbrukartjänster",
            "Mental health and substance use services",
        ),
        [
            (
                ("MTP-AV", "Avopalvelut", "Öppenvård", "Outpatient services"),
                [
                    (
                        "MTP-AV-1",
                        "Mielenterveysasema Lähde",
                        "Mentalvårdsstationen Lähde",
                        "Lähde mental health clinic",
                    ),
                    (
                        "MTP-AV-2",
                        "Päihdeklinikka Virta",
                        "Missbrukarkliniken Virta",
                        "Virta substance use clinic",
                    ),
                ],
            ),
            (
                ("MTP-KU", "Kuntoutus", "Rehabilitering", "Rehabilitation"),
                [
                    (
                        "MTP-KU-1",
                        "Kuntoutuskoti Kaisla",
                        "Rehabiliteringshemmet Kaisla",
                        "Kaisla rehabilitation home",
                    ),
                    ("MTP-KU-2", "Klubitalo Silta", "Klubbhuset Silta", "Silta clubhouse"),
                ],
            ),
        ],
    ),
    (
        (
            "PSP",
            "Perhe- ja sosiaalipalvelut",
            "Familje- och socialtjänster",
            "Family and social services",
        ),
        [
            (
                (
                    "PSP-LP",
                    "Lapsiperheiden palvelut",
                    "Tjänster för barnfamiljer",
                    "Services for families with children",
                ),
                [
                    (
                        "PSP-LP-1",
                        "Neuvola Puistola",
                        "Rådgivningen Puistola",
                        "Puistola child health clinic",
                    ),
                    (
                        "PSP-LP-2",
                        "Perhekeskus Pihlaja",
                        "Familjecentret Pihlaja",
                        "Pihlaja family centre",
                    ),
                ],
            ),
            (
                ("PSP-AS", "Aikuissosiaalityö", "Socialt arbete för vuxna", "Adult social work"),
                [
                    (
                        "PSP-AS-1",
                        "Sosiaaliasema Keskusta",
                        "Socialstationen Centrum",
                        "Central social services office",
                    ),
                    (
                        "PSP-AS-2",
                        "Palveluohjaus Kivikko",
                        "Servicehandledningen Kivikko",
                        "Kivikko service guidance",
                    ),
                ],
            ),
        ],
    ),
]

JOB_ROLES = [
    ("JOHT", "Johtaja", "Direktör", "Director"),
    ("PALP", "Palvelupäällikkö", "Servicechef", "Head of service"),
    ("OSH", "Osastonhoitaja", "Avdelningsskötare", "Unit manager"),
    ("SH", "Sairaanhoitaja", "Sjukskötare", "Registered nurse"),
    ("LH", "Lähihoitaja", "Närvårdare", "Practical nurse"),
    ("SO", "Sosiaaliohjaaja", "Socialhandledare", "Social counsellor"),
    ("ST", "Sosiaalityöntekijä", "Socialarbetare", "Social worker"),
    ("FT", "Fysioterapeutti", "Fysioterapeut", "Physiotherapist"),
    ("TH", "Terveydenhoitaja", "Hälsovårdare", "Public health nurse"),
    ("MH", "Muistihoitaja", "Minnesskötare", "Memory nurse"),
    ("PO", "Palveluohjaaja", "Servicehandledare", "Service coordinator"),
    ("HYTE", "Hyte-koordinaattori", "Hyte-koordinator", "Wellbeing coordinator"),
    ("HR", "HR-asiantuntija", "HR-specialist", "HR specialist"),
    ("KOUL", "Kouluttaja", "Utbildare", "Trainer"),
    ("KIRJ", "Kirjaamisen asiantuntija", "Dokumentationsexpert", "Documentation specialist"),
]

STAFF_ROLES_BY_SECTOR = {
    "IKA": ["LH", "SH", "MH"],
    "MTP": ["SH", "SO", "FT"],
    "PSP": ["TH", "ST", "PO"],
}

FIRST_NAMES = [
    "Aino",
    "Eero",
    "Helmi",
    "Onni",
    "Sanni",
    "Veikko",
    "Kerttu",
    "Lauri",
    "Iida",
    "Tuomas",
    "Milla",
    "Joonas",
    "Elsa",
    "Aleksi",
    "Venla",
    "Ville",
    "Siiri",
    "Matias",
    "Pihla",
    "Olli",
    "Noora",
    "Henrik",
    "Lotta",
    "Jaakko",
    "Emmi",
    "Santeri",
    "Inkeri",
    "Petteri",
    "Oona",
    "Kalle",
    "Reetta",
    "Mikael",
    "Hilla",
    "Antti",
    "Saana",
    "Juho",
    "Vilma",
    "Teemu",
    "Ronja",
    "Arttu",
    "Eveliina",
    "Niilo",
    "Tiina",
    "Samuli",
    "Ella",
    "Kasper",
    "Marjut",
    "Jere",
    "Sofia",
    "Paavo",
    "Anni",
    "Hannes",
    "Kaisa",
    "Ilmari",
    "Minea",
    "Toni",
    "Essi",
    "Risto",
    "Jenna",
    "Akseli",
    "Liisa",
    "Kerttu",
    "Mikael",
]
LAST_NAMES = [
    "Aaltonen",
    "Heinonen",
    "Järvinen",
    "Kallio",
    "Koskinen",
    "Laaksonen",
    "Lehtinen",
    "Mäkinen",
    "Niemi",
    "Ojala",
    "Peltola",
    "Rantanen",
    "Saarinen",
    "Toivonen",
    "Vainio",
    "Hakala",
    "Ketola",
    "Lindqvist",
    "Mattila",
    "Nurmi",
    "Pesonen",
    "Rautio",
    "Salonen",
    "Tuominen",
    "Uusitalo",
    "Virtanen",
    "Ahonen",
    "Hiltunen",
    "Kivelä",
    "Leppänen",
    "Miettinen",
    "Nyström",
    "Pulkkinen",
    "Räsänen",
    "Sillanpää",
    "Tikkanen",
    "Väisänen",
    "Wikström",
    "Honkanen",
    "Kokko",
    "Lundberg",
    "Manninen",
    "Nieminen",
    "Palomäki",
    "Rinne",
    "Seppälä",
    "Turunen",
    "Vesterinen",
    "Halonen",
    "Kangas",
    "Lahtinen",
    "Mustonen",
    "Ollila",
    "Puranen",
    "Repo",
    "Suominen",
    "Tanskanen",
    "Varis",
    "Eskola",
    "Forsman",
    "Grönroos",
    "Salo",
    "Holmberg",
]

# Swedish-speaking staff, so the local run shows the language preference at work.
SWEDISH_SPEAKERS = {
    "Lindqvist",
    "Nyström",
    "Wikström",
    "Lundberg",
    "Forsman",
    "Grönroos",
    "Holmberg",
}


def staff_rows(today: datetime.date) -> list[dict]:
    """Rows of the demo HR file: a county director, 3 sector directors, 6 area heads,
    12 unit managers, 36 unit staff, two hyte coordinators, an HR specialist, a trainer
    and a documentation specialist."""
    rows: list[dict] = []
    names = iter(zip(FIRST_NAMES, LAST_NAMES, strict=True))

    def person(unit_code, role, supervisor, start, number=None):
        first, last = next(names)
        rows.append(
            {
                "henkilönumero": number or f"{10001 + len(rows)}",
                "etunimi": first,
                "sukunimi": last,
                "sähköposti": f"{first}.{last}@{EMAIL_DOMAIN}".lower()
                .replace("ä", "a")
                .replace("ö", "o"),
                "yksikkö": unit_code,
                "tehtävänimike": role,
                "esihenkilö": supervisor,
                "aloituspäivä": start.strftime("%d.%m.%Y"),
                "päättymispäivä": "",
                "kieli": "sv" if last in SWEDISH_SPEAKERS else "fi",
            }
        )
        return rows[-1]["henkilönumero"]

    long_ago = today - datetime.timedelta(days=6 * 365)
    director = person(COUNTY[0], "JOHT", "", long_ago)
    for (sector_code, *_names), areas in SECTORS:
        sector_head = person(sector_code, "JOHT", director, long_ago)
        for (area_code, *_area_names), units in areas:
            area_head = person(area_code, "PALP", sector_head, long_ago)
            for index, (unit_code, *_unit_names) in enumerate(units):
                manager = person(
                    unit_code, "OSH", area_head, long_ago - datetime.timedelta(days=index * 90)
                )
                for offset, role in enumerate(STAFF_ROLES_BY_SECTOR[sector_code]):
                    # One newcomer per unit started this month: onboarding is under way.
                    started = (
                        today - datetime.timedelta(days=7 + index * 3) if offset == 0 else long_ago
                    )
                    person(unit_code, role, manager, started)
    person(COUNTY[0], "HYTE", director, long_ago)
    person(COUNTY[0], "HYTE", director, long_ago)
    person(COUNTY[0], "HR", director, long_ago)
    # A second trainer, so a course can be approved by someone other than its author,
    # and a phrase approver who is nobody else.
    person(COUNTY[0], "KOUL", director, long_ago)
    person(COUNTY[0], "KIRJ", director, long_ago)
    return rows
