"""Imports are applied one at a time (a PostgreSQL advisory lock): a second one started
while the first is being applied is refused with a message and writes nothing; two
imports of one file at the same moment record "created" once and record the follow-up
work once."""

import threading

import pytest
from django.contrib.auth.models import Group
from django.db import close_old_connections, connection, transaction

from intents.models import TaskIntent
from people import roles, services
from people.hr_import.locking import ACTIVITIES, EMPLOYEES, ImportBusy, import_lock
from people.models import Employee, ImportRun
from phrases import activity_import
from tests.conftest import need
from tests.factories import EmployeeFactory, JobRoleFactory, make_unit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HEADER = "henkilönumero;etunimi;sukunimi;sähköposti;yksikkö;tehtävänimike;esihenkilö;aloituspäivä;päättymispäivä;kieli"
FILE = "\n".join(
    [
        HEADER,
        "1;Helka;HR;hr@hva.example;U1;SH;;1.1.2020;;fi",
        "2;Aino;Aalto;aino@hva.example;U1;SH;1;1.1.2024;;fi",
        "3;Eero;Esa;eero@hva.example;U1;SH;1;1.1.2024;;sv",
    ]
).encode()


@pytest.fixture
def hr(db):
    need(connection.vendor == "postgresql", "PostgreSQL (DATABASE_URL)")
    make_unit("U1", make_unit("HVA"))
    JobRoleFactory(code="SH")
    hr = EmployeeFactory(employee_number="1", user__username="1", user__email="hr@hva.example")
    hr.user.groups.add(Group.objects.get(name=roles.HR_ADMIN))
    return hr


class HeldLock:
    """Another transaction holding an import lock until told to let go."""

    def __init__(self, name: str):
        self.name = name
        self.held = threading.Event()
        self.release = threading.Event()
        self.thread = threading.Thread(target=self._hold)

    def _hold(self):
        try:
            with transaction.atomic():
                import_lock(self.name)
                self.held.set()
                self.release.wait(30)
        finally:
            close_old_connections()
            connection.close()

    def __enter__(self):
        self.thread.start()
        assert self.held.wait(10)
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.thread.join(10)


def test_a_second_import_is_refused_with_a_message_and_writes_nothing(hr, client):
    run = services.employee_import_preview(name="h.csv", content=FILE).run
    client.force_login(hr.user)
    with HeldLock(EMPLOYEES):
        response = client.post(f"/admin/henkilostotuonti/{run.pk}/tallenna/", follow=True)
    assert "Toinen tuonti on juuri käynnissä" in response.content.decode()
    run.refresh_from_db()
    assert run.status != ImportRun.Status.APPLIED
    assert Employee.objects.count() == 1
    # Once the first is done, the same preview can be applied.
    services.employee_import_apply(run=run)
    assert Employee.objects.count() == 3


def test_two_imports_of_one_file_at_once_create_and_queue_once(hr):
    runs = [services.employee_import_preview(name="h.csv", content=FILE).run for _ in range(2)]
    barrier = threading.Barrier(2)
    outcomes = []

    def apply(run):
        try:
            barrier.wait(10)
            outcomes.append(services.employee_import_apply(run=run))
        except ImportBusy:
            outcomes.append("busy")
        finally:
            connection.close()

    threads = [threading.Thread(target=apply, args=(run,)) for run in runs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    created = sorted(
        run.created_count for run in ImportRun.objects.filter(pk__in=[r.pk for r in runs])
    )
    assert created[-1] == 2 and sum(created) == 2, (created, outcomes)
    assert Employee.objects.count() == 3
    assert TaskIntent.objects.filter(task="onboarding.build_checklists").count() == 1


def test_the_activity_import_waits_for_no_one_either(hr):
    content = "tunniste;nimi;järjestäjä\nkavely;Kävelyryhmä;Järjestö ry\n".encode()
    plan = activity_import.build_plan(name="t.csv", content=content)
    assert plan.ok, plan.problems
    with HeldLock(ACTIVITIES), pytest.raises(ImportBusy):
        activity_import.apply_plan(plan)
    assert activity_import.apply_plan(plan) == (1, 0)
