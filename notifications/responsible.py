"""Who answers for an employee when something of theirs has to go to a supervisor: the
supervisor, else the managers of their unit or the nearest parent unit that has
managers, else the HR admins. Only active people, never the employee themself.

Resolved for a whole set of employees in three queries (plus one per 5,000 people).
"""

from collections import defaultdict
from collections.abc import Collection

from people import roles
from people.models import Employee, OrgUnit

_CHUNK = 5000  # ids per query, well below PostgreSQL's 65,535 parameters


def responsible_for(employee_ids: Collection[int]) -> dict[int, list[int]]:
    """Map each employee's id to the ids of the people who answer for them (empty when
    there is nobody: no supervisor, no manager up the tree and no HR admin)."""
    if not employee_ids:
        return {}
    ids = sorted(employee_ids)
    rows = []
    for start in range(0, len(ids), _CHUNK):
        rows.extend(
            Employee.objects.filter(pk__in=ids[start : start + _CHUNK]).values_list(
                "pk", "supervisor_id", "supervisor__active", "unit__path"
            )
        )
    managers_by_path: dict[str, list[int]] = defaultdict(list)
    for path, manager_id in (
        OrgUnit.managers.through.objects.filter(employee__active=True)
        .order_by("employee_id")
        .values_list("orgunit__path", "employee_id")
    ):
        managers_by_path[path].append(manager_id)
    hr_admins = list(
        Employee.objects.filter(active=True, user__groups__name=roles.HR_ADMIN)
        .order_by("pk")
        .values_list("pk", flat=True)
        .distinct()
    )
    steplen = OrgUnit.steplen
    responsible: dict[int, list[int]] = {}
    for employee_id, supervisor_id, supervisor_active, unit_path in rows:
        if supervisor_id and supervisor_active and supervisor_id != employee_id:
            responsible[employee_id] = [supervisor_id]
            continue
        found: list[int] = []
        path = unit_path
        while path and not found:
            found = [m for m in managers_by_path.get(path, ()) if m != employee_id]
            path = path[:-steplen]
        if not found:
            found = [h for h in hr_admins if h != employee_id]
        responsible[employee_id] = found
    return responsible
