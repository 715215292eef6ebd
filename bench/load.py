"""Load a production-like server with concurrent requests: what a page costs under load.

    python -m bench.load [--connections 8,32] [--duration 20] [--rebuild]

Builds (or reuses) the PostgreSQL database `samspill_load` on the server DATABASE_URL points
to, filled by `bench.generate` (by default three clusters of 1,000 organisations and 1,000
people), collects the static files into a temporary directory, starts gunicorn with the
production settings (debug off, a secret key, 5 sync workers), logs in as the secretariat of
`bench-1`, and runs wrk (`apt-get install wrk`) on the loopback interface against a mix of
public pages (anonymous) and registry pages (the secretariat's session cookie), with the
minimal page of `bench/urls.py` in the same mix. For each number of connections it prints
requests per second, p50 and p99 per page, errors, CPU time per request and the memory
(RSS) of each worker. See bench/README.md.
"""

import argparse
import json
import math
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "bench-load-password-1"  # only ever set in the load database
DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"
WARM_UP_SECONDS = 3
STALE = 3  # exit code of --prepare when the database holds other data than asked for

# The target of issue 6 at 8 connections.
TARGET_RPS = 150
TARGET_P99_MS = 250


@dataclass(frozen=True)
class LoadPage:
    name: str
    public: bool = False  # requested without the session cookie, as an anonymous visitor
    detail: str = ""  # model whose first object in bench-1 the page shows


# Equal shares of the mix; the minimal page is requested logged in, as bench.run does.
PAGES = [
    LoadPage("bench_minimal"),
    LoadPage("home", public=True),
    LoadPage("website:cluster_home", public=True),
    LoadPage("website:participants", public=True),
    LoadPage("clusters:dashboard"),
    LoadPage("clusters:organisation_list"),
    LoadPage("clusters:organisation_detail", detail="Organisation"),
    LoadPage("clusters:person_list"),
    LoadPage("clusters:person_detail", detail="Person"),
    LoadPage("clusters:membership_list"),
    LoadPage("clusters:agreement_list"),
    LoadPage("clusters:balance"),
]
MINIMAL = "bench_minimal"


# --- In the child process, with Django set up on the load database --------------------------


def prepare(scale: int, organisations: int, people: int) -> dict:
    """Migrate, generate the clusters if the database is new, and give the secretariat of
    bench-1 a password. Prints the page paths as JSON; exits STALE if other data is there."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.urls import reverse
    from django_scopes import scopes_disabled

    from bench.generate import generate
    from samspill.clusters.models import Cluster, ClusterRole, Organisation, Person

    call_command("migrate", verbosity=0)
    with scopes_disabled():
        existing = Cluster.objects.filter(slug__startswith="bench-")
        if not existing.exists():
            generate(scale, organisations=organisations, people=people)
            # Planner statistics, as autovacuum keeps them in production (it may be off on a
            # test server): without them PostgreSQL plans for empty tables.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        first = Cluster.objects.get(slug="bench-1")
        if (
            existing.count() != scale
            or Organisation.objects.filter(cluster=first).count() != organisations
            or Person.objects.filter(cluster=first).count() != people
        ):
            sys.exit(STALE)
        role = ClusterRole.objects.select_related("user").get(
            cluster=first, role=ClusterRole.Role.SECRETARIAT
        )
        user = role.user
        if not user.check_password(PASSWORD):
            user.set_password(PASSWORD)
            user.save(update_fields=["password"])
        details = {
            "Organisation": Organisation.objects.filter(cluster=first).order_by("pk").first(),
            "Person": Person.objects.filter(cluster=first).order_by("pk").first(),
        }
    paths = {}
    for page in PAGES:
        kwargs: dict = {}
        if page.name not in ("home", MINIMAL):
            kwargs["cluster"] = first.slug
        if page.detail:
            kwargs["pk"] = details[page.detail].pk
        paths[page.name] = reverse(page.name, kwargs=kwargs)
    return {"email": user.email, "paths": paths, "login": reverse("account_login")}


# --- In the parent: database, server, login, wrk -----------------------------------------------


def server_url(database: str) -> str:
    url = os.environ.get("DATABASE_URL") or DEFAULT_SERVER
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("bench.load needs PostgreSQL: set DATABASE_URL=postgres://USER@HOST:PORT/ANY")
    return urlunsplit(urlsplit(url)._replace(path=f"/{database}"))


def recreate_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def database_exists(url: str) -> bool:
    import psycopg

    parts = urlsplit(url)
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as conn:
        found = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [parts.path.lstrip("/")]
        ).fetchone()
    return found is not None


def server_env(database_url: str, static_root: str) -> dict[str, str]:
    """Production settings: no debug, a secret key, plain HTTP on the loopback interface."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_DEBUG"}
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=database_url,
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        SAMSPILL_REQUIRE_SECRET_KEY="1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_COOKIES="0",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        SAMSPILL_SECRETARIAT_2FA="0",
        SAMSPILL_STATIC_ROOT=static_root,
        SAMSPILL_TRUSTED_PROXY_COUNT="0",  # wrk reaches gunicorn directly
        SAMSPILL_LOG_LEVEL="WARNING",
    )
    return env


