"""The PTV sync task through a real worker and real Redis, against the local catalogue."""

import pytest

from phrases.models import Activity
from ptv.models import SyncRun
from tasks.ptv import sync
from tests.integration.conftest import wait_for
from tests.ptv.catalogue import Catalogue

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_worker_syncs_the_catalogue(celery_worker, settings):
    served = Catalogue()
    settings.PTV_API_URL = served.url
    settings.PTV_AREA_CODE = "99"
    try:
        sync.delay()
        wait_for(lambda: SyncRun.objects.filter(finished_at__isnull=False).exists())
    finally:
        served.stop()
    assert SyncRun.objects.get().status == SyncRun.Status.DONE_WITH_PROBLEMS
    assert Activity.objects.filter(key__startswith="ptv-").count() == 4
