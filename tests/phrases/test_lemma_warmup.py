"""The lemma data is loaded when a web server or a `celery worker` starts (LEMMAS_WARM),
so the first phrase search does not wait for it; tests and commands skip it."""

import importlib
import sys
from unittest import mock

from celery.signals import worker_init

from phrases import lemmas


def test_warm_opens_the_finnish_dictionary():
    lemmas._voikko_analysis.cache_clear()
    with mock.patch("phrases.lemmas._voikko", wraps=lemmas._voikko) as voikko:
        assert lemmas.warm() >= 0
    voikko.assert_called()
    assert lemmas._voikko_handle is not None


def test_a_celery_worker_warms_at_start_when_the_setting_says_so(settings):
    import tasks.celery  # noqa: F401 (connects the signal)

    with mock.patch("phrases.lemmas.warm") as warm:
        settings.LEMMAS_WARM = False
        worker_init.send(sender=None)
        warm.assert_not_called()
        settings.LEMMAS_WARM = True
        worker_init.send(sender=None)
        warm.assert_called_once()


def test_the_wsgi_module_warms_when_the_setting_says_so(settings):
    settings.LEMMAS_WARM = True
    with mock.patch("phrases.lemmas.warm") as warm:
        sys.modules.pop("learning.wsgi", None)
        importlib.import_module("learning.wsgi")
    warm.assert_called_once()
    sys.modules.pop("learning.wsgi", None)
