"""Writes about content packages: storing an upload, and recording what a package's
runtime reports for a learner (SCORM commits, H5P xAPI results), and the xAPI
statement of each result an attempt reaches.

The times a package reports (SCORM 1.2 `HHHH:MM:SS.SS`, ISO 8601 durations from SCORM
2004 and H5P) are read by two regular expressions here rather than a date library:
only these two fixed formats occur, and the one library for ISO durations would be a
dependency for a dozen lines."""

import re
from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from packages import archive
from packages.models import ContentPackage, PackageAttempt
from people.models import Employee
from xapi.services import Activity, Result, xapi_enabled, xapi_record

PASSED = "passed"
FAILED = "failed"
COMPLETED = "completed"


def package_store(
    *,
    upload: Any,
    h5p: bool,
    title: str = "",
    user: AbstractBaseUser | AnonymousUser | None = None,
    package: ContentPackage | None = None,
) -> ContentPackage:
    """Check `upload` (archive.inspect), unpack it and save the package (a new one, or
    `package` with its files replaced). Raises archive.PackageRefused with the reason;
    then nothing is stored, on disk or in the database. Queries: one insert or update."""
    inspection = archive.inspect(upload, h5p=h5p)
    try:
        folder = archive.extract(upload, inspection)
    except (OSError, EOFError, ValueError) as error:
        raise archive.PackageRefused(str(error)) from error
    old_folder = package.folder if package is not None and package.pk else ""
    target = package or ContentPackage()
    target.title = title or target.title or inspection.title or "—"
    target.kind = inspection.kind
    target.launch = inspection.launch
    target.folder = folder
    target.unpacked_bytes = inspection.unpacked_bytes
    if user is not None and user.is_authenticated and target.uploaded_by_id is None:
        target.uploaded_by_id = user.pk
    try:
        with transaction.atomic():
            target.save()
    except BaseException:
        archive.remove(folder)
        raise
    if old_folder:
        transaction.on_commit(lambda: archive.remove(old_folder))
    return target


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _text(value: Any, limit: int) -> str:
    return value[:limit] if isinstance(value, str) else ""


def _number(value: Any) -> float | None:
    if value in (None, ""):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number and abs(number) < 1e12 else None


def _read_scorm_12(cmi: Mapping[str, Any]) -> dict[str, Any]:
    core = _mapping(cmi.get("core"))
    score = _mapping(core.get("score"))
    status = _text(core.get("lesson_status"), 20)
    return {
        "location": _text(core.get("lesson_location"), 1000),
        "suspend_data": _text(cmi.get("suspend_data"), 64000),
        "completion_status": COMPLETED if status in (COMPLETED, PASSED, FAILED) else status,
        "success_status": status if status in (PASSED, FAILED) else "",
        "score_raw": _number(score.get("raw")),
        "score_min": _number(score.get("min")),
        "score_max": _number(score.get("max")),
        "score_scaled": None,
        "session_time": _text(core.get("session_time"), 40),
        "total_time": _text(core.get("total_time"), 40),
    }


def _read_scorm_2004(cmi: Mapping[str, Any]) -> dict[str, Any]:
    score = _mapping(cmi.get("score"))
    return {
        "location": _text(cmi.get("location"), 1000),
        "suspend_data": _text(cmi.get("suspend_data"), 64000),
        "completion_status": _text(cmi.get("completion_status"), 20),
        "success_status": _text(cmi.get("success_status"), 20),
        "score_raw": _number(score.get("raw")),
        "score_min": _number(score.get("min")),
        "score_max": _number(score.get("max")),
        "score_scaled": _number(score.get("scaled")),
        "session_time": _text(cmi.get("session_time"), 40),
        "total_time": _text(cmi.get("total_time"), 40),
    }


def attempt_is_done(attempt: PackageAttempt) -> bool:
    """Finished for the lesson: completed (or passed), not failed; where the package
    gives a score but no verdict and the package has a pass mark, the score decides."""
    if attempt.success_status == FAILED:
        return False
    if attempt.success_status == PASSED:
        return True
    if attempt.completion_status != COMPLETED:
        return False
    mark = attempt.package.mastery_score
    if mark is not None:
        percent = attempt.score
        return percent is not None and percent >= mark
    return True


