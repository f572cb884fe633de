"""Test settings: PostgreSQL from DATABASE_URL (default 127.0.0.1:5432), Redis for the
integration tests from REDIS_URL; tasks eager unless a test starts a real worker."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hyteopas")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")
os.environ.setdefault("CELERY_BROKER_URL", os.environ["REDIS_URL"])
os.environ.setdefault("EMAIL_URL", "memorymail://")
os.environ.setdefault("HYTEOPAS_VAR_DIR", os.path.join(tempfile.gettempdir(), "hyteopas-test-var"))

# Under pytest-xdist each worker process gets a Redis database and a var folder of its
# own (pytest-django already gives it its own test database): the integration tests
# flush their Redis database and the export tests purge their folder.
_XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if _XDIST_WORKER.startswith("gw") and not os.environ.get("_HYTEOPAS_XDIST_APPLIED"):
    _index = int(_XDIST_WORKER[2:])
    _base, _, _db = os.environ["REDIS_URL"].rpartition("/")
    os.environ["REDIS_URL"] = f"{_base}/{(int(_db or 0) - _index) % 16}"
    os.environ["CELERY_BROKER_URL"] = os.environ["REDIS_URL"]
    os.environ["HYTEOPAS_VAR_DIR"] = os.path.join(os.environ["HYTEOPAS_VAR_DIR"], _XDIST_WORKER)
    # Child processes a test starts (a real worker, gunicorn) inherit the values as is.
    os.environ["_HYTEOPAS_XDIST_APPLIED"] = "1"

from .base import *  # noqa: E402,F403
from .base import STATIC_ROOT  # noqa: E402

STATIC_ROOT.mkdir(parents=True, exist_ok=True)

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WAGTAILADMIN_BASE_URL = "http://testserver"

# Wagtail logs every page and snippet save at INFO; tests create hundreds.
LOGGING["loggers"]["wagtail"] = {"level": "WARNING"}  # noqa: F405

# Test processes (and the workers and servers tests start) do not load the lemma data at
# start unless a test asks for it.
LEMMAS_WARM = os.environ.get("LEMMAS_WARM", "0") == "1"
# django-axes logs every sign-in attempt; tests make hundreds.
AXES_VERBOSE = False
LOGGING["loggers"]["axes"] = {"level": "WARNING"}  # noqa: F405
