"""The Celery layer: the app, the beat schedule and thin task modules that call services."""
