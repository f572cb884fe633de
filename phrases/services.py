"""Writes of the phrase library: copy counts and favourites. Both are safe to repeat
and never store what the user filled in."""

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import F

from phrases.models import Phrase, PhraseCopyCount, PhraseFavourite


def phrase_copy_record(*, phrase: Phrase, unit_id: int) -> None:
    """Add one copy of a phrase to a unit's count and to the phrase's total: atomic
    increments, the unit's created on the first copy (a concurrent first copy falls
    back to the increment). Two or three statements."""
    Phrase.objects.filter(pk=phrase.pk).update(copies_total=F("copies_total") + 1)
    updated = PhraseCopyCount.objects.filter(phrase=phrase, unit_id=unit_id).update(
        count=F("count") + 1
    )
    if updated:
        return
    try:
        with transaction.atomic():
            PhraseCopyCount.objects.create(phrase=phrase, unit_id=unit_id, count=1)
    except IntegrityError:
        PhraseCopyCount.objects.filter(phrase=phrase, unit_id=unit_id).update(count=F("count") + 1)


def phrase_favourite_set(*, user: User, phrase: Phrase, favourite: bool) -> None:
    """Mark or unmark a phrase as the user's favourite; repeating is harmless."""
    if favourite:
        PhraseFavourite.objects.get_or_create(user=user, phrase=phrase)
    else:
        PhraseFavourite.objects.filter(user=user, phrase=phrase).delete()
