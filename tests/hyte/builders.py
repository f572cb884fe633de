"""Builders for the hyte picture's tests: self-ratings, phrase copies and sessions with
known answers."""

import datetime
import uuid

from django.utils import timezone

from events.models import Feedback, PresenterFeedback, PresenterSlot, Registration
from phrases.models import PhraseCopyCount
from quizzes.models import SelfAssessmentAnswer
from tests.events.builders import make_organisation, make_session
from tests.phrases.builders import make_phrase


def rate(employees, course, phase, value, *, months_ago=0):
    answered = timezone.now() - datetime.timedelta(days=31 * months_ago)
    made = SelfAssessmentAnswer.objects.bulk_create(
        [
            SelfAssessmentAnswer(
                employee=employee,
                course=course,
                block_id=uuid.uuid4(),
                phase=phase,
                question="Miten hyvin tunnet alueen hyte-toiminnan?",
                value=value,
            )
            for employee in employees
        ]
    )
    # answered_at is set on every save; move these into the month asked for.
    SelfAssessmentAnswer.objects.filter(pk__in=[a.pk for a in made]).update(answered_at=answered)
    return made


_phrases = {}


def copies(unit, count, *, days_ago=0, code="HYTE-1"):
    """The unit's running copy count of one phrase becomes `count`."""
    phrase = _phrases.get(code)
    if phrase is None or not type(phrase).objects.filter(pk=phrase.pk).exists():
        phrase = make_phrase(code, f"Ohjaus {code}", "Asiakas ohjattiin toimintaan.")
        _phrases[code] = phrase
    row, _ = PhraseCopyCount.objects.get_or_create(phrase=phrase, unit=unit)
    row.count = count
    row.save()
    PhraseCopyCount.objects.filter(pk=row.pk).update(
        last_copied_at=timezone.now() - datetime.timedelta(days=days_ago)
    )
    return row


def held_session(attendees, *, useful, not_useful, presenters_useful=0, presenters_not=0):
    """A past session: everyone in `attendees` came; feedback from the first
    useful + not_useful of them; presenter feedback from as many organisations."""
    session = make_session(starts_in=datetime.timedelta(days=-3))
    now = timezone.now()
    for number, employee in enumerate(attendees):
        registration = Registration.objects.create(
            session=session,
            employee=employee,
            status=Registration.Status.REGISTERED,
            queued_at=now,
            attended_at=now,
        )
        if number < useful + not_useful:
            Feedback.objects.create(
                registration=registration, useful=number < useful, rating=4, submitted_at=now
            )
    for number in range(presenters_useful + presenters_not):
        slot = PresenterSlot.objects.create(session=session, organisation=make_organisation())
        PresenterFeedback.objects.create(
            slot=slot, useful=number < presenters_useful, submitted_at=now
        )
    return session
