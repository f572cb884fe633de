"""The library as unit staff see it: search, filters, a phrase's gaps without
JavaScript, copy counting, favourites, access, the hyte card and the glossary."""

import re

import pytest
from django.urls import reverse

from phrases.models import GlossaryTerm, PhraseCopyCount, PhraseFavourite
from tests.factories import EmployeeFactory, UserFactory
from tests.phrases.builders import make_activity, make_phrase

pytestmark = pytest.mark.django_db

BODY = (
    "Asiakas ohjattu liikuntaryhmään {{activity}} ({{organiser}}) alkaen {{date}}. "
    "Tapa: {{choice:Osallistumistapa|itsenäisesti|tuettuna}}. {{text?:Lisätieto}}"
)


@pytest.fixture
def staff(client):
    employee = EmployeeFactory()
    client.force_login(employee.user)
    return employee


@pytest.fixture
def phrase():
    make_activity("kavely", "Kävelyryhmä", "Järvelän Kuntoilijat ry")
    return make_phrase("HYTE-LIIKUNTA-1", "Ohjaus liikuntaryhmään", BODY, themes=["liikunta"])


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(reverse("phrases:library"))
    assert response.status_code == 302
    assert "/kirjaudu/" in response["Location"]


def test_user_without_employee_or_role_gets_404(client):
    client.force_login(UserFactory())
    assert client.get(reverse("phrases:library")).status_code == 404


def test_library_finds_by_inflected_word_and_filters(client, staff, phrase):
    make_phrase("HYTE-KULTTUURI-1", "Kuoro", "Kuorolaulua seurakunnassa.", themes=["kulttuuri"])
    response = client.get(reverse("phrases:library"), {"q": "liikunta"})
    content = response.content.decode()
    assert "Ohjaus liikuntaryhmään" in content
    assert "Kuoro" not in content
    response = client.get(reverse("phrases:library"), {"teema": "kulttuuri"})
    content = response.content.decode()
    assert "Kuoro" in content and "Ohjaus liikuntaryhmään" not in content


def test_drafts_are_not_in_the_library(client, staff):
    make_phrase("HYTE-LUONNOS-1", "Luonnosfraasi", "Keskeneräinen liikunta.", live=False)
    content = client.get(reverse("phrases:library"), {"q": "liikunta"}).content.decode()
    assert "Luonnosfraasi" not in content
    assert client.get(reverse("phrases:phrase", args=["HYTE-LUONNOS-1"])).status_code == 404


