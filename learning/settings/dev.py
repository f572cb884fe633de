"""Local run on a laptop: DEBUG on, the embedded PostgreSQL in var/postgres that
`make run` starts (scripts/dev_database.py) and the filesystem broker, unless told
otherwise; SITE_URL follows PORT."""

import os
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "dev-only-not-secret-hyteopas")
os.environ.setdefault("DEBUG", "true")
_var_dir = Path(os.environ.get("HYTEOPAS_VAR_DIR") or Path(__file__).parents[2] / "var")
os.environ.setdefault("DATABASE_URL", f"postgresql://postgres@/hyteopas?host={_var_dir}/postgres")
os.environ.setdefault("SITE_URL", f"http://127.0.0.1:{os.environ.get('PORT', '8000')}")

from .base import *  # noqa: E402,F403
from .base import VAR_DIR  # noqa: E402

for _sub in ("broker/queue", "broker/processed", "broker/control", "media", "static"):
    (VAR_DIR / _sub).mkdir(parents=True, exist_ok=True)

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
