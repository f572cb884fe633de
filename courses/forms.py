"""The course editor's form: a course is submitted for approval only with a lesson."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class CoursePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        if self.data.get("action-submit") and not self._has_lesson():
            self.add_error(
                None,
                ValidationError(
                    _(
                        "Koulutuksessa ei ole yhtään oppituntia. Tallenna koulutus luonnoksena, "
                        "lisää sille oppitunti ja lähetä se sitten hyväksyttäväksi."
                    ),
                    code="no_lessons",
                ),
            )
        return cleaned

    def _has_lesson(self) -> bool:
        from courses.models import LessonPage

        return self.instance.pk is not None and LessonPage.objects.child_of(self.instance).exists()
