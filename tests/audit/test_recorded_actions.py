"""What the audit log records by itself (sign-in, failed sign-in, sign-out, lockout,
password set, role changes) and through `audit.services.record` (staff import)."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from audit import receivers
from audit.models import AuditAction, AuditEntry
from people import roles
from tests.factories import EmployeeFactory, JobRoleFactory, make_unit

pytestmark = pytest.mark.django_db

PASSWORD = "salasana-testi"


def entries(action):
    return list(AuditEntry.objects.filter(action=action).order_by("pk"))


@pytest.fixture
def nurse():
    return EmployeeFactory(user__email="hoitaja@hva.example")


def test_sign_in_failed_sign_in_and_sign_out_are_logged(client, nurse):
    client.post("/kirjaudu/", {"username": "hoitaja@hva.example", "password": "väärä"})
    (failed,) = entries(AuditAction.SIGN_IN_FAILED)
    assert failed.target == "hoitaja@hva.example" and failed.actor is None
    assert "väärä" not in str(failed.detail)

    client.post("/kirjaudu/", {"username": nurse.employee_number, "password": PASSWORD})
    (signed_in,) = entries(AuditAction.SIGN_IN)
    assert signed_in.actor == nurse.user and signed_in.target_employee == nurse
    assert signed_in.detail == {"address": "127.0.0.1"}

    client.post("/kirjaudu-ulos/")
    (signed_out,) = entries(AuditAction.SIGN_OUT)
    assert signed_out.actor == nurse.user


def test_a_lockout_is_logged():
    receivers.locked_out(None, request=None, username="10001", ip_address="10.0.0.9")
    (locked,) = entries(AuditAction.LOCKOUT)
    assert locked.target == "10001" and locked.detail == {"address": "10.0.0.9"}


def test_the_lockout_receiver_listens_to_django_axes_when_it_is_installed():
    from django.apps import apps

    if not apps.is_installed("axes"):
        pytest.skip("django-axes is not in INSTALLED_APPS in these settings")
    from axes.signals import user_locked_out

    user_locked_out.send(None, request=None, username="10002", ip_address="10.0.0.8")
    assert entries(AuditAction.LOCKOUT)[0].target == "10002"


def test_a_password_set_through_a_reset_link_is_logged(client, nurse):
    user = nurse.user
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    response = client.get(f"/salasana/{uid}/{token}/", follow=True)
    new = "Uusi-Salasana-2026!"
    client.post(response.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    (changed,) = entries(AuditAction.PASSWORD_SET)
    assert changed.target == user.username and changed.target_employee == nurse
    # Saving the account without touching the password writes nothing.
    user.refresh_from_db()
    user.first_name = "Nimi"
    user.save()
    assert len(entries(AuditAction.PASSWORD_SET)) == 1


def test_role_changes_are_logged_from_either_side(nurse):
    trainer = Group.objects.get(name=roles.TRAINER)
    hr = Group.objects.get(name=roles.HR_ADMIN)
    nurse.user.groups.add(trainer, hr)
    hr.user_set.remove(nurse.user)
    nurse.user.groups.clear()
    details = [(e.target_employee, e.detail) for e in entries(AuditAction.ROLE_CHANGE)]
    assert details == [
        (nurse, {"added": sorted([roles.TRAINER, roles.HR_ADMIN])}),
        (nurse, {"removed": [roles.HR_ADMIN]}),
        (nurse, {"removed": [roles.TRAINER]}),
    ]


def test_a_role_change_made_during_a_request_names_who_made_it(rf, nurse):
    from django.http import HttpResponse

    from audit.context import AuditActorMiddleware

    admin = EmployeeFactory(user__is_superuser=True).user
    trainer = Group.objects.get(name=roles.TRAINER)

    def admin_saves_the_form(request):
        nurse.user.groups.add(trainer)
        return HttpResponse()

    request = rf.post("/admin/users/")
    request.user = admin
    AuditActorMiddleware(admin_saves_the_form)(request)
    nurse.user.groups.remove(trainer)  # outside any request: no actor
    added, removed = entries(AuditAction.ROLE_CHANGE)
    assert added.actor == admin and "(" in added.actor_name
    assert removed.actor is None and removed.actor_name == ""


def test_the_staff_import_is_logged(client, django_capture_on_commit_callbacks):
    make_unit("U1", make_unit("HVA"))
    JobRoleFactory(code="SH")
    hr = EmployeeFactory(employee_number="1", user__username="1", user__email="hr@hva.example")
    hr.user.groups.add(Group.objects.get(name=roles.HR_ADMIN))
    client.force_login(hr.user)
    content = (
        "henkilönumero;etunimi;sukunimi;sähköposti;yksikkö;tehtävänimike;esihenkilö;"
        "aloituspäivä;päättymispäivä;kieli\n"
        "1;Helka;HR;hr@hva.example;U1;SH;;1.1.2020;;fi\n"
        "2;Aino;Aalto;aino@hva.example;U1;SH;1;1.1.2024;;fi\n"
    ).encode()
    response = client.post(
        "/admin/henkilostotuonti/", {"file": SimpleUploadedFile("henkilot.csv", content)}
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(response["Location"] + "tallenna/")
    (imported,) = entries(AuditAction.STAFF_IMPORT)
    assert imported.actor == hr.user and imported.target == "henkilot.csv"
    assert imported.detail["created"] == 1 and imported.detail["deactivated"] == 0
