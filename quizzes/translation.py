"""A quiz's translation for a lesson's translation: made as a draft that goes live with
the course's approval (trainers cannot publish quizzes), and found again when it exists."""

from quizzes.models import Quiz


def quiz_translation_ensure(*, quiz: Quiz, locale, user=None) -> Quiz:
    """`quiz` in `locale`: the existing translation, or a copy of its latest version
    (questions and choices included) saved as a draft revision by `user`."""
    existing = Quiz.objects.filter(translation_key=quiz.translation_key, locale=locale).first()
    if existing is not None:
        return existing
    source = quiz.get_latest_revision_as_object() if quiz.latest_revision_id else quiz
    copy = source.copy_for_translation(locale)
    copy.live = False
    copy.save()
    copy.save_revision(user=user)
    return copy
