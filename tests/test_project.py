"""Project-level checks: production settings pass Django's deployment checklist, the
demo county loads and reloads, migrations are complete."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


def test_production_settings_pass_check_deploy():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "learning.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "hyteopas.example",
        "DATABASE_URL": "postgres://hyteopas@db.example:5432/hyteopas",
        "CELERY_BROKER_URL": "redis://redis.example:6379/0",
        "EMAIL_URL": "smtp+tls://mailer.example:587",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "learning.settings.production"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_demo_county_loads_and_reloads_unchanged():
    from people.demo.loading import load_demo_county
    from people.models import Employee, OrgUnit

    sign_ins = load_demo_county()
    assert OrgUnit.objects.filter(kind=OrgUnit.Kind.SECTOR).count() == 3
    assert OrgUnit.objects.filter(kind=OrgUnit.Kind.UNIT).count() == 12
    assert Employee.objects.filter(active=True).count() == 63
    assert Employee.objects.filter(supervisor__isnull=True).count() == 1
    assert {role for role, _employee in sign_ins} == {
        "employee",
        "supervisor",
        "trainer",
        "phrase_editor",
        "phrase_approver",
        "hr_admin",
        "hyte_coordinator",
    }
    before = list(Employee.objects.order_by("pk").values())
    load_demo_county()
    assert list(Employee.objects.order_by("pk").values()) == before
