"""Trainers translate courses: they hold the translate permission, their page
permissions and the four-eyes workflow cover the Swedish and English trees too (granted
on the root page, above every language's home page)."""

from django.db import migrations


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Workflow = apps.get_model("wagtailcore", "Workflow")

    trainers = Group.objects.filter(name="trainer").first()
    root = Page.objects.filter(depth=1).first()
    if trainers is None or root is None:
        return
    translate = Permission.objects.filter(
        content_type__app_label="simple_translation", codename="submit_translation"
    ).first()
    if translate is not None:
        trainers.permissions.add(translate)
    for codename in ("add_page", "change_page"):
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=trainers, page=root, permission=permission)
    workflow = Workflow.objects.filter(name="Koulutusten hyväksyntä").first()
    if workflow is not None:
        WorkflowPage.objects.filter(workflow=workflow).exclude(page=root).delete()
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_course_workflow"),
        ("simple_translation", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
