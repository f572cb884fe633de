"""Personal links for an organisation's contact person, who has no account: a signed,
timestamped token naming one presenter slot. A changed token or one older than
PRESENTER_LINK_MAX_AGE fails, and the page says so without changing anything."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "events.presenter-slot"
# Long enough to reach a busy volunteer, short enough that an old email is harmless.
DEFAULT_MAX_AGE = 30 * 24 * 60 * 60


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def max_age() -> int:
    return getattr(settings, "PRESENTER_LINK_MAX_AGE", DEFAULT_MAX_AGE)


def presenter_token(slot_id: int) -> str:
    return signing.dumps({"slot": slot_id}, salt=SALT, compress=True)


def presenter_url(slot_id: int) -> str:
    return settings.SITE_URL + reverse("events:presenter", args=[presenter_token(slot_id)])


def slot_id_from(token: str) -> int:
    try:
        return int(signing.loads(token, salt=SALT, max_age=max_age())["slot"])
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise LinkInvalid from error
