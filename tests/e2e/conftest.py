"""Browser tests: one headless Debian Chromium for the e2e package, a fresh context per
test, the site served by pytest-django's live server."""

import os

import pytest

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Long enough for a cold first request on a slow CI runner, short enough to fail fast.
TIMEOUT_MS = 10_000


def _cache_content_types(alias: str) -> None:
    """Fill Django's content-type cache from the database as it is now. Restoring the
    snapshot builds Wagtail's GroupApprovalTask, whose __init__ looks up its content
    type before the content types themselves are restored (INSTALLED_APPS order): on a
    cold cache that lookup inserts a row, which then collides with the snapshot's own.
    And after a restore the cache must hold the snapshot's ids, not those of content
    types recreated by an earlier transactional test's flush."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    ContentType.objects.db_manager(alias).get_for_models(*apps.get_models())


def _flush_and_restore(connection, snapshot: str | None) -> None:
    from django.core.management import call_command

    # Keep the sequences where they are, as Django's own flush between transactional
    # tests does: the snapshot comes back with its primary keys, and a sequence reset
    # to 1 would hand out those same keys again (the first page a test adds collides
    # with the home page).
    call_command(
        "flush",
        verbosity=0,
        interactive=False,
        database=connection.alias,
        reset_sequences=False,
        inhibit_post_migrate=True,
    )
    if snapshot:
        connection.creation.deserialize_db_from_string(snapshot)
        _cache_content_types(connection.alias)


@pytest.fixture(scope="package")
def _e2e_database(django_db_setup, django_db_blocker):
    """The browser tests run transactionally with serialized rollback: each starts from
    the database as migrations left it (role groups, home page, Wagtail Site) and ends
    with it flushed. Around the package, leave it as migrations left it, whatever ran
    before, so neither the restore here nor the tests after the package are surprised."""
    from django.db import connections

    snapshots = {
        alias: getattr(connections[alias], "_test_serialized_contents", None)
        for alias in connections
    }
    with django_db_blocker.unblock():
        for alias, snapshot in snapshots.items():
            if snapshot:
                # Restore once to cache the snapshot's content types (see
                # _cache_content_types), then leave the tables empty: each test's
                # serialized rollback restores the snapshot itself.
                _cache_content_types(alias)
                _flush_and_restore(connections[alias], snapshot)
                _flush_and_restore(connections[alias], None)
    yield snapshots
    with django_db_blocker.unblock():
        for alias, snapshot in snapshots.items():
            if snapshot:
                _flush_and_restore(connections[alias], snapshot)
                connections[alias].close()


@pytest.fixture(scope="package")
def _browser_session(_e2e_database):
    """Starts Playwright and Chromium on first use (so a run without Chromium skips, or
    fails in CI, through chromium_path) and stops them when the package is done, so
    that no event loop is left running under the tests that follow."""
    # Playwright's sync API keeps an asyncio event loop running in this thread; Django
    # refuses database access from such a thread unless told otherwise. Only while the
    # browser tests run: a subprocess started by a later test must not inherit it.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    state = {}
    yield state
    if "browser" in state:
        state["browser"].close()
    if "playwright" in state:
        state["playwright"].stop()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def browser(chromium_path, _browser_session, _e2e_database):
    if "browser" not in _browser_session:
        from django.db import connections
        from playwright.sync_api import sync_playwright

        _browser_session["playwright"] = playwright = sync_playwright().start()
        # With Playwright's loop running, Django's thread-critical connection storage
        # (asgiref) hands out new connection objects. The snapshot serialized rollback
        # restores lives on the original ones: carry it over.
        for alias, snapshot in _e2e_database.items():
            if snapshot:
                connections[alias]._test_serialized_contents = snapshot
        _browser_session["browser"] = playwright.chromium.launch(
            executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS
        )
    return _browser_session["browser"]


@pytest.fixture
def context(browser, live_server, django_db_serialized_rollback):
    # The live server needs a transactional database, flushed after each test;
    # serialized rollback brings back what migrations created (role groups, the home
    # page, the Wagtail Site) before the next one.
    context = browser.new_context(base_url=live_server.url, locale="fi-FI")
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    yield page
    page.close()


@pytest.fixture
def demo_county(transactional_db):
    """The demo county, loaded afresh: the live server's database is flushed after
    every test. Returns {role: Employee} for the demo sign-ins."""
    from people.demo.loading import load_demo_county

    return dict(load_demo_county())


@pytest.fixture
def sign_in(page):
    """Sign in through the form, finding the fields by their Finnish labels as a
    person would. Returns the page after the form's response has loaded."""

    def _sign_in(username: str, password: str):
        page.goto("/kirjaudu/")
        page.get_by_label("Sähköposti tai henkilönumero").fill(username)
        page.get_by_label("Salasana", exact=True).fill(password)
        with page.expect_navigation():
            page.get_by_role("button", name="Kirjaudu", exact=True).click()
        return page

    return _sign_in
