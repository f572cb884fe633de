"""manage.py import_org_units FILE: preview an org-tree file, then apply it."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from people import services
from people.hr_import.locking import ImportBusy


class Command(BaseCommand):
    help = "Tuo organisaatiopuun CSV- tai XLSX-tiedostosta: näyttää esikatselun ja tallentaa."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Vain esikatselu, ei tallennusta."
        )
        parser.add_argument("--yes", action="store_true", help="Tallenna kysymättä vahvistusta.")

    def handle(self, *args, file: Path, dry_run: bool, yes: bool, **options):
        translation.activate("fi")
        if not file.is_file():
            raise CommandError(_("Tiedostoa ei löydy: %(file)s") % {"file": file})
        preview = services.org_import_preview(
            name=file.name, content=file.read_bytes(), keep=not dry_run
        )
        if not preview.ok:
            for problem in preview.problems:
                self.stderr.write(str(problem))
            count = len(preview.problems)
            raise CommandError(
                ngettext(
                    "Tiedostossa on %(count)s virhe. Mitään ei tallennettu.",
                    "Tiedostossa on %(count)s virhettä. Mitään ei tallennettu.",
                    count,
                )
                % {"count": count}
            )
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
        if not yes and input(_("Tallennetaanko muutokset? [k/E] ")).strip().lower() not in (
            "k",
            "y",
        ):
            self.stdout.write(_("Peruttu. Mitään ei tallennettu."))
            return
        try:
            result = services.org_import_apply(run=preview.run)
        except ImportBusy as busy:
            raise CommandError(str(busy)) from busy
        if not result.ok:
            for problem in result.problems:
                self.stderr.write(str(problem))
            raise CommandError(_("Mitään ei tallennettu."))
        self.stdout.write(self.style.SUCCESS(_("Tallennettu.")))
