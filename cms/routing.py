"""Routing a page request in two queries compiled once per process: the Site, and the
home page in the reader's language (with the site's root page).

Wagtail's own serve finds the Site with an annotated query it compiles anew on every
request, then reads the active Locale and the root page's specific translation: three
queries, and compiling them took longer than running them (`bench/learning.py
--profile`). Wagtail has no setting for this; its serve reads a Site and a route already
set on the request, so `serve` here sets them and hands over to Wagtail's view, which
then runs its hooks, restrictions and the page's own serve as always.

Wagtail's rules are copied, not changed: which Site answers a host and port
(wagtail.models.sites.get_site_for_hostname) and which translation of the root page is
used (Page.localized). tests/cms/test_routing.py compares both with Wagtail's own over
hosts, ports, defaults and languages: change neither without running it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Case, IntegerField, Q, Subquery, When
from django.http import Http404, HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site
from wagtail.models.sites import (
    MATCH_DEFAULT,
    MATCH_HOSTNAME,
    MATCH_HOSTNAME_DEFAULT,
    MATCH_HOSTNAME_PORT,
)

from cms.models import HomePage
from compiledsql import CompiledQuery


def _sites(hostname: str, port: int) -> Any:
    # wagtail.models.sites.get_site_for_hostname's query.
    return (
        Site.objects.annotate(
            match=Case(
                When(hostname=hostname, port=port, then=MATCH_HOSTNAME_PORT),
                When(hostname=hostname, is_default_site=True, then=MATCH_HOSTNAME_DEFAULT),
                When(is_default_site=True, then=MATCH_DEFAULT),
                default=MATCH_HOSTNAME,
                output_field=IntegerField(),
            )
        )
        .filter(Q(hostname=hostname) | Q(is_default_site=True))
        .order_by("match")
    )


def _homes(root_id: int, language: str) -> Any:
    # The root page, and its live translation in the language (Page.localized).
    root_key = Page.objects.filter(pk=root_id).values("translation_key")[:1]
    return HomePage.objects.filter(
        Q(pk=root_id)
        | Q(translation_key=Subquery(root_key), locale__language_code=language, live=True)
    )


_SITES = CompiledQuery(_sites, hostname="\x00site-host\x00", port=-480_771_293)
_HOMES = CompiledQuery(_homes, root_id=-480_771_294, language="\x00home-language\x00")


def site_for_request(request: HttpRequest) -> Site | None:
    """The Site that answers the request's host and port, chosen as Wagtail chooses it
    (Site.find_for_request), in one query."""
    hostname = split_domain_port(request._get_raw_host())[0]
    sites = _SITES.objects(hostname=hostname, port=int(request.get_port()))
    if not sites:
        return None
    if len(sites) == 1 or sites[0].match in (MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT):
        site: Site = sites[0]
        return site
    if sites[0].match == MATCH_DEFAULT:
        chosen: Site = sites[len(sites) == 2]
        return chosen
    return None


def _content_language() -> str:
    # Locale.get_active: the active language's content variant, else the default's.
    # (Every language has its Locale: courses/migrations/0002_locales.py.)
    try:
        return str(get_supported_content_language_variant(get_language()))
    except LookupError:
        return str(get_supported_content_language_variant(settings.LANGUAGE_CODE))


def home_for_site(site: Site) -> HomePage | None:
    """The site's root page in the active language (`site.root_page.localized.specific`)
    when the root is a HomePage, with the root set on the site; one query. None when the
    root is some other kind of page."""
    found = {
        page.pk: page
        for page in _HOMES.objects(root_id=site.root_page_id, language=_content_language())
    }
    root = found.pop(site.root_page_id, None)
    if root is None:
        return None
    site.root_page = root
    translated = next(iter(found.values()), None)
    return translated or root


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's page view (wagtail.views.serve), with the Site and the route found
    here first (module docstring)."""
    if not hasattr(request, "_wagtail_route_for_request"):
        site = site_for_request(request)
        home = home_for_site(site) if site is not None else None
        if home is not None:
            request._wagtail_site = site  # type: ignore[attr-defined]
            try:
                route = home.route(request, [part for part in path.split("/") if part])
            except Http404:
                route = None
            request._wagtail_route_for_request = route  # type: ignore[attr-defined]
    response: HttpResponse = wagtail_views.serve(request, path)
    return response
