"""Base forms for the search: inflected words, compounds, typos."""

import pytest

from phrases.lemmas import compound_parts, index_terms, query_terms, within_one_edit


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