def _current_attempt(
    *, employee: Employee, package: ContentPackage, fresh_after: Any = None
) -> PackageAttempt:
    """The learner's latest attempt, locked; a new one when there is none, or when the
    latest was finished before `fresh_after` (a course renewed: the package is done
    again from the start)."""
    attempt = (
        PackageAttempt.objects.select_for_update()
        .filter(employee=employee, package=package)
        .order_by("-number")
        .first()
    )
    stale = (
        attempt is not None
        and fresh_after is not None
        and attempt.completed_at is not None
        and attempt.completed_at < fresh_after
    )
    if attempt is not None and not stale:
        return attempt
    number = attempt.number + 1 if attempt is not None else 1
    try:
        with transaction.atomic():
            return PackageAttempt.objects.create(employee=employee, package=package, number=number)
    except IntegrityError:
        return PackageAttempt.objects.select_for_update().get(
            employee=employee, package=package, number=number
        )


@transaction.atomic
def attempt_commit(
    *,
    employee: Employee,
    package: ContentPackage,
    data: Mapping[str, Any],
    fresh_after: Any = None,
) -> tuple[PackageAttempt, bool]:
    """Store a SCORM runtime commit (scorm-again's JSON: {"cmi": {...}}) on the learner's
    attempt: the whole CMI for resuming, and its location, suspend data, statuses, score
    and times in columns. A package once completed stays completed (a later commit that
    reports less does not undo it). Returns the attempt and whether this commit finished
    it. A finished attempt from before `fresh_after` (the course's current round began)
    is left as it was and a new one begun. Queries: the locked attempt, one update (and
    one insert the first time); two more for the xAPI statement of a result it brings
    while xAPI is on."""
    cmi = _mapping(data.get("cmi")) if "cmi" in data else data
    read = (
        _read_scorm_12(cmi)
        if package.kind == ContentPackage.Kind.SCORM_12
        else _read_scorm_2004(cmi)
    )
    attempt = _current_attempt(employee=employee, package=package, fresh_after=fresh_after)
    attempt.package = package
    verb_before = result_verb(attempt)
    for name, value in read.items():
        setattr(attempt, name, value)
    attempt.cmi = dict(cmi)
    attempt.score = attempt.percent()
    attempt.commits += 1
    finished = attempt.completed_at is None and attempt_is_done(attempt)
    if finished:
        attempt.completed_at = timezone.now()
    attempt.save()
    _xapi_result(employee, attempt, verb_before=verb_before)
    return attempt, finished


_COMPLETING_VERBS = ("completed", "answered", "passed", "failed")


@transaction.atomic
def h5p_result_record(
    *,
    employee: Employee,
    package: ContentPackage,
    statement: Mapping[str, Any],
    fresh_after: Any = None,
) -> tuple[PackageAttempt | None, bool]:
    """Store an H5P xAPI statement's result (completed, answered, passed or failed, with
    a score) on the learner's attempt; statements of sub-content or without a result
    are ignored (None). Returns the attempt and whether this statement finished it.
    The best score is kept. Queries: the locked attempt and one
    update (and one insert the first time); two more for the xAPI statement of a
    result it brings while xAPI is on."""
    verb = _mapping(statement.get("verb"))
    verb_id = _text(verb.get("id"), 200).rsplit("/", 1)[-1]
    result = statement.get("result")
    context = _mapping(statement.get("context"))
    activities = context.get("contextActivities")
    if verb_id not in _COMPLETING_VERBS or not isinstance(result, Mapping):
        return None, False
    if isinstance(activities, Mapping) and activities.get("parent"):
        return None, False  # a question inside a larger H5P content
    score = _mapping(result.get("score"))
    attempt = _current_attempt(employee=employee, package=package, fresh_after=fresh_after)
    attempt.package = package
    verb_before = result_verb(attempt)
    scaled = _number(score.get("scaled"))
    if scaled is None or attempt.score_scaled is None or scaled >= attempt.score_scaled:
        attempt.score_raw = _number(score.get("raw"))
        attempt.score_min = _number(score.get("min"))
        attempt.score_max = _number(score.get("max"))
        attempt.score_scaled = scaled
    if result.get("completion") is True or verb_id in ("completed", "passed", "failed"):
        attempt.completion_status = COMPLETED
    success = result.get("success")
    if success is True or verb_id == "passed":
        attempt.success_status = PASSED
    elif (success is False or verb_id == "failed") and attempt.success_status != PASSED:
        attempt.success_status = FAILED
    attempt.session_time = _text(result.get("duration"), 40)
    attempt.cmi = {"verb": verb_id, "result": dict(result)}
    attempt.score = attempt.percent()
    attempt.commits += 1
    finished = attempt.completed_at is None and attempt_is_done(attempt)
    if finished:
        attempt.completed_at = timezone.now()
    attempt.save()
    _xapi_result(employee, attempt, verb_before=verb_before)
    return attempt, finished


