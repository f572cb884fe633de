"""Load the demo county through the same imports an HR admin uses: the org tree, the
staff, then the tree again with the unit managers (who exist only after the staff)."""

import csv
import datetime
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from people import roles, services
from people.demo.county import COUNTY, DEMO_PASSWORD, JOB_ROLES, SECTORS, staff_rows
from people.models import Employee, JobRole, OrgUnit

# Which demo person signs in for which role: (unit, job role, nth such person in the unit).
# Two trainers: the second (listed first, so {role: person} keeps the first) approves
# what the other wrote. Each role is held by its own person.
DEMO_SIGN_INS = [
    (roles.EMPLOYEE, ("IKA-KH-1", "LH", 0)),
    (roles.SUPERVISOR, ("IKA-KH-1", "OSH", 0)),
    (roles.TRAINER, ("JL", "KOUL", 0)),
    (roles.TRAINER, ("JL", "HYTE", 0)),
    (roles.PHRASE_EDITOR, ("IKA-KH-1", "SH", 0)),
    (roles.PHRASE_APPROVER, ("JL", "KIRJ", 0)),
    (roles.HR_ADMIN, ("JL", "HR", 0)),
    (roles.HYTE_COORDINATOR, ("JL", "HYTE", 1)),
]


def demo_tree_csv(managers: dict[str, list[str]] | None = None) -> bytes:
    """The demo org tree as HR's file; with `managers`, the managers column too."""
    header = ["koodi", "nimi suomeksi", "nimi ruotsiksi", "nimi englanniksi", "yläyksikkö"]
    header.append("taso")
    if managers is not None:
        header.append("esihenkilöt")
    rows = []

    def unit(code, parent, kind, *names):
        row = [code, *names, parent, kind]
        if managers is not None:
            row.append(",".join(managers.get(code, [])))
        rows.append(row)

    unit(COUNTY[0], "", OrgUnit.Kind.COUNTY, *COUNTY[1:])
    for (sector_code, *sector_names), areas in SECTORS:
        unit(sector_code, COUNTY[0], OrgUnit.Kind.SECTOR, *sector_names)
        for (area_code, *area_names), units in areas:
            unit(area_code, sector_code, OrgUnit.Kind.AREA, *area_names)
            for unit_code, *unit_names in units:
                unit(unit_code, area_code, OrgUnit.Kind.UNIT, *unit_names)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _import_tree(content: bytes) -> None:
    preview = services.org_import_preview(name="demo-organisaatio.csv", content=content)
    if not preview.ok:
        raise RuntimeError("; ".join(str(problem) for problem in preview.problems))
    if preview.plan.has_changes:
        services.org_import_apply(run=preview.run)
    else:
        preview.run.delete()


def demo_csv(today: datetime.date) -> bytes:
    rows = staff_rows(today)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), delimiter=";")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def demo_sign_ins() -> list[tuple[str, Employee]]:
    found = []
    for role, (unit_code, job_code, nth) in DEMO_SIGN_INS:
        employee = (
            Employee.objects.select_related("user")
            .filter(unit__code=unit_code, job_role__code=job_code)
            .order_by("employee_number")[nth]
        )
        found.append((role, employee))
    return found


@transaction.atomic
def load_demo_county(today: datetime.date | None = None) -> list[tuple[str, Employee]]:
    """Create or bring up to date the demo county. Safe to run again."""
    today = today or timezone.localdate()
    _import_tree(demo_tree_csv())
    for code, name_fi, name_sv, name_en in JOB_ROLES:
        JobRole.objects.update_or_create(
            code=code, defaults={"name_fi": name_fi, "name_sv": name_sv, "name_en": name_en}
        )
    preview = services.employee_import_preview(name="demo.csv", content=demo_csv(today))
    if not preview.ok:
        raise RuntimeError("; ".join(str(problem) for problem in preview.problems))
    if preview.plan.has_changes:
        services.employee_import_apply(run=preview.run)
    else:
        preview.run.delete()

    # Unit and area managers see their whole unit, not only their direct reports.
    managers: dict[str, list[str]] = {}
    for code, number in Employee.objects.filter(job_role__code__in=["OSH", "PALP"]).values_list(
        "unit__code", "employee_number"
    ):
        managers.setdefault(code, []).append(number)
    _import_tree(demo_tree_csv(managers))

    # One hash for every demo account: hashing 61 passwords one by one is slow and pointless.
    user_model = get_user_model()
    user_model.objects.filter(employee__isnull=False, password__startswith="!").update(
        password=make_password(DEMO_PASSWORD)
    )
    Employee.objects.filter(welcome_sent_at__isnull=True).update(welcome_sent_at=timezone.now())

    sign_ins = demo_sign_ins()
    for role, employee in sign_ins:
        if role not in (roles.EMPLOYEE, roles.SUPERVISOR):
            employee.user.groups.add(Group.objects.get(name=role))
    supervisor_group = Group.objects.get(name=roles.SUPERVISOR)
    for employee in (
        Employee.objects.filter(managed_units__isnull=False).select_related("user").distinct()
    ):
        employee.user.groups.add(supervisor_group)
    return sign_ins
