"""One language per person. The Wagtail admin's own account settings also offer a
language; a choice made there becomes the person's language (`Employee.preferred_language`,
which the site's language switch sets too) and the admin's own copy is emptied, so the
site and the admin always follow the same choice, wherever it was last made. People
without an employee record (a superuser) keep the admin's setting."""

from django.db.models.signals import post_save
from wagtail.users.models import UserProfile

from people.models import Employee


def admin_language_to_profile(sender, instance: UserProfile, **kwargs) -> None:
    language = instance.preferred_language
    if not language:
        return
    if Employee.objects.filter(user_id=instance.user_id).update(preferred_language=language):
        UserProfile.objects.filter(pk=instance.pk).update(preferred_language="")
        instance.preferred_language = ""


def connect() -> None:
    post_save.connect(
        admin_language_to_profile, sender=UserProfile, dispatch_uid="people.one_language"
    )
