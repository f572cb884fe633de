"""The hyte coordinator role: county-level reports, networks and NGO sessions."""

from django.db import migrations


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="hyte_coordinator")
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if access_admin is not None:
        group.permissions.add(access_admin)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="hyte_coordinator").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0003_orgunit_kind_label"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]
    operations = [migrations.RunPython(create_group, remove_group)]
