"""What the staff and org-tree import commands share: the file and its preview, the
refusal that lists every problem, the question before saving and the apply step."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from people.hr_import.locking import ImportBusy


class ImportCommand(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Vain esikatselu, ei tallennusta."
        )
        parser.add_argument("--yes", action="store_true", help="Tallenna kysymättä vahvistusta.")

    def preview_file(self, file: Path, *, dry_run: bool, make_preview):
        """The file's preview (kept for applying unless `dry_run`); a file with problems
        lists each and stops, nothing saved."""
        translation.activate("fi")
        if not file.is_file():
            raise CommandError(_("Tiedostoa ei löydy: %(file)s") % {"file": file})
        preview = make_preview(name=file.name, content=file.read_bytes(), keep=not dry_run)
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
        return preview

    def confirmed(self, *, yes: bool) -> bool:
        if yes or input(_("Tallennetaanko muutokset? [k/E] ")).strip().lower() in ("k", "y"):
            return True
        self.stdout.write(_("Peruttu. Mitään ei tallennettu."))
        return False

    def apply(self, apply_preview) -> None:
        """Run `apply_preview()`; another import being applied, or a file that no longer
        passes, stops with nothing saved."""
        try:
            result = apply_preview()
        except ImportBusy as busy:
            raise CommandError(str(busy)) from busy
        if not result.ok:
            for problem in result.problems:
                self.stderr.write(str(problem))
            raise CommandError(_("Mitään ei tallennettu."))
        self.stdout.write(self.style.SUCCESS(_("Tallennettu.")))
