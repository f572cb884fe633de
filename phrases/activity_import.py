"""Importing hyte activities from a CSV or XLSX file: read (the HR import's generic
reader: size, type, encoding, formulas kept as text), check every row with
line-numbered Finnish problems, then apply all rows in one transaction or none."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from organisations.models import Organisation
from people.hr_import.locking import ACTIVITIES, import_lock
from people.hr_import.reading import FileRejected, Problem, cell_rows
from phrases.choices import Theme
from phrases.models import Activity

COLUMNS = {
    "key": gettext_lazy("tunniste"),
    "name_fi": gettext_lazy("nimi"),
    "name_sv": gettext_lazy("nimi ruotsiksi"),
    "organisation": gettext_lazy("järjestäjä"),
    "organisation_kind": gettext_lazy("järjestäjän tyyppi"),
    "municipality": gettext_lazy("kunta"),
    "themes": gettext_lazy("teemat"),
    "description_fi": gettext_lazy("kuvaus"),
    "description_sv": gettext_lazy("kuvaus ruotsiksi"),
    "contact": gettext_lazy("yhteystiedot"),
    "url": gettext_lazy("linkki"),
}
REQUIRED = ("key", "name_fi", "organisation")
# Finnish headers are what people type; the field names work too.
_HEADERS = {str(label).lower(): name for name, label in COLUMNS.items()} | {
    name: name for name in COLUMNS
}
_MAX_LENGTHS = {"key": 80, "name_fi": 200, "name_sv": 200, "organisation": 200, "contact": 300}


@dataclass
class PlannedActivity:
    line: int
    values: dict
    themes: list[str]
    organisation_kind: str
    exists: bool = False


@dataclass
class ActivityImportPlan:
    rows: list[PlannedActivity] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)

    @property
    def created_count(self) -> int:
        return sum(1 for row in self.rows if not row.exists)

    @property
    def updated_count(self) -> int:
        return sum(1 for row in self.rows if row.exists)


def _kind_lookup() -> dict[str, str]:
    lookup = {}
    for value, label in Organisation.Kind.choices:
        lookup[value] = value
        lookup[str(label).lower()] = value
    return lookup


def _theme_lookup() -> dict[str, str]:
    lookup = {}
    for value, label in Theme.choices:
        lookup[value] = value
        lookup[str(label).lower()] = value
    return lookup


def _text(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value or "").strip()


def build_plan(*, name: str, content: bytes) -> ActivityImportPlan:
    """Read and check the file; nothing is written."""
    plan = ActivityImportPlan()
    try:
        rows = cell_rows(name=name, content=content)
        header = None
        kinds, themes = _kind_lookup(), _theme_lookup()
        keys_seen: dict[str, int] = {}
        for line, cells in enumerate(rows, start=1):
            if header is None:
                header = [_HEADERS.get(_text(cell).lower()) for cell in cells]
                missing = [column for column in REQUIRED if column not in header]
                for column in missing:
                    plan.problems.append(
                        Problem(_("Sarake puuttuu: %(column)s.") % {"column": COLUMNS[column]}, 1)
                    )
                if missing:
                    return plan
                continue
            if not any(_text(cell) for cell in cells):
                continue
            values = {
                column: _text(cells[index]) if index < len(cells) else ""
                for index, column in enumerate(header)
                if column is not None
            }
            _check_row(plan, line, values, kinds, themes, keys_seen)
    except FileRejected as rejected:
        plan.problems.append(rejected.problem)
        return plan
    if header is None:
        plan.problems.append(Problem(_("Tiedosto on tyhjä.")))
    elif not plan.rows and not plan.problems:
        plan.problems.append(Problem(_("Tiedostossa ei ole yhtään toimintariviä.")))
    existing = set(
        Activity.objects.filter(key__in=[row.values["key"] for row in plan.rows]).values_list(
            "key", flat=True
        )
    )
    for row in plan.rows:
        row.exists = row.values["key"] in existing
    return plan


def _check_row(plan, line, values, kinds, themes, keys_seen) -> None:
    problems = []
    for column in REQUIRED:
        if not values.get(column):
            problems.append(
                _("%(column)s puuttuu.") % {"column": str(COLUMNS[column]).capitalize()}
            )
    for column, limit in _MAX_LENGTHS.items():
        if len(values.get(column, "")) > limit:
            problems.append(
                _("%(column)s on liian pitkä (enintään %(limit)s merkkiä).")
                % {"column": str(COLUMNS[column]).capitalize(), "limit": limit}
            )
    key = values.get("key", "")
    if key and not all(ch.isalnum() or ch in "-_" for ch in key):
        problems.append(_("Tunnisteessa saa olla vain kirjaimia, numeroita, - ja _."))
    if key in keys_seen:
        problems.append(
            _("Tunniste %(key)s on jo rivillä %(line)s.") % {"key": key, "line": keys_seen[key]}
        )
    elif key:
        keys_seen[key] = line
    kind_text = values.get("organisation_kind", "").lower()
    kind = kinds.get(kind_text, "") if kind_text else Organisation.Kind.OTHER
    if not kind:
        problems.append(
            _("Tuntematon järjestäjän tyyppi ”%(kind)s”.") % {"kind": values["organisation_kind"]}
        )
    theme_codes = []
    for piece in values.get("themes", "").replace(";", ",").split(","):
        piece = piece.strip().lower()
        if not piece:
            continue
        if piece not in themes:
            problems.append(_("Tuntematon teema ”%(theme)s”.") % {"theme": piece})
        else:
            theme_codes.append(themes[piece])
    url = values.get("url", "")
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            problems.append(_("Linkki ei ole kelvollinen verkko-osoite: %(url)s.") % {"url": url})
    if problems:
        plan.problems.extend(Problem(problem, line) for problem in problems)
        return
    plan.rows.append(
        PlannedActivity(line=line, values=values, themes=theme_codes, organisation_kind=kind)
    )


@transaction.atomic
def apply_plan(plan: ActivityImportPlan) -> tuple[int, int]:
    """Write every planned row, or nothing. Organisers are found by name (any case) and
    municipality, created when missing. One import at a time: raises ImportBusy while
    another is being applied. Returns (created, updated)."""
    import_lock(ACTIVITIES)
    created = updated = 0
    for row in plan.rows:
        values = row.values
        municipality = values.get("municipality", "")
        organisation = Organisation.objects.filter(
            name__iexact=values["organisation"], municipality=municipality
        ).first()
        if organisation is None:
            organisation = Organisation.objects.create(
                name=values["organisation"], kind=row.organisation_kind, municipality=municipality
            )
        _activity, was_created = Activity.objects.update_or_create(
            key=values["key"],
            defaults={
                "name_fi": values["name_fi"],
                "name_sv": values.get("name_sv", ""),
                "organisation": organisation,
                "municipality": municipality,
                "themes": row.themes,
                "description_fi": values.get("description_fi", ""),
                "description_sv": values.get("description_sv", ""),
                "contact": values.get("contact", ""),
                "url": values.get("url", ""),
            },
        )
        if was_created:
            created += 1
        else:
            updated += 1
    return created, updated
