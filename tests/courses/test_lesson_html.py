"""A lesson's text blocks are rendered once per process and looked up by their value, id
and language (courses/lesson_html.py); what depends on anything else is rendered anew."""

import json

import pytest
from django.template import Context
from django.utils import translation

from courses import lesson_html
from courses.models import LessonPage
from tests.courses.builders import lessons_of, make_course

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_table():
    lesson_html.forget()
    yield
    lesson_html.forget()


def _children(*blocks):
    raw = [
        {"type": kind, "value": value, "id": f"00000000-0000-4000-8000-00000000000{number}"}
        for number, (kind, value) in enumerate(blocks, start=1)
    ]
    return list(LessonPage(title="x", slug="x", body=json.dumps(raw)).body)


def _html(child) -> str:
    return str(lesson_html.block_html(child, Context({"page": None})))


def test_a_text_block_is_rendered_once(monkeypatch):
    (heading,) = _children(("heading", {"text": "Liikunta arjessa"}))
    first = _html(heading)
    calls = []
    monkeypatch.setattr(type(heading.block), "render", lambda *a, **k: calls.append(a) or "")
    assert _html(heading) == first == "<h2>Liikunta arjessa</h2>\n"
    assert calls == []
    # A changed value is a new key: rendered, not looked up.
    (changed,) = _children(("heading", {"text": "Uni ja lepo"}))
    _html(changed)
    assert len(calls) == 1


def test_each_language_and_each_block_gets_its_own_html():
    first, second = _children(
        ("reflection", {"question": "Mikä auttaa sinua jaksamaan?"}),
        ("reflection", {"question": "Mikä auttaa sinua jaksamaan?"}),
    )
    with translation.override("fi"):
        finnish = _html(first)
        assert "Pohdi" in finnish and first.id in finnish
        # The same question in another block keeps that block's own ids.
        assert second.id in _html(second) and first.id not in _html(second)
    with translation.override("sv"):
        swedish = _html(first)
    assert swedish != finnish and "Pohdi<" not in swedish


def test_a_link_to_a_page_follows_the_page(client):
    target = lessons_of(make_course(lessons=1))[0]
    text = f'<p>Katso <a linktype="page" id="{target.pk}">tämä oppitunti</a>.</p>'
    (paragraph,) = _children(("paragraph", text))
    assert f'href="{target.url}"' in _html(paragraph)
    target.slug = "siirretty"
    target.save_revision().publish()
    target.refresh_from_db()
    (paragraph,) = _children(("paragraph", text))
    assert f'href="{target.url}"' in _html(paragraph)
    assert target.url.endswith("/siirretty/")


def test_a_learners_own_block_is_never_kept():
    (assessment,) = _children(
        (
            "self_assessment",
            {
                "question": "Kuinka hyvin?",
                "phase": "before",
                "low_label": "En",
                "high_label": "Hyvin",
            },
        )
    )
    assert lesson_html._key(assessment) is None


def test_the_table_is_bounded(monkeypatch):
    monkeypatch.setattr(lesson_html, "LIMIT", 2)
    for text in ("Yksi", "Kaksi", "Kolme"):
        (heading,) = _children(("heading", {"text": text}))
        _html(heading)
    assert 0 < len(lesson_html._rendered) <= 2
