"""Trainers no longer publish quizzes: a quiz change goes live with the approval of the
lesson or course that uses it, so the four eyes cover quizzes too."""

from django.db import migrations


def _trainers_and_permission(apps):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    trainers = Group.objects.filter(name="trainer").first()
    permission = Permission.objects.filter(
        content_type__app_label="quizzes", codename="publish_quiz"
    ).first()
    return trainers, permission


def take_publish_from_trainers(apps, schema_editor):
    trainers, permission = _trainers_and_permission(apps)
    if trainers is not None and permission is not None:
        trainers.permissions.remove(permission)


def give_publish_back(apps, schema_editor):
    trainers, permission = _trainers_and_permission(apps)
    if trainers is not None and permission is not None:
        trainers.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0001_initial"),
        ("cms", "0004_course_workflow"),
    ]

    operations = [migrations.RunPython(take_publish_from_trainers, give_publish_back)]
