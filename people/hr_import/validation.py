"""Check every row against the file and the database and work out the plan: who is
created, who changes (and what), who is deactivated. Nothing is written here.

Reads: units, job roles and existing employees, one query each.
"""

import datetime
import hashlib
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from people.hr_import.columns import MAX_LENGTHS, REQUIRED_VALUES, label
from people.hr_import.reading import Problem
from people.models import Employee, JobRole, OrgUnit

LANGUAGE_ALIASES = {
    "": "fi",
    "fi": "fi",
    "suomi": "fi",
    "finnish": "fi",
    "sv": "sv",
    "ruotsi": "sv",
    "svenska": "sv",
    "swedish": "sv",
    "en": "en",
    "englanti": "en",
    "english": "en",
}

_FINNISH_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")

FIELD_LABELS = {
    "first_name": _lazy("etunimi"),
    "last_name": _lazy("sukunimi"),
    "email": _lazy("sähköposti"),
    "is_active": _lazy("voimassaolo"),
    "active": _lazy("voimassaolo"),
    "unit_id": _lazy("yksikkö"),
    "job_role_id": _lazy("tehtävänimike"),
    "supervisor_number": _lazy("esihenkilö"),
    "start_date": _lazy("aloituspäivä"),
    "end_date": _lazy("päättymispäivä"),
    "language": _lazy("kieli"),
}

USER_FIELDS = ("first_name", "last_name", "email", "is_active")
EMPLOYEE_FIELDS = (
    "unit_id",
    "job_role_id",
    "supervisor_number",
    "start_date",
    "end_date",
    "language",
    "active",
)


@dataclass
class PlannedEmployee:
    """The state a row asks for, and what is in the database now (None if new)."""

    line: int
    employee_number: str
    first_name: str
    last_name: str
    email: str
    unit_id: int
    job_role_id: int
    supervisor_number: str
    start_date: datetime.date
    end_date: datetime.date | None
    language: str
    existing: dict | None = None
    changed_fields: list[str] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return self.end_date is None or self.end_date >= timezone.localdate()

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def changed_labels(self) -> list[str]:
        labels = []
        for name in self.changed_fields:
            text = str(FIELD_LABELS[name])
            if text not in labels:
                labels.append(text)
        return labels


@dataclass
class ImportPlan:
    rows: list[PlannedEmployee] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    to_deactivate: list[dict] = field(default_factory=list)
    active_before: int = 0  # active staff in the database before the file
    staff_before: int | None = None  # employee records of any state; None: not compared
    today: datetime.date = field(default_factory=timezone.localdate)
    # What the row checks read from the database (`Lookups.fingerprint`), when they ran.
    lookups_fingerprint: str = ""

    @property
    def to_create(self) -> list[PlannedEmployee]:
        return [row for row in self.rows if row.existing is None]

    @property
    def to_update(self) -> list[PlannedEmployee]:
        return [row for row in self.rows if row.existing is not None and row.changed_fields]

    @property
    def unchanged_count(self) -> int:
        return sum(1 for row in self.rows if row.existing is not None and not row.changed_fields)

    @property
    def leaving(self) -> list[PlannedEmployee]:
        """Rows whose end date has passed: updated and deactivated in one go."""
        return [row for row in self.to_update if "active" in row.changed_fields and not row.active]

    @property
    def updated_count(self) -> int:
        """Changed rows that stay active; leavers are counted as deactivated."""
        return len(self.to_update) - len(self.leaving)

    @property
    def deactivated_count(self) -> int:
        return len(self.to_deactivate) + len(self.leaving)

    @property
    def has_changes(self) -> bool:
        return bool(self.to_create or self.to_update or self.to_deactivate)

    # Go-live: who gets a newcomer checklist, who is established staff, who moved.
    @property
    def window_starts(self) -> datetime.date:
        return self.today - datetime.timedelta(days=settings.ONBOARDING_WINDOW_DAYS)

    @property
    def newcomers(self) -> list[PlannedEmployee]:
        """New, active people who start within ONBOARDING_WINDOW_DAYS before the import
        day, or later: they get a newcomer checklist counted from their start date."""
        return [
            row for row in self.to_create if row.active and row.start_date >= self.window_starts
        ]

    @property
    def established(self) -> list[PlannedEmployee]:
        """New, active people who started before the window: established staff, who
        get their mandatory courses due after a grace period instead of a checklist."""
        return [row for row in self.to_create if row.active and row.start_date < self.window_starts]

    @property
    def moved(self) -> list[PlannedEmployee]:
        """Active people whose unit or job role changes: the items of the new fit are
        counted from the import day (the day of the move)."""
        return [
            row
            for row in self.to_update
            if row.active and {"unit_id", "job_role_id"} & set(row.changed_fields)
        ]

    # The guard against the wrong file.
    @property
    def leavers(self) -> list[dict]:
        """Everyone the file deactivates: missing from it, or whose end date passed."""
        return [
            *self.to_deactivate,
            *(
                {"employee_number": row.employee_number, **row.existing, "line": row.line}
                for row in self.leaving
            ),
        ]

    @property
    def deactivation_share(self) -> float:
        return self.deactivated_count / self.active_before if self.active_before else 0.0

    @property
    def mass_deactivation(self) -> bool:
        """More than IMPORT_MAX_DEACTIVATE_SHARE of active staff would be deactivated."""
        return self.deactivation_share > settings.IMPORT_MAX_DEACTIVATE_SHARE

    def deactivates_user(self, user_id: int | None) -> bool:
        return user_id is not None and any(row["user_id"] == user_id for row in self.leavers)

    def needs_second_confirmation(self, uploader_id: int | None) -> bool:
        return self.mass_deactivation or self.deactivates_user(uploader_id)


