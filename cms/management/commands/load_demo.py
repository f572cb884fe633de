"""manage.py load_demo: the fictional Järvilaakso county, its courses and learning history."""

import logging

from django.core.management.base import BaseCommand

from cms.models import HomePage
from courses.demo.loading import load_demo_courses
from courses.demo.progress import load_demo_progress
from events.demo import load_demo_events
from onboarding.demo import load_demo_onboarding
from people import roles
from people.demo.county import DEMO_PASSWORD
from people.demo.loading import load_demo_county
from phrases.demo.loading import load_demo_phrases
from supervision.totals import unit_totals_refresh


class Command(BaseCommand):
    help = "Lataa esittelyaineiston (kuvitteellinen Järvilaakson hyvinvointialue)."

    def handle(self, *args, **options):
        # Wagtail logs every page and snippet it publishes; the demo publishes hundreds.
        wagtail_logger = logging.getLogger("wagtail")
        level = wagtail_logger.level
        wagtail_logger.setLevel(logging.WARNING)
        try:
            sign_ins = load_demo_county()
            load_demo_courses(HomePage.objects.get(locale__language_code="fi"))
            load_demo_progress()
            load_demo_onboarding()
            load_demo_events()
            load_demo_phrases()
            # The county report reads precomputed totals: have them ready before beat runs.
            unit_totals_refresh()
        finally:
            wagtail_logger.setLevel(level)
        self.stdout.write(self.style.SUCCESS("Esittelyaineisto valmis. Kirjautumiset:"))
        for role, employee in sign_ins:
            self.stdout.write(f"  {roles.LABELS[role]:<22} {employee.user.email}")
        self.stdout.write(f"  Salasana kaikille: {DEMO_PASSWORD}")
