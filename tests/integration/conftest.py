"""A real Celery worker, in a thread of the test process, consuming from real Redis."""

import time

import pytest


@pytest.fixture
def celery_worker(redis_url, transactional_db):
    import redis
    from celery.contrib.testing.worker import start_worker
    from django.db import connection

    from tasks.celery import app
    from tests.conftest import need

    # SQLite's in-memory test database locks up between the worker thread and the test.
    need(connection.vendor == "postgresql", "PostgreSQL (DATABASE_URL)")
    redis.Redis.from_url(redis_url).flushdb()
    previous = (app.conf.task_always_eager, app.conf.broker_url)
    app.conf.task_always_eager = False
    app.conf.broker_url = redis_url
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=20):
            yield app
    finally:
        app.conf.task_always_eager, app.conf.broker_url = previous


def wait_for(condition, timeout: float = 30.0, interval: float = 0.2):
    """Poll until `condition()` is truthy; the worker runs in another thread."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout} s")
