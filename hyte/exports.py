"""The hyte picture's aggregates as one long table (CSV) or one sheet per table (XLSX).
Only what the page shows: figures about groups of fewer than five people stay empty."""

from collections.abc import Iterator
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _

from hyte.selectors import HytePicture


def _month(value) -> str:
    return formats.date_format(value, "Y-m") if value else _("kaikki")


def sheets(
    picture: HytePicture,
) -> list[tuple[str, list[str], list[list[Any]]]]:  # long: the export's tables, as data
    knowledge_headers = [
        _("Ryhmä"),
        _("Kuukausi"),
        _("Vastanneita ennen"),
        _("Keskiarvo ennen"),
        _("Vastanneita jälkeen"),
        _("Keskiarvo jälkeen"),
        _("Tavoite"),
    ]

    def knowledge(rows, label=None):
        return [
            [
                label or row.label,
                _month(row.month),
                row.before.people if row.before.shown else None,
                row.before.mean,
                row.after.people if row.after.shown else None,
                row.after.mean,
                picture.target,
            ]
            for row in rows
        ]

    course_titles = [course.title for course in picture.courses]
    completion_headers = [_("Ryhmä")] + [
        f"{title} ({label})"
        for title in course_titles
        for label in (_("vaaditaan"), _("suoritettu %"))
    ]

    def completion(rows):
        return [
            [row.label]
            + [
                value
                for share in row.shares
                for value in (share.required if share.shown else None, share.percent)
            ]
            for row in rows
        ]

    months = [_month(month) for month in picture.months]
    return [
        (
            _("Osaaminen kuukausittain"),
            knowledge_headers,
            knowledge(picture.knowledge_by_month, _("Koko alue")),
        ),
        (_("Osaaminen toimialoittain"), knowledge_headers, knowledge(picture.knowledge_by_sector)),
        (_("Osaaminen nimikkeittäin"), knowledge_headers, knowledge(picture.knowledge_by_role)),
        (
            _("Suoritukset toimialoittain"),
            completion_headers,
            completion(picture.completion_by_sector),
        ),
        (_("Suoritukset yksiköittäin"), completion_headers, completion(picture.completion_by_unit)),
        (
            _("Fraasikopiot"),
            [_("Yksikkö")] + months + [_("Viimeiset 90 päivää")],
            [[row.unit.name] + row.months + [row.recent] for row in picture.copies_by_unit],
        ),
        (
            _("Tilaisuudet"),
            [
                _("Kuukausi"),
                _("Tilaisuuksia"),
                _("Ilmoittautuneita"),
                _("Osallistuneita"),
                _("Hyödyllinen ammattilaisille %"),
                _("Hyödyllinen esittäjille %"),
            ],
            [
                [
                    _month(row.month),
                    row.sessions,
                    row.registered,
                    row.attended,
                    row.staff.percent,
                    row.presenters.percent,
                ]
                for row in picture.session_months
            ],
        ),
    ]


def long_rows(picture: HytePicture) -> Iterator[list[Any]]:
    """Every sheet's cells as (table, row label, column, value): one CSV for all."""
    for title, headers, rows in sheets(picture):
        for row in rows:
            for header, value in zip(headers[1:], row[1:], strict=True):
                yield [title, row[0], header, value]


def long_headers() -> list[str]:
    return [_("Taulukko"), _("Rivi"), _("Sarake"), _("Arvo")]
