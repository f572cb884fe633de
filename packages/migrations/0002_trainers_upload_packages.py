"""Trainers upload, change and remove content packages in the admin."""

from django.db import migrations

CODENAMES = ["add_contentpackage", "change_contentpackage", "delete_contentpackage", "view_contentpackage"]


def give_trainers(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; these are needed now.
    app_config = apps.get_app_config("packages")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    trainers = Group.objects.filter(name="trainer").first()
    if trainers is not None:
        trainers.permissions.add(
            *Permission.objects.filter(content_type__app_label="packages", codename__in=CODENAMES)
        )


def take_back(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    trainers = Group.objects.filter(name="trainer").first()
    if trainers is not None:
        trainers.permissions.remove(
            *Permission.objects.filter(content_type__app_label="packages", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("packages", "0001_content_packages_and_attempts"),
        ("people", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(give_trainers, take_back)]
