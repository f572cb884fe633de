"""Phrases and courses pointing at each other. The phrase library and the courses do
not know each other (pyproject.toml's layers), so this app, above both, joins them:

- a lesson block that shows a library phrase, always its published version in the
  reader's language where there is one, with a link to fill and copy it on the phrase's
  page (`PhraseBlock`, added to the lessons' blocks by `CmsConfig.ready`);
- on a phrase's page, the published courses that teach it which the reader may take,
  in the reader's language (`courses_teaching_phrase`, a section registered in the same
  place). Read from the lessons' own content (a JSON containment query), so there is no
  link table to keep in step with publishing.
"""

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from courses.models import CoursePage, Enrolment, LessonPage, default_locale_id
from courses.permissions import employee_in_audience
from courses.selectors import in_reader_language, with_audience_and_lessons
from languages.fields import language_code
from people.selectors import employee_for_user
from phrases.extensions import PhrasePageSection
from phrases.models import Phrase

BLOCK_NAME = "phrase"


class PhraseBlock(blocks.StructBlock):
    """A phrase from the library inside a lesson."""

    phrase = SnippetChooserBlock("phrases.Phrase", label=_("fraasi"))

    class Meta:
        icon = "openquote"
        template = "cms/blocks/phrase.html"
        label = _("Fraasi kirjastosta")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["shown"] = published_phrase(value["phrase"])
        return context


def published_phrase(phrase: Phrase | None) -> Phrase | None:
    """What a lesson shows of `phrase`: its published translation in the reader's
    language, else the phrase itself if published; a draft never (None). At most one
    query (none when the phrase is in the reader's language and published)."""
    if phrase is None:
        return None
    code = language_code()
    if phrase.locale.language_code == code:
        return phrase if phrase.live else None
    translated = (
        Phrase.objects.filter(
            translation_key=phrase.translation_key, locale__language_code=code, live=True
        )
        .select_related("locale")
        .first()
    )
    return translated or (phrase if phrase.live else None)


def courses_teaching_phrase(*, phrase: Phrase, user) -> list[CoursePage]:
    """Published courses with a published lesson showing `phrase` (or a translation of
    it) that the reader may take (in the audience or enrolled; every course for someone
    without an employee record), in the reader's language, by title. Queries: 2 (the
    phrase's translations, the courses with their audiences), one more in Swedish or
    English; the same for any number of courses."""
    phrase_ids = list(
        Phrase.objects.filter(translation_key=phrase.translation_key).values_list("pk", flat=True)
    )
    teaching = Q()
    for phrase_id in phrase_ids:
        teaching |= Q(body__contains=[{"type": BLOCK_NAME, "value": {"phrase": phrase_id}}])
    lessons = LessonPage.objects.live().filter(teaching)
    # A lesson of any language points at its course's tree; the course is kept under its
    # Finnish page, where progress and the audience are.
    course_keys = CoursePage.objects.filter(
        path__in=lessons.values(parent_path=_parent_path())
    ).values("translation_key")
    employee = employee_for_user(user)
    candidates = with_audience_and_lessons(
        CoursePage.objects.live().filter(
            locale_id=default_locale_id(), translation_key__in=course_keys
        )
    )
    if employee is not None:
        candidates = candidates.annotate(
            enrolled=Exists(Enrolment.objects.filter(course=OuterRef("pk"), employee=employee))
        )
    courses = list(candidates)
    if employee is not None:
        courses = [
            course
            for course in courses
            if course.enrolled
            or employee_in_audience(
                employee, course, course.audience_unit_paths or [], course.audience_role_ids or []
            )
        ]
    shown = in_reader_language(courses)
    return sorted((shown.get(c.pk, c) for c in courses), key=lambda c: c.title.casefold())


def _parent_path():
    from django.db.models import F, IntegerField
    from django.db.models.functions import Cast, Length, Substr

    # A page's parent's path is its own without the last step (Wagtail's steplen).
    return Substr(
        F("path"),
        1,
        Cast(Length("path"), IntegerField()) - LessonPage.steplen,
    )


def phrase_courses_section(request, phrase) -> PhrasePageSection | None:
    """The phrase page's "taught in" section: `courses_teaching_phrase`."""
    courses = courses_teaching_phrase(phrase=phrase, user=request.user)
    if not courses:
        return None
    return PhrasePageSection(template="cms/phrase_courses.html", context={"courses": courses})
