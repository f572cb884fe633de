"""Base forms for the search: inflected words, compounds, typos."""

import pytest

from phrases.lemmas import (
    compound_parts,
    derivation_roots,
    index_terms,
    query_terms,
    weighted_terms,
    within_one_edit,
)


def test_inflected_words_get_their_base_form():
    assert "potilas" in index_terms("potilaan")
    assert "seurakunta" in index_terms("seurakunnan")


def test_compounds_are_split_into_known_parts():
    terms = index_terms("liikuntaryhmään")
    assert {"liikuntaryhmään", "liikunta", "ryhmä"} <= set(terms)
    assert compound_parts("päihdepalvelu") == ("päihde", "palvelu")


def test_known_words_and_short_words_are_not_split():
    assert compound_parts("asiakas") == ()
    assert compound_parts("uni") == ()


def test_codes_split_at_hyphens():
    assert {"hyte-liikunta-1", "hyte", "liikunta"} <= set(index_terms("HYTE-LIIKUNTA-1"))


def test_query_words_carry_word_and_base_form():
    assert query_terms("potilaan liikunta") == [("potilas", "potilaan"), ("liikunta",)]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("liikunta", "liikunta", True),
        ("liikunat", "liikunta", True),
        ("kultuuri", "kulttuuri", True),
        ("kulttuurri", "kulttuuri", True),
        ("kalttuuri", "kulttuuri", True),
        ("kultuur", "kulttuuri", False),
        ("liikunta", "luonto", False),
    ],
)
def test_within_one_edit(a, b, expected):
    assert within_one_edit(a, b) is expected


@pytest.fixture(params=["voikko", "simplemma"])
def analyser(request, settings, db):
    """Each analyser in turn (Voikko required in CI; simplemma's path asks PostgreSQL
    for Finnish stems)."""
    from phrases import lemmas
    from tests.conftest import need

    settings.PHRASE_ANALYSER = request.param
    if request.param == "voikko":
        need(lemmas._voikko() is not None, "Voikko (libvoikko1, voikko-fi)")
    assert lemmas.analyser() == request.param
    return request.param


def test_derivations_lead_to_their_root(analyser):
    assert "yksinäinen" in derivation_roots("yksinäisyys")
    assert "yksinäinen" in index_terms("Asiakas kertoi yksinäisyydestään.")
    # The query finds phrases with the root too, never the other way round by parts.
    assert query_terms("yksinäisyys")[0][-1] == "yksinäisyys"


def test_an_inflected_compound_gets_the_compound_and_its_parts(analyser):
    terms = index_terms("muistihoitajalle")
    assert {"muistihoitaja", "hoitaja"} <= set(terms)
    # (simplemma's path adds PostgreSQL's Finnish stem between them.)
    (alternatives,) = query_terms("muistihoitajalle")
    assert (alternatives[0], alternatives[-1]) == ("muistihoitaja", "muistihoitajalle")
    assert "hoitaja" not in alternatives


def test_own_forms_and_relatives_are_stored_apart(analyser):
    own, relatives = weighted_terms("muistihoitajalle")
    assert own[:2] == ["muistihoitajalle", "muistihoitaja"]
    assert "hoitaja" in relatives and "muistihoitaja" not in relatives


def test_simplemma_is_loaded_only_when_it_is_the_analyser(settings):
    """Voikko's path never imports simplemma (its Finnish data is about 340 MB)."""
    import subprocess
    import sys

    script = (
        "import django, sys; django.setup()\n"
        "from phrases import lemmas\n"
        "assert lemmas.analyser() == 'voikko'\n"
        "lemmas.index_terms('muistihoitajalle'); lemmas.query_terms('potilaan')\n"
        "assert 'simplemma' not in sys.modules\n"
    )
    from phrases import lemmas
    from tests.conftest import need

    need(lemmas._voikko() is not None, "Voikko (libvoikko1, voikko-fi)")
    subprocess.run([sys.executable, "-c", script], check=True)