def run_prepare(env: dict, args) -> dict | None:
    child = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.load",
            "--prepare",
            f"--scale={args.scale}",
            f"--organisations={args.organisations}",
            f"--people={args.people}",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    if child.returncode == STALE:
        return None
    if child.returncode != 0:
        sys.exit(f"preparing the database failed (exit code {child.returncode})")
    return json.loads(child.stdout.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit("gunicorn stopped while starting; see its log above")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    sys.exit(f"gunicorn did not answer {url} within {seconds:.0f} s")


def log_in(base: str, login_path: str, email: str) -> str:
    """Log in through the login form as a browser does; returns the session cookie's value."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(base + login_path, timeout=10) as response:
        html = response.read().decode()
    marker = 'name="csrfmiddlewaretoken" value="'
    token = html[html.index(marker) + len(marker) :].split('"', 1)[0]
    data = urllib.parse.urlencode(
        {"login": email, "password": PASSWORD, "csrfmiddlewaretoken": token}
    ).encode()
    request = urllib.request.Request(base + login_path, data=data, headers={"Referer": base})
    with opener.open(request, timeout=10):
        pass
    session = next((c.value for c in jar if c.name == "sessionid"), None)
    if session is None:
        sys.exit(f"logging in as {email} failed: no session cookie")
    return session


def check_pages(base: str, paths: dict, session: str) -> dict[str, int]:
    """Each page once: it must answer 200 (a redirect to login means the session is lost)."""
    sizes = {}
    for page in PAGES:
        headers = {} if page.public else {"Cookie": f"sessionid={session}"}
        request = urllib.request.Request(base + paths[page.name], headers=headers)
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=30) as response:
                sizes[page.name] = len(response.read())
        except urllib.error.HTTPError as error:
            sys.exit(f"{page.name} ({paths[page.name]}) answered {error.code}")
    return sizes


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


LUA = r"""
-- Written by bench/load.py. One connection per thread, so request() and response()
-- alternate and the time between them is one request's latency.
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } samspill_timespec;
int clock_gettime(int clk_id, samspill_timespec *tp);
]]
local ts = ffi.new("samspill_timespec")
local function now_us()
  ffi.C.clock_gettime(1, ts)  -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000000 + tonumber(ts.tv_nsec) / 1000
end

local paths = {%(paths)s}
local public = {%(public)s}
local cookie = "sessionid=%(session)s"
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  -- Flat tables: wrk copies those between threads (nested ones it cannot).
  page_of, latency_of, status_of = {}, {}, {}
  prepared = {}
  for i, path in ipairs(paths) do
    local headers = {}
    if not public[i] then headers["Cookie"] = cookie end
    prepared[i] = wrk.format("GET", path, headers)
  end
  current = (id - 1) %% #paths
  started = 0
end

function request()
  current = current %% #paths + 1
  started = now_us()
  return prepared[current]
end

function response(status, headers, body)
  local n = #page_of + 1
  page_of[n] = current
  latency_of[n] = now_us() - started
  status_of[n] = status
end

function done(summary, latency, requests)
  local out = io.open("%(results)s", "w")
  for _, thread in ipairs(threads) do
    local pages, latencies, statuses = thread:get("page_of"), thread:get("latency_of"),
      thread:get("status_of")
    for i = 1, #pages do
      out:write(string.format("%%d %%.0f %%d\n", pages[i], latencies[i], statuses[i]))
    end
  end
  local e = summary.errors
  out:write(string.format("errors %%d %%d %%d %%d %%d\n", e.connect, e.read, e.write,
    e.timeout, e.status))
  out:close()
