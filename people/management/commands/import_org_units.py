"""manage.py import_org_units FILE: preview an org-tree file, then apply it."""

from pathlib import Path

from django.utils.translation import gettext as _

from people import services
from people.management.import_command import ImportCommand


class Command(ImportCommand):
    help = "Tuo organisaatiopuun CSV- tai XLSX-tiedostosta: näyttää esikatselun ja tallentaa."

    def handle(self, *args, file: Path, dry_run: bool, yes: bool, **options):
        preview = self.preview_file(file, dry_run=dry_run, make_preview=services.org_import_preview)
        plan = preview.plan
        self.stdout.write(
            _(
                "Uusia: %(created)s, muuttuvia: %(updated)s, suljettavia: %(closed)s, "
                "ennallaan: %(unchanged)s."
            )
            % {
                "created": len(plan.to_create),
                "updated": len(plan.to_update),
                "closed": len(plan.to_close),
                "unchanged": plan.unchanged_count,
            }
        )
        if dry_run or not plan.has_changes:
            return
        if self.confirmed(yes=yes):
            self.apply(lambda: services.org_import_apply(run=preview.run))