def parse_date(value) -> datetime.date | None:
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    match = _FINNISH_DATE.match(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
    else:
        match = _ISO_DATE.match(text.split("T")[0].split(" ")[0])
        if not match:
            raise ValueError(text)
        year, month, day = (int(part) for part in match.groups())
    return datetime.date(year, month, day)


def _existing_employees() -> dict[str, dict]:
    rows = Employee.objects.values(
        "id",
        "employee_number",
        "user_id",
        "user__first_name",
        "user__last_name",
        "user__email",
        "user__is_active",
        "user__username",
        "unit_id",
        "job_role_id",
        "supervisor__employee_number",
        "start_date",
        "end_date",
        "language",
        "active",
    )
    existing = {}
    for row in rows:
        existing[row["employee_number"]] = {
            "id": row["id"],
            "user_id": row["user_id"],
            "first_name": row["user__first_name"],
            "last_name": row["user__last_name"],
            "email": row["user__email"],
            "is_active": row["user__is_active"],
            "username": row["user__username"],
            "unit_id": row["unit_id"],
            "job_role_id": row["job_role_id"],
            "supervisor_number": row["supervisor__employee_number"] or "",
            "start_date": row["start_date"],
            "end_date": row["end_date"],
            "language": row["language"],
            "active": row["active"],
        }
    return existing


def _job_role_lookup() -> dict[str, int]:
    lookup = {}
    for role in JobRole.objects.values("id", "code", "name_fi", "name_sv", "name_en"):
        for key in (role["code"], role["name_fi"], role["name_sv"], role["name_en"]):
            if key:
                lookup.setdefault(key.strip().casefold(), role["id"])
    return lookup


class _RowChecker:
    """Collects every problem of one row instead of stopping at the first."""

    def __init__(self, line: int, values: dict, problems: list[Problem]):
        self.line = line
        self.values = values
        self.problems = problems
        self.ok = True

    def fail(self, message: str) -> None:
        self.ok = False
        self.problems.append(Problem(message, line=self.line))

    def text(self, name: str) -> str:
        value = self.values.get(name, "")
        text = value.isoformat() if isinstance(value, datetime.date) else str(value).strip()
        if "\r" in text or "\n" in text:
            # Names become email headers, where a line break would end the header.
            self.fail(
                _("%(column)s ei saa sisältää rivinvaihtoja.")
                % {"column": label(name).capitalize()}
            )
        limit = MAX_LENGTHS.get(name)
        if limit and len(text) > limit:
            self.fail(
                _("%(column)s on liian pitkä (enintään %(limit)s merkkiä).")
                % {"column": label(name).capitalize(), "limit": limit}
            )
        return text

    def date(self, name: str) -> datetime.date | None:
        value = self.values.get(name, "")
        try:
            return parse_date(value)
        except ValueError:
            self.fail(
                _(
                    "%(column)s ”%(value)s” ei ole kelvollinen päivämäärä "
                    "(muoto pp.kk.vvvv tai vvvv-kk-pp)."
                )
                % {"column": label(name).capitalize(), "value": value}
            )
            return None


@dataclass
class Lookups:
    """What every row is checked against, read once: units (by code exactly and folded
    to lower case; the org-tree import refuses two codes that differ only in case, so
    "a1" is A1 unambiguously), closed units and job roles. Two queries."""

    units: dict[str, int]
    units_casefold: dict[str, int]
    closed_units: set[int]
    job_roles: dict[str, int]
    seen_numbers: dict[str, int] = field(default_factory=dict)  # number -> first line
    seen_emails: dict[str, int] = field(default_factory=dict)  # folded email -> first line

    @classmethod
    def load(cls) -> "Lookups":
        unit_rows = list(OrgUnit.objects.values_list("code", "id", "closed_on"))
        units = {code: unit_id for code, unit_id, _closed in unit_rows}
        return cls(
            units=units,
            units_casefold={code.casefold(): unit_id for code, unit_id in units.items()},
            closed_units={unit_id for _code, unit_id, closed in unit_rows if closed is not None},
            job_roles=_job_role_lookup(),
        )

    def unit_id(self, code: str) -> int | None:
        return self.units.get(code) or self.units_casefold.get(code.casefold())

    def fingerprint(self) -> str:
        """What a row's check read from the database, and the day (a unit closes for
        people whose employment goes on past it): rows checked under the same
        fingerprint pass the same checks again."""
        facts = repr(
            (
                sorted(self.units.items()),
                sorted(self.closed_units),
                sorted(self.job_roles.items()),
                timezone.localdate().isoformat(),
            )
        )
        return hashlib.sha256(facts.encode()).hexdigest()


def build_plan(rows: list[tuple[int, dict]], *, lookups: Lookups | None = None) -> ImportPlan:
    """Check every row (collecting every problem, line by line) and, when there is
    none, compare the rows with the database: who is new, who changes, who leaves."""
    lookups = lookups or Lookups.load()
    plan = ImportPlan(lookups_fingerprint=lookups.fingerprint())
    for line, values in rows:
        planned = _plan_row(_RowChecker(line, values, plan.problems), lookups)
        if planned is not None:
            plan.rows.append(planned)
    return _plan_against_database(plan, lookups.seen_numbers)


def plan_from_checked(rows: list[PlannedEmployee]) -> ImportPlan:
    """The plan of rows that passed every row check before (`people.hr_import.checked`):
    only what depends on the staff as they are now is checked again (addresses of
    people outside the file, supervisors, loops through them) and compared."""
    plan = ImportPlan(rows=rows)
    return _plan_against_database(plan, {row.employee_number: row.line for row in rows})


def _plan_against_database(plan: ImportPlan, numbers_in_file: dict[str, int]) -> ImportPlan:
    existing = _existing_employees()
    email_owner = {
        data["email"].casefold(): number for number, data in existing.items() if data["email"]
    }
    _check_email_owners(plan, email_owner, numbers_in_file)
    _check_supervisors(plan, existing, numbers_in_file)
    if plan.problems:
        plan.problems.sort(key=lambda problem: problem.line or 0)
        return plan
    _compare_with_existing(plan, existing)
    return plan


def _plan_row(check: "_RowChecker", lookups: Lookups) -> PlannedEmployee | None:
    """The row as planned, or None when it has a problem (recorded by `check`)."""
    values = check.values
    texts = {name: check.text(name) for name in MAX_LENGTHS}
    for name in REQUIRED_VALUES:
        if not str(values.get(name, "")).strip():
            check.fail(_("%(column)s puuttuu.") % {"column": label(name).capitalize()})
    number = texts["employee_number"]
    _check_unique_number(check, number, lookups.seen_numbers)
    _check_email(check, texts["email"], lookups.seen_emails)
    unit_code = texts["unit_code"]
    unit_id = lookups.unit_id(unit_code)
    if unit_code and unit_id is None:
        check.fail(_("Tuntematon yksikkökoodi ”%(code)s”.") % {"code": unit_code})
    job_role = texts["job_role"]
    job_role_id = lookups.job_roles.get(job_role.casefold())
    if job_role and job_role_id is None:
        check.fail(_("Tuntematon tehtävänimike ”%(role)s”.") % {"role": job_role})
    start_date = check.date("start_date")
    end_date = check.date("end_date")
    if start_date and end_date and end_date < start_date:
        check.fail(_("Päättymispäivä on ennen aloituspäivää."))
    if unit_id in lookups.closed_units and (end_date is None or end_date >= timezone.localdate()):
        check.fail(
            _("Yksikkö %(code)s on suljettu: siihen ei voi siirtää henkilöitä.")
            % {"code": unit_code}
        )
    language_text = str(values.get("language", "")).strip().casefold()
    language = LANGUAGE_ALIASES.get(language_text)
    if language is None:
        check.fail(
            _("Tuntematon kieli ”%(language)s” (sallitut: fi, sv, en).")
            % {"language": language_text}
        )
    supervisor_number = texts["supervisor_number"]
    if supervisor_number and supervisor_number == number:
        check.fail(_("Henkilö ei voi olla oma esihenkilönsä."))
    if not check.ok:
        return None
    return PlannedEmployee(
        line=check.line,
        employee_number=number,
        first_name=texts["first_name"],
        last_name=texts["last_name"],
        email=texts["email"],
        unit_id=unit_id,  # type: ignore[arg-type]  # checked above: check.ok
        job_role_id=job_role_id,  # type: ignore[arg-type]
        supervisor_number=supervisor_number,
        start_date=start_date,  # type: ignore[arg-type]
        end_date=end_date,
        language=language,  # type: ignore[arg-type]
    )


def _check_unique_number(check: "_RowChecker", number: str, seen: dict[str, int]) -> None:
    if not number:
        return
    if number in seen:
        check.fail(
            _("Henkilönumero %(number)s on jo rivillä %(other)s.")
            % {"number": number, "other": seen[number]}
        )
    else:
        seen[number] = check.line


def _check_email(check: "_RowChecker", email: str, seen: dict[str, int]) -> None:
    """A valid address, once in the file (without regard to case)."""
    if not email:
        return
    try:
        validate_email(email)
    except ValidationError:
        check.fail(_("Sähköpostiosoite ”%(email)s” ei ole kelvollinen.") % {"email": email})
    key = email.casefold()
    if key in seen:
        check.fail(
            _("Sähköpostiosoite %(email)s on jo rivillä %(other)s.")
            % {"email": email, "other": seen[key]}
        )
    else:
        seen[key] = check.line


def _compare_with_existing(plan: ImportPlan, existing: dict[str, dict]) -> None:
    """Each row's person as now in the database and the fields the file changes, and
    the active people (or users) the file leaves out, who are deactivated."""
    in_file = set()
    for row in plan.rows:
        in_file.add(row.employee_number)
        row.existing = existing.get(row.employee_number)
        if row.existing is not None:
            row.changed_fields = [
                name
                for name in (*USER_FIELDS, *EMPLOYEE_FIELDS)
                if getattr(row, name) != row.existing[name]
            ]
    plan.active_before = sum(1 for data in existing.values() if data["active"])
    plan.staff_before = len(existing)
    plan.to_deactivate = [
        {"employee_number": number, **data}
        for number, data in sorted(existing.items())
        if number not in in_file and (data["active"] or data["is_active"])
    ]


def _check_email_owners(plan: ImportPlan, email_owner: dict, numbers_in_file: dict) -> None:
    """An email may move between people in the same file, but may not take over the
    address of someone who is not in it."""
    for row in plan.rows:
        owner = email_owner.get(row.email.casefold())
        if owner and owner != row.employee_number and owner not in numbers_in_file:
            plan.problems.append(
                Problem(
                    _("Sähköpostiosoite %(email)s kuuluu jo henkilölle %(number)s.")
                    % {"email": row.email, "number": owner},
                    line=row.line,
                )
            )


def _check_supervisors(plan: ImportPlan, existing: dict[str, dict], numbers_in_file: dict) -> None:
    """Every supervisor must exist (in the file or already in the database) and the
    supervisor chain must never come back to where it started."""
    supervisor_of = {number: data["supervisor_number"] for number, data in existing.items()}
    line_of = {}
    for row in plan.rows:
        supervisor_of[row.employee_number] = row.supervisor_number
        line_of[row.employee_number] = row.line
    for row in plan.rows:
        number = row.supervisor_number
        if number and number not in numbers_in_file and number not in existing:
            plan.problems.append(
                Problem(
                    _(
                        "Esihenkilön henkilönumeroa %(number)s ei löydy tiedostosta "
                        "eikä henkilöstöstä."
                    )
                    % {"number": number},
                    line=row.line,
                )
            )
    # Walk each chain once: a node already known to end at the top is not walked again.
    settled: set[str] = set()
    for row in plan.rows:
        chain: list[str] = []
        position: dict[str, int] = {}
        current = row.employee_number
        while current and current not in settled and current not in position:
            position[current] = len(chain)
            chain.append(current)
            current = supervisor_of.get(current)
        if current and current in position:
            loop = chain[position[current] :]
            lines = sorted(line_of[number] for number in loop if number in line_of)
            plan.problems.append(
                Problem(
                    _("Esihenkilösuhteet muodostavat silmukan: %(chain)s (rivit %(lines)s).")
                    % {
                        "chain": " → ".join([*loop, current]),
                        "lines": ", ".join(str(line) for line in lines),
                    },
                    line=lines[0] if lines else row.line,
                )
            )
        settled.update(chain)
