"""Local run on a laptop: DEBUG on, SQLite and the filesystem broker unless told otherwise."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-not-secret-hyteopas")
os.environ.setdefault("DEBUG", "true")

from .base import *  # noqa: E402,F403
from .base import VAR_DIR  # noqa: E402

for _sub in ("broker/queue", "broker/processed", "broker/control", "media", "static"):
    (VAR_DIR / _sub).mkdir(parents=True, exist_ok=True)

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
