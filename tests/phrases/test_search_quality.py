"""Search quality on a fixed Finnish test set: inflected forms, compounds, typos within
one letter and codes, over fixed phrases. The hit rate (the expected phrase among the
first three results) is stated here and asserted.

Measured: 34 of 34 queries hit (1.00), with Voikko's base forms."""

import pytest

from phrases import selectors
from tests.factories import UserFactory
from tests.phrases.builders import make_phrase

pytestmark = pytest.mark.django_db

PHRASES = [
    ("HYTE-LIIKUNTA-1", "Ohjaus liikuntaryhmään", "Asiakas ohjattu liikuntaryhmään {{activity}}."),
    ("HYTE-LIIKUNTA-2", "Kuntosali", "Potilaan kanssa sovittu kuntosaliryhmään osallistumisesta."),
    ("HYTE-KULTTUURI-1", "Kulttuuritoiminta", "Keskusteltu kulttuuritoiminnasta ja kuorosta."),
    ("HYTE-LUONTO-1", "Luontoretket", "Asiakkaalle kerrottu seurakunnan luontoretkestä."),
    ("HYTE-OSALLISUUS-1", "Vertaistuki", "Ohjattu vertaistukiryhmään {{organiser}}."),
    ("HYTE-MIELI-1", "Mielen hyvinvointi", "Puheeksi otettu mielenterveys ja jaksaminen."),
    ("HYTE-PAIHDE-1", "Päihteet", "Annettu tietoa päihdepalveluista ja tukipuhelimesta."),
    ("HYTE-RAVINTO-1", "Ravitsemus", "Ohjattu ravitsemusterapeutille ruokavalion vuoksi."),
    ("HYTE-UNI-1", "Uni ja lepo", "Keskusteltu unettomuudesta ja iltarutiineista."),
    ("HYTE-IKA-1", "Ikäihmisten kerho", "Ikäihmisten kerhossa on muistiyhdistyksen toimintaa."),
    ("HYTE-PERHE-1", "Perhekahvila", "Vanhempi ohjattu perhekahvilaan lasten kanssa."),
    ("HYTE-NUORI-1", "Nuorisotalo", "Nuori kiinnostunut nuorisotalon harrastuksista."),
]

# (query, expected code)
QUERIES = [
    ("liikunta", "HYTE-LIIKUNTA-1"),
    ("liikuntaryhmä", "HYTE-LIIKUNTA-1"),
    ("liikuntaryhmiin", "HYTE-LIIKUNTA-1"),
    ("ryhmään liikunta", "HYTE-LIIKUNTA-1"),
    ("potilas", "HYTE-LIIKUNTA-2"),
    ("kuntosali", "HYTE-LIIKUNTA-2"),
    ("kuntosaliryhmä", "HYTE-LIIKUNTA-2"),
    ("kulttuuri", "HYTE-KULTTUURI-1"),
    ("kulttuuritoimintaa", "HYTE-KULTTUURI-1"),
    ("kuoro", "HYTE-KULTTUURI-1"),
    ("luonto", "HYTE-LUONTO-1"),
    ("luontoretki", "HYTE-LUONTO-1"),
    ("seurakunta", "HYTE-LUONTO-1"),
    ("asiakas", "HYTE-LUONTO-1"),
    ("vertaistuki", "HYTE-OSALLISUUS-1"),
    ("mielenterveys", "HYTE-MIELI-1"),
    ("jaksaminen", "HYTE-MIELI-1"),
    ("päihdepalvelu", "HYTE-PAIHDE-1"),
    ("päihde", "HYTE-PAIHDE-1"),
    ("ravitsemusterapeutti", "HYTE-RAVINTO-1"),
    ("unettomuus", "HYTE-UNI-1"),
    ("ikäihminen", "HYTE-IKA-1"),
    ("muistiyhdistys", "HYTE-IKA-1"),
    ("perhekahvila", "HYTE-PERHE-1"),
    ("nuorisotalo", "HYTE-NUORI-1"),
    # Typos within one letter.
    ("liikunat", "HYTE-LIIKUNTA-1"),
    ("kultuuri", "HYTE-KULTTUURI-1"),
    ("seurakunat", "HYTE-LUONTO-1"),
    ("unettomus", "HYTE-UNI-1"),
    ("ravitsemusterapeuti", "HYTE-RAVINTO-1"),
    ("perhekahvla", "HYTE-PERHE-1"),
    # Codes, any case.
    ("HYTE-UNI-1", "HYTE-UNI-1"),
    ("hyte-paihde-1", "HYTE-PAIHDE-1"),
    ("HYTE-LIIKUNTA-2", "HYTE-LIIKUNTA-2"),
]
TOP = 3


def test_finnish_search_hit_rate():
    for code, title, body in PHRASES:
        make_phrase(code, title, body)
    user = UserFactory()
    misses = []
    for query, expected in QUERIES:
        codes = [p.code for p in selectors.search_phrases(user=user, unit_id=None, text=query)]
        if expected not in codes[:TOP]:
            misses.append((query, expected, codes[:TOP]))
    hit_rate = (len(QUERIES) - len(misses)) / len(QUERIES)
    print(f"phrase search hit rate: {hit_rate:.2f} ({len(misses)} misses: {misses})")
    assert len(QUERIES) >= 30
    assert hit_rate >= 0.9, f"hit rate {hit_rate:.2f}; misses: {misses}"
    # An exact code is always first.
    first = selectors.search_phrases(user=user, unit_id=None, text="HYTE-LIIKUNTA-2")[0]
    assert first.code == "HYTE-LIIKUNTA-2"


def test_unrelated_words_find_nothing():
    for code, title, body in PHRASES:
        make_phrase(code, title, body)
    user = UserFactory()
    assert selectors.search_phrases(user=user, unit_id=None, text="moottorisaha") == []
