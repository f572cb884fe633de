"""The password-reset mail through a real worker and real Redis: the request page only
records the request and queues the task; the worker looks the address up and mails."""

import pytest
from django.core import mail

from accounts import services
from tests.factories import EmployeeFactory
from tests.integration.conftest import wait_for

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_reset_mail_is_sent_by_the_worker(celery_worker):
    EmployeeFactory(user__email="hoitaja@hva.example")
    assert services.password_reset_request(
        email="Hoitaja@HVA.example", ip_address="10.1.1.1", language="sv"
    )
    wait_for(lambda: len(mail.outbox) == 1)
    assert mail.outbox[0].to == ["hoitaja@hva.example"]
    assert "/salasana/" in mail.outbox[0].body
    assert mail.outbox[0].subject == "Hyteopas: ställ in ett nytt lösenord"
