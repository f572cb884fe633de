"""manage.py learning_status_rebuild: build the team dashboard's status table
(`learning_status`) and its per-person summaries (`learning_summary`) again from
enrolments, completions and course audiences. The services keep them in step; this is
for a restore, a bulk load done outside them, or to check that nothing drifted
(--check: both tables compared)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from courses.models import LearningStatus, LearningSummary
from courses.status import learning_status_refresh


class Command(BaseCommand):
    help = "Rakentaa koulutusten tilataulun (learning_status) uudelleen."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Vain vertaa: muuttuisiko jokin rivi?"
        )

    def handle(self, *args, check=False, **options):
        fields = (
            "employee_id",
            "course_id",
            "due_date",
            "completed_at",
            "expires_at",
            "renewal_due",
        )
        summary_fields = [field.attname for field in LearningSummary._meta.fields]

        def both():
            return (
                set(LearningStatus.objects.values_list(*fields)),
                {
                    tuple(tuple(v) if isinstance(v, list) else v for v in row)
                    for row in LearningSummary.objects.values_list(*summary_fields)
                },
            )

        rows_before, summaries_before = both()
        with transaction.atomic():
            count = learning_status_refresh()
            rows_after, summaries_after = both()
            if check:
                transaction.set_rollback(True)
        differ = len(rows_before ^ rows_after) + len(summaries_before ^ summaries_after)
        self.stdout.write(f"{count} riviä, {differ} eroa")
        if check and differ:
            raise SystemExit(1)
