"""The demo sessions load on the demo county, twice without duplicates, and their
series report shows figures."""

import pytest
from django.urls import reverse

from events.demo import load_demo_events
from events.models import Feedback, Registration, Session, SessionSeries
from people import roles
from people.demo.loading import load_demo_county

pytestmark = pytest.mark.django_db


def test_demo_sessions_load_twice_and_the_report_shows_figures(client):
    sign_ins = dict(load_demo_county())
    load_demo_events()
    counts = (Session.objects.count(), Registration.objects.count(), Feedback.objects.count())
    load_demo_events()
    assert (Session.objects.count(), Registration.objects.count(), Feedback.objects.count()) == (
        counts
    )
    assert SessionSeries.objects.count() == 2
    assert Session.objects.count() == 6

    client.force_login(sign_ins[roles.HYTE_COORDINATOR].user)
    for series in SessionSeries.objects.all():
        report = client.get(reverse("events:series_report", args=[series.pk])).context["report"]
        assert report.total.attended >= 5
        assert report.total.useful_share is not None
        assert report.total.mean_rating is not None
        assert report.total.presenters_useful_share is not None
