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
