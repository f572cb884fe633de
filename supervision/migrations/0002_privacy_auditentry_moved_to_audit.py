from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("supervision", "0001_initial"),
        # The entries are copied to the audit app's table first.
        ("audit", "0002_copy_entries_from_supervision"),
    ]

    operations = [migrations.DeleteModel(name="AuditEntry")]
