"""The PTV sync with the real client against a local catalogue: the first sync, an
incremental one, a withdrawn service retired, a malformed item reported without
stopping the rest, and no personal contact details kept."""

import json

import pytest

from intents.models import TaskIntent
from phrases.models import Activity
from ptv.models import PtvService, SyncRun
from ptv.sync import ptv_sync
from tests.ptv.catalogue import BROKEN, CAFE, CHOIR, PEER, WALKS

pytestmark = pytest.mark.django_db


def activity(guid) -> Activity:
    return Activity.objects.get(key=f"ptv-{guid}")


def test_the_first_sync_reads_every_page_and_reports_the_malformed_item(catalogue):
    run = ptv_sync()
    assert run.status == SyncRun.Status.DONE_WITH_PROBLEMS
    assert (run.fetched, run.created, run.updated, run.retired) == (5, 4, 0, 0)
    assert len(run.problems) == 1 and "kieli" in run.problems[0]
    assert not Activity.objects.filter(key=f"ptv-{BROKEN}").exists()
    walks = activity(WALKS)
    assert (walks.name_fi, walks.name_sv) == (
        "Senioreiden kävelyryhmä",
        "Promenadgrupp för seniorer",
    )
    assert walks.themes == ["liikunta"] and walks.active
    assert walks.organisation.name == "Järvilaakson Liikuntaseura ry"
    assert walks.contact == "Rantatie 4, 99100 JÄRVILAAKSO"
    assert walks.municipality == "Järvilaakso"
    assert walks.url == "https://liikuntaseura.example.test/kavely"
    kept = PtvService.objects.get(guid=WALKS)
    assert kept.names["en"] == "Walks for seniors"
    assert kept.locations[0]["hours"] == [
        {"from_day": "Tuesday", "to_day": "", "opens": "10:00", "closes": "11:30"}
    ]
    choir = activity(CHOIR)  # Swedish only
    assert (choir.name_fi, choir.name_sv) == ("Kör för alla", "Kör för alla")
    assert choir.themes == ["kulttuuri"]
    assert activity(CAFE).themes == ["osallisuus"]
    # No phone number or email address of a channel is kept anywhere.
    stored = json.dumps(list(PtvService.objects.values()), default=str) + json.dumps(
        list(Activity.objects.values("contact", "url", "description_fi"))
    )
    assert "401234567" not in stored and "409999999" not in stored and "@" not in stored


def test_an_incremental_sync_asks_for_changes_only_and_retires_a_withdrawn_service(catalogue):
    ptv_sync()
    catalogue.phase = 2
    catalogue.requests.clear()
    run = ptv_sync()
    assert any("date=" in path for path in catalogue.requests)
    assert (run.fetched, run.created, run.updated, run.retired) == (2, 0, 1, 1)
    assert run.status == SyncRun.Status.DONE
    assert activity(CAFE).name_fi == "Muistikahvila Kohtaamo"
    assert not activity(PEER).active
    assert PtvService.objects.get(guid=PEER).retired_at is not None
    assert activity(WALKS).active
    again = ptv_sync()  # nothing new: nothing changes, nothing is retired twice
    assert (again.created, again.updated, again.retired) == (0, 0, 0)


def test_an_unreachable_catalogue_fails_the_run_and_changes_nothing(catalogue):
    ptv_sync()
    catalogue.stop()
    run = ptv_sync(full=True)
    assert run.status == SyncRun.Status.FAILED and run.error
    assert Activity.objects.filter(key__startswith="ptv-", active=True).count() == 4


def test_without_settings_the_run_says_what_is_missing(settings):
    settings.PTV_API_URL = ""
    run = ptv_sync()
    assert run.status == SyncRun.Status.FAILED and "PTV_API_URL" in run.error


def test_hr_sees_the_runs_and_asks_for_one_now(catalogue, county, as_user):
    ptv_sync()
    client = as_user(county["holders"]["hr_admin"])
    page = client.get("/admin/ptv/").content.decode()
    assert "Valmis, ongelmia" in page and "kielikohtaiset tekstit" in page
    assert client.post("/admin/ptv/").status_code == 302
    assert TaskIntent.objects.filter(task="ptv.sync").exists()
    trainer = as_user(county["holders"]["trainer"])
    assert trainer.get("/admin/ptv/").status_code == 302  # back to the dashboard