def test_search_query_count_stays_constant(client, staff):
    """The fragment and the full page each cost the same number of queries with 1
    result as with 11 favourite, copied results."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_phrase("HYTE-A-1", "Liikunta A", "Liikuntaa {{text:Mitä}}.")

    def count_queries(url_name):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse(url_name), {"q": "liikunta", "alue": ""})
        assert response.status_code == 200
        return len(captured), response.content.decode().count('class="phrase-item"')

    count_queries("phrases:results")  # the locale's id, looked up once per process
    few = {name: count_queries(name) for name in ("phrases:results", "phrases:library")}
    assert few["phrases:results"][1] == 1
    for number in range(2, 12):
        phrase = make_phrase(f"HYTE-A-{number}", f"Liikunta {number}", "Liikuntaa lisää.")
        PhraseFavourite.objects.create(user=staff.user, phrase=phrase)
        PhraseCopyCount.objects.create(phrase=phrase, unit=staff.unit, count=number)
    for name, (queries, _shown) in few.items():
        assert count_queries(name) == (queries, 11)
    # Session, user with their employee, the typo lookup (PostgreSQL) and the search.
    assert few["phrases:results"][0] <= 4


def test_favourites_and_unit_copies_rank_first(client, staff):
    plain = make_phrase("HYTE-B-1", "Liikunta yksi", "Liikuntaa.")
    copied = make_phrase("HYTE-B-2", "Liikunta kaksi", "Liikuntaa.")
    favourite = make_phrase("HYTE-B-3", "Liikunta kolme", "Liikuntaa.")
    PhraseCopyCount.objects.create(phrase=copied, unit=staff.unit, count=5)
    client.post(reverse("phrases:favourite", args=[favourite.code]), {"favourite": "1"})
    content = client.get(reverse("phrases:library"), {"q": "liikunta"}).content.decode()
    order = [content.index(p.title) for p in (favourite, copied, plain)]
    assert order == sorted(order)
    assert "Suosikki" in content


def test_phrase_page_has_labelled_controls(client, staff, phrase):
    content = client.get(reverse("phrases:phrase", args=[phrase.code])).content.decode()
    for label in ("Toiminta", "Järjestäjä", "Päivämäärä", "Osallistumistapa", "Lisätieto"):
        assert f">{label}" in content
    assert 'type="date"' in content
    assert 'data-organiser="Järjestelän Kuntoilijat ry"' not in content
    assert 'data-organiser="Järvelän Kuntoilijat ry"' in content


def test_show_finished_text_without_javascript_names_missing_gaps(client, staff, phrase):
    url = reverse("phrases:phrase", args=[phrase.code])
    response = client.post(url, {"activity_1": "", "date_1": "2026-03-05"})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Täytä kohta ”Toiminta”." in content
    assert "Täytä kohta ”Osallistumistapa”." in content
    assert "Lisätieto" not in content.split("Tarkista täytettävät kohdat")[1].split("</ul>")[0]
    assert not PhraseCopyCount.objects.exists()


def test_show_finished_text_fills_organiser_and_counts_a_copy(client, staff, phrase):
    url = reverse("phrases:phrase", args=[phrase.code])
    response = client.post(
        url,
        {"activity_1": "Kävelyryhmä", "date_1": "2026-03-05", "choice_1": "tuettuna"},
    )
    assert response.status_code == 200
    expected = (
        "Asiakas ohjattu liikuntaryhmään Kävelyryhmä (Järvelän Kuntoilijat ry) alkaen "
        "5.3.2026. Tapa: tuettuna."
    )
    assert expected in response.content.decode()
    assert PhraseCopyCount.objects.get(phrase=phrase, unit=staff.unit).count == 1


def test_invalid_choice_is_refused(client, staff, phrase):
    url = reverse("phrases:phrase", args=[phrase.code])
    response = client.post(
        url, {"activity_1": "Kävelyryhmä", "date_1": "2026-03-05", "choice_1": "muu"}
    )
    assert response.status_code == 400
    assert "Valitse vaihtoehto listasta: Osallistumistapa." in response.content.decode()


def test_copy_is_counted_per_unit_and_stores_no_text(client, staff, phrase):
    url = reverse("phrases:copied", args=[phrase.code])
    assert client.post(url, {"text": "asiakkaan tiedot"}).status_code == 204
    assert client.post(url).status_code == 204
    count = PhraseCopyCount.objects.get()
    assert (count.phrase, count.unit, count.count) == (phrase, staff.unit, 2)
    assert client.get(url).status_code == 405


def test_swedish_reader_gets_the_translation(client, staff, phrase):
    make_phrase(
        "HYTE-LIIKUNTA-1",
        "Hänvisning till motionsgrupp",
        "Klienten hänvisad till {{activity}}.",
        language="sv",
        translation_of=phrase,
    )
    staff.preferred_language = "sv"
    staff.save()
    content = client.get(reverse("phrases:phrase", args=[phrase.code])).content.decode()
    assert "Hänvisning till motionsgrupp" in content


def test_hyte_card_has_a_qr_code_and_tips_in_both_languages(client, staff):
    response = client.get(reverse("phrases:hyte_card"))
    content = response.content.decode()
    assert content.count("<svg") == 2
    assert "https://hyte.jarvilaakso.example/toimintatarjotin" in content
    assert 'lang="sv"' in content and "@media print" not in content


def test_glossary_has_anchors_per_term(client, staff):
    from wagtail.models import Locale

    GlossaryTerm.objects.create(
        slug="puheeksiotto",
        term="puheeksiotto",
        definition="<p>Asian ottaminen puheeksi.</p>",
        locale=Locale.objects.get(language_code="fi"),
    )
    content = client.get(reverse("phrases:glossary")).content.decode()
    assert 'id="puheeksiotto"' in content and 'href="#puheeksiotto"' in content


def test_an_activity_gap_offers_the_activities_of_the_phrase_theme_first(client, staff):
    make_activity("kuoro", "Kuoro", "Seurakunta", themes=["kulttuuri"])
    make_activity("kavely", "Kävelyryhmä", "Järvelän Kuntoilijat ry", themes=["liikunta"])
    make_activity("uinti", "Uintiryhmä", "Uimaseura", themes=["liikunta", "luonto"])
    make_phrase("HYTE-LIIKUNTA-1", "Ohjaus liikuntaryhmään", BODY, themes=["liikunta"])
    page = client.get(reverse("phrases:phrase", args=["HYTE-LIIKUNTA-1"])).content.decode()
    theme_group = page.index('<optgroup label="Fraasin teeman toiminnat">')
    other_group = page.index('<optgroup label="Muut toiminnat">')
    assert theme_group < page.index(">Kävelyryhmä (") < other_group
    assert theme_group < page.index(">Uintiryhmä (") < other_group
    assert other_group < page.index(">Kuoro (")


def test_without_a_theme_the_activities_are_one_list(client, staff):
    make_activity("kuoro", "Kuoro", "Seurakunta", themes=["kulttuuri"])
    make_phrase("HYTE-X-1", "Ohjaus", BODY)
    page = client.get(reverse("phrases:phrase", args=["HYTE-X-1"])).content.decode()
    assert "<optgroup" not in page
    assert ">Kuoro (" in page


def test_a_result_shows_the_plain_text_cut_to_220_characters(client, staff):
    long_body = "Liikuntaa " + "ja lepoa " * 40 + "{{date}} alkaen."
    make_phrase("HYTE-C-1", "Liikunta pitkä", long_body)
    short = make_phrase("HYTE-C-2", "Liikunta lyhyt", "Liikuntaa {{date}} alkaen.")
    content = client.get(reverse("phrases:results"), {"q": "liikunta"}).content.decode()
    excerpts = dict(
        re.findall(r'>(HYTE-C-\d)<.*?<p class="phrase-excerpt">(.*?)</p>', content, re.S)
    )
    assert excerpts["HYTE-C-2"] == short.plain_text()
    assert len(excerpts["HYTE-C-1"]) == 220
    assert excerpts["HYTE-C-1"].endswith("…")


def test_a_finnish_phrase_shown_to_an_english_reader_keeps_its_gaps_in_finnish(
    client, staff, phrase
):
    """With no English version the Finnish phrase is shown; its unnamed gaps are named
    in the phrase's own language, so an unfilled one never puts an English word into
    Finnish text copied to a client's record."""
    staff.preferred_language = "en"
    staff.save(update_fields=["preferred_language"])
    english = {"accept-language": "en"}
    page = client.get(
        reverse("phrases:phrase", args=["HYTE-LIIKUNTA-1"]), headers=english
    ).content.decode()
    assert '<html lang="en">' in page
    assert "[Toiminta] ([Järjestäjä])" in page
    assert "[Organiser]" not in page and "[Activity]" not in page
    results = client.get(
        reverse("phrases:library"), {"q": "liikunta"}, headers=english
    ).content.decode()
    assert "[Toiminta] ([Järjestäjä])" in results and "[Organiser]" not in results
