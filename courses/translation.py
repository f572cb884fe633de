"""Translating a lesson (Wagtail's *Käännä*) translates the quizzes it uses: the copy
in Swedish or English points at the quiz's translation in its language, made as a
draft when missing, and both go live with the translated course's approval."""

from courses.models import LessonPage


def lesson_quizzes_translate(sender, source_obj, target_obj, **kwargs) -> None:
    """copy_for_translation_done receiver: point the translated lesson's quiz blocks at
    quizzes in its locale."""
    from quizzes.translation import quiz_translation_ensure

    if not isinstance(target_obj, LessonPage):
        return
    lesson = target_obj
    revision = lesson.latest_revision
    user = revision.user if revision is not None else None
    changed = False
    for block in lesson.body:
        quiz = block.value["quiz"] if block.block_type == "quiz" else None
        if quiz is None or quiz.locale_id == lesson.locale_id:
            continue
        block.value["quiz"] = quiz_translation_ensure(quiz=quiz, locale=lesson.locale, user=user)
        changed = True
    if changed:
        lesson.save(update_fields=["body"])
        lesson.save_revision(user=user, clean=False, log_action=False)
