"""Load the demo county through the same HR import an HR admin uses."""

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
DEMO_SIGN_INS = [
    (roles.EMPLOYEE, ("IKA-KH-1", "LH", 0)),
    (roles.SUPERVISOR, ("IKA-KH-1", "OSH", 0)),
    (roles.TRAINER, ("JL", "HYTE", 0)),
    (roles.PHRASE_EDITOR, ("IKA-KH-1", "SH", 0)),
    (roles.PHRASE_APPROVER, ("JL", "HYTE", 1)),
    (roles.HR_ADMIN, ("JL", "HR", 0)),
    (roles.HYTE_COORDINATOR, ("JL", "HYTE", 1)),
]


def _ensure_org_units() -> None:
    def upsert(parent, code, kind, name_fi, name_sv, name_en):
        unit = OrgUnit.objects.filter(code=code).first()
        if unit is not None:
            return unit
        fields = {
            "code": code,
            "kind": kind,
            "name_fi": name_fi,
            "name_sv": name_sv,
            "name_en": name_en,
        }
        return parent.add_child(**fields) if parent else OrgUnit.add_root(**fields)

    county = upsert(None, *COUNTY[:1], OrgUnit.Kind.COUNTY, *COUNTY[1:])
    for (sector_code, *sector_names), areas in SECTORS:
        sector = upsert(county, sector_code, OrgUnit.Kind.SECTOR, *sector_names)
        for (area_code, *area_names), units in areas:
            area = upsert(sector, area_code, OrgUnit.Kind.AREA, *area_names)
            for unit_code, *unit_names in units:
                upsert(area, unit_code, OrgUnit.Kind.UNIT, *unit_names)


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
    _ensure_org_units()
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
    for employee in Employee.objects.filter(job_role__code__in=["OSH", "PALP"]).select_related(
        "unit"
    ):
        employee.unit.managers.add(employee)

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
