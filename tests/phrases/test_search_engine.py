"""How the search works on PostgreSQL: only a bounded candidate set is ranked (the
reader's favourites, their unit's copied phrases and a typed code always among it),
no per-process dictionary (Voikko; Swedish through PostgreSQL's stemmer), and the
stored search vector is a model field the search reads through
django.contrib.postgres.search."""

import subprocess
import sys

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from phrases import search, selectors
from phrases.models import Phrase, PhraseCopyCount, PhraseFavourite
from tests.factories import EmployeeFactory
from tests.phrases.builders import make_phrase

pytestmark = pytest.mark.django_db


def codes(found):
    return [phrase.code for phrase in found]


def test_only_a_bounded_candidate_set_is_ranked(monkeypatch):
    monkeypatch.setattr(search, "CANDIDATES", 3)
    for number in range(1, 9):
        make_phrase(f"HYTE-LIIKUNTA-{number}", f"Liikunta {number}", "Liikuntaryhmään.")
    employee = EmployeeFactory()
    with CaptureQueriesContext(connection) as captured:
        found = selectors.search_phrases(user=employee.user, unit_id=None, text="liikunta")
    assert len(found) == 3
    assert any("LIMIT 3" in query["sql"] for query in captured.captured_queries)


def test_favourites_copies_and_the_code_are_ranked_beyond_the_bound(monkeypatch):
    monkeypatch.setattr(search, "CANDIDATES", 1)
    phrases = [
        make_phrase(f"HYTE-LIIKUNTA-{number}", f"Liikunta {number}", "Liikuntaryhmään.")
        for number in range(1, 7)
    ]
    employee = EmployeeFactory()
    PhraseFavourite.objects.create(user=employee.user, phrase=phrases[3])
    PhraseCopyCount.objects.create(phrase=phrases[4], unit=employee.unit, count=9)
    found = selectors.search_phrases(user=employee.user, unit_id=employee.unit_id, text="liikunta")
    assert {"HYTE-LIIKUNTA-4", "HYTE-LIIKUNTA-5"} <= set(codes(found))
    assert codes(found)[:2] == ["HYTE-LIIKUNTA-4", "HYTE-LIIKUNTA-5"]
    by_code = selectors.search_phrases(user=employee.user, unit_id=None, text="hyte-liikunta-6")
    assert codes(by_code)[0] == "HYTE-LIIKUNTA-6"


def test_the_search_vector_is_generated_from_the_terms():
    phrase = make_phrase("HYTE-UNI-1", "Uni", "Keskusteltu unettomuudesta.")
    vector = Phrase.objects.values_list("search_vector", flat=True).get(pk=phrase.pk)
    assert "'unettomuus'" in vector


def test_swedish_words_match_inflected_forms():
    make_phrase("HYTE-MOTION-1", "Motion", "Patienten hänvisades till gruppen.", language="sv")
    employee = EmployeeFactory()
    from django.utils import translation

    with translation.override("sv"):
        for text in ("patient", "patienter", "grupp", "gruppen"):
            found = selectors.search_phrases(user=employee.user, unit_id=None, text=text)
            assert codes(found) == ["HYTE-MOTION-1"], text


def test_a_search_loads_no_word_list_into_the_process():
    """simplemma's Finnish data grew every process by about 340 MB; Voikko maps its
    dictionary from disk. The first search in a fresh process must not import a
    Python word list."""
    script = (
        "import django, sys; django.setup()\n"
        "from phrases import lemmas\n"
        "assert lemmas.index_terms('liikuntaryhmään')[:4] == "
        "['liikuntaryhmään', 'liikuntaryhmä', 'liikunta', 'ryhmä'], lemmas.index_terms('x')\n"
        "assert 'simplemma' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def test_the_most_copied_matches_are_the_candidates(monkeypatch):
    """Beyond the bound, the candidates are the matches the county copied most (then by
    code), not whichever the index happens to hand over first."""
    from phrases import services

    monkeypatch.setattr(search, "CANDIDATES", 2)
    phrases = [
        make_phrase(f"HYTE-LIIKUNTA-{number}", f"Liikunta {number}", "Liikuntaryhmään.")
        for number in range(1, 7)
    ]
    employee = EmployeeFactory()
    for _ in range(3):
        services.phrase_copy_record(phrase=phrases[5], unit_id=employee.unit_id)
    services.phrase_copy_record(phrase=phrases[4], unit_id=employee.unit_id)
    other = EmployeeFactory()
    found = selectors.search_phrases(user=other.user, unit_id=other.unit_id, text="liikunta")
    assert set(codes(found)) == {"HYTE-LIIKUNTA-6", "HYTE-LIIKUNTA-5"}


def test_the_copy_total_survives_a_new_publish():
    from phrases import services

    phrase = make_phrase("HYTE-UNI-1", "Uni", "Keskusteltu unettomuudesta.")
    employee = EmployeeFactory()
    services.phrase_copy_record(phrase=phrase, unit_id=employee.unit_id)
    services.phrase_copy_record(phrase=phrase, unit_id=employee.unit_id)
    phrase.refresh_from_db()
    assert phrase.copies_total == 2
    phrase.title = "Uni ja lepo"
    phrase.save_revision().publish()
    phrase.refresh_from_db()
    assert (phrase.title, phrase.copies_total) == ("Uni ja lepo", 2)


def test_a_word_s_own_forms_outrank_its_parts_and_roots():
    """ "hoitaja" is a word of the first phrase and only a compound part of the second."""
    make_phrase("HYTE-A-1", "Muistihoitaja", "Asiakas ohjattu muistihoitajalle.")
    make_phrase("HYTE-B-1", "Hoitaja", "Asiakas ohjattu hoitajalle.")
    employee = EmployeeFactory()
    found = selectors.search_phrases(user=employee.user, unit_id=None, text="hoitajan")
    assert codes(found) == ["HYTE-B-1", "HYTE-A-1"]


def test_a_new_locale_is_searched_under_its_own_id():
    """The locale ids the search keeps per process are forgotten when a locale is saved
    or deleted, so a locale made anew is searched under its new id."""
    from django.utils import translation
    from wagtail.models import Locale

    employee = EmployeeFactory()
    first = make_phrase("HYTE-MOTION-1", "Motion", "Patienten i gruppen.", language="sv")
    with translation.override("sv"):
        assert codes(selectors.search_phrases(user=employee.user, unit_id=None, text="grupp"))
        first.delete()
        Locale.objects.get(language_code="sv").delete()
        make_phrase("HYTE-MOTION-2", "Motion", "Patienten i gruppen.", language="sv")
        found = selectors.search_phrases(user=employee.user, unit_id=None, text="grupp")
    assert codes(found) == ["HYTE-MOTION-2"]


def test_the_strict_matches_are_candidates_beside_the_broad_ones(monkeypatch):
    """A word's own forms are read as candidates apart from the broad query's (roots,
    typos), so more copied phrases that match only the root do not crowd them out."""
    monkeypatch.setattr(search, "CANDIDATES", 1)
    for number in range(1, 4):
        make_phrase(f"HYTE-A-{number}", "Yksinäinen", "Asiakas on yksinäinen.")
    Phrase.objects.filter(code__startswith="HYTE-A-").update(copies_total=5)
    make_phrase("HYTE-B-1", "Yksinäisyys", "Keskusteltu yksinäisyydestä.")
    employee = EmployeeFactory()
    found = selectors.search_phrases(user=employee.user, unit_id=None, text="yksinäisyys")
    assert codes(found)[0] == "HYTE-B-1"
