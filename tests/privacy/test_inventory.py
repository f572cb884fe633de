"""Every model that links to a person is in the personal-data inventory, and every
inventory entry reads."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from privacy.inventory import INVENTORY, NOT_EXPORTED


def person_links() -> set[tuple[str, str]]:
    """(model label, field name) of every foreign key, one-to-one and many-to-many to
    Employee or the user model, declared on the model itself (inherited ones are the
    parent's)."""
    people = {apps.get_model("people", "Employee"), get_user_model()}
    found = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if not (field.concrete and field.is_relation) or field.related_model not in people:
                continue
            if field.model is not model:
                continue
            found.add((model._meta.label, field.name))
    return found


def test_every_link_to_a_person_is_in_the_inventory():
    declared = {(holding.model, link) for holding in INVENTORY for link in holding.links}
    missing = sorted(person_links() - declared - set(NOT_EXPORTED))
    assert not missing, (
        "Personal data not in privacy/inventory.py (add a Holding, or a reason to "
        f"NOT_EXPORTED): {missing}"
    )


def test_the_walk_finds_links_it_must_find():
    links = person_links()
    assert ("courses.CourseCompletion", "employee") in links
    assert ("people.OrgUnit", "managers") in links
    assert ("wagtailcore.Page", "owner") in links
    assert ("courses.CoursePage", "owner") not in links  # inherited from Page


@pytest.mark.django_db
def test_every_entry_names_real_fields_and_links():
    for holding in INVENTORY:
        model = apps.get_model(holding.model)
        str(model.objects.values(*holding.fields).query)
        for link in holding.links:
            if link != "pk":
                str(model.objects.filter(**{link: 1}).query)
    for model_label, _field in NOT_EXPORTED:
        apps.get_model(model_label)
