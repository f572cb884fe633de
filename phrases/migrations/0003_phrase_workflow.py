"""Phrases are published through a second person: a four-eyes workflow on the Phrase
snippet, approved by the phrase_approver group. Phrase editors draft and submit; nobody
holds the publish permission, so a phrase goes live only through an approval."""

from django.db import migrations

EDITOR_PERMISSIONS = {
    "phrase": ("add", "change", "lock", "unlock"),
    "activity": ("add", "change", "delete"),
    "glossaryterm": ("add", "change"),
}
APPROVER_PERMISSIONS = {"phrase": ("change", "lock", "unlock")}


def _grant(Group, Permission, ContentType, group_name, grants):
    group = Group.objects.filter(name=group_name).first()
    if group is None:
        return
    for model, actions in grants.items():
        content_type, _created = ContentType.objects.get_or_create(app_label="phrases", model=model)
        for action in actions:
            # Wagtail creates the lock/unlock permissions of snippets after migrating.
            permission, _created = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            group.permissions.add(permission)


def create_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    FourEyesApprovalTask = apps.get_model("cms", "FourEyesApprovalTask")

    _grant(Group, Permission, ContentType, "phrase_editor", EDITOR_PERMISSIONS)
    _grant(Group, Permission, ContentType, "phrase_approver", APPROVER_PERMISSIONS)

    approvers = Group.objects.filter(name="phrase_approver").first()
    if approvers is None:
        return
    task_type, _created = ContentType.objects.get_or_create(
        app_label="cms", model="foureyesapprovaltask"
    )
    task = FourEyesApprovalTask.objects.create(name="Fraasien hyväksyntä", content_type=task_type)
    task.groups.set([approvers])
    workflow = Workflow.objects.create(name="Fraasien hyväksyntä")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    phrase_type, _created = ContentType.objects.get_or_create(app_label="phrases", model="phrase")
    WorkflowContentType.objects.update_or_create(
        content_type=phrase_type, defaults={"workflow": workflow}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("phrases", "0002_search_indexes"),
        ("cms", "0004_course_workflow"),
        ("people", "0002_role_groups"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]
