"""manage.py learning_status_rebuild: build the team dashboard's status table
(`learning_status`) again from enrolments, completions and course audiences. The
services keep it in step; this is for a restore, a bulk load done outside them, or to
check that nothing drifted (--check)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from courses.models import LearningStatus
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
        before = set(LearningStatus.objects.values_list(*fields))
        with transaction.atomic():
            count = learning_status_refresh()
            after = set(LearningStatus.objects.values_list(*fields))
            if check:
                transaction.set_rollback(True)
        differ = len(before ^ after)
        self.stdout.write(f"{count} riviä, {differ} eroa")
        if check and differ:
            raise SystemExit(1)