def result_verb(attempt: PackageAttempt) -> str | None:
    """The result the attempt has reached, as an xAPI verb: "passed" or "failed" when
    success is known (the package's verdict, else its score against the package's pass
    mark), "completed" when only completion is, None when it has no result yet."""
    if attempt.success_status in (PASSED, FAILED):
        return attempt.success_status
    if attempt.completion_status != COMPLETED:
        return None
    mark = attempt.package.mastery_score
    if mark is not None and attempt.score is not None:
        return PASSED if attempt.score >= mark else FAILED
    return COMPLETED


_SCORM_12_TIME = re.compile(r"^(\d{1,4}):([0-5]?\d):([0-5]?\d(?:\.\d{1,2})?)$")
_ISO_DURATION = re.compile(
    r"^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$"
)
# Years and months as SCORM 2004 counts them (no calendar: a span, not dates).
_ISO_UNIT_SECONDS = (365 * 86400, 30 * 86400, 86400, 3600, 60, 1)


def _seconds(value: str) -> float | None:
    """A SCORM 1.2 time span or an ISO 8601 duration in seconds; None when it is
    neither."""
    value = value.strip()
    match = _SCORM_12_TIME.match(value)
    if match:
        hours, minutes, seconds = match.groups()
        return int(hours) * 3600 + int(minutes) * 60 + float(seconds)
    match = _ISO_DURATION.match(value)
    if match and value not in ("P", "PT") and not value.endswith("T"):
        return sum(
            float(part) * unit
            for part, unit in zip(match.groups(), _ISO_UNIT_SECONDS, strict=True)
            if part
        )
    return None


def iso_duration(*times: str) -> str:
    """The longest of `times` (SCORM 1.2 or ISO 8601) as an ISO 8601 duration such as
    `PT1H2M3.5S`; empty when none can be read."""
    found = [seconds for seconds in map(_seconds, times) if seconds is not None]
    if not found:
        return ""
    centis = round(max(found) * 100)
    hours, centis = divmod(centis, 360000)
    minutes, centis = divmod(centis, 6000)
    text = "PT"
    if hours:
        text += f"{hours}H"
    if minutes:
        text += f"{minutes}M"
    if centis or text == "PT":
        text += f"{centis // 100}" + (f".{centis % 100:02d}".rstrip("0") if centis % 100 else "")
        text += "S"
    return text


def _xapi_result(employee: Employee, attempt: PackageAttempt, *, verb_before: str | None) -> None:
    """The statement "passed", "failed" or "completed" <package> with the package's own
    score and the time taken, once per attempt and result (the event key): recorded
    when this commit brought the attempt to a result it did not have just before.
    Two queries when it does while xAPI is on, none while it is off."""
    if not xapi_enabled():
        return
    verb = result_verb(attempt)
    if verb is None or verb == verb_before:
        return
    package = attempt.package
    xapi_record(
        event_key=f"package-attempt/{attempt.pk}/{verb}",
        employee_number=employee.employee_number,
        user_id=employee.user_id,
        verb=verb,
        # A package has one title, in the language it was made in: it names it in all three.
        activity=Activity(
            kind="package",
            key=str(package.key),
            names=dict.fromkeys(("fi", "sv", "en"), package.title),
        ),
        result=Result(
            success=None if verb == COMPLETED else verb == PASSED,
            completion=attempt.completion_status == COMPLETED,
            score_scaled=attempt.score_scaled,
            score_raw=attempt.score_raw,
            score_min=attempt.score_min,
            score_max=attempt.score_max,
            duration=iso_duration(attempt.session_time, attempt.total_time),
        ),
    )
