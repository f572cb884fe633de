"""manage.py import_employees FILE: preview an HR file, then apply it."""

from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from people import services
from people.management.import_command import ImportCommand


class Command(ImportCommand):
    help = "Tuo henkilöstön CSV- tai XLSX-tiedostosta: näyttää esikatselun ja tallentaa."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--allow-mass-deactivation",
            action="store_true",
            help="Salli tallennus, vaikka tiedosto merkitsisi monta henkilöä poistuneiksi.",
        )

    def handle(
        self,
        *args,
        file: Path,
        dry_run: bool,
        yes: bool,
        allow_mass_deactivation: bool = False,
        **options,
    ):  # long: preview, confirmation and apply, as on the admin page
        preview = self.preview_file(
            file, dry_run=dry_run, make_preview=services.employee_import_preview
        )
        plan = preview.plan
        self.stdout.write(
            _(
                "Uusia: %(created)s, muuttuvia: %(updated)s, poistuvia: %(deactivated)s, "
                "ennallaan: %(unchanged)s."
            )
            % {
                "created": len(plan.to_create),
                "updated": plan.updated_count,
                "deactivated": plan.deactivated_count,
                "unchanged": plan.unchanged_count,
            }
        )
        forecast = preview.forecast
        if forecast is not None:
            self.stdout.write(
                _(
                    "Perehdytyslistoja: %(checklists)s, koulutusilmoittautumisia: "
                    "%(enrolments)s, ensimmäinen muistutus: %(first)s."
                )
                % {
                    "checklists": forecast.checklists,
                    "enrolments": forecast.enrolments,
                    "first": forecast.first_reminder.strftime("%-d.%-m.%Y")
                    if forecast.first_reminder
                    else "–",
                }
            )
        if plan.needs_second_confirmation(None):
            # Many leavers: list them first, so a wrong file shows itself.
            for leaver in plan.leavers[:50]:
                self.stdout.write(
                    _("Poistuu: %(number)s %(first)s %(last)s")
                    % {
                        "number": leaver["employee_number"],
                        "first": leaver["first_name"],
                        "last": leaver["last_name"],
                    }
                )
            self.stdout.write(
                self.style.WARNING(
                    _(
                        "Tiedosto merkitsisi %(count)s henkilöä %(active)s voimassa olevasta "
                        "(%(share)s %%) poistuneiksi."
                    )
                    % {
                        "count": plan.deactivated_count,
                        "active": plan.active_before,
                        "share": round(plan.deactivation_share * 100),
                    }
                )
            )
        if dry_run or not plan.has_changes:
            return
        if plan.needs_second_confirmation(None) and not allow_mass_deactivation:
            raise CommandError(
                _(
                    "Mitään ei tallennettu: tiedosto merkitsisi %(count)s henkilöä "
                    "poistuneiksi. Jos se on oikein, aja komento uudelleen valinnalla "
                    "--allow-mass-deactivation."
                )
                % {"count": plan.deactivated_count}
            )
        if self.confirmed(yes=yes):
            self.apply(
                lambda: services.employee_import_apply(
                    run=preview.run, allow_mass_deactivation=allow_mass_deactivation
                )
            )
