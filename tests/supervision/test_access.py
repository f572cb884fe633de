"""Every dashboard, report and export address walked as every role: signed-out visitors
go to the sign-in page, a page for a role someone does not hold answers 403 (the team
pages 404, so they do not reveal who supervises), another team's person or another
user's export answers 404."""

import pytest

from audit.models import AuditAction
from supervision.models import ExportJob
from tests.supervision.conftest import logged_actions

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous",
    "employee",
    "supervisor",
    "other_supervisor",
    "trainer",
    "phrase_editor",
    "phrase_approver",
    "hr_admin",
    "hyte_coordinator",
)

OK, REDIRECT, FORBIDDEN, MISSING = 200, 302, 403, 404


def _expected(address: str, role: str) -> int:
    if role == "anonymous":
        return REDIRECT
    team_pages = ("dashboard", "csv", "xlsx", "remind")
    if address in team_pages:
        if role == "supervisor":
            return REDIRECT if address in ("xlsx", "remind") else OK
        if role == "other_supervisor":
            # Their own dashboard works; reminding someone of another team does not.
            return {"dashboard": OK, "csv": OK, "xlsx": REDIRECT, "remind": MISSING}[address]
        return MISSING
    if address == "person":
        return OK if role in ("supervisor", "hr_admin") else MISSING
    if address in ("job", "job_status", "download"):
        return OK if role == "supervisor" else MISSING
    if address in ("county", "county_course"):
        return OK if role in ("hr_admin", "hyte_coordinator") else FORBIDDEN
    if address in ("county_export", "county_refresh"):
        return REDIRECT if role in ("hr_admin", "hyte_coordinator") else FORBIDDEN
    if address == "audit":
        return OK if role == "hr_admin" else FORBIDDEN
    raise AssertionError(address)


@pytest.fixture
def job(county, settings, tmp_path, django_capture_on_commit_callbacks, client):
    settings.EXPORT_ROOT = tmp_path
    client.force_login(county["lead"].user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/seuranta/tiimi/vienti-xlsx/", {})
    client.logout()
    return ExportJob.objects.get()


def _requests(county, job) -> dict:
    ben = county["ben"]
    return {
        "dashboard": ("get", "/tiimi/?tila=overdue", {}),
        "person": ("get", f"/tiimi/{ben.employee_number}/", {}),
        "csv": ("get", "/seuranta/tiimi/vienti.csv", {}),
        "xlsx": ("post", "/seuranta/tiimi/vienti-xlsx/", {}),
        "remind": ("post", "/seuranta/tiimi/muistuta/", {"henkilo": ben.employee_number}),
        "job": ("get", f"/seuranta/viennit/{job.token}/", {}),
        "job_status": ("get", f"/seuranta/viennit/{job.token}/tila/", {}),
        "download": ("get", f"/seuranta/viennit/{job.token}/lataa/", {}),
        "county": ("get", "/seuranta/alue/", {}),
        "county_course": ("get", f"/seuranta/alue/?koulutus={county['mandatory'].pk}", {}),
        "county_export": ("post", "/seuranta/alue/vienti/", {"muoto": "csv"}),
        "county_refresh": ("post", "/seuranta/alue/paivita/", {}),
        "audit": ("get", "/seuranta/loki/", {}),
    }


def _user_for(county, role):
    return {
        "anonymous": None,
        "employee": county["anna"].user,
        "supervisor": county["lead"].user,
        "other_supervisor": county["other_lead"].user,
        **{name: holder.user for name, holder in county["holders"].items()},
    }[role]


@pytest.mark.parametrize("role", ROLES)
def test_every_address_as_every_role(county, job, client, role, django_capture_on_commit_callbacks):
    user = _user_for(county, role)
    if user is not None:
        client.force_login(user)
    seen = {}
    with django_capture_on_commit_callbacks(execute=True):
        for name, (method, address, data) in _requests(county, job).items():
            response = getattr(client, method)(address, data)
            seen[name] = response.status_code
            if response.status_code == REDIRECT and role == "anonymous":
                assert response["Location"].startswith("/kirjaudu/"), address
    expected = {name: _expected(name, role) for name in seen}
    assert seen == expected


def test_the_supervisors_pages_never_show_another_team(county, client):
    client.force_login(county["other_lead"].user)
    html = client.get("/tiimi/").content.decode()
    assert "Vieras" in html and "Aalto" not in html and "Berg" not in html
    csv_text = b"".join(client.get("/seuranta/tiimi/vienti.csv").streaming_content).decode()
    assert "Vieras" in csv_text and "Aalto" not in csv_text


def test_hr_viewing_a_person_is_logged(county, client):
    client.force_login(county["holders"]["hr_admin"].user)
    client.get(f"/tiimi/{county['ben'].employee_number}/")
    assert logged_actions().get().action == AuditAction.VIEW_PERSON
