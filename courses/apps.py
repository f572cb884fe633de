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
        self._keep_learning_status()
        copy_for_translation_done.connect(
            lesson_quizzes_translate, dispatch_uid="courses_lesson_quizzes_translate"
        )

    def _keep_learning_status(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished

        from courses import status
        from courses.models import CourseCompletion, Enrolment
        from people.models import Employee
        from people.signals import employments_changed

        post_save.connect(status.enrolment_changed, sender=Enrolment, dispatch_uid="ls_enrol")
        post_delete.connect(status.enrolment_changed, sender=Enrolment, dispatch_uid="ls_unenrol")
        post_save.connect(
            status.completion_recorded, sender=CourseCompletion, dispatch_uid="ls_completion"
        )
        page_published.connect(status.course_published, dispatch_uid="ls_published")
        page_unpublished.connect(status.course_published, dispatch_uid="ls_unpublished")
        post_save.connect(status.employee_saved, sender=Employee, dispatch_uid="ls_employee")
        employments_changed.connect(status.employments_changed, dispatch_uid="ls_employments")
