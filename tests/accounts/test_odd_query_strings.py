"""NUL bytes, lone surrogates, control characters, bidirectional overrides and very long
values in any query parameter of any page answer 400 or are taken as text, never 500.

The pages are every GET address of the URLconf without path parameters (site, Wagtail
admin and Django admin), read from the resolver rather than listed by hand; the
parameter names are those the views read, found in the source, plus common ones."""

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from django.contrib.auth.models import Group
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent.parent
# Addresses that only act (POST) or leave the site; a GET there changes nothing.
SKIP = {
    "/kirjaudu-ulos/",
    "/admin/logout/",
    "/kirjaudu/organisaatio/",
    "/_util/login/",
    "/admin/failwhale/",  # Wagtail's deliberate error, for testing error reports
}


def addresses_without_parameters() -> list[str]:
    found = []

    def walk(patterns, prefix):
        for entry in patterns:
            pattern = entry.pattern
            if isinstance(pattern, RoutePattern):
                if pattern.converters:
                    continue
                text = str(pattern)
            else:
                text = str(pattern).lstrip("^").rstrip("$").replace("\\", "")
                if pattern.regex.groups or re.search(r"[()\[\]*+?|]", text):
                    continue
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, prefix + text)
            elif prefix + text not in SKIP:
                found.append(prefix + text)

    walk(get_resolver().url_patterns, "/")
    return sorted(set(found))


def parameter_names() -> list[str]:
    names = {"q", "haku", "sivu", "p", "next", "jarjestys", "tila", "alue", "teema", "kirjaus"}
    reads = re.compile(r"""(?:GET|query)\.get(?:list)?\(\s*["']([A-Za-z_]+)["']""")
    for path in ROOT.glob("*/*.py"):
        if path.parts[-2] in {".venv", "tests", "bench"}:
            continue
        names.update(reads.findall(path.read_text(encoding="utf-8")))
    return sorted(names)


ODD_VALUES = {
    "nul": "%00",
    "nul-in-word": "hoito%00tyo",
    "lone-surrogate-utf8": "%ED%A0%80",
    "lone-surrogate-utf16": "%uD800",
    "control": "%1B%5B31m",
    "rtl-override": quote("\u202eotiuh\u202c"),
    "very-long": "a" * 5000,
    "zero-width-and-bom": quote("\u200b\ufeffhoito"),
}
ADDRESSES = addresses_without_parameters()


def test_the_walk_finds_the_list_and_search_pages():
    for address in ("/seuranta/loki/", "/fraasit/", "/tiimi/", "/tilaisuudet/", "/admin/pages/"):
        assert address in ADDRESSES
    assert "haku" in parameter_names() and "sivu" in parameter_names()


@pytest.fixture
def everyone(client):
    """One person with every role, superuser too, so each page reads its parameters."""
    employee = EmployeeFactory(user__is_superuser=True, user__is_staff=True)
    employee.user.groups.add(*Group.objects.all())
    client.force_login(employee.user)
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize("kind", sorted(ODD_VALUES))
def test_odd_values_never_answer_500(everyone, kind):
    value = ODD_VALUES[kind]
    query = "&".join(f"{name}={value}" for name in parameter_names())
    failures = []
    for address in ADDRESSES:
        response = everyone.get(f"{address}?{query}")
        if response.status_code >= 500:
            failures.append(address)
    assert not failures, f"{kind}: 500 from {failures}"


def test_nul_in_the_audit_log_search_is_refused_with_400(everyone):
    response = everyone.get("/seuranta/loki/?haku=%00")
    assert response.status_code == 400
    assert 'class="site-header"' in response.content.decode()
    # A name in the key is checked too.
    assert everyone.get("/fraasit/?ha%00ku=x").status_code == 400
    # Right-to-left marks are only text: the page answers.
    assert everyone.get("/seuranta/loki/?haku=" + quote("\u202eabc")).status_code == 200
