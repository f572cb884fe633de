"""What an xAPI 1.0.3 statement of ours says: actor, verb, object, result, context,
timestamp and id. Plain values in, a JSON-ready dict out; nothing here reads the
database.

- Actor: an account on the county's home page (`XAPI_ACTOR_HOMEPAGE`, SITE_URL by
  default) named by `XAPI_ACTOR_FIELD`: the employee number (default) or the user id.
  The email never goes in, nor the person's name.
- Verbs from the ADL vocabulary (http://adlnet.gov/expapi/verbs/…), activity types
  from ADL's activity types.
- Activity ids are IRIs under SITE_URL (`/xapi/<kind>/<stable key>`), names as a
  language map in Finnish, Swedish and English (fi, sv, en).
- The statement id is a UUID derived from SITE_URL and the caller's key for the event
  (e.g. `course-completion/42`): the same event recorded twice is one statement, and
  a statement sent twice is kept once by the LRS.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

XAPI_VERSION = "1.0.3"
ADL_VERBS = "http://adlnet.gov/expapi/verbs/"
ADL_ACTIVITIES = "http://adlnet.gov/expapi/activities/"

# The verbs we use, with their display in our three languages.
VERBS: dict[str, dict[str, str]] = {
    "completed": {"fi": "suoritti", "sv": "slutförde", "en": "completed"},
    "passed": {"fi": "läpäisi", "sv": "godkändes i", "en": "passed"},
    "failed": {"fi": "ei läpäissyt", "sv": "underkändes i", "en": "failed"},
    "attempted": {"fi": "yritti", "sv": "försökte", "en": "attempted"},
    "attended": {"fi": "osallistui", "sv": "deltog i", "en": "attended"},
}

# Our kinds of activity and their ADL activity types.
ACTIVITY_TYPES = {
    "course": "course",
    "lesson": "lesson",
    "quiz": "assessment",
    "session": "meeting",
    "package": "module",
}

ACTOR_FIELDS = ("employee_number", "user_id")


@dataclass(frozen=True)
class Activity:
    """`kind` is one of ACTIVITY_TYPES, `key` stable for the activity (a translation
    key, a primary key), `names` by language code (fi, sv, en; empty ones left out)."""

    kind: str
    key: str
    names: dict[str, str]

    @property
    def iri(self) -> str:
        return activity_iri(self.kind, self.key)

    def as_object(self) -> dict:
        definition: dict = {"type": ADL_ACTIVITIES + ACTIVITY_TYPES[self.kind]}
        names = {code: name for code, name in self.names.items() if name}
        if names:
            definition["name"] = names
        return {"objectType": "Activity", "id": self.iri, "definition": definition}


@dataclass(frozen=True)
class Result:
    """What came of it: a score in per cent (0–100), or the score as the content gave
    it (`score_scaled` −1…1, `score_raw` within `score_min`…`score_max`); success,
    completion, and the time taken as an ISO 8601 duration (e.g. `PT4M30S`). Values
    xAPI would refuse (a scaled score out of range, min not below max, raw outside
    them) are left out rather than sent."""

    score_percent: int | None = None
    success: bool | None = None
    completion: bool | None = None
    score_scaled: float | None = None
    score_raw: float | None = None
    score_min: float | None = None
    score_max: float | None = None
    duration: str = ""

    def _score(self) -> dict:
        if self.score_percent is not None:
            raw = max(0, min(100, int(self.score_percent)))
            return {"scaled": raw / 100, "raw": raw, "min": 0, "max": 100}
        score: dict = {}
        if self.score_scaled is not None and -1 <= self.score_scaled <= 1:
            score["scaled"] = self.score_scaled
        low, high = self.score_min, self.score_max
        if low is not None and high is not None and not low < high:
            low = high = None
        if low is not None:
            score["min"] = low
        if high is not None:
            score["max"] = high
        given = self.score_raw
        if given is not None and (low is None or given >= low) and (high is None or given <= high):
            score["raw"] = given
        return score

    def as_dict(self) -> dict:
        result: dict = {}
        score = self._score()
        if score:
            result["score"] = score
        if self.success is not None:
            result["success"] = self.success
        if self.completion is not None:
            result["completion"] = self.completion
        if self.duration:
            result["duration"] = self.duration
        return result


def activity_iri(kind: str, key: str) -> str:
    """The activity's id: an IRI under SITE_URL."""
    if kind not in ACTIVITY_TYPES:
        raise ValueError(f"unknown activity kind {kind!r}")
    return f"{settings.SITE_URL}/xapi/{kind}/{key}"


def statement_uuid(event_key: str) -> uuid.UUID:
    """The statement id of the event `event_key`: the same on every call."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{settings.SITE_URL}/xapi/statement/{event_key}")


def actor_name(*, employee_number: str, user_id: int | None) -> str:
    """The identifier `XAPI_ACTOR_FIELD` chooses; empty when the person has none."""
    field = settings.XAPI_ACTOR_FIELD
    if field == "employee_number":
        return employee_number or ""
    if field == "user_id":
        return "" if user_id is None else str(user_id)
    raise ImproperlyConfigured(f"XAPI_ACTOR_FIELD must be one of {ACTOR_FIELDS}, not {field!r}")


def build(
    *,
    event_key: str,
    actor: str,
    verb: str,
    activity: Activity,
    timestamp: datetime.datetime,
    result: Result | None = None,
    parent: Activity | None = None,
    language: str = "",
) -> dict:
    """The statement as a JSON-ready dict."""
    if verb not in VERBS:
        raise ValueError(f"unknown verb {verb!r}")
    statement: dict = {
        "id": str(statement_uuid(event_key)),
        "actor": {
            "objectType": "Agent",
            "account": {"homePage": settings.XAPI_ACTOR_HOMEPAGE, "name": actor},
        },
        "verb": {"id": ADL_VERBS + verb, "display": dict(VERBS[verb])},
        "object": activity.as_object(),
        "timestamp": timestamp.isoformat(),
        "version": XAPI_VERSION,
    }
    if result is not None and result.as_dict():
        statement["result"] = result.as_dict()
    context: dict = {"platform": "Hyteopas"}
    if language:
        context["language"] = language
    if parent is not None:
        context["contextActivities"] = {"parent": [parent.as_object()]}
    statement["context"] = context
    return statement
