"""The staff file is checked once, at its preview: the apply starts from the rows the
preview checked while the file, the units and job roles, and the day are as they were,
and checks again what depends on the staff as they are now. And what a set-based apply
writes, for a file with every kind of change."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from audit.models import AuditAction, AuditEntry
from intents.models import TaskIntent
from people import roles, services
from people.hr_import import validation
from people.models import Employee, ImportRun, OrgUnit
from tests.people import test_hr_import
from tests.people.test_hr_import import GOOD, csv_file, import_file, row

pytestmark = pytest.mark.django_db

county = test_hr_import.county


def _no_row_checks(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("a row was checked again")

    monkeypatch.setattr(validation, "_plan_row", refuse)


def test_the_apply_starts_from_the_rows_the_preview_checked(county, monkeypatch):
    result = services.employee_import_preview(name="h.csv", content=csv_file(*GOOD))
    assert result.ok
    _no_row_checks(monkeypatch)
    review = services.employee_import_review(run=result.run)
    assert review.ok and len(review.plan.to_create) == 3
    applied = services.employee_import_apply(run=result.run)
    assert applied.ok and applied.run.created_count == 3
    run = ImportRun.objects.get(pk=result.run.pk)
    # Personal data: the kept rows go with the file.
    assert (bytes(run.content), bytes(run.checked_rows), run.content_sha256) == (b"", b"", "")
    assert Employee.objects.get(employee_number="102").supervisor.employee_number == "100"


def test_a_file_that_is_no_longer_the_one_previewed_is_checked_again(county):
    result = services.employee_import_preview(name="h.csv", content=csv_file(*GOOD))
    ImportRun.objects.filter(pk=result.run.pk).update(
        content=csv_file(*GOOD, row("103", unit="X9"))
    )
    applied = services.employee_import_apply(run=ImportRun.objects.get(pk=result.run.pk))
    assert [str(p) for p in applied.problems] == ["Rivi 5: Tuntematon yksikkökoodi ”X9”."]
    assert not Employee.objects.exists()


def test_a_unit_closed_since_the_preview_is_caught_at_the_apply(county):
    result = services.employee_import_preview(name="h.csv", content=csv_file(*GOOD))
    OrgUnit.objects.filter(code="B1").update(closed_on=timezone.localdate())
    applied = services.employee_import_apply(run=result.run)
    assert [str(p) for p in applied.problems] == [
        "Rivi 4: Yksikkö B1 on suljettu: siihen ei voi siirtää henkilöitä."
    ]
    assert not Employee.objects.exists()


def test_rows_kept_on_another_day_are_checked_again(county, monkeypatch):
    result = services.employee_import_preview(name="h.csv", content=csv_file(*GOOD))
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(validation.timezone, "localdate", lambda: tomorrow)
    checked = []
    plan_row = validation._plan_row
    monkeypatch.setattr(
        validation,
        "_plan_row",
        lambda check, lookups: checked.append(1) or plan_row(check, lookups),
    )
    assert services.employee_import_apply(run=result.run).ok
    assert len(checked) == 3


def test_an_address_taken_since_the_preview_is_refused_at_the_apply(county):
    import_file(csv_file(*GOOD, row("104", "Outi", "Ohi")))
    # 104 is left out (deactivated) but keeps the address; 103 wants a new one.
    content = csv_file(*GOOD, row("103", "Uusi", "Tulija", email="uusi@hva.example"))
    result = services.employee_import_preview(name="h.csv", content=content)
    assert result.ok
    get_user_model().objects.filter(username="104").update(email="uusi@hva.example")
    applied = services.employee_import_apply(run=result.run, allow_mass_deactivation=True)
    assert [str(p) for p in applied.problems] == [
        "Rivi 5: Sähköpostiosoite uusi@hva.example kuuluu jo henkilölle 104."
    ]
    assert not Employee.objects.filter(employee_number="103").exists()


def test_a_supervisor_removed_since_the_preview_is_refused_at_the_apply(county):
    import_file(csv_file(*GOOD, row("104", "Outi", "Ohi")))
    content = csv_file(*GOOD, row("104", "Outi", "Ohi"), row("105", supervisor="900"))
    # 900 is not in the file: the preview refuses it...
    assert not services.employee_import_preview(name="h.csv", content=content).ok
    # ... and one in the staff when previewed but gone at the apply is refused then.
    content = csv_file(*GOOD, row("105", supervisor="104"))
    result = services.employee_import_preview(name="h.csv", content=content)
    assert result.ok
    Employee.objects.filter(employee_number="104").delete()
    applied = services.employee_import_apply(run=result.run)
    assert [str(p) for p in applied.problems] == [
        "Rivi 5: Esihenkilön henkilönumeroa 104 ei löydy tiedostosta eikä henkilöstöstä."
    ]


def test_a_change_made_since_the_preview_is_compared_at_the_apply(county):
    import_file(csv_file(*GOOD))
    result = services.employee_import_preview(name="h.csv", content=csv_file(*GOOD))
    assert not result.plan.has_changes
    Employee.objects.filter(employee_number="101").update(unit=county["b"])
    applied = services.employee_import_apply(run=result.run)
    assert applied.run.updated_count == 1
    assert Employee.objects.get(employee_number="101").unit == county["a"]


def _people() -> dict[str, tuple]:
    return {
        number: rest
        for number, *rest in Employee.objects.values_list(
            "employee_number",
            "user__username",
            "user__first_name",
            "user__last_name",
            "user__email",
            "user__is_active",
            "unit__code",
            "job_role__code",
            "supervisor__employee_number",
            "end_date",
            "language",
            "active",
        )
    }


def _group_members(name: str) -> set[str]:
    return set(
        get_user_model().objects.filter(groups__name=name).values_list("username", flat=True)
    )


def test_a_file_with_every_kind_of_change_writes_what_it_says(county, settings):
    """First import, then a file that renames, moves between units, re-parents, ends an
    employment, leaves someone out and brings a newcomer: the staff, the groups, the
    counts, the audit entry and the go-live follow-up are what the file says."""
    today = timezone.localdate()
    long_ago = "1.2.2015"
    first = csv_file(
        row("100", "Maija", "Esimies", start=long_ago),
        row("101", supervisor="100", start=long_ago),
        row("102", "Pekka", "Puu", supervisor="100", unit="B1", role="LH", start=long_ago),
        row("103", "Outi", "Ohi", supervisor="102", unit="B1", start=long_ago),
        row("104", "Lasse", "Lahtija", supervisor="102", start=long_ago),
    )
    result = import_file(first)
    assert (result.run.created_count, result.run.updated_count) == (5, 0)
    assert _group_members(roles.SUPERVISOR) == {"100", "102"}
    first_intent = TaskIntent.objects.get(task="onboarding.build_checklists")
    ids = dict(Employee.objects.values_list("employee_number", "pk"))
    # Go-live: everyone started years ago: established staff, no newcomer checklist.
    assert first_intent.args[:3] == [[], [], sorted(ids.values())]

    yesterday = today - datetime.timedelta(days=1)
    second = csv_file(
        row("100", "Maija", "Uusinimi", start=long_ago),
        row("101", supervisor="100", unit="B1", start=long_ago),
        row("102", "Pekka", "Puu", supervisor="100", unit="B1", role="LH", start=long_ago),
        row("103", "Outi", "Ohi", supervisor="100", unit="B1", start=long_ago),
        row(
            "104", "Lasse", "Lahtija", supervisor="102", start=long_ago, end=f"{yesterday:%d.%m.%Y}"
        ),
        row("106", "Uma", "Uusi", supervisor="103", start=f"{today:%d.%m.%Y}"),
    )
    settings.IMPORT_MAX_DEACTIVATE_SHARE = 1
    TaskIntent.objects.all().delete()
    result = import_file(second)
    # Renamed 100, moved 101, re-parented 103; 104 left by end date; none left out.
    assert (result.run.created_count, result.run.updated_count, result.run.deactivated_count) == (
        1,
        3,
        1,
    )
    assert result.run.created_numbers == ["106"]
    people = _people()
    assert people == {
        "100": ["100", "Maija", "Uusinimi", "maija.uusinimi.100@hva.example", True, "A1", "SH", None, None, "fi", True],
        "101": ["101", "Aino", "Aalto", "aino.aalto.101@hva.example", True, "B1", "SH", "100", None, "fi", True],
        "102": ["102", "Pekka", "Puu", "pekka.puu.102@hva.example", True, "B1", "LH", "100", None, "fi", True],
        "103": ["103", "Outi", "Ohi", "outi.ohi.103@hva.example", True, "B1", "SH", "100", None, "fi", True],
        "104": ["104", "Lasse", "Lahtija", "lasse.lahtija.104@hva.example", False, "A1", "SH", "102", yesterday, "fi", False],
        "106": ["106", "Uma", "Uusi", "uma.uusi.106@hva.example", True, "A1", "SH", "103", None, "fi", True],
    }  # fmt: skip
    assert _group_members(roles.EMPLOYEE) >= {"100", "101", "102", "103", "104", "106"}
    # 102's only report left; 103 has a newcomer.
    assert _group_members(roles.SUPERVISOR) == {"100", "103"}
    intent = TaskIntent.objects.get(task="onboarding.build_checklists")
    new_id = Employee.objects.get(employee_number="106").pk
    assert intent.args[:3] == [[new_id], [ids["101"]], []]
    entry = AuditEntry.objects.filter(action=AuditAction.STAFF_IMPORT).latest("pk")
    assert entry.target == "henkilosto.csv"

    # Left out: deactivated, not deleted; the rest unchanged.
    lines = second.decode().splitlines()
    third = csv_file(*lines[1:3], *lines[4:])
    result = import_file(third)
    assert (result.run.created_count, result.run.updated_count, result.run.deactivated_count) == (
        0,
        0,
        1,
    )
    assert _people()["102"][-1] is False
    assert {k: v for k, v in _people().items() if k != "102"} == {
        k: v for k, v in people.items() if k != "102"
    }


def test_a_first_import_builds_the_status_table_of_everyone(county, django_user_model):
    """Into an empty staff table the import refreshes the status table of everyone at
    once; it holds what a rebuild from the facts holds."""
    from courses.models import LearningStatus
    from courses.status import learning_status_refresh
    from tests.courses.builders import make_course

    make_course(lessons=1, mandatory=True)
    import_file(csv_file(*GOOD))
    after_import = sorted(LearningStatus.objects.values_list("employee_id", "course_id"))
    assert len(after_import) == 3
    learning_status_refresh()
    assert sorted(LearningStatus.objects.values_list("employee_id", "course_id")) == after_import
