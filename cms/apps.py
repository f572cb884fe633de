from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Sisällöt")

    def ready(self):
        from cms.phrase_courses import BLOCK_NAME, PhraseBlock, phrase_courses_section
        from courses.models import lesson_block_register
        from phrases.extensions import phrase_page_section_register

        # Phrases and courses point at each other through this app (see phrase_courses).
        lesson_block_register(BLOCK_NAME, PhraseBlock())
        phrase_page_section_register("courses", phrase_courses_section)
