"""WSGI entry point (gunicorn learning.wsgi). Only servers import this module, so the
phrase search's lemma data is loaded here, before the first request (with gunicorn's
--preload once in the master, shared by the workers it forks)."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning.settings.production")

application = get_wsgi_application()

if settings.LEMMAS_WARM:
    from phrases.lemmas import warm

    warm()
