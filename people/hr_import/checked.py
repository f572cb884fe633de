"""A staff file is checked once: the rows its preview checked are kept with the kept
file (`ImportRun.checked_rows`), so the apply (and the admin's preview page) starts
from them instead of reading and checking 30,000 rows again (a third of a first
import's time went to checking the file twice).

They are used only while they are sure to pass the same checks again: the file is
byte for byte the one they came from (its SHA-256), the code keeps them in the same
`FORMAT`, and what the row checks read from the database (units, closed units, job
roles) and the day are as they were (`Lookups.fingerprint`). Otherwise the file is read
and checked again from the start. What depends on the staff as they are now (who
exists, whose address it is, supervisors and loops) is checked again in any case by
`validation.plan_from_checked`, which also compares the rows with the database.

Kept as a JSON list of plain values, one list per row, compressed (zlib's fastest
level: a quarter of the size, and a third of the time of storing it as jsonb, which
PostgreSQL would parse for nothing): a preview is a request, the apply another, so
the plan cannot stay in memory between them.
"""

import datetime
import hashlib
import json
import zlib

from people.hr_import.validation import ImportPlan, Lookups, PlannedEmployee

# Bump when PlannedEmployee or the row checks change: rows kept by older code are then
# checked again.
FORMAT = 1


def content_sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def checked_rows_to_keep(plan: ImportPlan) -> bytes:
    """The rows of a plan without problems, to keep with the file."""
    kept = {
        "format": FORMAT,
        "lookups": plan.lookups_fingerprint,
        "rows": [
            [
                row.line,
                row.employee_number,
                row.first_name,
                row.last_name,
                row.email,
                row.unit_id,
                row.job_role_id,
                row.supervisor_number,
                row.start_date.isoformat(),
                row.end_date.isoformat() if row.end_date else None,
                row.language,
            ]
            for row in plan.rows
        ],
    }
    return zlib.compress(json.dumps(kept, separators=(",", ":")).encode(), 1)


def kept_rows(
    stored: bytes, *, content: bytes, sha256: str, lookups: Lookups
) -> list[PlannedEmployee] | None:
    """The rows kept at the preview of `content`, or None when they cannot be trusted
    to pass the row checks again (see the module's docstring)."""
    if not stored or not sha256 or content_sha256(content) != sha256:
        return None
    kept = json.loads(zlib.decompress(stored))
    if kept.get("format") != FORMAT or kept.get("lookups") != lookups.fingerprint():
        return None
    return [
        PlannedEmployee(
            line=line,
            employee_number=number,
            first_name=first_name,
            last_name=last_name,
            email=email,
            unit_id=unit_id,
            job_role_id=job_role_id,
            supervisor_number=supervisor_number,
            start_date=_date(start_date),  # type: ignore[arg-type]  # always set
            end_date=_date(end_date),
            language=language,
        )
        for (
            line,
            number,
            first_name,
            last_name,
            email,
            unit_id,
            job_role_id,
            supervisor_number,
            start_date,
            end_date,
            language,
        ) in kept["rows"]
    ]
