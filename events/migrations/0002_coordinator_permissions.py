"""Hyte coordinators plan networks, series and sessions in the admin."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ("network", "sessionseries", "session", "presenterslot")


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; make them now.
    create_permissions(global_apps.get_app_config("events"), verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="hyte_coordinator")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="events", content_type__model__in=MODELS)
    )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    group = apps.get_model("auth", "Group").objects.filter(name="hyte_coordinator").first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="events")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("people", "0004_hyte_coordinator_group"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
