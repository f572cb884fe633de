"""One person's data as a file (GDPR art. 15, right of access), built from the
inventory: a JSON document for machines and an XLSX workbook for people, with one
section per model that holds something about them and an index of every model looked
at. Query cost: one query per inventory entry."""

import datetime
import io
import json
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from privacy.inventory import INVENTORY, Holding
from reporting.spreadsheets import write_xlsx_sheets


@dataclass
class Section:
    holding: Holding
    title: str
    headers: list[str]
    rows: list[dict]


def _condition(holding: Holding, *, employee, user) -> Q:
    condition = Q(pk__in=[])
    for lookup, person in [(name, employee) for name in holding.employee] + [
        (name, user) for name in holding.user
    ]:
        if person is None:
            continue
        condition |= Q(pk=person.pk) if lookup == "pk" else Q(**{lookup: person.pk})
    return condition


def _header(model, path: str) -> str:
    """The verbose name of the field a lookup path ends at, else the path itself."""
    current = model
    field = None
    for part in path.split("__"):
        try:
            field = current._meta.get_field(part)
        except FieldDoesNotExist:
            return path
        current = field.related_model or current
    name = str(getattr(field, "verbose_name", "") or path)
    return name[:1].upper() + name[1:]


def person_sections(*, employee) -> list[Section]:
    user = employee.user
    sections = []
    for holding in INVENTORY:
        model = apps.get_model(holding.model)
        matching = model.objects.filter(_condition(holding, employee=employee, user=user))
        # Through a many-to-many link a row can match twice: pick each once.
        rows = list(
            model.objects.filter(pk__in=matching.values("pk"))
            .order_by("pk")
            .values(*holding.fields)
        )
        sections.append(
            Section(
                holding=holding,
                title=str(model._meta.verbose_name_plural),
                headers=[_header(model, path) for path in holding.fields],
                rows=rows,
            )
        )
    return sections


def person_data_json(*, employee, sections: list[Section] | None = None) -> bytes:
    sections = person_sections(employee=employee) if sections is None else sections
    document = {
        "employee_number": employee.employee_number,
        "generated_at": timezone.now(),
        "data": {
            section.holding.model: {"title": section.title, "rows": section.rows}
            for section in sections
        },
    }
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).encode()


def _cell(value):
    if isinstance(value, (list, dict)):
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    if isinstance(value, (str, int, float, bool, datetime.date)) or value is None:
        return value
    return str(value)


def _rows(section: Section):
    for row in section.rows:
        yield [_cell(row[path]) for path in section.holding.fields]


def person_data_xlsx(*, employee, sections: list[Section] | None = None) -> bytes:
    sections = person_sections(employee=employee) if sections is None else sections
    index = (
        _("Sisällys"),
        [_("Tiedot"), _("Rivejä"), _("Malli")],
        [[section.title, len(section.rows), section.holding.model] for section in sections],
    )
    sheets = [index] + [
        (section.title, section.headers, _rows(section)) for section in sections if section.rows
    ]
    target = io.BytesIO()
    write_xlsx_sheets(target, sheets)
    return target.getvalue()
