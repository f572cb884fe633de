"""The compiled routing (cms/routing.py) chooses the Site and the home page's translation
exactly as Wagtail does, over hosts, ports, default sites and languages; and a page
request costs its two queries instead of Wagtail's three."""

import itertools

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Locale, Page, Site

from cms import routing
from cms.models import HomePage
from tests.courses.builders import lessons_of, make_course
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

HOSTS = [
    "localhost",
    "koulutus.example.fi",
    "koulutus.example.fi:8080",
    "koulutus.example.fi:9090",
    "muu.example.fi:8080",
]


def _request(host: str):
    # The port is the server's (request.get_port), as behind the county's proxy.
    port = host.partition(":")[2] or "80"
    return RequestFactory().get("/", HTTP_HOST=host, SERVER_PORT=port)


def _wagtail_site(host: str):
    return Site._find_for_request(_request(host))


def _ours(host: str):
    return routing.site_for_request(_request(host))


def _compare_sites():
    for host in HOSTS:
        wagtail, ours = _wagtail_site(host), _ours(host)
        assert (ours and ours.pk) == (wagtail and wagtail.pk), host


def test_the_site_is_chosen_as_wagtail_chooses_it(settings):
    settings.ALLOWED_HOSTS = ["*"]
    home = HomePage.objects.get(locale__language_code="fi")
    _compare_sites()  # the migrations' one default site
    other_root = Page.get_first_root_node()
    layouts = [
        # A host of its own beside the default.
        [("koulutus.example.fi", 80, False)],
        # The same host on two ports.
        [("koulutus.example.fi", 80, False), ("koulutus.example.fi", 8080, False)],
        # Only a port-specific site for the host.
        [("koulutus.example.fi", 8080, False)],
    ]
    for layout in layouts:
        Site.objects.exclude(is_default_site=True).delete()
        for hostname, port, default in layout:
            Site.objects.create(
                hostname=hostname, port=port, root_page=other_root, is_default_site=default
            )
        _compare_sites()
    # The default site is the host's too, beside a port of its own.
    Site.objects.filter(is_default_site=True).update(hostname="koulutus.example.fi")
    _compare_sites()
    Site.objects.filter(is_default_site=True).update(hostname="localhost")
    # No default site at all: a host nobody serves finds none, by either way.
    Site.objects.filter(is_default_site=True).update(is_default_site=False)
    _compare_sites()
    assert _ours("muu.example.fi:8080") is None
    assert home.pk  # the home page stays as it was


def _translate_home(language: str, live: bool = True) -> HomePage:
    home = HomePage.objects.get(locale__language_code="fi")
    locale, _created = Locale.objects.get_or_create(language_code=language)
    copy = home.copy_for_translation(locale)
    if live:
        copy.save_revision().publish()
    else:
        copy.live = False
        copy.save()
    return copy


@pytest.mark.parametrize(
    ("swedish", "english"), list(itertools.product(["live", "draft", None], repeat=2))
)
def test_the_home_page_is_the_roots_translation_wagtail_would_use(swedish, english):
    if swedish:
        _translate_home("sv", live=swedish == "live")
    if english:
        _translate_home("en", live=english == "live")
    site = Site.objects.get(is_default_site=True)
    for language in ("fi", "sv", "en", "de"):
        with translation.override(language):
            wagtail = Site.objects.get(pk=site.pk).root_page.localized.specific
            ours = routing.home_for_site(Site.objects.get(pk=site.pk))
        assert (ours.pk, type(ours)) == (wagtail.pk, type(wagtail)), language


def test_a_root_that_is_not_a_home_page_is_left_to_wagtail(client):
    site = Site.objects.get(is_default_site=True)
    site.root_page = Page.get_first_root_node()
    assert routing.home_for_site(site) is None
    site.save()
    # Wagtail's own routing answers for it, as its own view would.
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    request.user = AnonymousUser()
    expected = wagtail_views.serve(request, "").status_code
    assert client.get("/").status_code == expected


def test_a_page_is_routed_in_two_queries(client):
    lesson = lessons_of(make_course(lessons=1))[0]
    client.force_login(EmployeeFactory().user)
    client.get(lesson.url)  # the first request of a process compiles the queries
    with CaptureQueriesContext(connection) as queries:
        assert client.get(lesson.url).status_code == 200
    routing_tables = [
        query["sql"]
        for query in queries.captured_queries
        if '"wagtailcore_site"' in query["sql"] or '"wagtailcore_locale"' in query["sql"]
    ]
    # The site is one query; the home page (in the reader's language, with the locale
    # joined into it) the other.
    assert len(routing_tables) == 2, routing_tables
    assert not any(
        query["sql"].startswith('SELECT "wagtailcore_locale"') for query in queries.captured_queries
    )
