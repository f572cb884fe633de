"""Factories for the tests: a small county tree, job roles and employees."""

import datetime
import itertools

import factory
from django.contrib.auth import get_user_model

from people.models import Employee, JobRole, OrgUnit

_codes = itertools.count(1)


def make_unit(
    code: str | None = None, parent: OrgUnit | None = None, kind: str | None = None
) -> OrgUnit:
    code = code or f"U{next(_codes)}"
    fields = {"code": code, "name_fi": f"Yksikkö {code}", "kind": kind or OrgUnit.Kind.UNIT}
    if parent is None:
        fields["kind"] = kind or OrgUnit.Kind.COUNTY
        return OrgUnit.add_root(**fields)
    return OrgUnit.objects.get(pk=parent.pk).add_child(**fields)


class JobRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobRole
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"R{n}")
    name_fi = factory.LazyAttribute(lambda o: f"Nimike {o.code}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"{20000 + n}")
    first_name = factory.Sequence(lambda n: f"Etu{n}")
    last_name = factory.Sequence(lambda n: f"Suku{n}")
    email = factory.LazyAttribute(lambda o: f"{o.first_name}.{o.last_name}@example.test".lower())
    password = factory.django.Password("salasana-testi")


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee

    user = factory.SubFactory(UserFactory)
    employee_number = factory.LazyAttribute(lambda o: o.user.username)
    unit = factory.LazyFunction(
        lambda: OrgUnit.objects.filter(kind=OrgUnit.Kind.UNIT).first() or make_unit()
    )
    job_role = factory.SubFactory(JobRoleFactory)
    start_date = datetime.date(2024, 1, 1)
