"""Create the role groups and give each the permissions its work needs."""

from django.db import migrations

ROLE_PERMISSIONS = {
    "employee": [],
    "supervisor": [],
    "trainer": [("wagtailadmin", "admin", "access_admin")],
    "phrase_editor": [("wagtailadmin", "admin", "access_admin")],
    "phrase_approver": [("wagtailadmin", "admin", "access_admin")],
    "hr_admin": [
        ("wagtailadmin", "admin", "access_admin"),
        ("people", "employee", "import_employees"),
        ("people", "employee", "view_employee"),
        ("people", "orgunit", "view_orgunit"),
        ("people", "orgunit", "change_orgunit"),
        ("people", "jobrole", "view_jobrole"),
        ("people", "jobrole", "add_jobrole"),
        ("people", "jobrole", "change_jobrole"),
    ],
}


def create_groups(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; this migration needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, model, codename in permissions:
            permission = Permission.objects.get(
                content_type__app_label=app_label, content_type__model=model, codename=codename
            )
            group.permissions.add(permission)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=list(ROLE_PERMISSIONS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
