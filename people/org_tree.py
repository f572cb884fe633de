"""Writes and rules of the organisation tree, shared by the admin form and the
org-tree import: create a unit under a parent, move it, close it.

A closed unit keeps its place, its history and its people's history, but receives
nobody: the staff import refuses it, and no unit can be created or moved under it.
A unit can be closed only when nobody active works in it or in a unit under it.
"""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from people.models import Employee, OrgUnit


class OrgTreeError(Exception):
    """A change the tree does not allow; the message is for HR."""


def active_people_under(unit: OrgUnit) -> int:
    """Active people in the unit or any unit under it. One query."""
    return Employee.objects.filter(active=True, unit__path__startswith=unit.path).count()


def check_can_close(unit: OrgUnit, people: int | None = None) -> None:
    people = active_people_under(unit) if people is None else people
    if people:
        raise OrgTreeError(
            _(
                "Yksikköä %(code)s ei voi sulkea: siinä tai sen alayksiköissä on "
                "%(count)s voimassa olevaa henkilöä."
            )
            % {"code": unit.code, "count": people}
        )


def check_parent(unit: OrgUnit | None, parent: OrgUnit | None) -> None:
    if parent is None:
        return
    if parent.closed_on is not None:
        raise OrgTreeError(
            _("Yläyksikkö %(code)s on suljettu: sen alle ei voi lisätä yksiköitä.")
            % {"code": parent.code}
        )
    if unit is not None and unit.pk and parent.path.startswith(unit.path):
        raise OrgTreeError(
            _("Yksikköä %(code)s ei voi siirtää itsensä tai alayksikkönsä alle.")
            % {"code": unit.code}
        )


@transaction.atomic
def org_unit_create(*, unit: OrgUnit, parent: OrgUnit | None) -> OrgUnit:
    """Place a new (unsaved) unit under `parent`, or as a root."""
    check_parent(None, parent)
    if parent is None:
        return OrgUnit.add_root(instance=unit)
    parent.refresh_from_db()
    return parent.add_child(instance=unit)


@transaction.atomic
def org_unit_move(*, unit: OrgUnit, parent: OrgUnit | None) -> OrgUnit:
    """Move a unit (with everything under it) under another parent, or to the top."""
    unit.refresh_from_db()
    current = unit.get_parent()
    if (current and current.pk) == (parent and parent.pk):
        return unit
    check_parent(unit, parent)
    if parent is None:
        unit.move(OrgUnit.get_first_root_node(), pos="sorted-sibling")
    else:
        parent.refresh_from_db()
        unit.move(parent, pos="sorted-child")
    unit.refresh_from_db()
    return unit


def org_unit_close(*, unit: OrgUnit, on: datetime.date) -> OrgUnit:
    check_can_close(unit)
    OrgUnit.objects.filter(pk=unit.pk).update(closed_on=on)
    unit.closed_on = on
    return unit