end
"""


def lua_script(paths: dict, session: str, results: str) -> str:
    return LUA % {
        "paths": ", ".join(json.dumps(paths[page.name]) for page in PAGES),
        "public": ", ".join("true" if page.public else "false" for page in PAGES),
        "session": session,
        "results": results,
    }


def worker_pids(master: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command may hold spaces and parentheses: fields after the last ")".
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == master:
            pids.append(int(entry.name))
    return sorted(pids)


def cpu_seconds(pids: list[int]) -> float:
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def database_pids(database: str) -> list[int]:
    """The PostgreSQL server processes serving `database` (their title names it), when the
    server runs on this machine; the workers keep their connections open."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if title.startswith("postgres: ") and f" {database} " in title:
            pids.append(int(entry.name))
    return pids


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1))
    return ordered[index]


def run_wrk(base: str, script: Path, connections: int, seconds: int) -> None:
    subprocess.run(
        [
            "wrk",
            f"--threads={connections}",
            f"--connections={connections}",
            f"--duration={seconds}s",
            "--timeout=10s",
            f"--script={script}",
            base + "/",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def measure_level(
    base: str,
    tmp: Path,
    paths: dict,
    session: str,
    master: int,
    database: str,
    connections: int,
    seconds: int,
) -> dict:
    results = tmp / f"results-{connections}.txt"
    script = tmp / f"mix-{connections}.lua"
    script.write_text(lua_script(paths, session, str(results)))
    pids, db_pids = worker_pids(master), database_pids(database)
    cpu_before, db_before = cpu_seconds(pids), cpu_seconds(db_pids)
    started = time.monotonic()
    run_wrk(base, script, connections, seconds)
    elapsed = time.monotonic() - started
    cpu = cpu_seconds(pids) - cpu_before
    db_cpu = cpu_seconds(db_pids) - db_before
    per_page: dict[str, list[float]] = {page.name: [] for page in PAGES}
    bad: dict[str, int] = {page.name: 0 for page in PAGES}
    socket_errors = {}
    for line in results.read_text().splitlines():
        fields = line.split()
        if fields[0] == "errors":
            names = ("connect", "read", "write", "timeout", "status")
            socket_errors = dict(zip(names, map(int, fields[1:]), strict=True))
            continue
        page = PAGES[int(fields[0]) - 1].name
        per_page[page].append(int(fields[1]) / 1000)
        if fields[2] != "200":
            bad[page] += 1
    every = [ms for values in per_page.values() for ms in values]
    return {
        "connections": connections,
        "seconds": seconds,
        "requests": len(every),
        "rps": len(every) / seconds,
        "p50": percentile(every, 0.5),
        "p99": percentile(every, 0.99),
        "pages": {
            name: {
                "requests": len(values),
                "p50": percentile(values, 0.5),
                "p99": percentile(values, 0.99),
                "not_200": bad[name],
            }
            for name, values in per_page.items()
        },
        "errors": sum(bad.values()) + sum(v for k, v in socket_errors.items() if k != "status"),
        "socket_errors": socket_errors,
        "cpu_ms_per_request": cpu * 1000 / max(len(every), 1),
        "cpu_share": cpu / elapsed,
        "db_cpu_ms_per_request": db_cpu * 1000 / max(len(every), 1),
        "rss_mb": [round(rss_mb(pid), 1) for pid in worker_pids(master)],
    }


def report(level: dict, sizes: dict) -> None:
    n = level["connections"]
    floor = level["pages"][MINIMAL]["p50"]
    print(f"\n### {n} connections, {level['seconds']} s\n")
    print("| page | requests | p50 ms | p99 ms | p50 ÷ minimal | KB | not 200 |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for page in PAGES:
        row = level["pages"][page.name]
        who = " (anonymous)" if page.public else ""
        print(
            f"| {page.name}{who} | {row['requests']} | {row['p50']:.1f} | {row['p99']:.1f} "
            f"| {row['p50'] / floor:.1f} | {sizes[page.name] / 1024:.0f} | {row['not_200']} |"
        )
    rss = level["rss_mb"]
    socket_errors = ", ".join(f"{k} {v}" for k, v in level["socket_errors"].items())
    print(
        f"\nall pages: {level['requests']} requests, {level['rps']:.1f} requests/s, "
        f"p50 {level['p50']:.1f} ms, p99 {level['p99']:.1f} ms, errors {level['errors']} "
        f"(socket: {socket_errors}); CPU per request {level['cpu_ms_per_request']:.1f} ms "
        f"in the workers ({level['cpu_share']:.2f} CPUs busy) and "
        f"{level['db_cpu_ms_per_request']:.1f} ms in PostgreSQL; RSS per worker "
        f"{min(rss):.0f}–{max(rss):.0f} MB (mean {statistics.mean(rss):.0f} MB, "
        f"{len(rss)} workers)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", default="8,32", help="comma-separated levels")
    parser.add_argument("--duration", type=int, default=20, help="seconds per level")
    parser.add_argument("--workers", type=int, default=5, help="gunicorn workers")
    parser.add_argument("--database", default="samspill_load", help="PostgreSQL database name")
    parser.add_argument("--scale", type=int, default=3, help="clusters in the database")
    parser.add_argument("--organisations", type=int, default=1000, help="per cluster")
    parser.add_argument("--people", type=int, default=1000, help="per cluster")
    parser.add_argument("--rebuild", action="store_true", help="build the database anew")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        print(json.dumps(prepare(args.scale, args.organisations, args.people)))
        return
    if shutil.which("wrk") is None:
        sys.exit("bench.load needs wrk: apt-get install wrk")
    levels = [int(n) for n in args.connections.split(",")]
    database_url = server_url(args.database)

    with tempfile.TemporaryDirectory(prefix="samspill-load-") as tmp_name:
        tmp = Path(tmp_name)
        env = server_env(database_url, str(tmp / "static"))
        print(f"Database {args.database} …", file=sys.stderr, flush=True)
        if args.rebuild or not database_exists(database_url):
            recreate_database(database_url)
        prepared = run_prepare(env, args)
        if prepared is None:
            print("… holds other data; building it anew", file=sys.stderr, flush=True)
            recreate_database(database_url)
            prepared = run_prepare(env, args)
        if prepared is None:
            sys.exit("the database does not match the sizes asked for after building it")
        print("Collecting static files …", file=sys.stderr, flush=True)
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity=0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = open(tmp / "gunicorn.log", "w")  # noqa: SIM115 (closed below)
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "samspill.wsgi:application",
                f"--bind=127.0.0.1:{port}",
                f"--workers={args.workers}",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            print(f"gunicorn on {base} with {args.workers} workers …", file=sys.stderr)
            wait_for(base + "/healthz", server)
            session = log_in(base, prepared["login"], prepared["email"])
            sizes = check_pages(base, prepared["paths"], session)
            # Every worker loads its templates, translations and connections first.
            warm = tmp / "warm.lua"
            warm.write_text(lua_script(prepared["paths"], session, str(tmp / "warm.txt")))
            run_wrk(base, warm, max(levels), WARM_UP_SECONDS)
            results = []
            for connections in levels:
                print(f"{connections} connections for {args.duration} s …", file=sys.stderr)
                results.append(
                    measure_level(
                        base,
                        tmp,
                        prepared["paths"],
                        session,
                        server.pid,
                        args.database,
                        connections,
                        args.duration,
                    )
                )
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
            log.close()
            if server.returncode not in (0, -signal.SIGTERM):
                print((tmp / "gunicorn.log").read_text()[-3000:], file=sys.stderr)

    cache = "Redis" if os.environ.get("REDIS_URL") else "local memory per worker"
    load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
    print(
        f"Samspill under load: gunicorn with {args.workers} sync workers, PostgreSQL "
        f"database {args.database} ({args.scale} clusters of {args.organisations} "
        f"organisations and {args.people} people), cache: {cache}; {os.cpu_count()} CPUs, "
        f"wrk on the same machine (load average {load} at the end)."
    )
    for level in results:
        report(level, sizes)
    first = results[0]
    met = first["rps"] >= TARGET_RPS and first["p99"] < TARGET_P99_MS and first["errors"] == 0
    print(
        f"\ntarget at {first['connections']} connections (≥{TARGET_RPS} requests/s, p99 < "
        f"{TARGET_P99_MS} ms, no errors): {'met' if met else 'not met'}"
    )
    if args.json:
        Path(args.json).write_text(json.dumps({"results": results, "sizes": sizes}, indent=1))


if __name__ == "__main__":
    main()
