"""The Hyteopas Django project: settings, URLs and the WSGI/ASGI entry points."""

from tasks.celery import app as celery_app

__all__ = ["celery_app"]
