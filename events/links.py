"""Personal links for an organisation's contact person, who has no account: a signed,
timestamped token naming one presenter slot and the slot's link version. A changed
token, one older than PRESENTER_LINK_MAX_AGE, or one whose version is no longer the
slot's (a newer link has been sent) fails, and the page says so without changing
anything. Sending links (`presenter_url(slot, renew=True)`) raises the version, so
the link sent before stops working."""

from django.conf import settings
from django.core import signing
from django.db.models import F
from django.urls import reverse

SALT = "events.presenter-slot"
# Long enough to reach a busy volunteer, short enough that an old email is harmless.
DEFAULT_MAX_AGE = 30 * 24 * 60 * 60


class LinkExpired(Exception):
    pass


class LinkRevoked(LinkExpired):
    """A newer link has been sent for the slot."""


class LinkInvalid(Exception):
    pass


def max_age() -> int:
    return getattr(settings, "PRESENTER_LINK_MAX_AGE", DEFAULT_MAX_AGE)


def _slot_model():
    from events.models import PresenterSlot

    return PresenterSlot


def _version(slot) -> int:
    if isinstance(slot, int):
        return _slot_model().objects.filter(pk=slot).values_list("link_version", flat=True).get()
    return slot.link_version


def presenter_token(slot) -> str:
    """`slot`: a PresenterSlot, or its id (one query for the version)."""
    slot_id = slot if isinstance(slot, int) else slot.pk
    return signing.dumps({"slot": slot_id, "v": _version(slot)}, salt=SALT, compress=True)


def presenter_link_renew(slot) -> None:
    """Void every link sent so far for the slot."""
    slot_model = _slot_model()
    slot_model.objects.filter(pk=slot.pk).update(link_version=F("link_version") + 1)
    slot.link_version = slot_model.objects.values_list("link_version", flat=True).get(pk=slot.pk)


def presenter_url(slot, *, renew: bool = False) -> str:
    """The slot's current link; with `renew`, a new one that voids the old."""
    if renew:
        presenter_link_renew(slot)
    return settings.SITE_URL + reverse("events:presenter", args=[presenter_token(slot)])


def slot_id_from(token: str) -> int:
    try:
        found = signing.loads(token, salt=SALT, max_age=max_age())
        slot_id, version = int(found["slot"]), int(found.get("v", 0))
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except (signing.BadSignature, KeyError, TypeError, ValueError, AttributeError) as error:
        raise LinkInvalid from error
    current = (
        _slot_model().objects.filter(pk=slot_id).values_list("link_version", flat=True).first()
    )
    if current is not None and current != version:
        raise LinkRevoked
    return slot_id
