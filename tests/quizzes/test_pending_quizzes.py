"""Which quizzes wait to go live with a lesson's approval (mutation testing found the
rule unguarded): a quiz with a change not yet live, or never published, and nothing
else; publishing them puts each latest revision live and names them."""

import pytest

from quizzes.models import Quiz
from quizzes.services import pending_quizzes, quizzes_publish_pending
from tests.courses.builders import make_quiz

pytestmark = pytest.mark.django_db


def _changed(quiz: Quiz, title: str) -> Quiz:
    quiz.title = title
    quiz.save_revision()
    return quiz


def test_only_quizzes_with_a_change_not_yet_live_are_pending():
    unchanged = make_quiz()
    changed = _changed(make_quiz(), "Muutettu visa")
    never_published = make_quiz(live=False)
    _changed(never_published, "Luonnos")
    without_revision = make_quiz(live=False)
    ids = [q.pk for q in (unchanged, changed, never_published, without_revision)]
    assert {q.pk for q in pending_quizzes(ids)} == {changed.pk, never_published.pk}
    assert pending_quizzes([unchanged.pk]) == []
    assert pending_quizzes([without_revision.pk]) == []


def test_pending_quizzes_are_read_with_their_revisions_in_one_query(django_assert_num_queries):
    quizzes = [_changed(make_quiz(), f"Muutettu {n}") for n in range(3)]
    with django_assert_num_queries(1):
        found = pending_quizzes([q.pk for q in quizzes])
        revisions = [q.latest_revision.pk for q in found]
    assert sorted(revisions) == sorted(q.latest_revision_id for q in quizzes)


def test_publishing_puts_each_latest_revision_live_and_names_the_quizzes():
    unchanged = make_quiz()
    changed = _changed(make_quiz(), "Uusi nimi")
    published = quizzes_publish_pending(quiz_ids=[unchanged.pk, changed.pk])
    assert [q.pk for q in published] == [changed.pk]
    changed.refresh_from_db()
    assert changed.live and changed.title == "Uusi nimi"
    assert changed.live_revision_id == changed.latest_revision_id
    assert quizzes_publish_pending(quiz_ids=[changed.pk]) == []
