"""HR admins keep the organisation tree (add, change, import; never delete: a unit is
closed instead) and decide when reminders start."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = [
    ("people", "orgunit", "add_orgunit"),
    ("people", "orgunit", "change_orgunit"),
    ("people", "orgunit", "view_orgunit"),
    ("people", "orgunit", "import_org_units"),
    ("notifications", "reminderstart", "change_reminderstart"),
    ("notifications", "reminderstart", "view_reminderstart"),
]


def grant(apps, schema_editor):
    for label in ("people", "notifications"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="hr_admin")
    for app_label, model, codename in GRANTS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="hr_admin").first()
    if group is None:
        return
    for app_label, model, codename in GRANTS:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label=app_label, content_type__model=model, codename=codename
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0005_golive_orgunit_closed_on"),
        ("notifications", "0003_golive_reminder_start"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
