"""The search test set (search_test_set.yaml: 156 Finnish and 51 Swedish queries written
for it, with the phrase each should find) mixed into 10,000 generated phrases (8,000
Finnish, 2,000 Swedish): the expected phrase is in the top 3 for at least 95 % of the
queries, with Voikko and with simplemma (the fallback where Voikko is missing) as the
Finnish analyser. Swedish goes through PostgreSQL's stemmer with either.

Measured (top 3): Voikko 0.994 Finnish (155 of 156), 0.980 Swedish (50 of 51);
simplemma 0.974 Finnish (152 of 156), 0.980 Swedish. bench/phrase_search.py measures
the same set at other sizes."""

from pathlib import Path

import pytest
import yaml
from django.utils import translation
from wagtail.models import Locale

from phrases import lemmas, selectors
from phrases.models import Phrase
from tests.conftest import need
from tests.factories import UserFactory
from tests.phrases.generated import insert_phrases, synthetic_phrases, synthetic_swedish_phrases

pytestmark = pytest.mark.django_db

TEST_SET = yaml.safe_load((Path(__file__).parent / "search_test_set.yaml").read_text())
GENERATED = 10_000
SWEDISH_SHARE = 0.2
TOP = 3
REQUIRED = 0.95


def load_test_set() -> None:
    """The test set's phrases and the generated ones, live, in bulk."""
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("fi", "sv")}
    swedish = int(GENERATED * SWEDISH_SHARE)
    rows = [
        Phrase(
            locale=locales[language], live=True, **{k: phrase[k] for k in ("code", "title", "body")}
        )
        for language, phrases in TEST_SET.items()
        for phrase in phrases
    ]
    rows += [
        Phrase(locale=locales["fi"], live=True, **data)
        for data in synthetic_phrases(GENERATED - swedish)
    ]
    rows += [
        Phrase(locale=locales["sv"], live=True, **data)
        for data in synthetic_swedish_phrases(swedish)
    ]
    insert_phrases(rows)


def misses_in(language: str, user) -> tuple[int, list]:
    queries = [
        (query, kind, phrase["code"])
        for phrase in TEST_SET[language]
        for query, kind in phrase["queries"]
    ]
    misses = []
    with translation.override(language):
        for query, kind, expected in queries:
            found = [p.code for p in selectors.search_phrases(user=user, unit_id=None, text=query)]
            if expected not in found[:TOP]:
                misses.append((query, kind, expected, found[:TOP]))
    return len(queries), misses


@pytest.mark.parametrize("analyser", [lemmas.VOIKKO, lemmas.SIMPLEMMA])
def test_the_test_set_finds_its_phrases_among_ten_thousand(analyser, settings):
    settings.PHRASE_ANALYSER = analyser
    if analyser == lemmas.VOIKKO:
        need(lemmas._voikko() is not None, "Voikko (libvoikko1, voikko-fi)")
    assert lemmas.analyser() == analyser
    load_test_set()
    user = UserFactory()
    results = {language: misses_in(language, user) for language in ("fi", "sv")}
    for language, (count, misses) in results.items():
        rate = (count - len(misses)) / count
        print(f"{analyser} {language}: top-{TOP} hit rate {rate:.3f} of {count}; misses {misses}")
    assert results["fi"][0] >= 150
    assert results["sv"][0] >= 50
    for language, (count, misses) in results.items():
        rate = (count - len(misses)) / count
        assert rate >= REQUIRED, f"{analyser} {language}: {rate:.3f}; misses: {misses}"
