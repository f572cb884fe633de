"""The org-tree import: a CSV or XLSX file of units (code, names in Finnish, Swedish
and English, parent code, kind, managers' employee numbers, and optionally the day
a unit closed) read with the staff import's reader, checked whole with line-numbered
messages, previewed, and applied atomically.

Decisions:
- The file adds and changes units; a unit missing from it is left as it is (a tree
  can be sent in parts). A unit is closed by giving its closing day.
- Unit codes are compared without regard to case, as in the staff import: "a1" in a
  file means the unit A1; two codes that differ only in case are the same code.
- The managers column, when the file has it, sets the managers exactly (an empty cell
  clears them); without the column, managers are left as they are.
- A unit is created or moved parents-first, so a whole new tree arrives in one file.
  Each unit costs a few queries (treebeard keeps the materialised path); a county's
  1,500 units are a few seconds.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from people import org_tree
from people.hr_import.columns import ColumnSpec
from people.hr_import.reading import FileRejected, Problem, read_rows
from people.hr_import.validation import parse_date
from people.models import Employee, OrgUnit

ORG_COLUMNS = ColumnSpec(
    {
        "code": (
            gettext_lazy("yksikkökoodi"),
            ("koodi", "yksikkokoodi", "code", "unit_code", "kod"),
        ),
        "name_fi": (
            gettext_lazy("nimi suomeksi"),
            ("nimi", "nimi_fi", "nimi_suomeksi", "name_fi", "namn_fi", "name_finnish"),
        ),
        "name_sv": (
            gettext_lazy("nimi ruotsiksi"),
            ("nimi_sv", "nimi_ruotsiksi", "name_sv", "namn_sv", "namn", "name_swedish"),
        ),
        "name_en": (
            gettext_lazy("nimi englanniksi"),
            ("nimi_en", "nimi_englanniksi", "name_en", "namn_en", "name", "name_english"),
        ),
        "parent_code": (
            gettext_lazy("yläyksikkö"),
            ("ylayksikko", "ylayksikon_koodi", "parent", "parent_code", "overordnad_enhet"),
        ),
        "kind": (
            gettext_lazy("organisaatiotaso"),
            ("taso", "organisaatiotaso", "kind", "level", "niva"),
        ),
        "managers": (
            gettext_lazy("esihenkilöt"),
            ("esihenkilot", "esihenkilo", "managers", "manager", "chefer", "foreman"),
        ),
        "closed_on": (
            gettext_lazy("suljettu"),
            ("suljettu", "sulkemispaiva", "closed", "closed_on"),
        ),
    },
    gettext_lazy("Tiedostossa ei ole yhtään yksikköriviä otsikkorivin lisäksi."),
    optional=("name_sv", "name_en", "managers", "closed_on"),
)

KIND_ALIASES = {
    "county": OrgUnit.Kind.COUNTY,
    "hyvinvointialue": OrgUnit.Kind.COUNTY,
    "valfardsomrade": OrgUnit.Kind.COUNTY,
    "välfärdsområde": OrgUnit.Kind.COUNTY,
    "sector": OrgUnit.Kind.SECTOR,
    "toimiala": OrgUnit.Kind.SECTOR,
    "sektor": OrgUnit.Kind.SECTOR,
    "area": OrgUnit.Kind.AREA,
    "palvelualue": OrgUnit.Kind.AREA,
    "serviceomrade": OrgUnit.Kind.AREA,
    "serviceområde": OrgUnit.Kind.AREA,
    "unit": OrgUnit.Kind.UNIT,
    "yksikkö": OrgUnit.Kind.UNIT,
    "yksikko": OrgUnit.Kind.UNIT,
    "enhet": OrgUnit.Kind.UNIT,
}

NAME_FIELDS = ("name_fi", "name_sv", "name_en")


@dataclass
class PlannedUnit:
    line: int
    code: str
    name_fi: str
    name_sv: str
    name_en: str
    parent_code: str
    kind: str
    managers: list[str] | None  # None: the file has no managers column
    closed_on: datetime.date | None
    existing: dict | None = None
    changed: list[str] = field(default_factory=list)


@dataclass
class OrgPlan:
    rows: list[PlannedUnit] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def to_create(self) -> list[PlannedUnit]:
        return [row for row in self.rows if row.existing is None]

    @property
    def to_update(self) -> list[PlannedUnit]:
        return [row for row in self.rows if row.existing is not None and row.changed]

    @property
    def to_close(self) -> list[PlannedUnit]:
        return [row for row in self.to_update if "closed_on" in row.changed and row.closed_on]

    @property
    def unchanged_count(self) -> int:
        return sum(1 for row in self.rows if row.existing is not None and not row.changed)

    @property
    def has_changes(self) -> bool:
        return bool(self.to_create or self.to_update)


def _existing_units() -> dict[str, dict]:
    """Every unit by its code folded to lower case: one query, plus one for managers."""
    units = {}
    parent_of_path = {}
    rows = list(
        OrgUnit.objects.values("id", "code", "path", "depth", "kind", "closed_on", *NAME_FIELDS)
    )
    code_of_path = {row["path"]: row["code"] for row in rows}
    managers: dict[int, list[str]] = {}
    for unit_id, number in OrgUnit.managers.through.objects.values_list(
        "orgunit_id", "employee__employee_number"
    ):
        managers.setdefault(unit_id, []).append(number)
    for row in rows:
        step = OrgUnit.steplen
        parent_of_path[row["path"]] = code_of_path.get(row["path"][:-step], "")
        units[row["code"].casefold()] = {
            **row,
            "parent_code": parent_of_path[row["path"]],
            "managers": sorted(managers.get(row["id"], [])),
        }
    return units


def _cell(values: dict, name: str) -> str:
    value = values.get(name, "")
    return value.isoformat() if isinstance(value, datetime.date) else str(value).strip()


def build_org_plan(
    rows: list[tuple[int, dict]], *, has_managers: bool
) -> OrgPlan:  # long: one pass over the rows, each check beside its message
    plan = OrgPlan()
    problems = plan.problems
    existing = _existing_units()
    numbers = set(Employee.objects.values_list("employee_number", flat=True))
    seen: dict[str, int] = {}

    def fail(line, message):
        problems.append(Problem(message, line=line))

    for line, values in rows:
        ok = True
        code = _cell(values, "code")
        if not code:
            fail(line, _("Yksikkökoodi puuttuu."))
            ok = False
        elif len(code) > 32:
            fail(line, _("Yksikkökoodi on liian pitkä (enintään 32 merkkiä)."))
            ok = False
        elif code.casefold() in seen:
            fail(
                line,
                _("Yksikkökoodi %(code)s on jo rivillä %(other)s.")
                % {"code": code, "other": seen[code.casefold()]},
            )
            ok = False
        else:
            seen[code.casefold()] = line
        names = {name: _cell(values, name) for name in NAME_FIELDS}
        if not names["name_fi"]:
            fail(line, _("Nimi suomeksi puuttuu."))
            ok = False
        for name, text in names.items():
            if len(text) > 200:
                fail(
                    line,
                    _("%(column)s on liian pitkä (enintään 200 merkkiä).")
                    % {"column": ORG_COLUMNS.label(name).capitalize()},
                )
                ok = False
        kind_text = _cell(values, "kind")
        kind = KIND_ALIASES.get(kind_text.casefold())
        if kind is None:
            fail(
                line,
                _(
                    "Tuntematon organisaatiotaso ”%(kind)s” (sallitut: hyvinvointialue, "
                    "toimiala, palvelualue, yksikkö)."
                )
                % {"kind": kind_text},
            )
            ok = False
        managers = None
        if has_managers:
            managers = sorted(
                {
                    n
                    for n in _cell(values, "managers")
                    .replace(";", ",")
                    .replace(" ", ",")
                    .split(",")
                    if n
                }
            )
            for number in managers:
                if number not in numbers:
                    fail(
                        line,
                        _("Esihenkilön henkilönumeroa %(number)s ei löydy henkilöstöstä.")
                        % {"number": number},
                    )
                    ok = False
        try:
            closed_on = parse_date(values.get("closed_on", ""))
        except ValueError:
            fail(
                line,
                _("Sulkemispäivä ”%(value)s” ei ole kelvollinen päivämäärä (pp.kk.vvvv).")
                % {"value": _cell(values, "closed_on")},
            )
            ok = False
            closed_on = None
        if ok:
            plan.rows.append(
                PlannedUnit(
                    line=line,
                    code=code,
                    parent_code=_cell(values, "parent_code"),
                    kind=kind,
                    managers=managers,
                    closed_on=closed_on,
                    **names,
                )
            )
    _check_parents(plan, existing)
    if not problems:
        _work_out_changes(plan, existing)
        _check_closing(plan, existing)
    problems.sort(key=lambda problem: problem.line or 0)
    return plan


def _check_parents(plan: OrgPlan, existing: dict) -> None:
    """Every parent exists (in the file or the tree), is open, and the parent chain
    never comes back to where it started."""
    in_file = {row.code.casefold(): row for row in plan.rows}
    parent_of = {code: data["parent_code"].casefold() for code, data in existing.items()}
    for row in plan.rows:
        parent_of[row.code.casefold()] = row.parent_code.casefold()
    for row in plan.rows:
        parent = row.parent_code.casefold()
        if not parent:
            continue
        if parent not in in_file and parent not in existing:
            plan.problems.append(
                Problem(
                    _("Yläyksikköä %(code)s ei löydy tiedostosta eikä organisaatiosta.")
                    % {"code": row.parent_code},
                    line=row.line,
                )
            )
            continue
        parent_closed = (
            in_file[parent].closed_on if parent in in_file else existing[parent]["closed_on"]
        )
        if parent_closed and not row.closed_on:
            plan.problems.append(
                Problem(
                    _("Yläyksikkö %(code)s on suljettu: sen alle ei voi lisätä yksiköitä.")
                    % {"code": row.parent_code},
                    line=row.line,
                )
            )
    settled: set[str] = set()
    for row in plan.rows:
        chain: list[str] = []
        position: dict[str, int] = {}
        current = row.code.casefold()
        while current and current not in settled and current not in position:
            position[current] = len(chain)
            chain.append(current)
            current = parent_of.get(current, "")
        if current and current in position:
            loop = chain[position[current] :]
            shown = [
                in_file[code].code if code in in_file else existing[code]["code"] for code in loop
            ]
            lines = sorted(in_file[code].line for code in loop if code in in_file)
            plan.problems.append(
                Problem(
                    _("Yksiköt muodostavat silmukan: %(chain)s (rivit %(lines)s).")
                    % {
                        "chain": " → ".join([*shown, shown[0]]),
                        "lines": ", ".join(str(line) for line in lines),
                    },
                    line=lines[0] if lines else row.line,
                )
            )
        settled.update(chain)


def _work_out_changes(plan: OrgPlan, existing: dict) -> None:
    for row in plan.rows:
        row.existing = existing.get(row.code.casefold())
        if row.existing is None:
            continue
        row.code = row.existing["code"]  # as it is in the tree
        current = {
            **{name: row.existing[name] for name in NAME_FIELDS},
            "kind": row.existing["kind"],
            "parent_code": row.existing["parent_code"].casefold(),
            "closed_on": row.existing["closed_on"],
            "managers": row.existing["managers"],
        }
        wanted = {
            **{name: getattr(row, name) for name in NAME_FIELDS},
            "kind": row.kind,
            "parent_code": row.parent_code.casefold(),
            "closed_on": row.closed_on,
            "managers": row.managers,
        }
        if row.managers is None:
            wanted["managers"] = current["managers"]
        row.changed = [name for name in current if current[name] != wanted[name]]


def _check_closing(plan: OrgPlan, existing: dict) -> None:
    for row in plan.to_close:
        unit = OrgUnit(pk=row.existing["id"], code=row.code, path=row.existing["path"])
        try:
            org_tree.check_can_close(unit)
        except org_tree.OrgTreeError as error:
            plan.problems.append(Problem(str(error), line=row.line))


def org_plan_for(*, name: str, content: bytes) -> OrgPlan:
    try:
        read = read_rows(name=name, content=content, spec=ORG_COLUMNS)
    except FileRejected as rejected:
        return OrgPlan(problems=[rejected.problem])
    if read.problems:
        return OrgPlan(problems=read.problems)
    has_managers = any("managers" in values for _line, values in read.rows)
    return build_org_plan(read.rows, has_managers=has_managers)


@transaction.atomic
def apply_org_plan(plan: OrgPlan) -> dict:
    """Create and change units parents-first; returns counts."""
    by_code = {row.code.casefold(): row for row in plan.rows}

    def depth(row, seen=()):
        parent = by_code.get(row.parent_code.casefold())
        return 0 if parent is None or parent in seen else 1 + depth(parent, (*seen, row))

    created = updated = 0
    # Parents first; siblings in code order, so each new unit goes after the last one
    # (node_order_by = code) and treebeard need not shift the paths of its siblings.
    for row in sorted(plan.rows, key=lambda row: (depth(row), row.code)):
        if row.existing is not None and not row.changed:
            continue
        parent = (
            OrgUnit.objects.filter(code__iexact=row.parent_code).first()
            if row.parent_code
            else None
        )
        if row.existing is None:
            unit = org_tree.org_unit_create(
                unit=OrgUnit(
                    code=row.code,
                    kind=row.kind,
                    closed_on=row.closed_on,
                    **{name: getattr(row, name) for name in NAME_FIELDS},
                ),
                parent=parent,
            )
            created += 1
        else:
            unit = OrgUnit.objects.get(pk=row.existing["id"])
            if "parent_code" in row.changed:
                unit = org_tree.org_unit_move(unit=unit, parent=parent)
            OrgUnit.objects.filter(pk=unit.pk).update(
                kind=row.kind,
                closed_on=row.closed_on,
                **{name: getattr(row, name) for name in NAME_FIELDS},
            )
            updated += 1
        if row.managers is not None:
            unit.managers.set(Employee.objects.filter(employee_number__in=row.managers))
    return {"created": created, "updated": updated, "closed": len(plan.to_close)}
