"""The demo loader reads the content file's data and can run again."""

from pathlib import Path

import pytest

from organisations.models import Organisation
from phrases.demo.loading import load_demo_phrases
from phrases.models import Activity, GlossaryTerm, Phrase, PhraseCopyCount, PhraseFavourite

pytestmark = pytest.mark.django_db

FIXTURE = Path(__file__).with_name("content_fixture.yaml")


def test_loads_published_phrases_with_swedish_translations_idempotently():
    assert load_demo_phrases(FIXTURE, with_usage=False) == 2
    revisions = {p.pk: p.revisions.count() for p in Phrase.objects.all()}
    assert load_demo_phrases(FIXTURE, with_usage=False) == 2

    assert Phrase.objects.filter(live=True).count() == 4
    assert {p.pk: p.revisions.count() for p in Phrase.objects.all()} == revisions
    finnish = Phrase.objects.get(code="HYTE-LIIKUNTA-1", locale__language_code="fi")
    swedish = Phrase.objects.get(code="HYTE-LIIKUNTA-1", locale__language_code="sv")
    assert swedish.translation_key == finnish.translation_key
    assert swedish.title == "Hänvisning till motionsgrupp"
    assert "liikunta" in finnish.search_terms()
    assert Activity.objects.count() == 2
    assert Organisation.objects.get(name="Laaksolan seurakunta").kind == "parish"
    assert GlossaryTerm.objects.filter(slug="hyte").count() == 3


def test_usage_goes_to_the_demo_phrase_editors_unit():
    from people.demo.loading import load_demo_county

    load_demo_county()
    load_demo_phrases(FIXTURE)
    load_demo_phrases(FIXTURE)
    assert sorted(PhraseCopyCount.objects.values_list("count", flat=True)) == [9, 14]
    assert PhraseFavourite.objects.count() == 1


def test_missing_content_file_loads_nothing(tmp_path):
    assert load_demo_phrases(tmp_path / "no-such-file.yaml") == 0
    assert not Phrase.objects.exists()
