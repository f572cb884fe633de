"""Reads about content packages and learners' attempts."""

from collections.abc import Iterable
from typing import Any

from django.db.models import Avg, Count, Q

from packages.models import ContentPackage, PackageAttempt
from people.models import Employee

# Given back to the runtime on the next visit; a session's own figures start afresh.
_NOT_RESUMED = {"session_time", "entry", "exit"}


def resume_data(attempt: PackageAttempt | None) -> dict[str, Any]:
    """The stored CMI as scorm-again's loadFromJSON takes it, without what belongs to
    the previous session only. No queries."""
    if attempt is None or not isinstance(attempt.cmi, dict):
        return {}
    cmi = {key: value for key, value in attempt.cmi.items() if key not in _NOT_RESUMED}
    core = cmi.get("core")
    if isinstance(core, dict):
        cmi["core"] = {key: value for key, value in core.items() if key not in _NOT_RESUMED}
        if attempt.suspend_data or attempt.location:
            cmi["core"]["entry"] = "resume"
    return cmi


def attempts_of(*, employee: Employee, package_ids: Iterable[int]) -> dict[int, PackageAttempt]:
    """The learner's latest attempt at each of the packages, by package id. One query."""
    latest: dict[int, PackageAttempt] = {}
    for attempt in PackageAttempt.objects.filter(
        employee=employee, package_id__in=list(package_ids)
    ).order_by("package_id", "number"):
        latest[attempt.package_id] = attempt
    return latest


def done_package_ids(
    *, employee: Employee, package_ids: Iterable[int], since: Any = None
) -> set[int]:
    """The packages among `package_ids` the learner has finished (since `since`, when
    given: a renewal round). One query."""
    attempts = PackageAttempt.objects.filter(
        employee=employee, package_id__in=list(package_ids), completed_at__isnull=False
    )
    if since is not None:
        attempts = attempts.filter(completed_at__gte=since)
    return set(attempts.values_list("package_id", flat=True))


def best_percent(
    *, employee: Employee, package_ids: Iterable[int], since: Any = None
) -> dict[int, int]:
    """The learner's best score (0–100) on each finished package that reports one.
    One query."""
    best: dict[int, int] = {}
    attempts = PackageAttempt.objects.filter(
        employee=employee, package_id__in=list(package_ids), completed_at__isnull=False
    ).exclude(score=None)
    if since is not None:
        attempts = attempts.filter(completed_at__gte=since)
    for package_id, percent in attempts.values_list("package_id", "score"):
        if percent is not None:
            best[package_id] = max(percent, best.get(package_id, 0))
    return best


def package_statistics(*, package_ids: Iterable[int]) -> list[dict[str, Any]]:
    """Per package: learners who started, finished and passed, and the average score
    (0–100) of those with one. Two queries."""
    packages = {p.pk: p for p in ContentPackage.objects.filter(pk__in=list(package_ids))}
    rows = (
        PackageAttempt.objects.filter(package_id__in=list(packages))
        .values("package_id")
        .annotate(
            started=Count("employee", distinct=True),
            finished=Count("employee", distinct=True, filter=Q(completed_at__isnull=False)),
            passed=Count("employee", distinct=True, filter=Q(success_status="passed")),
            score=Avg("score"),
        )
    )
    found: dict[int, dict[str, Any]] = {row["package_id"]: dict(row) for row in rows}
    result = []
    for pk, package in packages.items():
        row = found.get(pk, {})
        score = row.get("score")
        result.append(
            {
                "package": package,
                "started": row.get("started", 0),
                "finished": row.get("finished", 0),
                "passed": row.get("passed", 0),
                "average_score": round(score) if score is not None else None,
            }
        )
    return result
