"""Browser tests: Playwright (sync API) driving the system Chromium against pytest-django's
live server, with axe-core accessibility checks.

Every test in this folder is marked ``e2e``. Without /usr/bin/chromium the tests are skipped,
unless SAMSPILL_REQUIRE_BROWSER=1 (as in CI), in which case they fail.
"""

import json
import os
import re
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connection
from django.test.testcases import LiveServerThread

# Playwright's sync API runs an asyncio loop in this thread; Django's ORM refuses to run in a
# thread with a running loop unless told that this is fine (the tests are single-threaded).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


class _LiveServer(ThreadedWSGIServer):
    """The tests' live server, with two changes.

    Static files may be kept by the browser for an hour, as production's are for a year:
    Django's test server sends them without a Cache-Control header, so in a fresh clone (whose
    files are minutes old) the browser asked for every CSS and JavaScript file again on every
    page, seven requests a page instead of one.

    It answers one request at a time when the tests' database is SQLite in memory: its
    threads then share one SQLite connection, and two queries at once deadlock (one holds
    SQLite's lock and waits for the GIL to call the Norwegian collation, the other holds the
    GIL and waits for SQLite's lock; a CI run hung so). Connections stay threaded, so a
    browser's idle keep-alive connection blocks nobody."""

    lock = threading.Lock()
    one_at_a_time = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"

    def set_app(self, application):
        def app(environ, start_response):
            if environ.get("PATH_INFO", "").startswith(settings.STATIC_URL):
                return application(environ, _kept_for_an_hour(start_response))
            if not self.one_at_a_time:
                return application(environ, start_response)
            with self.lock:
                return application(environ, start_response)

        super().set_app(app)


def _kept_for_an_hour(start_response):
    def start(status, headers, exc_info=None):
        headers = [(k, v) for k, v in headers if k.lower() != "cache-control"]
        return start_response(status, [*headers, ("Cache-Control", "max-age=3600")], exc_info)

    return start


LiveServerThread.server_class = _LiveServer


@pytest.fixture(autouse=True)
def _server_idle_before_flush(transactional_db):
    """A request the closed page left running ends before the database is emptied (the
    flush runs in this thread, on the same connection)."""
    yield
    with _LiveServer.lock:
        pass


CHROMIUM = Path(os.environ.get("SAMSPILL_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HERE = Path(__file__).resolve().parent
SCREENSHOTS = HERE / "screenshots"
AXE_JS = HERE.parents[1] / "samspill" / "static" / "vendor" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
DEFAULT_TIMEOUT_MS = 15_000


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.e2e)


def _browser_missing_reason() -> str | None:
    if not CHROMIUM.exists():
        return f"Chromium not found at {CHROMIUM} (install the Debian package 'chromium')"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package 'playwright' is not installed"
    return None


@pytest.fixture(scope="session")
def browser():
    reason = _browser_missing_reason()
    if reason:
        if os.environ.get("SAMSPILL_REQUIRE_BROWSER") == "1":
            pytest.fail(f"SAMSPILL_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def context(browser, live_server):
    context = browser.new_context(
        locale="nb-NO",
        timezone_id="Europe/Oslo",
        viewport={"width": 1280, "height": 900},
        base_url=live_server.url,
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(context):
    """A page that records JavaScript errors and Content-Security-Policy violations; the test
    fails if any happened (a blocked script or style is a bug even when nothing looks wrong)."""
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"JavaScript error: {exc}"))
    page.on(
        "console",
        lambda msg: (
            problems.append(f"console: {msg.text}")
            if msg.type == "error" and "Content Security Policy" in msg.text
            else None
        ),
    )
    yield page
    page.close()
    assert not problems, "Problems in the browser:\n" + "\n".join(problems)


# The demo as the first test of this process loaded it, to restore for the next ones: loading
# it anew costs two to three seconds a test, restoring it a fraction of one.
_demo_rows: dict[str, object] = {}


@pytest.fixture
def demo(transactional_db):
    """The demo clusters Polyfon and Alrek with their demo users (password "samspill-demo"),
    loaded by `load_demo` once per process and restored for every later test."""
    connection.ensure_connection()
    with _LiveServer.lock:
        if connection.vendor in _demo_rows:
            _restore(connection, _demo_rows[connection.vendor])
            # Kept pages are keyed by the clusters' ids and versions, which come back the same.
            cache.clear()
            return
        call_command("load_demo", verbosity=0)
        _demo_rows[connection.vendor] = _copy(connection)


def _tables(connection) -> list[str]:
    return [t for t in connection.introspection.table_names() if t != "django_migrations"]


def _copy(connection):
    """Every row of the database: a copy of the SQLite database, or PostgreSQL's tables as
    COPY text with their sequences."""
    import sqlite3

    if connection.vendor == "sqlite":
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        return copy
    with connection.cursor() as cursor:
        tables = {}
        for table in _tables(connection):
            with cursor.copy(f'COPY "{table}" TO STDOUT') as copy:
                tables[table] = b"".join(bytes(chunk) for chunk in copy)
        sequences = []
        for info in connection.introspection.sequence_list():
            table, column = info["table"], info["column"] or "id"
            cursor.execute(f'SELECT MAX("{column}") FROM "{table}"')
            (last,) = cursor.fetchone()
            if last is not None:
                sequences.append((table, column, last))
    return tables, sequences


def _restore(connection, rows) -> None:
    if connection.vendor == "sqlite":
        rows.backup(connection.connection)
        return
    tables, sequences = rows
    with connection.cursor() as cursor:
        # The flush after the last test made content types and permissions again, with other
        # ids: empty every table, and put the rows back without checking keys on the way.
        cursor.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " CASCADE")
        cursor.execute("SET session_replication_role = replica")
        try:
            for table, data in tables.items():
                if data:
                    with cursor.copy(f'COPY "{table}" FROM STDIN') as copy:
                        copy.write(data)
        finally:
            cursor.execute("SET session_replication_role = DEFAULT")
        for table, column, last in sequences:
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence(%s, %s), %s)", [f'"{table}"', column, last]
            )


