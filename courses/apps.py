from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Koulutukset")

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save
        from wagtail.models import Locale
        from wagtail.signals import copy_for_translation_done

        from courses.models import forget_default_locale
        from courses.translation import lesson_quizzes_translate

        # `flush` (and so every transactional test) emits post_migrate.
        post_migrate.connect(forget_default_locale, dispatch_uid="courses_forget_locale")
        post_save.connect(forget_default_locale, sender=Locale, dispatch_uid="courses_locale_saved")
        post_delete.connect(
            forget_default_locale, sender=Locale, dispatch_uid="courses_locale_deleted"
        )
        copy_for_translation_done.connect(
            lesson_quizzes_translate, dispatch_uid="courses_lesson_quizzes_translate"
        )
