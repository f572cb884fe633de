"""The hyte picture's totals through a real worker and real Redis on PostgreSQL, and two
refreshes at once booking each phrase copy once."""

import threading

import pytest
from django.db import connection

from hyte.models import CopyMonthTotal, Refresh
from hyte.totals import hyte_totals_refresh
from tasks.hyte import refresh_totals
from tests.factories import make_unit
from tests.hyte.builders import copies
from tests.integration.conftest import wait_for

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_worker_refreshes_the_totals(celery_worker):
    unit = make_unit("U1", make_unit("HVA"))
    copies(unit, 4)
    refresh_totals.delay()
    wait_for(lambda: Refresh.objects.exists())
    assert sum(CopyMonthTotal.objects.values_list("copies", flat=True)) == 4


def test_two_refreshes_at_once_book_each_copy_once():
    unit = make_unit("U1", make_unit("HVA"))
    copies(unit, 6)
    start = threading.Barrier(2)
    errors = []

    def refresh():
        try:
            start.wait()
            hyte_totals_refresh()
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=refresh) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    copies(unit, 9)
    threads = [threading.Thread(target=refresh) for _ in range(2)]
    start.reset()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert sum(CopyMonthTotal.objects.values_list("copies", flat=True)) == 9