DEMO_PASSWORD = "samspill-demo"
POLYFON_SECRETARIAT = "sekretariat@polyfon.example.no"


def _slug(text: str) -> str:
    return re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-").lower() or "root"


def screenshot(page, name: str | None = None) -> Path | None:
    """With SAMSPILL_SCREENSHOTS=1, save a full-page screenshot into tests/e2e/screenshots/
    (gitignored) and return its path; without a name, the page's path is used. Off by
    default: the screenshots are for a person to look at, and took a third of the browser
    tests' time in CI, where nobody does."""
    if os.environ.get("SAMSPILL_SCREENSHOTS") != "1":
        return None
    SCREENSHOTS.mkdir(exist_ok=True)
    if name is None:
        url = page.url.split("://", 1)[-1]
        name = _slug(url.split("/", 1)[-1] if "/" in url else "root")
    path = SCREENSHOTS / f"{_slug(name)}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def _format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:10]:
            target = " ".join(
                json.dumps(t) if not isinstance(t, str) else t for t in node["target"]
            )
            lines.append(f"    at {target}")
            lines.append(f"       {node['html'][:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n         ")
            if summary:
                lines.append(f"         {summary}")
        if len(v["nodes"]) > 10:
            lines.append(f"    … and {len(v['nodes']) - 10} more")
    return "\n".join(lines)


def axe_violations(page) -> list[dict]:
    """Run axe-core (WCAG 2.1 A and AA rules) on the page and return its violations.

    The site's Content-Security-Policy forbids inline scripts, so axe is not injected as a
    <script> tag: page.evaluate() runs the file's source through the DevTools protocol, which
    the page's CSP does not govern."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        """async (tags) => {
            // page.evaluate() has no timeout of its own: a run that never ends fails instead.
            const late = new Promise((_, fail) =>
                setTimeout(() => fail(new Error("axe did not finish in 60 s")), 60000));
            const r = await Promise.race(
                [axe.run(document, {runOnly: {type: "tag", values: tags}}), late]);
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({
                    target: n.target, html: n.html, failureSummary: n.failureSummary,
                })),
            }));
        }""",
        AXE_TAGS,
    )
    return result


def check_accessibility(page, name: str | None = None) -> list[dict]:
    """Screenshot the page and assert axe finds no serious or critical WCAG 2.1 A/AA violation.
    Returns the minor and moderate violations, which do not fail the test."""
    screenshot(page, name)
    violations = axe_violations(page)
    blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, (
        f"axe-core found {len(blocking)} serious or critical accessibility violation(s) on "
        f"{page.url}:\n{_format_violations(blocking)}"
    )
    return [v for v in violations if v["impact"] not in BLOCKING_IMPACTS]


def login(page, live_server, email: str, password: str = DEMO_PASSWORD) -> None:
    """Log in through the login form and wait until the site has taken us elsewhere."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.locator("form:has(input[name=password]) [type=submit]").click()
    assert "/accounts/login/" not in page.url, (
        f"login as {email} failed; still on {page.url}:\n"
        + page.locator("main").inner_text()[:1000]
    )
