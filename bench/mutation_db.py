"""A pytest plugin for the mutation bench (bench/mutation.py): every pytest session
mutmut starts (the stats run, the clean run, one per mutant) gets a fresh test
database copied from a migrated template, under a name of its own process.

Why: a transactional test flushes its database at the end, taking the rows the data
migrations wrote (groups, locales) with it. In the normal suite those tests run last;
across mutmut's many sessions a reused database would start the next mutant's tests
without them and "kill" the mutant for the wrong reason. A copy per session costs about
a second; migrating anew would cost a minute.
"""

import os

import environ
import harness  # the scratch copy's bench/ is on PYTHONPATH
import pytest

TEMPLATE_SUFFIX = "_template"


def _settings() -> dict:
    return environ.Env.db_url_config(os.environ["DATABASE_URL"])


def template_name(config: dict) -> str:
    return config["NAME"] + TEMPLATE_SUFFIX


def _session_name(config: dict) -> str:
    return f"test_{config['NAME']}_{os.getpid()}"


def pytest_sessionstart(session):
    from django.conf import settings

    config = _settings()
    name = _session_name(config)
    harness.recreate_database({**config, "NAME": name}, template=template_name(config))
    settings.DATABASES["default"]["NAME"] = name
    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = name


class _Fixtures:
    """Registered after pytest-django, so its `django_db_setup` wins: the copy is
    already migrated (pytest-django's own would run `migrate` again, seconds per
    mutant). Serialises the content for tests that ask for a serialized rollback, as
    pytest-django's does."""

    @pytest.fixture(scope="session")
    def django_db_setup(self, request, django_test_environment, django_db_blocker):
        from django.db import connection
        from pytest_django.fixtures import _get_databases_for_setup

        _aliases, serialized = _get_databases_for_setup(request.session.items)
        if serialized:
            with django_db_blocker.unblock():
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()
        yield


def pytest_configure(config):
    config.pluginmanager.register(_Fixtures(), "mutation_db_fixtures")


def pytest_sessionfinish(session, exitstatus):
    from django.db import connections

    connections.close_all()
    config = _settings()
    harness.drop_database({**config, "NAME": _session_name(config)})
