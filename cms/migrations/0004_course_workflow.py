"""Courses are published through a second trainer: a four-eyes approval workflow on
the home page (and so every course under it). Trainers draft and submit; they no longer
publish pages directly. Trainers may also manage quizzes, images and documents."""

from django.db import migrations


def create_workflow(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; this migration needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    FourEyesApprovalTask = apps.get_model("cms", "FourEyesApprovalTask")
    HomePage = apps.get_model("cms", "HomePage")

    trainers = Group.objects.filter(name="trainer").first()
    home = HomePage.objects.first()
    if trainers is None or home is None:
        return
    GroupPagePermission.objects.filter(group=trainers, permission__codename="publish_page").delete()

    task_type, _created = ContentType.objects.get_or_create(app_label="cms", model="foureyesapprovaltask")
    task = FourEyesApprovalTask.objects.create(name="Toisen kouluttajan hyväksyntä", content_type=task_type)
    task.groups.set([trainers])
    workflow = Workflow.objects.create(name="Koulutusten hyväksyntä")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page_id=home.pk, defaults={"workflow": workflow})

    quiz_type, _created = ContentType.objects.get_or_create(app_label="quizzes", model="quiz")
    for action in ("add", "change", "publish", "lock", "unlock"):
        # Wagtail creates the publish/lock permissions of snippets after migrating.
        permission, _created = Permission.objects.get_or_create(
            content_type=quiz_type, codename=f"{action}_quiz", defaults={"name": f"Can {action} tietovisa"}
        )
        trainers.permissions.add(permission)
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for app_label, codenames in (
            ("wagtailimages", ("add_image", "choose_image")),
            ("wagtaildocs", ("add_document", "choose_document")),
        ):
            for codename in codenames:
                permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
                if permission is not None:
                    GroupCollectionPermission.objects.get_or_create(
                        group=trainers, collection=root_collection, permission=permission
                    )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_four_eyes_task"),
        ("quizzes", "0001_initial"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]
