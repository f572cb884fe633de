"""Who a course or an onboarding template is for: units (each with its sub-units) and
job roles. Empty means everyone; when both are set, both must fit."""

from people.models import Employee


def fits_audience(employee: Employee, unit_paths, role_ids) -> bool:
    if unit_paths and not any(employee.unit.path.startswith(path) for path in unit_paths):
        return False
    return not role_ids or employee.job_role_id in set(role_ids)
