"""HR admins manage onboarding templates."""

from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    hr = Group.objects.filter(name="hr_admin").first()
    if hr is None:
        return
    content_type, _created = ContentType.objects.get_or_create(app_label="onboarding", model="checklisttemplate")
    for action in ("add", "change", "delete", "view"):
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_checklisttemplate",
            defaults={"name": f"Can {action} perehdytyspohja"},
        )
        hr.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("onboarding", "0001_initial"), ("people", "0003_orgunit_kind_label")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
