"""Replace Wagtail's placeholder page with the Hyteopas home page and let trainers
author pages under it."""

from django.db import migrations

TRAINER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("cms", "HomePage")
    Locale = apps.get_model("wagtailcore", "Locale")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    Page.objects.filter(depth=2, slug="home").delete()
    content_type, _created = ContentType.objects.get_or_create(model="homepage", app_label="cms")
    locale = Locale.objects.order_by("pk").first()
    home = HomePage.objects.create(
        title="Hyteopas",
        draft_title="Hyteopas",
        slug="etusivu",
        content_type=content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/etusivu/",
        locale=locale,
        intro=(
            "<p>Hyvinvoinnin ja terveyden edistämisen koulutukset, uuden työntekijän "
            "perehdytys ja asiakaskirjausten fraasit samassa paikassa.</p>"
        ),
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Hyteopas")

    trainers = Group.objects.filter(name="trainer").first()
    if trainers is not None:
        for codename in TRAINER_PAGE_PERMISSIONS:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=trainers, page_id=home.pk, permission=permission)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("people", "0002_role_groups"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_home_page, migrations.RunPython.noop)]
