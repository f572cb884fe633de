#!/usr/bin/env bash
# Start Hyteopas locally with demo content: SQLite, kombu's filesystem broker (no server
# to install), the web server on http://127.0.0.1:8000, a Celery worker and beat.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-learning.settings.dev}
export PYTHONUNBUFFERED=1
.venv/bin/python manage.py migrate --noinput -v 0
.venv/bin/python manage.py load_demo
echo
echo "Hyteopas: http://127.0.0.1:8000  (Ctrl+C stops the web server, worker and beat)"
# honcho, waiting up to HONCHO_STOP_SECONDS (60) for the worker's warm shutdown.
exec .venv/bin/python scripts/procfile.py Procfile.local
