"""The Content-Security-Policy holds in a real browser: every page the test visits — the
site as each role sees it, and the Wagtail admin — runs without a single CSP violation
(securitypolicyviolation events) or console error. The pages are found by following the
links of each role's home page and menus, so new pages are covered without a list here."""

from urllib.parse import urlsplit

import pytest
from wagtail.admin.admin_url_finder import AdminURLFinder

from courses.models import CoursePage, LessonPage
from people import roles
from people.demo.county import DEMO_PASSWORD
from phrases.models import Phrase
from quizzes.models import Quiz
from tests.e2e.conftest import TIMEOUT_MS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `at ${event.sourceFile || "?"}:${event.lineNumber} ${event.sample || ""}`
  );
});
"""
SITE_PAGES_PER_ROLE = 20
ADMIN_PAGES = 35
# Links that download a file, act, or leave the part being crawled.
SKIPPED_PARTS = (
    "/admin/bulk/",
    "vienti",
    "lataa",
    ".ics",
    ".csv",
    ".xlsx",
    "kirjaudu-ulos",
    "logout",
)


@pytest.fixture
def demo(demo_county):
    """The demo county with its courses and phrase library, so course, lesson, quiz and
    phrase pages (and their editors) are there to visit."""
    from cms.models import HomePage
    from courses.demo.loading import load_demo_courses
    from phrases.demo.loading import load_demo_phrases

    load_demo_courses(HomePage.objects.get(locale__language_code="fi"))
    load_demo_phrases()
    return demo_county


@pytest.fixture
def watched_page(browser, live_server, django_db_serialized_rollback):
    """A page in a context with a real time zone: Wagtail's account page cannot read
    Chromium's "localtime" default."""
    context = browser.new_context(
        base_url=live_server.url, locale="fi-FI", timezone_id="Europe/Helsinki"
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


class PageWatcher:
    """Collects CSP violations and console errors on each page it visits."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url
        self.problems = []
        self.visited = []
        page.add_init_script(COLLECT_VIOLATIONS)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"{page.url}: {error}"))

    def _console(self, message):
        if message.type == "error":
            self.problems.append(f"{self.page.url}: console: {message.text}")

    def visit(self, path) -> bool:
        try:
            response = self.page.goto(path, wait_until="load")
        except Exception as error:  # a download starts instead of a page
            if "Download is starting" in str(error):
                return False
            raise
        self.page.wait_for_timeout(150)
        violations = self.page.evaluate("window.__cspViolations || []")
        self.problems.extend(f"{path}: {violation}" for violation in violations)
        self.visited.append(path)
        return response is not None and response.ok

    def links(self, prefix: str) -> list[str]:
        hrefs = self.page.eval_on_selector_all(
            "a[href]:not([download])", "links => links.map(link => link.href)"
        )
        found = []
        for href in hrefs:
            parts = urlsplit(href)
            if not href.startswith(self.base_url):
                continue
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if not path.startswith(prefix) or any(part in path for part in SKIPPED_PARTS):
                continue
            if prefix == "/" and path.startswith(("/admin/", "/django-admin/")):
                continue
            found.append(path)
        return found

    def crawl(self, start: str, prefix: str, limit: int) -> None:
        queue, seen = [start], {start}
        while queue and len(self.visited) < limit:
            path = queue.pop(0)
            if not self.visit(path):
                continue
            for link in self.links(prefix):
                if link not in seen:
                    seen.add(link)
                    queue.append(link)


def sign_in(page, email):
    page.goto("/kirjaudu/")
    page.get_by_label("Sähköposti tai henkilönumero").fill(email)
    page.get_by_label("Salasana", exact=True).fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Kirjaudu", exact=True).click()


def test_the_policy_header_has_nonces_and_no_inline_scripts(client):
    response = client.get("/kirjaudu/")
    policy = response["Content-Security-Policy"]
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "'nonce-" in script_src
    assert "'unsafe-inline'" not in script_src
    assert "object-src 'none'" in policy
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.parametrize(
    "role",
    [
        roles.EMPLOYEE,
        roles.SUPERVISOR,
        roles.TRAINER,
        roles.PHRASE_EDITOR,
        roles.PHRASE_APPROVER,
        roles.HR_ADMIN,
        roles.HYTE_COORDINATOR,
    ],
)
def test_site_pages_of_each_role_break_no_policy(watched_page, live_server, demo, role):
    page = watched_page
    watcher = PageWatcher(page, live_server.url)
    watcher.visit("/kirjaudu/")
    sign_in(page, demo[role].user.email)
    watcher.crawl("/", "/", SITE_PAGES_PER_ROLE)
    # Pages with scripts of their own, whatever the menus lead to.
    for path in ("/fraasit/?q=liikunta", "/fraasit/hyte-kortti/"):
        watcher.visit(path)
    print(f"\n{role}: {len(watcher.visited)} pages")
    assert len(watcher.visited) >= 4
    assert not watcher.problems, "\n".join(watcher.problems)


@pytest.mark.parametrize("role", [roles.TRAINER, roles.PHRASE_EDITOR])
def test_admin_pages_break_no_policy(watched_page, live_server, demo, role):
    page = watched_page
    watcher = PageWatcher(page, live_server.url)
    sign_in(page, demo[role].user.email)
    watcher.crawl("/admin/", "/admin/", ADMIN_PAGES)
    # The editors, where most of the admin's scripts run.
    user = demo[role].user
    finder = AdminURLFinder(user)
    editable = {
        roles.TRAINER: (
            CoursePage.objects.first(),
            LessonPage.objects.first(),
            Quiz.objects.first(),
        ),
        roles.PHRASE_EDITOR: (Phrase.objects.first(),),
    }
    for instance in editable[role]:
        url = finder.get_edit_url(instance) if instance is not None else None
        assert url, f"{role} cannot edit {instance!r}"
        watcher.visit(url)
    print(f"\nadmin as {role}: {len(watcher.visited)} pages")
    assert len(watcher.visited) >= 10
    assert not watcher.problems, "\n".join(watcher.problems)
