"""The people tasks through a real worker and real Redis: a committed import writes the
welcome emails to the outbox and kicks its delivery; the worker sends each once."""

import datetime

import pytest
from django.core import mail

from people import services
from people.models import Employee
from tasks.people import deactivate_leavers
from tests.factories import EmployeeFactory, JobRoleFactory, make_unit
from tests.integration.conftest import wait_for

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HEADER = "henkilönumero;etunimi;sukunimi;sähköposti;yksikkö;tehtävänimike;esihenkilö;aloituspäivä;päättymispäivä;kieli"


def test_import_welcome_messages_are_sent_by_the_worker_once(celery_worker):
    make_unit("U1", make_unit("HVA"))
    JobRoleFactory(code="SH")
    content = "\n".join(
        [
            HEADER,
            "1;Aino;Aalto;aino@hva.example;U1;SH;;1.1.2026;;fi",
            "2;Eero;Esa;eero@hva.example;U1;SH;1;1.1.2026;;sv",
        ]
    ).encode()
    preview = services.employee_import_preview(name="h.csv", content=content)
    services.employee_import_apply(run=preview.run)  # commits; on_commit queues the task to Redis

    wait_for(lambda: len(mail.outbox) == 2)
    assert Employee.objects.filter(welcome_sent_at__isnull=False).count() == 2
    assert sorted(message.to[0] for message in mail.outbox) == [
        "aino@hva.example",
        "eero@hva.example",
    ]

    # The same task again (a redelivery, a double click) sends nothing more.
    celery_worker.send_task("people.send_welcome_messages", args=[preview.run.pk])
    # One solo worker takes messages in order: once this later task's effect shows,
    # the repeated welcome task has run too.
    EmployeeFactory(end_date=datetime.date(2020, 1, 1), start_date=datetime.date(2019, 1, 1))
    deactivate_leavers.delay()
    wait_for(lambda: not Employee.objects.filter(end_date__isnull=False, active=True).exists())
    assert len(mail.outbox) == 2
