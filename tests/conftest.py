"""Shared fixtures. With CI=true, PostgreSQL, Redis and Chromium are required: a test
that needs one fails when it is missing instead of skipping."""

import os
import shutil

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def need(condition: bool, what: str) -> None:
    """Skip locally, fail in CI, when a real service a test needs is not there."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{what} is required in CI (CI=true) and is not available", pytrace=False)
    pytest.skip(f"{what} not available")


@pytest.fixture(scope="session", autouse=True)
def _postgres_in_ci(django_db_setup, django_db_blocker):
    from django.db import connection

    if IN_CI and connection.vendor != "postgresql":
        pytest.exit("CI=true needs DATABASE_URL pointing at PostgreSQL", returncode=3)


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language. A request made by an earlier test
    as a Swedish- or English-speaking person leaves that language active in this thread
    (the language middleware activates it per request, as Django's LocaleMiddleware
    does), so messages written afterwards outside a request would be in it."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_locale_ids():
    """The phrase search keeps each language's locale id per process, forgotten when a
    locale is saved or deleted; a test's rolled-back locale, or a flushed database,
    leaves no such trace, so each test starts without them."""
    from phrases.selectors import forget_locale_ids

    forget_locale_ids()


@pytest.fixture
def redis_url():
    import redis

    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
        available = True
    except redis.RedisError:
        available = False
    need(available, f"Redis at {url}")
    return url


@pytest.fixture
def chromium_path():
    path = "/usr/bin/chromium"
    need(shutil.which(path) is not None, "Debian's Chromium (/usr/bin/chromium)")
    return path


def _transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", [])
    return bool(
        (marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    )


def _serialized_rollback(item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", [])
    return bool(
        (marker and marker.kwargs.get("serialized_rollback"))
        or "django_db_serialized_rollback" in fixtures
    )


def pytest_collection_modifyitems(items):
    """pytest-django runs transactional tests after the others. Among them, those with a
    serialized rollback go first: they restore the database as migrations left it, with
    its content-type ids, which only holds before another transactional test's flush has
    made those rows anew under other ids. Under pytest-xdist (`--dist load`) every worker
    gets its tests in this order."""
    items.sort(key=lambda item: 0 if not _transactional(item) or _serialized_rollback(item) else 1)
